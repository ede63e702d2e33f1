import {
  type counterfactualAnswerKeys,
  type InstrumentContent,
  instrumentContent,
  type SurveyItem,
  type SurveyItemInput,
} from '../../../contract/outcomes.ts';
import { isApiError } from '../../lib/api-client.ts';

/**
 * The instrument editor's form: one flat draft per question, whatever its type, so changing a
 * question's type keeps what was typed; converted to the contract's item (only that type's fields)
 * when saved. Answer lists are edited one per line; shares as percentages.
 */

export type ItemType = SurveyItem['type'];
export type CounterfactualAnswer = (typeof counterfactualAnswerKeys)[number];
/** A number input's value: a number, or '' when empty. */
export type NumberValue = number | string;

export const itemTypeLabels: Record<ItemType, string> = {
  scale: '0 to 10 scale',
  ordered: 'Ordered categories',
  single_choice: 'Single choice',
  multiple_choice: 'Multiple choice',
  yes_no: 'Yes or no',
  number: 'Number',
  free_text: 'Free text',
  attribution: 'Contribution of the service (attribution)',
  counterfactual: 'Without the service (counterfactual, for deadweight)',
};
export const itemTypes = Object.keys(itemTypeLabels) as ItemType[];

export type ItemDraft = {
  /** Only for the page (React keys, element ids); never sent. */
  uid: string;
  type: ItemType;
  key: string;
  text: string;
  help: string;
  isRequired: boolean;
  isRetrospective: boolean;
  beforeText: string;
  minLabel: string;
  maxLabel: string;
  isReverseKeyed: boolean;
  outcomeArea: string;
  /** Ordered categories, worst first, one per line. */
  ranks: string;
  /** Answers outside the ranks ("I would prefer not to say"), one per line. */
  unranked: string;
  /** Single or multiple choice, one per line. */
  options: string;
  min: NumberValue;
  max: NumberValue;
  isWhole: boolean;
  maxLength: NumberValue;
  indicatorKeys: string[];
  /** Percentages, 0–100. */
  deadweightMapping: Record<CounterfactualAnswer, NumberValue>;
};

export type InstrumentDraft = {
  name: string;
  introduction: string;
  citation: string;
  items: ItemDraft[];
};

let uidCounter = 0;
export const freshUid = () => `q${Date.now().toString(36)}${(uidCounter++).toString(36)}`;

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
const percent = (share: number) => Number((share * 100).toFixed(4));
const share = (value: NumberValue) => (value === '' ? Number.NaN : Math.round(Number(value) * 100) / 10_000);
const numberOf = (value: NumberValue) => (value === '' ? Number.NaN : Number(value));

const defaultDeadweight: Record<CounterfactualAnswer, number> = {
  worsened_significantly: 0,
  worsened_slightly: 0,
  stayed_the_same: 0,
  improved_slightly: 50,
  improved_significantly: 100,
};

/** A key no other question uses: question_1, question_2, … */
export function unusedKey(items: readonly { key: string }[]): string {
  const used = new Set(items.map((i) => i.key));
  let n = items.length + 1;
  while (used.has(`question_${n}`)) n++;
  return `question_${n}`;
}

/** A new question of a type, ready to save once its wording is typed in. */
export function newItem(type: ItemType, existing: readonly { key: string }[] = []): ItemDraft {
  return {
    uid: freshUid(),
    type,
    key: unusedKey(existing),
    text: '',
    help: '',
    isRequired: false,
    isRetrospective: false,
    beforeText: '',
    minLabel: type === 'scale' ? 'Not at all' : '',
    maxLabel: type === 'scale' ? 'Completely' : '',
    isReverseKeyed: false,
    outcomeArea: '',
    ranks: '',
    unranked: type === 'ordered' ? 'I would prefer not to say' : '',
    options: '',
    min: 0,
    max: 1_000_000,
    isWhole: true,
    maxLength: 2000,
    indicatorKeys: [],
    deadweightMapping: { ...defaultDeadweight },
  };
}

/** The same question as another type: what was typed stays; a new scale gets labelled ends. */
export function withType(draft: ItemDraft, type: ItemType): ItemDraft {
  return {
    ...draft,
    type,
    minLabel: type === 'scale' && draft.minLabel === '' ? 'Not at all' : draft.minLabel,
    maxLabel: type === 'scale' && draft.maxLabel === '' ? 'Completely' : draft.maxLabel,
  };
}

/** A saved item as the form holds it. */
export function draftOf(item: SurveyItem): ItemDraft {
  const draft = newItem(item.type, []);
  draft.key = item.key;
  draft.text = item.text;
  draft.help = item.help;
  draft.isRequired = item.isRequired;
  draft.unranked = '';
  draft.minLabel = '';
  draft.maxLabel = '';
  switch (item.type) {
    case 'scale':
      Object.assign(draft, {
        isRetrospective: item.isRetrospective,
        beforeText: item.beforeText,
        minLabel: item.minLabel,
        maxLabel: item.maxLabel,
        isReverseKeyed: item.isReverseKeyed,
        outcomeArea: item.outcomeArea,
      });
      break;
    case 'ordered':
      Object.assign(draft, {
        isRetrospective: item.isRetrospective,
        beforeText: item.beforeText,
        ranks: item.ranks.join('\n'),
        unranked: item.unranked.join('\n'),
        outcomeArea: item.outcomeArea,
      });
      break;
    case 'single_choice':
    case 'multiple_choice':
      draft.options = item.options.join('\n');
      break;
    case 'number':
      Object.assign(draft, { min: item.min, max: item.max, isWhole: item.isWhole });
      break;
    case 'free_text':
      draft.maxLength = item.maxLength;
      break;
    case 'attribution':
      draft.indicatorKeys = [...item.indicatorKeys];
      break;
    case 'counterfactual':
      draft.indicatorKeys = [...item.indicatorKeys];
      draft.deadweightMapping = {
        worsened_significantly: percent(item.deadweightMapping.worsened_significantly),
        worsened_slightly: percent(item.deadweightMapping.worsened_slightly),
        stayed_the_same: percent(item.deadweightMapping.stayed_the_same),
        improved_slightly: percent(item.deadweightMapping.improved_slightly),
        improved_significantly: percent(item.deadweightMapping.improved_significantly),
      };
      break;
    case 'yes_no':
      break;
  }
  return draft;
}

export function instrumentDraftOf(content: InstrumentContent): InstrumentDraft {
  return {
    name: content.name,
    introduction: content.introduction,
    citation: content.citation,
    items: content.items.map(draftOf),
  };
}

/** The contract's item: only the fields of the question's type (the contract refuses others). */
export function itemOf(draft: ItemDraft): SurveyItemInput {
  const base = { key: draft.key.trim(), text: draft.text, help: draft.help, isRequired: draft.isRequired };
  const retrospective = {
    isRetrospective: draft.isRetrospective,
    beforeText: draft.isRetrospective ? draft.beforeText : '',
  };
  switch (draft.type) {
    case 'scale':
      return {
        type: 'scale',
        ...base,
        ...retrospective,
        minLabel: draft.minLabel,
        maxLabel: draft.maxLabel,
        isReverseKeyed: draft.isReverseKeyed,
        outcomeArea: draft.outcomeArea,
      };
    case 'ordered':
      return {
        type: 'ordered',
        ...base,
        ...retrospective,
        ranks: lines(draft.ranks),
        unranked: lines(draft.unranked),
        outcomeArea: draft.outcomeArea,
      };
    case 'single_choice':
    case 'multiple_choice':
      return { type: draft.type, ...base, options: lines(draft.options) };
    case 'yes_no':
      return { type: 'yes_no', ...base };
    case 'number':
      return {
        type: 'number',
        ...base,
        min: numberOf(draft.min),
        max: numberOf(draft.max),
        isWhole: draft.isWhole,
      };
    case 'free_text':
      return { type: 'free_text', ...base, maxLength: numberOf(draft.maxLength) };
    case 'attribution':
      return { type: 'attribution', ...base, indicatorKeys: [...draft.indicatorKeys] };
    case 'counterfactual':
      return {
        type: 'counterfactual',
        ...base,
        indicatorKeys: [...draft.indicatorKeys],
        deadweightMapping: {
          worsened_significantly: share(draft.deadweightMapping.worsened_significantly),
          worsened_slightly: share(draft.deadweightMapping.worsened_slightly),
          stayed_the_same: share(draft.deadweightMapping.stayed_the_same),
          improved_slightly: share(draft.deadweightMapping.improved_slightly),
          improved_significantly: share(draft.deadweightMapping.improved_significantly),
        },
      };
  }
}

export function contentOf(draft: InstrumentDraft) {
  return {
    name: draft.name,
    introduction: draft.introduction,
    citation: draft.citation,
    items: draft.items.map(itemOf),
  };
}

/** A list with one entry moved one place up (-1) or down (+1); unchanged at either end. */
export function moveItem<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  const moved = [...items];
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return moved;
  [moved[index], moved[to]] = [moved[to] as T, moved[index] as T];
  return moved;
}

/** The questions an attribution or counterfactual question can be about: 0–10 and ordered ones. */
export function indicatorChoices(items: readonly ItemDraft[]): { key: string; label: string }[] {
  return items
    .filter((i) => (i.type === 'scale' || i.type === 'ordered') && i.key.trim() !== '')
    .map((i) => ({ key: i.key.trim(), label: i.text.trim() || i.key.trim() }));
}

/** The form field holding a problem the contract or the server names ("content.items.2.ranks.1"). */
export function formFieldOf(path: string, items: readonly ItemDraft[]): string | null {
  const parts = path.split('.');
  if (parts[0] === 'content') parts.shift();
  const [head, index, field, sub] = parts;
  if (head === 'name' || head === 'introduction' || head === 'citation') return head;
  if (head !== 'items') return null;
  if (index === undefined) return 'items';
  const item = items[Number(index)];
  if (!item) return 'items';
  if (field === undefined) {
    // A problem with the question as a whole (say, an answer listed twice): its answers' field.
    if (item.type === 'ordered') return `items.${index}.ranks`;
    if (item.type === 'single_choice' || item.type === 'multiple_choice') return `items.${index}.options`;
    return `items.${index}.text`;
  }
  if (field === 'deadweightMapping') return `items.${index}.deadweightMapping${sub ? `.${sub}` : ''}`;
  if (field in item && field !== 'uid' && field !== 'type') return `items.${index}.${field}`;
  return `items.${index}.text`;
}

type Issue = { code: string; path: PropertyKey[]; message: string; maximum?: unknown };

function messageOf(issue: Issue, field: string): string {
  const last = field.split('.').at(-1);
  if (field.includes('deadweightMapping')) return 'Enter a percentage from 0 to 100.';
  if (issue.code === 'too_small' && last === 'ranks') return 'List at least 2 ranked answers, one per line.';
  if (issue.code === 'too_small' && last === 'options') return 'List at least 2 options, one per line.';
  if (issue.code === 'too_small' && last === 'indicatorKeys')
    return 'Choose at least one 0 to 10 or ordered question it is about.';
  if (field === 'items' && issue.code === 'too_small') return 'Add at least one question.';
  if (issue.code === 'too_big' && typeof issue.maximum === 'number')
    return field.endsWith('maxLength')
      ? 'Enter a whole number from 1 to 5,000.'
      : `Use at most ${issue.maximum.toLocaleString('en-GB')} ${last === 'ranks' || last === 'options' || last === 'unranked' || field === 'items' ? 'entries' : 'characters'}.`;
  if (last === 'min' || last === 'max') return 'Enter a number.';
  if (last === 'maxLength') return 'Enter a whole number from 1 to 5,000.';
  return issue.message;
}

/** Problems the contract finds before anything is sent, by form field (first problem per field). */
export function draftProblems(draft: InstrumentDraft): Record<string, string> {
  const result = instrumentContent.safeParse(contentOf(draft));
  if (result.success) return {};
  const problems: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = formFieldOf(issue.path.map(String).join('.'), draft.items) ?? 'name';
    problems[field] ??= messageOf(issue, field);
  }
  return problems;
}

/** A server refusal's details, by form field; what matches no field is left for the summary. */
export function problemsFromDetails(
  details: readonly { field: string; message: string }[],
  items: readonly ItemDraft[],
): { fieldErrors: Record<string, string>; unmatched: string[] } {
  const fieldErrors: Record<string, string> = {};
  const unmatched: string[] = [];
  for (const detail of details) {
    const field = formFieldOf(detail.field, items);
    if (field === null) unmatched.push(detail.message);
    else fieldErrors[field] ??= detail.message;
  }
  return { fieldErrors, unmatched };
}

/** Each form field's input id, in page order, for the error summary. */
export function fieldIdsOf(draft: InstrumentDraft): Record<string, string> {
  const ids: Record<string, string> = {
    name: 'instrument-name',
    introduction: 'instrument-introduction',
    citation: 'instrument-citation',
  };
  draft.items.forEach((item, i) => {
    for (const field of [
      'text',
      'key',
      'help',
      'beforeText',
      'minLabel',
      'maxLabel',
      'outcomeArea',
      'ranks',
      'unranked',
      'options',
      'min',
      'max',
      'maxLength',
      'indicatorKeys',
    ])
      ids[`items.${i}.${field}`] = `${item.uid}-${field}`;
    for (const answer of Object.keys(item.deadweightMapping))
      ids[`items.${i}.deadweightMapping.${answer}`] = `${item.uid}-deadweight-${answer}`;
    ids[`items.${i}.deadweightMapping`] = `${item.uid}-deadweight-worsened_significantly`;
  });
  ids.items = 'questions-heading';
  return ids;
}

export type SaveProblem =
  | { kind: 'stale' }
  | { kind: 'fields'; fieldErrors: Record<string, string>; general: string | null }
  | { kind: 'general'; message: string };

/**
 * What a refused save or publish means for the page: someone else saved first (409 naming
 * basedOnVersion: reload), problems with fields (each on its field, the rest in the summary), or
 * one message.
 */
export function saveProblemOf(error: unknown, items: readonly ItemDraft[]): SaveProblem {
  if (isApiError(error, 'conflict') && error.details.some((d) => d.field === 'basedOnVersion'))
    return { kind: 'stale' };
  if (isApiError(error, 'validation_failed')) {
    const { fieldErrors, unmatched } = problemsFromDetails(error.details, items);
    if (Object.keys(fieldErrors).length === 0)
      return { kind: 'general', message: [error.message, ...unmatched].join(' ') };
    return { kind: 'fields', fieldErrors, general: unmatched.length > 0 ? unmatched.join(' ') : null };
  }
  return {
    kind: 'general',
    message: error instanceof Error ? error.message : 'Something went wrong. Try again.',
  };
}
