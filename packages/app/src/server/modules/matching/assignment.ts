/**
 * Minimum-cost assignment of rows to columns (rows ≤ columns): the shortest augmenting path form of
 * the Hungarian method (Jonker–Volgenant style potentials), O(rows² · columns). Each row is added in
 * turn and joined to the tree of tight edges with Dijkstra-like steps over reduced costs, so the
 * answer is exactly optimal, unlike a greedy pick.
 *
 * `cost(row, column)` is read once per cell into a flat Float64Array. Forbidden pairs should be given
 * a finite cost larger than any feasible total (Infinity would break the potentials' arithmetic).
 */
export function minimumCostAssignment(rowCount: number, columnCount: number, cost: Float64Array): Int32Array {
  if (rowCount > columnCount) throw new Error('an assignment needs at least as many columns as rows');
  if (cost.length !== rowCount * columnCount) throw new Error('the cost matrix has the wrong size');
  const n = rowCount;
  const m = columnCount;
  // 1-based with a virtual column 0, as in the classic formulation.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const rowOfColumn = new Int32Array(m + 1); // 0 = free
  const way = new Int32Array(m + 1);
  const minTo = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    rowOfColumn[0] = i;
    let j0 = 0;
    minTo.fill(Number.POSITIVE_INFINITY);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = rowOfColumn[j0] as number;
      const base = (i0 - 1) * m;
      const ui0 = u[i0] as number;
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const reduced = (cost[base + j - 1] as number) - ui0 - (v[j] as number);
        if (reduced < (minTo[j] as number)) {
          minTo[j] = reduced;
          way[j] = j0;
        }
        if ((minTo[j] as number) < delta) {
          delta = minTo[j] as number;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          const r = rowOfColumn[j] as number;
          u[r] = (u[r] as number) + delta;
          v[j] = (v[j] as number) - delta;
        } else {
          minTo[j] = (minTo[j] as number) - delta;
        }
      }
      j0 = j1;
    } while (rowOfColumn[j0] !== 0);
    do {
      const j1 = way[j0] as number;
      rowOfColumn[j0] = rowOfColumn[j1] as number;
      j0 = j1;
    } while (j0 !== 0);
  }
  const columnOfRow = new Int32Array(n).fill(-1);
  for (let j = 1; j <= m; j++) {
    const r = rowOfColumn[j] as number;
    if (r > 0) columnOfRow[r - 1] = j - 1;
  }
  return columnOfRow;
}
