import type { Answers, SurveyItem } from '../../../contract/outcomes.ts';

/**
 * One question per screen: a retrospective pair is asked as two screens ("before the service",
 * then "now"), both stored in the item's { before, now } answer.
 */
export type SurveyStep = { item: SurveyItem; part: 'single' | 'before' | 'now'; text: string };

export function stepsOf(items: readonly SurveyItem[]): SurveyStep[] {
  return items.flatMap((item): SurveyStep[] =>
    (item.type === 'scale' || item.type === 'ordered') && item.isRetrospective
      ? [
          { item, part: 'before', text: item.beforeText || `Before the service: ${item.text}` },
          { item, part: 'now', text: item.text },
        ]
      : [{ item, part: 'single', text: item.text }],
  );
}

type Single = number | string | null;
type StepValue = Answers[string] | undefined;

export function stepValue(answers: Answers, step: SurveyStep): StepValue {
  const value = answers[step.item.key];
  if (step.part === 'single') return value;
  const pair = (value ?? { before: null, now: null }) as { before: Single; now: Single };
  return pair[step.part];
}

export function withStepValue(answers: Answers, step: SurveyStep, value: StepValue): Answers {
  const key = step.item.key;
  if (step.part === 'single') {
    const next = { ...answers };
    if (value === undefined || value === null || value === '') delete next[key];
    else next[key] = value;
    return next;
  }
  const pair = (answers[key] ?? { before: null, now: null }) as { before: Single; now: Single };
  return { ...answers, [key]: { ...pair, [step.part]: (value ?? null) as Single } };
}
