import type { ChainStep } from './safeguarding.table.ts';

/**
 * Safeguarding escalation (issue 6 §6), pure: what the chain is when an organisation has not set one,
 * when a concern is due to move on, and the report's time to resolve.
 */

/** Until an organisation sets its own: the site's coordinators, then the organisation's admins. */
export const defaultChain: ChainStep[] = [
  { label: 'Service coordinator', role: 'coordinator', userId: null, deadlineHours: 24 },
  { label: 'Safeguarding lead', role: 'admin', userId: null, deadlineHours: 48 },
];

const hourMs = 60 * 60 * 1000;
export const deadlineAfter = (from: Date, hours: number) => new Date(from.getTime() + hours * hourMs);

export type EscalationState = {
  status: 'open' | 'resolved';
  step: number;
  chainLength: number;
  stepDeadlineAt: Date | null;
};

export type EscalationDecision =
  | { kind: 'none' }
  | { kind: 'escalate'; toStep: number }
  /** The last step's deadline passed: nobody is left to pass it to, so the last step is told it is overdue. */
  | { kind: 'overdue' };

/** Whether a concern should move on by itself at `now`. The deadline is inclusive: due at the minute. */
export function escalationDue(state: EscalationState, now: Date): EscalationDecision {
  if (state.status !== 'open' || !state.stepDeadlineAt || state.stepDeadlineAt > now) return { kind: 'none' };
  return state.step + 1 < state.chainLength
    ? { kind: 'escalate', toStep: state.step + 1 }
    : { kind: 'overdue' };
}

/** Whether someone is one of the steps the concern has reached (and so may act on it). */
export function isReachedStep(
  chain: readonly ChainStep[],
  step: number,
  person: { userId: string; role: string },
): boolean {
  return chain
    .slice(0, step + 1)
    .some((s) => s.userId === person.userId || (s.role !== null && s.role === person.role));
}

/** Median and mean, to one decimal, of hours between raising and resolving; null with none resolved. */
export function timeToResolve(hours: readonly number[]): { median: number | null; mean: number | null } {
  if (hours.length === 0) return { median: null, mean: null };
  const sorted = [...hours].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  const mean = sorted.reduce((s, h) => s + h, 0) / sorted.length;
  const oneDecimal = (n: number) => Math.round(n * 10) / 10;
  return { median: oneDecimal(median), mean: oneDecimal(mean) };
}
