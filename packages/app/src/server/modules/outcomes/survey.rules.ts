import {
  type Answers,
  contributionAnswerKeys,
  counterfactualAnswerKeys,
  type InstrumentContent,
  type SurveyItem,
} from '../../../contract/outcomes.ts';
import type { ErrorDetail } from '../../http/app-error.ts';
import type { IndicatorItem } from './indicator-analysis.rules.ts';

/**
 * Pure rules for instruments and answers: what makes an instrument coherent, what answer each item
 * accepts, and the compact per-indicator rows written when a survey is submitted.
 */

export type IndicatorDef = Extract<SurveyItem, { type: 'scale' | 'ordered' }>;
export const isIndicator = (item: SurveyItem): item is IndicatorDef =>
  item.type === 'scale' || item.type === 'ordered';

const duplicates = (values: readonly string[]) => values.filter((v, i) => values.indexOf(v) !== i);

/** Problems the item schema cannot see: keys unique, answers unique, links naming real indicators. */
export function instrumentProblems(content: InstrumentContent): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const keys = content.items.map((i) => i.key);
  const indicatorKeys = new Set(content.items.filter(isIndicator).map((i) => i.key));
  content.items.forEach((item, index) => {
    const path = `content.items.${index}`;
    if (keys.indexOf(item.key) !== index)
      problems.push({
        field: `${path}.key`,
        message: `Give each question its own key; “${item.key}” is used twice.`,
      });
    const answersOf =
      item.type === 'ordered'
        ? [...item.ranks, ...item.unranked]
        : item.type === 'single_choice' || item.type === 'multiple_choice'
          ? item.options
          : [];
    for (const d of new Set(duplicates(answersOf)))
      problems.push({ field: path, message: `List each answer once; “${d}” appears twice.` });
    if (item.type === 'attribution' || item.type === 'counterfactual')
      item.indicatorKeys.forEach((k, i) => {
        if (!indicatorKeys.has(k))
          problems.push({
            field: `${path}.indicatorKeys.${i}`,
            message: `Name a 0–10 or ordered question of this instrument; “${k}” is not one.`,
          });
      });
  });
  return problems;
}

/** The indicator in the analysis's own terms. */
export function analysisItemOf(item: IndicatorDef): IndicatorItem {
  return item.type === 'scale'
    ? { kind: 'scale', min: item.min, max: item.max, isReverseKeyed: item.isReverseKeyed }
    : { kind: 'ordered', ranks: item.ranks };
}

type Single = number | string | null;

function singleProblem(item: IndicatorDef, value: unknown): string | null {
  if (value === null) return null;
  if (item.type === 'scale')
    return typeof value === 'number' && Number.isInteger(value) && value >= item.min && value <= item.max
      ? null
      : `Choose a whole number from ${item.min} to ${item.max}.`;
  return typeof value === 'string' && (item.ranks.includes(value) || item.unranked.includes(value))
    ? null
    : 'Choose one of the answers listed.';
}

function answerProblem(item: SurveyItem, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (item.type) {
    case 'scale':
    case 'ordered': {
      if (!item.isRetrospective) return singleProblem(item, value);
      if (typeof value !== 'object' || Array.isArray(value) || value === null)
        return 'Answer both “now” and “before the service” as { before, now }.';
      const pair = value as { before: Single; now: Single };
      return singleProblem(item, pair.before) ?? singleProblem(item, pair.now);
    }
    case 'single_choice':
      return typeof value === 'string' && item.options.includes(value) ? null : 'Choose one of the options.';
    case 'multiple_choice':
      return Array.isArray(value) &&
        value.every((v) => item.options.includes(v)) &&
        duplicates(value).length === 0
        ? null
        : 'Choose options from the list, each once.';
    case 'yes_no':
      return typeof value === 'boolean' ? null : 'Answer yes (true) or no (false).';
    case 'number':
      return typeof value === 'number' &&
        Number.isFinite(value) &&
        value >= item.min &&
        value <= item.max &&
        (!item.isWhole || Number.isInteger(value))
        ? null
        : `Enter a ${item.isWhole ? 'whole ' : ''}number from ${item.min} to ${item.max}.`;
    case 'free_text':
      return typeof value === 'string' && value.length <= item.maxLength
        ? null
        : `Write at most ${item.maxLength} characters.`;
    case 'attribution':
      return typeof value === 'string' && (contributionAnswerKeys as readonly string[]).includes(value)
        ? null
        : 'Choose one of the answers listed.';
    case 'counterfactual':
      return typeof value === 'string' && (counterfactualAnswerKeys as readonly string[]).includes(value)
        ? null
        : 'Choose one of the answers listed.';
  }
}

const isAnswered = (item: SurveyItem, value: unknown) => {
  if (value === null || value === undefined || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isIndicator(item) && item.isRetrospective) {
    const pair = value as { before: Single; now: Single };
    return pair.before !== null && pair.now !== null;
  }
  return true;
};

/** Every problem with a set of answers; on submission, required questions must be answered. */
export function answerProblems(
  content: InstrumentContent,
  answers: Answers,
  { isSubmitting }: { isSubmitting: boolean },
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const byKey = new Map(content.items.map((i) => [i.key, i]));
  for (const key of Object.keys(answers)) {
    const item = byKey.get(key);
    if (!item) {
      problems.push({ field: `answers.${key}`, message: 'Answer only the questions of this survey.' });
      continue;
    }
    const problem = answerProblem(item, answers[key]);
    if (problem) problems.push({ field: `answers.${key}`, message: problem });
  }
  if (isSubmitting)
    for (const item of content.items)
      if (item.isRequired && !isAnswered(item, answers[item.key]))
        problems.push({ field: `answers.${item.key}`, message: 'Answer this question before submitting.' });
  return problems;
}

export type IndicatorAnswerRow = {
  indicatorKey: string;
  beforeAnswer: string | null;
  nowAnswer: string | null;
  nowNumber: number | null;
  contribution: string | null;
  counterfactual: string | null;
};

const asText = (v: Single | undefined) => (v === null || v === undefined ? null : String(v));

/** The rows the analysis reads, one per indicator of a submitted survey. */
export function indicatorAnswerRows(content: InstrumentContent, answers: Answers): IndicatorAnswerRow[] {
  const contributionFor = new Map<string, string>();
  let counterfactualAll: string | null = null;
  const counterfactualFor = new Map<string, string>();
  for (const item of content.items) {
    const value = answers[item.key];
    if (typeof value !== 'string') continue;
    if (item.type === 'attribution') for (const k of item.indicatorKeys) contributionFor.set(k, value);
    if (item.type === 'counterfactual') {
      if (item.indicatorKeys.length === 0) counterfactualAll = value;
      for (const k of item.indicatorKeys) counterfactualFor.set(k, value);
    }
  }
  return content.items.filter(isIndicator).map((item) => {
    const value = answers[item.key];
    const pair =
      item.isRetrospective && value && typeof value === 'object' && !Array.isArray(value)
        ? (value as { before: Single; now: Single })
        : { before: null, now: (value ?? null) as Single };
    return {
      indicatorKey: item.key,
      beforeAnswer: asText(pair.before),
      nowAnswer: asText(pair.now),
      nowNumber: typeof pair.now === 'number' ? pair.now : null,
      contribution: contributionFor.get(item.key) ?? null,
      counterfactual: counterfactualFor.get(item.key) ?? counterfactualAll,
    };
  });
}

/** A stored answer back as the item's value: scale answers are numbers, others text. */
export function storedAnswer(item: IndicatorDef, text: string | null): number | string | null {
  if (text === null) return null;
  if (item.type === 'scale') {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  return text;
}

/** The deadweight mapping that applies to an indicator: its own counterfactual question's, or the instrument-wide one. */
export function deadweightMappingFor(content: InstrumentContent, indicatorKey: string) {
  const items = content.items.filter(
    (i): i is Extract<SurveyItem, { type: 'counterfactual' }> => i.type === 'counterfactual',
  );
  return (
    items.find((i) => i.indicatorKeys.includes(indicatorKey)) ??
    items.find((i) => i.indicatorKeys.length === 0)
  )?.deadweightMapping;
}
