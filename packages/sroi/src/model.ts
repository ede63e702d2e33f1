/**
 * The impact model: the JSON file format the engine reads, as TypeScript types.
 * Field names follow the SROI guide's words; where two conventions exist the name says which.
 */

/** Names of the discount schedules held in `schedules.ts`. */
export type DiscountScheduleName = 'green-book-standard' | 'green-book-health';

/** Analysis-wide settings. */
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

/** A group of people (or an organisation, or the state) who experience change. */
export interface Stakeholder {
  id: string;
  name: string;
}

/** The financial proxy: the money value of one unit of the outcome. May be negative (harm). */
export interface FinancialProxy {
  value: number;
  /** Where the value comes from; a proxy without a source draws a warning. */
  source?: string;
  /** The year whose prices the value is in. Recorded, not adjusted for. */
  priceYear?: number;
}

/** One outcome for one stakeholder: the well-defined change and its valuation. */
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

/** How an input is valued. */
export type InputKind = 'cash' | 'in-kind' | 'volunteer-time';

/** A resource put in: money, donated goods or services, or volunteer time. */
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

/** Changes to one outcome made by a scenario. */
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

/** A named variation of the model, e.g. "Conservative: all proxies halved". */
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

/** A uniform distribution between `min` and `max`. */
export interface UniformDistribution {
  type: 'uniform';
  min: number;
  max: number;
}

/** A triangular distribution with its most likely value at `mode`. */
export interface TriangularDistribution {
  type: 'triangular';
  min: number;
  mode: number;
  max: number;
}

/** A normal distribution cut off at `min` and `max` (which default to the estimate's own limits). */
export interface TruncatedNormalDistribution {
  type: 'truncated-normal';
  mean: number;
  sd: number;
  min?: number;
  max?: number;
}

/** A (modified) PERT distribution: a beta distribution shaped by min, mode, max; `lambda` defaults to 4. */
export interface PertDistribution {
  type: 'pert';
  min: number;
  mode: number;
  max: number;
  lambda?: number;
}

/** Any distribution an estimate may be given for Monte Carlo simulation. */
export type Distribution =
  | UniformDistribution
  | TriangularDistribution
  | TruncatedNormalDistribution
  | PertDistribution;

/**
 * Distributions keyed by estimate path, e.g. `"outcomes.housing.proxy.value"`.
 * Paths: `outcomes.<id>.proxy.value | quantity | deadweight | displacement | attribution |
 * serviceContribution | dropOff | duration`, `inputs.<id>.amount | hours | rate`.
 */
export type UncertaintySpec = Record<string, Distribution>;

/** A whole impact model, as read from a `*.impact-map.json` file. */
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

/** Where and what is wrong (an error) or questionable (a warning) in a model. */
export interface Issue {
  /** Location in the model, e.g. `outcomes[0].deadweight`. Empty for the model as a whole. */
  path: string;
  /** Stable machine-readable code, e.g. `out_of_range`. */
  code: string;
  /** A sentence for people. */
  message: string;
}
