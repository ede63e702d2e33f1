import { z } from 'zod';
import { isoDate } from './case-codes.ts';
import { isoDateTime, uuid } from './common.ts';

/**
 * Social value (SROI) in the app: impact maps per site and period, the proxy library, and the
 * commissioner report. Money the organisation enters is in pence; figures the engine computes are in
 * pounds (floating point), as `@peerpath/sroi` works in pounds.
 */

/**
 * Where an outcome's quantity comes from: typed in by hand (with its source and sample size), or
 * counted from service records for the map's site and period when the report is made.
 * Extension point: issue 5 (outcomes) adds survey-based sources here — distance travelled, and the
 * survey's own contribution and deadweight answers — each with its SQL in
 * `modules/social-value/live-quantities.repository.ts`.
 */
export const quantitySources = [
  'manual',
  'engaged_cases',
  'cases_discharged_goals_met',
  'cases_referred',
  'fund_applications_approved',
  'outcomes_indicator',
] as const;
export const quantitySource = z.enum(quantitySources);
export type QuantitySource = z.infer<typeof quantitySource>;
/** Sources counted from service records (a survey indicator is analysed per outcome instead). */
export type LiveQuantitySource = Exclude<QuantitySource, 'manual' | 'outcomes_indicator'>;
export const quantitySourceLabels: Record<QuantitySource, string> = {
  manual: 'Entered by hand',
  engaged_cases: 'Engaged cases referred in the period',
  cases_discharged_goals_met: 'Cases discharged in the period with goals met',
  cases_referred: 'Cases referred in the period',
  fund_applications_approved: 'Personalisation Fund applications approved (applied in the period)',
  outcomes_indicator: 'People improved on a survey indicator, scaled to the engaged cases',
};

/**
 * Outcomes (issue 5): an outcome whose quantity follows a survey indicator's analysis for the map's
 * site and period — the share of respondents who improved × the engaged cases — and which may also
 * take its attribution (1 − mean service contribution) and deadweight from the same surveys.
 */
export const surveyIndicatorLink = z.strictObject({
  instrumentId: uuid,
  indicatorKey: z.string().min(1).max(64),
  design: z.enum(['retrospective', 'waves']).default('retrospective'),
  usesContribution: z.boolean().default(true).describe('Attribution = 1 − the mean service contribution'),
  usesDeadweight: z.boolean().default(true).describe('Deadweight from the counterfactual answers'),
});
export type SurveyIndicatorLink = z.infer<typeof surveyIndicatorLink>;

/** How many people the service served in the period, for value and cost per person. */
export const peopleServedSources = ['manual', 'engaged_cases', 'cases_referred'] as const;
export const peopleServedSource = z.enum(peopleServedSources);
export type PeopleServedSource = z.infer<typeof peopleServedSource>;

/** Full cost recovery lines (SROI guide; L&D review §3.5), plus volunteer time valued at a wage. */
export const costCategories = [
  'staff',
  'contracts',
  'equipment',
  'training',
  'expenses',
  'overheads',
  'in_kind',
  'other',
  'volunteer_time',
] as const;
export const costCategory = z.enum(costCategories);
export type CostCategory = z.infer<typeof costCategory>;
export const costCategoryLabels: Record<CostCategory, string> = {
  staff: 'Staff',
  contracts: 'Contracts',
  equipment: 'Equipment',
  training: 'Training',
  expenses: 'Expenses',
  overheads: 'Management and overheads',
  in_kind: 'In kind',
  other: 'Other',
  volunteer_time: 'Volunteer time',
};

/**
 * A cost line's amount: typed in, or the Personalisation Fund grants approved in the period; volunteer
 * time's hours: typed in, or the volunteer hours approved in the period (peer workforce, issue 6).
 */
export const costAmountSources = [
  'manual',
  'fund_applications_approved',
  'approved_volunteer_hours',
] as const;
export const costAmountSource = z.enum(costAmountSources);
export type CostAmountSource = z.infer<typeof costAmountSource>;

/** The scenarios every report shows: the review's four, each without and with volunteer time. */
export const scenarioKeys = [
  'central',
  'central_volunteers',
  'conservative',
  'conservative_volunteers',
  'optimistic',
  'optimistic_volunteers',
] as const;
export const scenarioKey = z.enum(scenarioKeys);
export type ScenarioKey = z.infer<typeof scenarioKey>;
export const scenarioLabels: Record<ScenarioKey, string> = {
  central: 'Central',
  central_volunteers: 'Central, with volunteer time',
  conservative: 'Conservative',
  conservative_volunteers: 'Conservative, with volunteer time',
  optimistic: 'Optimistic',
  optimistic_volunteers: 'Optimistic, with volunteer time',
};

const share = z.number().min(0).max(1);
const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number, message: string) => z.string().trim().min(1, message).max(max);
/** Pence in a 32-bit column: up to about £21 million a line. */
const pence = z.number().int().min(0).max(2_000_000_000);
const signedPence = z.number().int().min(-2_000_000_000).max(2_000_000_000);
const year = z.number().int().min(1990).max(2100);

/** A financial proxy: one of the shipped library's (by key) or one of the organisation's own (by id). */
export const proxyRef = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('library'), key: z.string().min(1).max(80) }),
  z.strictObject({ kind: z.literal('organisation'), id: uuid }),
]);
export type ProxyRef = z.infer<typeof proxyRef>;

export const financialProxy = z.object({
  ref: proxyRef,
  name: z.string(),
  unit: z.string().describe('What one unit is, e.g. "per person per year"'),
  valuePence: z
    .number()
    .int()
    .describe('Value of one unit in pence, in its own price year; negative for a harm'),
  priceYear: z.number().int(),
  sourceTitle: z.string(),
  sourceUrl: z.string().nullable(),
  licence: z.string(),
  isShippable: z
    .boolean()
    .describe('True only for the openly licensed values Peerpath ships; an organisation’s own are false'),
  notes: z.string(),
});
export type FinancialProxy = z.infer<typeof financialProxy>;

export const createProxyBody = z.strictObject({
  name: requiredText(200, 'Enter a name for the proxy'),
  unit: requiredText(120, 'Say what one unit is, e.g. per person per year'),
  valuePence: signedPence,
  priceYear: year,
  sourceTitle: requiredText(300, 'Enter where the value comes from'),
  sourceUrl: z.url().max(500).nullable().default(null),
  licence: requiredText(200, 'Enter the licence under which you hold the value'),
  notes: text(1000).default(''),
});
export type CreateProxyBody = z.input<typeof createProxyBody>;

export const deflatorSeries = z.object({
  title: z.string(),
  release: z.string(),
  sourceUrl: z.string(),
  licence: z.string(),
  baseYear: z.number().int(),
  values: z.array(z.object({ year: z.number().int(), index: z.number() })),
});
export type DeflatorSeries = z.infer<typeof deflatorSeries>;

export const livingWageRate = z.object({ from: isoDate, ratePence: z.number().int() });

export const proxiesResponse = z.object({
  libraryVersion: z.string(),
  library: z.array(financialProxy),
  organisation: z.array(financialProxy),
  notShipped: z
    .array(z.object({ name: z.string(), reason: z.string() }))
    .describe('Values Peerpath deliberately does not ship, and why'),
  deflators: deflatorSeries,
  livingWage: z.object({ source: z.string(), sourceUrl: z.string(), rates: z.array(livingWageRate) }),
});
export type ProxiesResponse = z.infer<typeof proxiesResponse>;

const stakeholderInput = z.strictObject({
  key: z.string().min(1).max(64).describe('The stakeholder’s id, or any new key; outcomes name it'),
  name: requiredText(200, 'Enter the stakeholder'),
});

const outcomeInput = z
  .strictObject({
    id: uuid.optional(),
    stakeholderKey: z.string().min(1).max(64),
    name: requiredText(300, 'Describe the outcome'),
    isIntended: z.boolean().default(true),
    isHarm: z
      .boolean()
      .default(false)
      .describe('A harm or a cost to this stakeholder: its value counts against'),
    outputs: text(500).default(''),
    indicator: text(500).default(''),
    quantitySource: quantitySource,
    manualQuantity: z.number().min(0).max(1_000_000_000).nullable().default(null),
    quantityFactor: z
      .number()
      .min(0)
      .max(1000)
      .default(1)
      .describe('Units of change per person counted, e.g. 0.22 for 22% distance travelled'),
    quantityNote: text(500).default('').describe('Where a hand-entered quantity comes from'),
    sampleSize: z.number().int().min(1).max(10_000_000).nullable().default(null),
    // Outcomes (issue 5)
    surveyIndicator: surveyIndicatorLink.nullable().default(null),
    proxy: proxyRef,
    optimisticProxy: proxyRef.nullable().default(null),
    deadweight: share,
    displacement: share.default(0),
    attribution: share.describe('Share of the change due to others (deducted), as the SROI guide'),
    dropOff: share,
    duration: z.number().int().min(1).max(50),
    startYear: z.number().int().min(1).max(2).default(1),
  })
  .refine((o) => o.quantitySource !== 'manual' || o.manualQuantity !== null, {
    message: 'Enter the quantity, or link it to live data',
    path: ['manualQuantity'],
  })
  .refine((o) => o.quantitySource !== 'outcomes_indicator' || o.surveyIndicator !== null, {
    message: 'Choose the survey instrument and indicator the quantity follows',
    path: ['surveyIndicator'],
  });
export type OutcomeInput = z.input<typeof outcomeInput>;

const costInput = z
  .strictObject({
    id: uuid.optional(),
    category: costCategory,
    description: requiredText(300, 'Describe the cost'),
    amountSource: costAmountSource.default('manual'),
    amountPence: pence.nullable().default(null),
    volunteerHours: z.number().min(0).max(10_000_000).nullable().default(null),
    volunteerRatePence: pence
      .nullable()
      .default(null)
      .describe('Value of an hour; null means the National Living Wage in force when the period starts'),
  })
  .refine(
    (c) => c.category !== 'volunteer_time' || c.amountSource !== 'manual' || c.volunteerHours !== null,
    {
      message: 'Enter the volunteer hours',
      path: ['volunteerHours'],
    },
  )
  .refine((c) => c.category === 'volunteer_time' || c.amountSource !== 'manual' || c.amountPence !== null, {
    message: 'Enter the amount',
    path: ['amountPence'],
  })
  .refine(
    (c) =>
      c.category === 'volunteer_time'
        ? c.amountSource !== 'fund_applications_approved'
        : c.amountSource !== 'approved_volunteer_hours',
    {
      message: 'Volunteer time is hours (typed in, or the approved volunteer hours) times a rate',
      path: ['amountSource'],
    },
  );
export type CostInput = z.input<typeof costInput>;

/** A published study's figures, so the report can check them against its own inputs. */
export const publishedFigure = z.strictObject({
  scenario: scenarioKey,
  label: requiredText(120, 'Name the table, e.g. Table 3'),
  totalCostPence: pence,
  valueCreatedPence: pence,
  ratio: z.number().min(0).max(1000),
});
export type PublishedFigure = z.infer<typeof publishedFigure>;

const settingsFields = {
  title: requiredText(200, 'Enter a title'),
  description: text(2000).default(''),
  periodFrom: isoDate,
  periodTo: isoDate,
  priceYear: year.describe('Every proxy is uprated to this year’s prices with the GDP deflator'),
  discountRate: share.default(0.035),
  firstYearDiscounted: z.boolean().default(true),
  conservativeProxyScale: z.number().gt(0).max(1).default(0.5),
  peopleServedSource: peopleServedSource.default('engaged_cases'),
  peopleServedManual: z.number().int().min(1).max(100_000_000).nullable().default(null),
  rolloutPopulationLow: z.number().int().min(1).max(100_000_000).nullable().default(null),
  rolloutPopulationHigh: z.number().int().min(1).max(100_000_000).nullable().default(null),
  publishedFigures: z.array(publishedFigure).max(12).default([]),
  otherSiteIds: z
    .array(uuid)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'List each site once')
    .default([])
    .describe('For a programme: the other sites it covers, besides the map’s own site'),
};

type Settings = {
  periodFrom: string;
  periodTo: string;
  peopleServedSource: PeopleServedSource;
  peopleServedManual: number | null;
  rolloutPopulationLow: number | null;
  rolloutPopulationHigh: number | null;
};

/** Rules across settings fields, each reported at the field to correct. */
function checkSettings(s: Settings, ctx: z.RefinementCtx): void {
  const problem = (message: string, field: string) =>
    ctx.addIssue({ code: 'custom', message, path: [field] });
  if (s.periodFrom > s.periodTo) problem('The period must end on or after its start', 'periodTo');
  if (s.peopleServedSource === 'manual' && s.peopleServedManual === null)
    problem('Enter how many people were served', 'peopleServedManual');
  const low = s.rolloutPopulationLow;
  const high = s.rolloutPopulationHigh;
  if ((low === null) !== (high === null) || (low !== null && high !== null && low > high))
    problem('Give both ends of the population range, the lower first', 'rolloutPopulationHigh');
}

export const createImpactMapBody = z
  .strictObject({ siteId: uuid, ...settingsFields })
  .superRefine(checkSettings);
export type CreateImpactMapBody = z.input<typeof createImpactMapBody>;

/** The whole map at once: settings and every stakeholder, outcome and cost line (replacing the old). */
export const updateImpactMapBody = z
  .strictObject({
    version: z.number().int().min(1).describe('The version you edited; a newer one answers 409'),
    ...settingsFields,
    stakeholders: z.array(stakeholderInput).max(30),
    outcomes: z.array(outcomeInput).max(60),
    costs: z.array(costInput).max(60),
  })
  .superRefine(checkSettings);
export type UpdateImpactMapBody = z.input<typeof updateImpactMapBody>;

export const impactMapQuery = z.strictObject({ siteId: uuid.optional() });

/** Every site a map covers, its own first (a programme lists the others after it). */
const coveredSites = z.array(z.object({ id: uuid, name: z.string() }));

/** The sites a map covers as people write them: "Luton", "Luton and Bedford", "Luton, Bedford and Dunstable". */
export function sitesLabel(sites: readonly { name: string }[]): string {
  const names = sites.map((s) => s.name);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export const impactMapSummary = z.object({
  id: uuid,
  siteId: uuid,
  siteName: z.string(),
  sites: coveredSites,
  title: z.string(),
  periodFrom: isoDate,
  periodTo: isoDate,
  updatedAt: isoDateTime,
});
export const impactMapsResponse = z.object({ items: z.array(impactMapSummary), total: z.number().int() });
export type ImpactMapSummary = z.infer<typeof impactMapSummary>;

export const impactMap = z.object({
  id: uuid,
  siteId: uuid,
  siteName: z.string(),
  sites: coveredSites,
  version: z.number().int(),
  updatedAt: isoDateTime,
  title: z.string(),
  description: z.string(),
  periodFrom: isoDate,
  periodTo: isoDate,
  priceYear: z.number().int(),
  discountRate: z.number(),
  firstYearDiscounted: z.boolean(),
  conservativeProxyScale: z.number(),
  peopleServedSource,
  peopleServedManual: z.number().int().nullable(),
  rolloutPopulationLow: z.number().int().nullable(),
  rolloutPopulationHigh: z.number().int().nullable(),
  publishedFigures: z.array(publishedFigure),
  stakeholders: z.array(z.object({ key: z.string(), name: z.string() })),
  outcomes: z.array(
    z.object({
      id: uuid,
      stakeholderKey: z.string(),
      name: z.string(),
      isIntended: z.boolean(),
      isHarm: z.boolean(),
      outputs: z.string(),
      indicator: z.string(),
      quantitySource,
      manualQuantity: z.number().nullable(),
      quantityFactor: z.number(),
      quantityNote: z.string(),
      sampleSize: z.number().int().nullable(),
      surveyIndicator: surveyIndicatorLink.nullable(),
      proxy: proxyRef,
      optimisticProxy: proxyRef.nullable(),
      deadweight: z.number(),
      displacement: z.number(),
      attribution: z.number(),
      dropOff: z.number(),
      duration: z.number().int(),
      startYear: z.number().int(),
    }),
  ),
  costs: z.array(
    z.object({
      id: uuid,
      category: costCategory,
      description: z.string(),
      amountSource: costAmountSource,
      amountPence: z.number().int().nullable(),
      volunteerHours: z.number().nullable(),
      volunteerRatePence: z.number().int().nullable(),
    }),
  ),
});
export type ImpactMap = z.infer<typeof impactMap>;

// ——— The report ———

const pounds = z.number().describe('Pounds, unrounded');
const breakEven = z.object({
  path: z.string(),
  label: z.string(),
  current: z.number(),
  breakEven: z.number().nullable(),
  reachable: z.boolean(),
  reason: z.string().nullable(),
});
const swing = z.object({
  path: z.string(),
  label: z.string(),
  current: z.number(),
  lowValue: z.number(),
  highValue: z.number(),
  lowRatio: z.number(),
  highRatio: z.number(),
  swing: z.number(),
});
const summary = z.object({
  p5: z.number(),
  p50: z.number(),
  p95: z.number(),
  mean: z.number(),
  min: z.number(),
  max: z.number(),
  histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
});
export const simulationSummary = z.object({
  iterations: z.number().int(),
  seed: z.number().int(),
  varied: z.array(z.string()),
  ratio: summary,
  presentValue: summary,
  probabilityRatioAboveOne: z.number(),
});
export type SimulationSummaryOut = z.infer<typeof simulationSummary>;

export const reportScenario = z.object({
  key: scenarioKey,
  name: z.string(),
  description: z.string(),
  presentValue: pounds,
  inputsValue: pounds,
  netPresentValue: pounds,
  ratio: z.number(),
  valuePerPerson: pounds.nullable(),
  byStakeholder: z.array(
    z.object({ id: z.string(), name: z.string(), presentValue: pounds, share: z.number().nullable() }),
  ),
  byOutcome: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      stakeholder: z.string(),
      presentValue: pounds,
      share: z.number().nullable(),
    }),
  ),
  breakEvens: z.array(breakEven),
  tornado: z.array(swing),
  swing: z.number(),
  simulation: simulationSummary,
});
export type ReportScenario = z.infer<typeof reportScenario>;

export const valueMapRow = z.object({
  outcomeId: z.string(),
  stakeholder: z.string(),
  isIntended: z.boolean(),
  inputs: z.string(),
  outputs: z.string(),
  outcome: z.string(),
  indicator: z.string(),
  quantitySource,
  quantitySourceLabel: z.string(),
  quantityNote: z.string(),
  sampleSize: z.number().int().nullable(),
  count: z.number().nullable().describe('The live count, for a linked quantity'),
  quantityFactor: z.number(),
  quantity: z.number(),
  duration: z.number().int(),
  proxyName: z.string(),
  proxyUnit: z.string(),
  proxyOriginalValue: pounds,
  proxyPriceYear: z.number().int(),
  proxyValue: pounds.describe('Uprated to the report’s price year'),
  optimisticProxyValue: pounds.nullable(),
  proxySource: z.string(),
  proxyLicence: z.string(),
  isShippable: z.boolean(),
  deadweight: z.number(),
  displacement: z.number(),
  attribution: z.number(),
  dropOff: z.number(),
  impact: pounds.describe('Year-1 impact: quantity × proxy × (1 − deductions)'),
});
export type ValueMapRow = z.infer<typeof valueMapRow>;

export const reportCostLine = z.object({
  category: costCategory,
  categoryLabel: z.string(),
  description: z.string(),
  amount: pounds,
  detail: z.string(),
  isVolunteerTime: z.boolean(),
  isLive: z.boolean(),
});

export const publishedCheck = z.object({
  scenario: scenarioKey,
  label: z.string(),
  publishedCost: pounds,
  publishedValue: pounds,
  publishedRatio: z.number(),
  ownRatio: z.number().describe('The published value over the published cost'),
  recomputedRatio: z.number().nullable().describe('This report’s ratio for the same scenario'),
  verdict: z.enum(['consistent', 'truncated', 'inconsistent']),
  message: z.string(),
});
export type PublishedCheck = z.infer<typeof publishedCheck>;

export const reportWarning = z.object({ code: z.string(), message: z.string(), path: z.string() });

export const socialValueReport = z.object({
  mapId: uuid,
  title: z.string(),
  description: z.string(),
  siteId: uuid,
  siteName: z.string(),
  sites: coveredSites,
  periodFrom: isoDate,
  periodTo: isoDate,
  priceYear: z.number().int(),
  dataAsOf: isoDateTime.describe('When the live counts were taken (this report was computed)'),
  isComplete: z.boolean(),
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
  headline: z
    .object({
      lowRatio: z.number(),
      highRatio: z.number(),
      centralRatio: z.number(),
      text: z.string(),
    })
    .nullable(),
  scenarios: z.array(reportScenario),
  valueMap: z.array(valueMapRow),
  costs: z.object({
    lines: z.array(reportCostLine),
    withoutVolunteerTime: pounds,
    withVolunteerTime: pounds,
    volunteerTime: pounds,
    livingWage: z.object({ ratePence: z.number().int(), from: isoDate }).nullable(),
  }),
  peopleServed: z.object({ count: z.number().int().nullable(), source: peopleServedSource }),
  rollout: z
    .object({
      costPerPerson: pounds,
      costPerPersonWithVolunteerTime: pounds,
      populationLow: z.number().int(),
      populationHigh: z.number().int(),
      annualCostLow: pounds,
      annualCostHigh: pounds,
      annualCostLowWithVolunteerTime: pounds,
      annualCostHighWithVolunteerTime: pounds,
    })
    .nullable(),
  publishedChecks: z.array(publishedCheck),
  methodNotes: z.object({
    conventions: z.string(),
    inputsStatement: z.string(),
    discountSchedule: z.array(z.object({ year: z.number().int(), factor: z.number() })),
    priceYear: z.string(),
    deflator: z.string(),
    livingWage: z.string(),
    scenarios: z.array(z.string()),
    simulation: z.string(),
    dataDates: z.array(z.string()),
    sampleSizes: z.array(z.string()),
  }),
  warnings: z.array(reportWarning),
});
export type SocialValueReport = z.infer<typeof socialValueReport>;

export const exportFormats = ['pdf', 'xlsx', 'csv'] as const;
export const exportFormat = z.enum(exportFormats);
export type ExportFormat = z.infer<typeof exportFormat>;
export const reportExportQuery = z.strictObject({
  format: exportFormat,
  scenario: scenarioKey.default('central'),
});
export const fileResponse = z.string().describe('A file download (PDF, XLSX or CSV)');

/** The SROI Value Map's columns, in the order of the Value Map spreadsheet. */
export const valueMapColumns = [
  'Stakeholders',
  'Intended/unintended changes',
  'Inputs',
  'Outputs',
  'Outcome description',
  'Indicator',
  'Source',
  'Quantity',
  'Duration',
  'Financial proxy',
  'Value',
  'Source',
  'Deadweight',
  'Displacement',
  'Attribution',
  'Drop-off',
  'Impact',
] as const;
