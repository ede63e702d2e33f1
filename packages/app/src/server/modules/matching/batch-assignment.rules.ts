import { minimumCostAssignment } from './assignment.ts';
import {
  defaultMatchWeights,
  freePlaces,
  hardBlockers,
  type MatchCandidate,
  type MatchCase,
  type MatchWeights,
  softScore,
} from './matching.rules.ts';

export type ProposedPlacement = { caseId: string; peerId: string; score: number; reasons: string[] };
export type BatchProposal = {
  placements: ProposedPlacement[];
  /** Referrals no eligible peer had room for, left for the coordinator. */
  unplacedCaseIds: string[];
  /** Why each unplaced referral was left, in plain words for the coordinator. */
  unplacedReasons: Record<string, string>;
  totalScore: number;
};

export const unplacedBecause = {
  noEligiblePeer:
    'No peer may take this case now: each is ruled out by their checks, caseload, complexity level or the client’s preferences.',
  placesTaken:
    'The peers who could take this case have no free places left after the other placements in this proposal.',
} as const;

/**
 * The best set of placements for many referrals at once (issue 6 §8): the largest total score with no
 * peer over their free places and no hard constraint broken. Each peer's free places become that many
 * identical columns; each referral also has its own "not placed" column at cost 0, so a referral may
 * stay unplaced; pairs that break a hard constraint cost more than any feasible total and so are never
 * chosen. The assignment is solved exactly (see assignment.ts), not greedily.
 */
export function proposeBatchAssignment(
  referrals: readonly MatchCase[],
  candidates: readonly MatchCandidate[],
  weights: MatchWeights = defaultMatchWeights,
): BatchProposal {
  const n = referrals.length;
  if (n === 0) return { placements: [], unplacedCaseIds: [], unplacedReasons: {}, totalScore: 0 };
  // Score every feasible pair once; a peer needs no more columns than the referrals they may take.
  const scored = referrals.map(() => new Map<number, { score: number; reasons: string[] }>());
  const takers = new Array<number>(candidates.length).fill(0);
  referrals.forEach((r, i) => {
    candidates.forEach((c, p) => {
      if (hardBlockers(r, c).length > 0) return;
      scored[i]?.set(p, softScore(r, c, weights));
      takers[p] = (takers[p] ?? 0) + 1;
    });
  });
  const slotPeer: number[] = [];
  candidates.forEach((c, p) => {
    const slots = Math.min(freePlaces(c), takers[p] ?? 0);
    for (let s = 0; s < slots; s++) slotPeer.push(p);
  });
  const columns = slotPeer.length + n;
  const maxScore = weights.livedExperience + weights.area + weights.language + weights.capacity;
  const forbidden = (n + 1) * (maxScore + 1) * 4;
  const cost = new Float64Array(n * columns);
  for (let i = 0; i < n; i++) {
    const row = scored[i] as Map<number, { score: number }>;
    const base = i * columns;
    for (let j = 0; j < slotPeer.length; j++) {
      const pair = row.get(slotPeer[j] as number);
      cost[base + j] = pair ? -pair.score : forbidden;
    }
    // Column slotPeer.length + k is referral k's own "not placed"; others' are forbidden to it.
    for (let k = 0; k < n; k++) cost[base + slotPeer.length + k] = k === i ? 0 : forbidden;
  }
  const columnOfRow = minimumCostAssignment(n, columns, cost);
  const placements: ProposedPlacement[] = [];
  const unplacedCaseIds: string[] = [];
  const unplacedReasons: Record<string, string> = {};
  let totalScore = 0;
  referrals.forEach((r, i) => {
    const column = columnOfRow[i] as number;
    const peer = column < slotPeer.length ? (slotPeer[column] as number) : -1;
    const pair = peer >= 0 ? scored[i]?.get(peer) : undefined;
    const candidate = peer >= 0 ? candidates[peer] : undefined;
    if (!pair || !candidate) {
      unplacedCaseIds.push(r.id);
      unplacedReasons[r.id] =
        scored[i]?.size === 0 ? unplacedBecause.noEligiblePeer : unplacedBecause.placesTaken;
      return;
    }
    placements.push({ caseId: r.id, peerId: candidate.peerId, ...pair });
    totalScore += pair.score;
  });
  return { placements, unplacedCaseIds, unplacedReasons, totalScore: Math.round(totalScore * 100) / 100 };
}
