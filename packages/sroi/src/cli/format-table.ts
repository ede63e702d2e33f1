/** Plain-text tables that fit an 80-column terminal. */

export const TERMINAL_WIDTH = 80;

/** A column: its header and whether figures align right. */
export interface Column {
  header: string;
  align?: 'left' | 'right';
}

const GAP = '  ';

/**
 * Render rows under headers. When too wide, the first column (the label) is shortened with "…",
 * because labels are the only text that can lose characters without losing meaning.
 */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  width = TERMINAL_WIDTH,
): string {
  const widths = columns.map((column, c) =>
    Math.max(column.header.length, ...rows.map((row) => (row[c] ?? '').length)),
  );
  const total = widths.reduce((sum, w) => sum + w, 0) + GAP.length * (columns.length - 1);
  if (total > width && widths[0] !== undefined) {
    widths[0] = Math.max(12, widths[0] - (total - width));
  }
  const line = (cells: readonly string[]) =>
    columns
      .map((column, c) => {
        const w = widths[c] ?? 0;
        let text = cells[c] ?? '';
        if (text.length > w) text = `${text.slice(0, Math.max(0, w - 1))}…`;
        return column.align === 'right' ? text.padStart(w) : text.padEnd(w);
      })
      .join(GAP)
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join(GAP);
  return [line(columns.map((c) => c.header)), rule, ...rows.map(line)].join('\n');
}

/** Two-column "label  value" lines, values aligned. */
export function renderPairs(pairs: readonly (readonly [string, string])[]): string {
  const w = Math.max(...pairs.map(([label]) => label.length));
  return pairs.map(([label, value]) => `${label.padEnd(w)}  ${value}`).join('\n');
}

/** Wrap a long sentence to the terminal width, indenting continuation lines. */
export function wrap(text: string, indent = '  ', width = TERMINAL_WIDTH): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (candidate.length > width - (lines.length ? indent.length : 0) && current) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines.map((l, i) => (i === 0 ? l : `${indent}${l}`)).join('\n');
}
