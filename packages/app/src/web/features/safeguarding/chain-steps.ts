import type { Role } from '../../../contract/roles.ts';

/** One step as the form holds it: who is a role at the concern's site or one named person. */
export type ChainStepValues = {
  /** Stable across moves, so React keeps each row's inputs (and focus) with its step. */
  key: string;
  label: string;
  who: 'role' | 'person';
  role: Role | '';
  userId: string;
  /** As typed; whole hours. */
  deadlineHours: string;
};

export type ChainStepBody = {
  label: string;
  role: Role | null;
  userId: string | null;
  deadlineHours: number;
};

export const maxChainSteps = 6;

/** Moves the step at `from` one place up (-1) or down (+1); out of range leaves the list as it was. */
export function moveStep<T>(steps: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (from < 0 || from >= steps.length || to < 0 || to >= steps.length) return [...steps];
  const next = [...steps];
  const [moved] = next.splice(from, 1) as [T];
  next.splice(to, 0, moved);
  return next;
}

export function removeStep<T>(steps: readonly T[], at: number): T[] {
  return steps.filter((_, i) => i !== at);
}

export function stepValuesOf(
  step: { label: string; role: Role | null; userId: string | null; deadlineHours: number },
  key: string,
): ChainStepValues {
  return {
    key,
    label: step.label,
    who: step.userId ? 'person' : 'role',
    role: step.role ?? '',
    userId: step.userId ?? '',
    deadlineHours: String(step.deadlineHours),
  };
}

/** A step names a role or a person, never both: the one not chosen is sent as null. */
export function chainRequestBody(steps: readonly ChainStepValues[]): { steps: ChainStepBody[] } {
  return {
    steps: steps.map((s) => ({
      label: s.label.trim(),
      role: s.who === 'role' && s.role ? s.role : null,
      userId: s.who === 'person' && s.userId ? s.userId : null,
      deadlineHours: Number(s.deadlineHours),
    })),
  };
}

export type StepField = 'label' | 'role' | 'userId' | 'deadlineHours';

/** Problems per step, keyed like the server's details (`steps.0.label`). */
export function chainProblems(steps: readonly ChainStepValues[]): Record<string, string> {
  const problems: Record<string, string> = {};
  if (steps.length === 0) problems.steps = 'A chain needs at least one step.';
  if (steps.length > maxChainSteps) problems.steps = `Use at most ${maxChainSteps} steps.`;
  steps.forEach((s, i) => {
    if (!s.label.trim()) problems[`steps.${i}.label`] = `Name step ${i + 1}, like “Safeguarding lead”.`;
    if (s.who === 'role' && !s.role) problems[`steps.${i}.role`] = `Choose the role for step ${i + 1}.`;
    if (s.who === 'person' && !s.userId)
      problems[`steps.${i}.userId`] = `Choose the person for step ${i + 1}.`;
    const hours = s.deadlineHours.trim();
    if (!/^\d+$/.test(hours) || Number(hours) < 1 || Number(hours) > 720)
      problems[`steps.${i}.deadlineHours`] = `Give step ${i + 1} a deadline of 1 to 720 whole hours.`;
  });
  return problems;
}

/** The id of the input for one step's field, so a summary link can focus it. */
export const stepFieldId = (key: string, field: StepField) => `chain-${key}-${field}`;
