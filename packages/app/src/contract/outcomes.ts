import { z } from 'zod';
import { isoDate } from './case-codes.ts';
import { isoDateTime, uuid } from './common.ts';

/**
 * Outcomes: survey instruments (versioned; a published version never changes), surveys given to a
 * case (by an interviewer or by a single-use link), and the per-indicator analysis of source 000
 * appendix 4 that feeds social value.
 */

const key = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'Use lower-case letters, digits and underscores, starting with a letter');
const label = (max: number, message: string) => z.string().trim().min(1, message).max(max);

export const contributionAnswerKeys = [
  'not_at_all',
  'a_little',
  'some',
  'quite_a_lot',
  'completely',
  'no_change',
] as const;
export const contributionAnswerLabels: Record<(typeof contributionAnswerKeys)[number], string> = {
  not_at_all: 'Not at all (0%)',
  a_little: 'A little (25%)',
  some: 'Some (50%)',
  quite_a_lot: 'Quite a lot (75%)',
  completely: 'Completely (100%)',
  no_change: 'No change',
};
export const counterfactualAnswerKeys = [
  'worsened_significantly',
  'worsened_slightly',
  'stayed_the_same',
  'improved_slightly',
  'improved_significantly',
] as const;
export const counterfactualAnswerLabels: Record<(typeof counterfactualAnswerKeys)[number], string> = {
  worsened_significantly: 'Worsened significantly',
  worsened_slightly: 'Slightly worsened',
  stayed_the_same: 'No change',
  improved_slightly: 'Slightly improved',
  improved_significantly: 'Significantly improved',
};

const share = z.number().min(0).max(1);
const itemBase = {
  key: key.describe('Unique within the instrument; an indicator is named by its item key'),
  text: label(500, 'Enter the question'),
  help: z.string().trim().max(1000).default(''),
  isRequired: z.boolean().default(false),
};
/** "Now" and "before the service" asked in the same interview (a retrospective pair). */
const retrospective = {
  isRetrospective: z.boolean().default(false),
  beforeText: z.string().trim().max(500).default('').describe('The "before the service" wording'),
};

export const scaleItem = z.strictObject({
  type: z.literal('scale'),
  ...itemBase,
  ...retrospective,
  min: z.literal(0).default(0),
  max: z.literal(10).default(10),
  minLabel: label(100, 'Label the 0 end of the scale'),
  maxLabel: label(100, 'Label the 10 end of the scale'),
  isReverseKeyed: z.boolean().default(false).describe('A higher answer is worse (negatively worded)'),
  outcomeArea: z.string().trim().max(200).default(''),
});
export const orderedItem = z.strictObject({
  type: z.literal('ordered'),
  ...itemBase,
  ...retrospective,
  ranks: z.array(label(200, 'Enter each answer')).min(2).max(20).describe('Worst first, best last'),
  unranked: z
    .array(label(200, 'Enter each answer'))
    .max(5)
    .default([])
    .describe('Answers outside the ranks, e.g. "I would prefer not to say"'),
  outcomeArea: z.string().trim().max(200).default(''),
});
const choiceItem = (type: 'single_choice' | 'multiple_choice') =>
  z.strictObject({
    type: z.literal(type),
    ...itemBase,
    options: z.array(label(200, 'Enter each option')).min(2).max(30),
  });
export const surveyItem = z.discriminatedUnion('type', [
  scaleItem,
  orderedItem,
  choiceItem('single_choice'),
  choiceItem('multiple_choice'),
  z.strictObject({ type: z.literal('yes_no'), ...itemBase }),
  z.strictObject({
    type: z.literal('number'),
    ...itemBase,
    min: z.number().default(0),
    max: z.number().default(1_000_000),
    isWhole: z.boolean().default(true),
  }),
  z.strictObject({
    type: z.literal('free_text'),
    ...itemBase,
    maxLength: z.number().int().min(1).max(5000).default(2000),
  }),
  z.strictObject({
    type: z.literal('attribution'),
    ...itemBase,
    indicatorKeys: z
      .array(key)
      .min(1)
      .max(20)
      .describe('The scale or ordered items this contribution is for'),
  }),
  z.strictObject({
    type: z.literal('counterfactual'),
    ...itemBase,
    indicatorKeys: z.array(key).max(50).default([]).describe('Empty: every indicator of the instrument'),
    deadweightMapping: z
      .strictObject({
        worsened_significantly: share,
        worsened_slightly: share,
        stayed_the_same: share,
        improved_slightly: share,
        improved_significantly: share,
      })
      .default({
        worsened_significantly: 0,
        worsened_slightly: 0,
        stayed_the_same: 0,
        improved_slightly: 0.5,
        improved_significantly: 1,
      })
      .describe('Share of the change that would have happened anyway, per answer'),
  }),
]);
export type SurveyItem = z.infer<typeof surveyItem>;
export type SurveyItemInput = z.input<typeof surveyItem>;
export type ScaleItemDef = z.infer<typeof scaleItem>;
export type OrderedItemDef = z.infer<typeof orderedItem>;

/** An instrument's content; cross-item checks (unique keys, links to indicators) are in the rules. */
export const instrumentContent = z.strictObject({
  name: label(200, 'Name the instrument'),
  introduction: z.string().trim().max(4000).default(''),
  items: z.array(surveyItem).min(1).max(100),
  citation: z.string().trim().max(1000).default(''),
});
export type InstrumentContent = z.infer<typeof instrumentContent>;

export const instrumentStatus = z.enum(['draft', 'published']);
export const templateSummary = z.object({
  key: z.string(),
  templateVersion: z.number().int(),
  name: z.string(),
  citation: z.string(),
  licence: z.string(),
  itemCount: z.number().int(),
});
export const templatesResponse = z.object({ items: z.array(templateSummary) });

export const createInstrumentBody = z.union([
  z.strictObject({ templateKey: z.string().min(1).max(100) }),
  z.strictObject({ content: instrumentContent }),
]);
export const updateDraftBody = z.strictObject({
  content: instrumentContent,
  basedOnVersion: z.number().int().min(1).describe('The version being edited, to refuse a stale edit'),
});

export const instrumentVersion = z.object({
  id: uuid,
  version: z.number().int(),
  status: instrumentStatus,
  content: instrumentContent,
  publishedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export const instrumentSummary = z.object({
  id: uuid,
  name: z.string(),
  templateKey: z.string().nullable(),
  latestVersion: z.number().int(),
  publishedVersion: z
    .object({ id: uuid, version: z.number().int() })
    .nullable()
    .describe('The newest published version: surveys are given from it'),
  hasDraft: z.boolean(),
});
export const instrumentsResponse = z.object({ items: z.array(instrumentSummary) });
export const instrumentDetail = instrumentSummary.extend({ versions: z.array(instrumentVersion) });
export type InstrumentDetail = z.infer<typeof instrumentDetail>;
export type InstrumentSummary = z.infer<typeof instrumentSummary>;

export const waves = ['baseline', 'follow_up', 'exit', 'retrospective'] as const;
export const wave = z.enum(waves);
export type Wave = z.infer<typeof wave>;
export const waveLabels: Record<Wave, string> = {
  baseline: 'Baseline',
  follow_up: 'Follow-up',
  exit: 'Exit',
  retrospective: 'Retrospective (one interview)',
};
export const surveyMode = z.enum(['interviewer', 'link']);
export const surveyStatus = z.enum(['invited', 'in_progress', 'completed']);

/** One answer: a number, text, a list (multiple choice), yes/no, or a retrospective pair. */
export const answerValue = z.union([
  z.number(),
  z.string().max(5000),
  z.boolean(),
  z.array(z.string().max(200)).max(30),
  z.strictObject({
    before: z.union([z.number(), z.string().max(200), z.null()]),
    now: z.union([z.number(), z.string().max(200), z.null()]),
  }),
  z.null(),
]);
export const answers = z.record(key, answerValue).refine((a) => Object.keys(a).length <= 200, {
  message: 'Send at most 200 answers',
});
export type Answers = z.infer<typeof answers>;

export const createSurveyBody = z.strictObject({
  instrumentVersionId: uuid,
  wave,
  followUpNumber: z.number().int().min(1).max(20).nullable().default(null).describe('For follow-ups'),
  mode: surveyMode,
  linkDays: z.number().int().min(1).max(60).default(14).describe('Days a link stays valid'),
});
export const saveAnswersBody = z.strictObject({
  answers,
  submit: z.boolean().default(false).describe('True submits; a submitted survey never changes'),
});

export const surveySummary = z.object({
  id: uuid,
  caseId: uuid,
  instrumentId: uuid,
  instrumentName: z.string(),
  instrumentVersion: z.number().int(),
  wave,
  followUpNumber: z.number().int().nullable(),
  mode: surveyMode,
  status: surveyStatus,
  invitedAt: isoDateTime,
  linkExpiresAt: isoDateTime.nullable(),
  completedAt: isoDateTime.nullable(),
});
export const caseSurveysResponse = z.object({ items: z.array(surveySummary) });
export const surveyDetail = surveySummary.extend({
  content: instrumentContent,
  answers,
});
export type SurveyDetail = z.infer<typeof surveyDetail>;
export const createdSurveyResponse = surveyDetail.extend({
  link: z
    .string()
    .nullable()
    .describe('For a link survey, shown once: /s#<token>. Only its SHA-256 hash is stored.'),
});

/** Public, token-holding routes: the token travels in the body, never in a URL. */
export const respondToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22,64}$/, 'Use the link you were sent')
  .describe('The token from the link’s fragment');
export const respondBody = z.strictObject({ token: respondToken });
export const respondSaveBody = z.strictObject({ token: respondToken, answers });
export const respondSurvey = z.object({
  name: z.string(),
  introduction: z.string(),
  items: z.array(surveyItem),
  answers,
  expiresAt: isoDateTime,
});
export type RespondSurvey = z.infer<typeof respondSurvey>;

export const analysisDesign = z.enum(['retrospective', 'waves']);
export const outcomesAnalysisQuery = z.strictObject({
  instrumentId: uuid,
  siteId: uuid.optional(),
  from: isoDate.optional().describe('Surveys given on or after (UK date)'),
  to: isoDate.optional(),
  referredFrom: isoDate.optional().describe('Cohort: cases referred on or after'),
  referredTo: isoDate.optional(),
  design: analysisDesign
    .default('retrospective')
    .describe('Retrospective pairs in one interview, or baseline against the latest follow-up/exit'),
});
export type OutcomesAnalysisQuery = z.infer<typeof outcomesAnalysisQuery>;

/** A count, or null when suppressed (1–7 for evaluators). */
const count = z.number().int().nullable();
const shareOf = z.object({ count, share: z.number().nullable() });
const change = z.object({ points: z.number().nullable(), percentOfScale: z.number().nullable() });
export const indicatorResult = z.object({
  key: z.string(),
  text: z.string(),
  outcomeArea: z.string(),
  kind: z.enum(['scale', 'ordered']),
  isReverseKeyed: z.boolean(),
  n: count,
  invited: count,
  responseRate: z.number().nullable(),
  excludedUnanswered: count,
  excludedUnranked: count,
  improved: shareOf,
  same: shareOf,
  worsened: shareOf,
  meanChangeAmongImproved: change,
  meanChangeOverall: change,
  meanRankChange: z.number().nullable().describe('Ordered categories only'),
  contribution: z.object({ n: count, excludedNoChange: count, mean: z.number().nullable() }),
  deadweight: z.object({ n: count, mean: z.number().nullable() }),
  isSuppressed: z.boolean().describe('Figures derived from a count of 1–7 are withheld'),
});
export type IndicatorResult = z.infer<typeof indicatorResult>;
export const outcomesAnalysisResponse = z.object({
  instrument: z.object({ id: uuid, name: z.string() }),
  design: analysisDesign,
  waves: z.array(z.object({ wave, invited: count, completed: count, responseRate: z.number().nullable() })),
  indicators: z.array(indicatorResult),
  suppression: z.object({ isApplied: z.boolean(), smallestShownCount: z.number().int() }),
});
export type OutcomesAnalysisResponse = z.infer<typeof outcomesAnalysisResponse>;

/** Instruments whose indicators can feed an impact map's outcome (for the editor's pickers). */
export const indicatorOptionsResponse = z.object({
  items: z.array(
    z.object({
      instrumentId: uuid,
      instrumentName: z.string(),
      indicators: z.array(z.object({ key: z.string(), text: z.string(), outcomeArea: z.string() })),
    }),
  ),
});
