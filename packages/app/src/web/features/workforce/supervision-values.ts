/** Form logic for the records private to a person and their supervisor, and for lone working. */

export type SupervisionValues = { heldOn: string; notes: string; agreedActions: string };

export function supervisionProblems(
  values: SupervisionValues,
  today: string,
): Partial<Record<keyof SupervisionValues, string>> {
  const problems: Partial<Record<keyof SupervisionValues, string>> = {};
  if (!values.heldOn) problems.heldOn = 'Enter the date the session was held.';
  else if (values.heldOn > today) problems.heldOn = 'Record a session that has taken place.';
  if (!values.notes.trim()) problems.notes = 'Write a note of the session.';
  else if (values.notes.trim().length > 10_000)
    problems.notes = 'Keep the note to 10,000 characters or fewer.';
  if (values.agreedActions.trim().length > 2_000)
    problems.agreedActions = 'Keep the agreed actions to 2,000 characters or fewer.';
  return problems;
}

export function supervisionBody(values: SupervisionValues): {
  heldOn: string;
  notes: string;
  agreedActions?: string;
} {
  const agreedActions = values.agreedActions.trim();
  return { heldOn: values.heldOn, notes: values.notes.trim(), ...(agreedActions ? { agreedActions } : {}) };
}

export const wellbeingPlanFields = ['earlySigns', 'whatHelps', 'steppingBack', 'whoToContact'] as const;
export type WellbeingPlanField = (typeof wellbeingPlanFields)[number];
export type WellbeingPlanValues = Record<WellbeingPlanField, string>;

export const wellbeingPlanLabels: Record<WellbeingPlanField, { label: string; description: string }> = {
  earlySigns: {
    label: 'Early signs that things are getting harder',
    description: 'What they, or others, might notice first.',
  },
  whatHelps: { label: 'What helps', description: 'Things that keep them well at work and outside it.' },
  steppingBack: {
    label: 'Stepping back',
    description: 'How they can step back from cases or pause without losing their place.',
  },
  whoToContact: { label: 'Who to contact', description: 'People or services to call on, and when.' },
};

export function wellbeingPlanValuesOf(
  plan: Partial<Record<WellbeingPlanField, string | null>>,
): WellbeingPlanValues {
  return {
    earlySigns: plan.earlySigns ?? '',
    whatHelps: plan.whatHelps ?? '',
    steppingBack: plan.steppingBack ?? '',
    whoToContact: plan.whoToContact ?? '',
  };
}

export function wellbeingPlanProblems(
  values: WellbeingPlanValues,
): Partial<Record<WellbeingPlanField, string>> {
  const problems: Partial<Record<WellbeingPlanField, string>> = {};
  for (const field of wellbeingPlanFields)
    if (values[field].trim().length > 4_000) problems[field] = 'Keep this to 4,000 characters or fewer.';
  return problems;
}

/** Blank answers are sent as null: the plan may be filled in a part at a time. */
export function wellbeingPlanBody(values: WellbeingPlanValues): Record<WellbeingPlanField, string | null> {
  const body = {} as Record<WellbeingPlanField, string | null>;
  for (const field of wellbeingPlanFields) body[field] = values[field].trim() || null;
  return body;
}

export type LoneWorkingValues = { isPermitted: 'yes' | 'no' | ''; reason: string };

export function loneWorkingProblems(
  values: LoneWorkingValues,
): Partial<Record<keyof LoneWorkingValues, string>> {
  const problems: Partial<Record<keyof LoneWorkingValues, string>> = {};
  if (!values.isPermitted) problems.isPermitted = 'Choose whether they may work alone.';
  if (!values.reason.trim()) problems.reason = 'Say why: lone working needs a recorded reason either way.';
  else if (values.reason.trim().length > 500) problems.reason = 'Keep the reason to 500 characters or fewer.';
  return problems;
}

export function loneWorkingBody(values: LoneWorkingValues): { isPermitted: boolean; reason: string } {
  return { isPermitted: values.isPermitted === 'yes', reason: values.reason.trim() };
}
