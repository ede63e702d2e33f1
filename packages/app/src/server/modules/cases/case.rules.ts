import type { CaseStatus, DischargeReason, Engagement } from '../../../contract/case-codes.ts';
import type { Role } from '../../../contract/roles.ts';

/**
 * The life of a case, as pure functions: every state change is an explicit action, checked here and
 * nowhere else. Dates are calendar dates (yyyy-mm-dd), which compare correctly as strings.
 *
 *   referred ──engage──► active ◄──reactivate── stepped_down
 *      │                   │ └──────step_down──────►  │
 *   decline           discharge (from referred, active or stepped_down)
 *      ▼                   ▼
 *   declined ──reopen──► referred        discharged ──reopen (coordinator only)──► active | referred
 *      └──discharge──► discharged (engagement stays "declined")
 */

export const caseActions = [
  'allocate',
  'engage',
  'decline',
  'step_down',
  'reactivate',
  'discharge',
  'reopen',
] as const;
export type CaseAction = (typeof caseActions)[number];

export type CaseState = {
  status: CaseStatus;
  engagement: Engagement;
  referredOn: string;
  dischargedOn: string | null;
  dischargeReason: DischargeReason | null;
  /** The latest contact's date, made or attempted, or null. */
  lastContactOn: string | null;
};

export type ActionInput =
  | { action: Exclude<CaseAction, 'discharge'> }
  | { action: 'discharge'; dischargedOn: string; reason: DischargeReason };

/** Why a change was refused: the field at fault and what to do instead. */
export type Refusal = { field: string; message: string };

export type ActionResult =
  | { ok: true; next: CaseState; isSteppingDown: boolean }
  | { ok: false; refusal: Refusal };

export type ActionContext = { role: Role; today: string };

const open: readonly CaseStatus[] = ['referred', 'active', 'stepped_down'];
/** A declined case is still on the books until it is discharged (peers keep trying for a while). */
const dischargeable: readonly CaseStatus[] = [...open, 'declined'];

const refuse = (field: string, message: string): ActionResult => ({ ok: false, refusal: { field, message } });

/** Applies one action to a case, or says why it may not happen. */
export function applyCaseAction(
  state: CaseState,
  input: ActionInput,
  { role, today }: ActionContext,
): ActionResult {
  const done = (next: Partial<CaseState>, isSteppingDown = false): ActionResult => ({
    ok: true,
    next: { ...state, ...next },
    isSteppingDown,
  });
  switch (input.action) {
    case 'allocate':
      if (!open.includes(state.status))
        return refuse('status', 'This case is closed. Reopen it before allocating a worker.');
      return done({});
    case 'engage':
      if (state.status !== 'referred')
        return refuse(
          'status',
          'Only a referral that has not yet engaged or declined can be marked engaged.',
        );
      return done({ status: 'active', engagement: 'engaged' });
    case 'decline':
      if (state.status !== 'referred')
        return refuse(
          'status',
          'Only a referral that has not yet engaged can be marked declined. Discharge an engaged case instead.',
        );
      return done({ status: 'declined', engagement: 'declined' });
    case 'step_down':
      if (state.status !== 'active')
        return refuse('status', 'Only a case in full support can move to step-down.');
      return done({ status: 'stepped_down' }, true);
    case 'reactivate':
      if (state.status !== 'stepped_down')
        return refuse('status', 'Only a case in step-down can go back to full support.');
      return done({ status: 'active' });
    case 'discharge': {
      if (!dischargeable.includes(state.status)) return refuse('status', 'This case is already discharged.');
      const problem = dischargeDateProblem(state, input.dischargedOn, today);
      if (problem) return { ok: false, refusal: problem };
      return done({ status: 'discharged', dischargedOn: input.dischargedOn, dischargeReason: input.reason });
    }
    case 'reopen':
      if (state.status === 'declined') return done({ status: 'referred', engagement: 'no_data' });
      if (state.status === 'discharged') {
        if (role !== 'coordinator')
          return refuse('status', 'Only a service coordinator can reopen a discharged case.');
        return done({
          status: state.engagement === 'engaged' ? 'active' : 'referred',
          dischargedOn: null,
          dischargeReason: null,
        });
      }
      return refuse('status', 'This case is open already.');
  }
}

/** The actions a person in this role could take on the case now (what the case page offers). */
export function availableCaseActions(state: CaseState, context: ActionContext): CaseAction[] {
  const probe = (action: CaseAction): ActionInput =>
    action === 'discharge'
      ? { action, dischargedOn: maxDate(context.today, state.referredOn), reason: 'other' }
      : { action };
  return caseActions.filter((action) => {
    if (action === 'discharge') return dischargeable.includes(state.status);
    return applyCaseAction(state, probe(action), context).ok;
  });
}

/** A discharge date must fall between the referral (and the latest contact) and today. */
export function dischargeDateProblem(
  state: Pick<CaseState, 'referredOn' | 'lastContactOn'>,
  dischargedOn: string,
  today: string,
): Refusal | null {
  if (dischargedOn < state.referredOn)
    return {
      field: 'dischargedOn',
      message: `Enter a discharge date on or after the referral date (${ukLongDate(state.referredOn)}).`,
    };
  if (state.lastContactOn && dischargedOn < state.lastContactOn)
    return {
      field: 'dischargedOn',
      message: `Enter a discharge date on or after the last contact (${ukLongDate(state.lastContactOn)}).`,
    };
  if (dischargedOn > today)
    return { field: 'dischargedOn', message: 'Enter a discharge date that is not in the future.' };
  return null;
}

/** A contact must fall between the referral and the discharge (if any), and not in the future. */
export function contactDateProblem(
  state: Pick<CaseState, 'referredOn' | 'dischargedOn'>,
  contactedOn: string,
  today: string,
): Refusal | null {
  if (contactedOn < state.referredOn)
    return {
      field: 'contactedOn',
      message: `Enter a contact date on or after the referral date (${ukLongDate(state.referredOn)}).`,
    };
  if (state.dischargedOn && contactedOn > state.dischargedOn)
    return {
      field: 'contactedOn',
      message: `Enter a contact date on or before the discharge date (${ukLongDate(state.dischargedOn)}), or reopen the case.`,
    };
  if (contactedOn > today)
    return { field: 'contactedOn', message: 'Enter a contact date that is not in the future.' };
  return null;
}

/**
 * A case in step-down is closed automatically once it has had no contact for `months` since the later
 * of entering step-down and its last contact.
 */
export function isDueForAutomaticClose(
  state: { status: CaseStatus; steppedDownAt: Date | null; lastContactAt: Date | null },
  now: Date,
  months: number,
): boolean {
  if (state.status !== 'stepped_down' || !state.steppedDownAt) return false;
  const since =
    state.lastContactAt && state.lastContactAt > state.steppedDownAt
      ? state.lastContactAt
      : state.steppedDownAt;
  return addMonths(since, months) <= now;
}

/** Calendar months, clamped to the month's end (31 October + 4 months = 28/29 February). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

const maxDate = (a: string, b: string) => (a > b ? a : b);

/** "6 August 2018": how people read a date in a message. */
export function ukLongDate(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
