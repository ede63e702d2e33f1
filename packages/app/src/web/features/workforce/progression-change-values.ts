import type { StatusChangeBody } from '../../../contract/workforce.ts';
import type { LeftDestination, WorkforceRole, WorkforceStatus } from '../../../contract/workforce-codes.ts';

export type StatusAction = StatusChangeBody['action'];

/** Which changes each status allows (the same table as the server's people.service.ts). */
const actionsFrom: Record<WorkforceStatus, StatusAction[]> = {
  applicant: ['activate', 'leave'],
  in_training: ['activate', 'pause', 'leave'],
  active: ['pause', 'leave'],
  paused: ['resume', 'leave'],
  left: [],
};

export function statusActionsFor(status: WorkforceStatus): StatusAction[] {
  return actionsFrom[status];
}

export const statusActionLabels: Record<StatusAction, string> = {
  activate: 'Make active',
  pause: 'Pause',
  resume: 'Resume',
  leave: 'Record that they have left',
};

/** What each change means for the person, shown beside the choice. */
export const statusActionHints: Record<StatusAction, string> = {
  activate: 'They finished training or their application was accepted.',
  pause:
    'For a break, such as time for their own wellbeing. Their role, training, hours and checks are kept, and the time limit stops until they resume.',
  resume: 'They come back to the status they had before the pause, with their progress as it was.',
  leave: 'They stop volunteering or working with the service. Record where they went.',
};

export type StatusChangeValues = {
  action: StatusAction | '';
  on: string;
  destination: LeftDestination | '';
  reason: string;
};

export function statusChangeProblems(
  values: StatusChangeValues,
  today: string,
): Partial<Record<keyof StatusChangeValues, string>> {
  const problems: Partial<Record<keyof StatusChangeValues, string>> = {};
  if (!values.action) problems.action = 'Choose what has changed.';
  if (!values.on) problems.on = 'Enter the date it happened.';
  else if (values.on > today) problems.on = 'Enter a date that is not in the future.';
  if (values.action === 'leave' && !values.destination)
    problems.destination = 'Choose where they went, or “Other”.';
  if (values.reason.trim().length > 500) problems.reason = 'Keep the reason to 500 characters or fewer.';
  return problems;
}

/** The body for POST /api/workforce/:id/status; call after statusChangeProblems finds nothing. */
export function statusChangeBody(values: StatusChangeValues): StatusChangeBody {
  if (values.action === 'leave') {
    const reason = values.reason.trim();
    return {
      action: 'leave',
      on: values.on,
      destination: values.destination || 'other',
      ...(reason ? { reason } : {}),
    };
  }
  return { action: values.action || 'pause', on: values.on };
}

export type RoleChangeValues = { role: WorkforceRole | ''; startedOn: string; note: string };

export function roleChangeProblems(
  values: RoleChangeValues,
  { today, currentRole }: { today: string; currentRole: WorkforceRole },
): Partial<Record<keyof RoleChangeValues, string>> {
  const problems: Partial<Record<keyof RoleChangeValues, string>> = {};
  if (!values.role) problems.role = 'Choose the new role.';
  else if (values.role === currentRole) problems.role = 'Choose a role different from the one they hold.';
  if (!values.startedOn) problems.startedOn = 'Enter the date the new role starts.';
  else if (values.startedOn > today) problems.startedOn = 'Enter a date that is not in the future.';
  if (values.note.trim().length > 500) problems.note = 'Keep the note to 500 characters or fewer.';
  return problems;
}

export function roleChangeBody(values: RoleChangeValues): {
  role: WorkforceRole;
  startedOn: string;
  note?: string;
} {
  const note = values.note.trim();
  return {
    role: values.role || 'new_volunteer',
    startedOn: values.startedOn,
    ...(note ? { note } : {}),
  };
}
