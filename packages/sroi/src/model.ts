/**
 * The impact model: the JSON file format the engine reads, as TypeScript types.
 * Field names follow the SROI guide's words; where two conventions exist the name says which.
 */

/**
 * Names of the discount schedules held in `schedules.ts`.
 *
 * @example
 * const schedule: DiscountScheduleName = 'green-book-standard';
 */
export type DiscountScheduleName = 'green-book-standard' | 'green-book-health';

/**
 * Analysis-wide settings.
 *
 * @example
 * const settings: ModelSettings = { discountRate: 0.035, firstYearDiscounted: true, participants: 120 };
 */
export interface ModelSettings {
  /** A single discount rate for every year, e.g. 0.035. Give this or `discountSchedule`, not both. */
  discountRate?: number;
  /** A named, versioned schedule of rates by year (HM Treasury Green Book). */
  discountSchedule?: DiscountScheduleName;
  /**
   * True (the SROI guide's convention, and the default): year 1 is discounted, PV = Σ v_t / (1+r)^t.
   * False: year 1 is undiscounted, PV = Σ v_t / (1+r)^(t−1).
   */
  firstYearDiscounted?: boolean;
  /** How many people took part; gives the value per participant. */
  participants?: number;
}

/**
 * A group of people (or an organisation, or the state) who experience change.
 *
 * @example
 * const stakeholder: Stakeholder = { id: 'service-users', name: 'Service users' };
 */
export interface Stakeholder {
  id: string;
  name: string;
}

/**
 * The financial proxy: the money value of one unit of the outcome. May be negative (harm).
 *
 * @example
 * const proxy: FinancialProxy = { value: 1200, source: 'Unit cost of a 12-session CBT course', priceYear: 2024 };
 */
export interface FinancialProxy {
  value: number;
  /** Where the value comes from; a proxy without a source draws a warning. */
  source?: string;
  /** The year whose prices the value is in. Recorded, not adjusted for. */
  priceYear?: number;
}

/**
 * One outcome for one stakeholder: the well-defined change and its valuation.
 *
 * @example
 * const outcome: Outcome = { id: 'housing', stakeholder: 'service-users', name: 'Improved living situation',
 *   quantity: 20, proxy: { value: 1000, source: '…' }, deadweight: 0.2, attribution: 0.25, dropOff: 0.1, duration: 3 };
 */
export interface Outcome {
  id: string;
  /** The id of a stakeholder in `stakeholders`. */
  stakeholder: string;
  name: string;
  /** How the change is measured (the survey question or record). */
  indicator?: string;
  /** How many units of change (people, or people × distance travelled). Never negative. */
  quantity: number;
  /** How many people the quantity was measured on (recorded for readers). */
  sampleSize?: number;
  proxy: FinancialProxy;
  /** Share of the change that would have happened anyway (0..1). */
  deadweight?: number;
  /** Share of the change that merely moved elsewhere (0..1). */
  displacement?: number;
  /** Share of the change due to others, deducted (0..1). Give this or `serviceContribution`. */
  attribution?: number;
  /** Share of the change due to this service (0..1); attribution = 1 − serviceContribution. */
  serviceContribution?: number;
  /** Share of the outcome lost each year after its first (0..1). */
  dropOff?: number;
  /** How many years the outcome lasts (whole years, at least 1). */
  duration: number;
  /** Analysis year the outcome begins: 1 in the period of the activity, 2 in the period after. */
  start?: number;
}

/**
 * How an input is valued.
 *
 * @example
 * const kind: InputKind = 'volunteer-time';
 */
export type InputKind = 'cash' | 'in-kind' | 'volunteer-time';

/**
 * A resource put in: money, donated goods or services, or volunteer time.
 *
 * @example
 * const volunteers: Input = { id: 'volunteers', name: 'Volunteer time', kind: 'volunteer-time', hours: 300, rate: 12 };
 */
export interface Input {
  id: string;
  name: string;
  /** Defaults to `cash`. `volunteer-time` is valued as hours × rate. */
  kind?: InputKind;
  /** Money value, for cash and in-kind inputs. */
  amount?: number;
  /** Hours given, for volunteer time. */
  hours?: number;
  /** Value of an hour (e.g. the National Living Wage), for volunteer time. */
  rate?: number;
  /** Analysis year the input is spent (default 1); discounted like outcomes. */
  year?: number;
}

/**
 * Changes to one outcome made by a scenario.
 *
 * @example
 * const changes: OutcomeChanges = { duration: 2, dropOff: 0.5 };
 */
export interface OutcomeChanges {
  quantity?: number;
  deadweight?: number;
  displacement?: number;
  attribution?: number;
  serviceContribution?: number;
  dropOff?: number;
  duration?: number;
  start?: number;
}

/**
 * A named variation of the model, e.g. "Conservative: all proxies halved".
 *
 * @example
 * const conservative: Scenario = { name: 'Conservative', proxyScale: 0.5 };
 */
export interface Scenario {
  name: string;
  description?: string;
  /** Multiply every financial proxy by this factor (applied before `proxyValues`). */
  proxyScale?: number;
  /** Replace named outcomes' proxy values: `{ "housing": 13382 }`. Taken as written, not scaled. */
  proxyValues?: Record<string, number>;
  /** Changes applied to every outcome (before `outcomeChanges`). */
  allOutcomes?: OutcomeChanges;
  /** Changes to named outcomes: `{ "housing": { "duration": 3 } }`. */
  outcomeChanges?: Record<string, OutcomeChanges>;
  /** Inputs to add, e.g. volunteer time. */
  addInputs?: Input[];
  /** Ids of inputs to remove. */
  removeInputs?: string[];
}

/**
 * A uniform distribution between `min` and `max`.
 *
 * @example
 * const d: UniformDistribution = { type: 'uniform', min: 0.1, max: 0.3 };
 */
export interface UniformDistribution {
  type: 'uniform';
  min: number;
  max: number;
}

/**
 * A triangular distribution with its most likely value at `mode`.
 *
 * @example
 * const d: TriangularDistribution = { type: 'triangular', min: 500, mode: 1000, max: 1500 };
 */
export interface TriangularDistribution {
  type: 'triangular';
  min: number;
  mode: number;
  max: number;
}

/**
 * A normal distribution cut off at `min` and `max` (which default to the estimate's own limits).
 *
 * @example
 * const d: TruncatedNormalDistribution = { type: 'truncated-normal', mean: 0.3, sd: 0.1 };
 */
export interface TruncatedNormalDistribution {
  type: 'truncated-normal';
  mean: number;
  sd: number;
  min?: number;
  max?: number;
}

/**
 * A (modified) PERT distribution: a beta distribution shaped by min, mode, max; `lambda` defaults to 4.
 *
 * @example
 * const d: PertDistribution = { type: 'pert', min: 0, mode: 0.1, max: 0.3 };
 */
export interface PertDistribution {
  type: 'pert';
  min: number;
  mode: number;
  max: number;
  lambda?: number;
}

/**
 * Any distribution an estimate may be given for Monte Carlo simulation.
 *
 * @example
 * const d: Distribution = { type: 'triangular', min: 500, mode: 1000, max: 1500 };
 */
export type Distribution =
  | UniformDistribution
  | TriangularDistribution
  | TruncatedNormalDistribution
  | PertDistribution;

/**
 * Distributions keyed by estimate path, e.g. `"outcomes.housing.proxy.value"`.
 * Paths: `outcomes.<id>.proxy.value | quantity | deadweight | displacement | attribution |
 * serviceContribution | dropOff | duration`, `inputs.<id>.amount | hours | rate`.
 *
 * @example
 * const spec: UncertaintySpec = { 'outcomes.housing.deadweight': { type: 'uniform', min: 0.1, max: 0.3 } };
 */
export type UncertaintySpec = Record<string, Distribution>;

/**
 * A whole impact model, as read from a `*.impact-map.json` file.
 *
 * @example
 * const model: ImpactModel = JSON.parse(readFileSync('service.impact-map.json', 'utf8'));
 */
export interface ImpactModel {
  $schema?: string;
  title?: string;
  description?: string;
  settings?: ModelSettings;
  stakeholders: Stakeholder[];
  outcomes: Outcome[];
  inputs: Input[];
  scenarios?: Scenario[];
  uncertainty?: UncertaintySpec;
}

/**
 * Where and what is wrong (an error) or questionable (a warning) in a model.
 *
 * @example
 * const issue: Issue = { path: 'outcomes[0].deadweight', code: 'out_of_range', message: 'deadweight must be between 0 and 1; got 1.2' };
 */
export interface Issue {
  /** Location in the model, e.g. `outcomes[0].deadweight`. Empty for the model as a whole. */
  path: string;
  /** Stable machine-readable code, e.g. `out_of_range`. */
  code: string;
  /** A sentence for people. */
  message: string;
}
