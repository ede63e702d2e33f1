import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { WorkforceRole } from '../../../../contract/workforce-codes.ts';
import type { WeeklyHours, WorkforceSettings } from './settings.repository.ts';

/**
 * Progression rules of the hybrid model (source 000, appendix 1), pure and dated by `today`.
 *
 * The 18-month clocks count days in the role(s) minus days paused: someone stepping back for a while
 * keeps the progress they made and does not lose months of their time-limited role to it.
 */

export type RolePeriod = { role: WorkforceRole; startedOn: string; endedOn: string | null };
export type PausePeriod = { startedOn: string; endedOn: string | null };

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
/** Average days in a month, so 18 months is 548 days whichever months they are. */
export const daysPerMonth = 365.25 / 12;

/** Days from `from` (inclusive) to `to` (exclusive), with no day counted inside a pause. */
export function activeDays(from: string, to: string, pauses: readonly PausePeriod[]): number {
  if (to <= from) return 0;
  let days = differenceInCalendarDays(parseISO(to), parseISO(from));
  for (const p of pauses) {
    const start = p.startedOn > from ? p.startedOn : from;
    const pauseEnd = p.endedOn ?? to;
    const end = pauseEnd < to ? pauseEnd : to;
    if (end > start) days -= differenceInCalendarDays(parseISO(end), parseISO(start));
  }
  return Math.max(0, days);
}

export type ClockKind = 'volunteer' | 'paid_peer';
/** Which time-limited clock a role runs: the two volunteer roles share one. */
export function clockOf(role: WorkforceRole): ClockKind | null {
  if (role === 'new_volunteer' || role === 'intern_volunteer') return 'volunteer';
  if (role === 'paid_peer') return 'paid_peer';
  return null;
}

export type TimeLimit = {
  clock: ClockKind;
  monthsUsed: number;
  monthsMax: number;
  state: 'ok' | 'alert' | 'over';
  /** The day the limit is reached if they carry on without a pause (past when over). */
  limitOn: string;
};

/** How far a person is through the time limit of their current role, on `today`. */
export function timeLimitOf(
  currentRole: WorkforceRole,
  history: readonly RolePeriod[],
  pauses: readonly PausePeriod[],
  today: string,
  settings: Pick<WorkforceSettings, 'volunteerMonthsMax' | 'paidPeerMonthsMax' | 'alertAtMonths'>,
): TimeLimit | null {
  const clock = clockOf(currentRole);
  if (!clock) return null;
  const days = history
    .filter((h) => clockOf(h.role) === clock)
    .reduce((sum, h) => {
      const end = h.endedOn && h.endedOn < today ? h.endedOn : today;
      return sum + activeDays(h.startedOn, end, pauses);
    }, 0);
  const monthsMax = clock === 'volunteer' ? settings.volunteerMonthsMax : settings.paidPeerMonthsMax;
  const maxDays = Math.round(monthsMax * daysPerMonth);
  const alertDays = Math.round(Math.min(settings.alertAtMonths, monthsMax) * daysPerMonth);
  const monthsUsed = Math.floor((days / daysPerMonth) * 10) / 10;
  return {
    clock,
    monthsUsed,
    monthsMax,
    state: days >= maxDays ? 'over' : days >= alertDays ? 'alert' : 'ok',
    limitOn: iso(addDays(parseISO(today), maxDays - days)),
  };
}

export type InternReadiness = { isReady: boolean; missing: string[] };

/** A new volunteer becomes an intern only after the required training and enough shadowing. */
export function internReadiness(
  progress: { completedCourseIds: readonly string[]; approvedShadowingSessions: number },
  settings: Pick<WorkforceSettings, 'requiredCourseIds' | 'shadowingSessionsToIntern'>,
  courseTitles: ReadonlyMap<string, string> = new Map(),
): InternReadiness {
  const missing: string[] = [];
  for (const id of settings.requiredCourseIds)
    if (!progress.completedCourseIds.includes(id))
      missing.push(`Complete the required course “${courseTitles.get(id) ?? 'required training'}”.`);
  const short = settings.shadowingSessionsToIntern - progress.approvedShadowingSessions;
  if (short > 0)
    missing.push(
      `Shadow ${short} more session${short === 1 ? '' : 's'} (${progress.approvedShadowingSessions} of ${settings.shadowingSessionsToIntern} approved).`,
    );
  return { isReady: missing.length === 0, missing };
}

/** Why a role change is refused, or null when it may go ahead. */
export function roleChangeRefusal(
  from: WorkforceRole,
  to: WorkforceRole,
  readiness: InternReadiness,
): string | null {
  if (from === to) return 'They already hold that role.';
  if (to === 'intern_volunteer' && from === 'new_volunteer' && !readiness.isReady)
    return `Not ready to become an intern: ${readiness.missing.join(' ')}`;
  return null;
}

export type HoursAgainstExpected = {
  expected: WeeklyHours | null;
  /** Average approved hours a week over the window. */
  averageWeekly: number;
  state: 'no_expectation' | 'below' | 'within' | 'above';
};

/** Approved hours over the last `weeks` weeks against the role's expected hours a week. */
export function hoursAgainstExpected(
  role: WorkforceRole,
  approvedMinutesInWindow: number,
  weeks: number,
  settings: Pick<WorkforceSettings, 'expectedWeeklyHours'>,
): HoursAgainstExpected {
  const expected = settings.expectedWeeklyHours[role] ?? null;
  const averageWeekly = Math.round((approvedMinutesInWindow / 60 / weeks) * 10) / 10;
  if (!expected) return { expected: null, averageWeekly, state: 'no_expectation' };
  const state = averageWeekly < expected.min ? 'below' : averageWeekly > expected.max ? 'above' : 'within';
  return { expected, averageWeekly, state };
}

/** When supervision is next due, and whether it is overdue (never while paused). */
export function supervisionDue(
  lastHeldOn: string | null,
  activeSince: string,
  everyDays: number,
  today: string,
  isPaused: boolean,
): { dueOn: string; isOverdue: boolean } {
  const dueOn = iso(addDays(parseISO(lastHeldOn ?? activeSince), everyDays));
  return { dueOn, isOverdue: !isPaused && dueOn < today };
}
