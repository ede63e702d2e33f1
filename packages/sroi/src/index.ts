/**
 * @peerpath/sroi — social return on investment (SROI) and social cost-benefit engine.
 * Pure functions over a JSON impact model; no I/O, no runtime dependencies. This file is the only
 * entry point; everything importable is listed here.
 */

export {
  assertValidModel,
  calculate,
  type InputResult,
  type OutcomeResult,
  type SroiResult,
  type StakeholderResult,
} from './calculate.ts';
export {
  DEFAULT_DISCOUNT_RATE,
  type DiscountConventions,
  discountConventions,
  discountFactors,
} from './discounting.ts';
export { InvalidModelError } from './errors.ts';
export { type Estimate, type EstimateField, listEstimates } from './estimates.ts';
export type {
  DiscountScheduleName,
  Distribution,
  FinancialProxy,
  ImpactModel,
  Input,
  InputKind,
  Issue,
  ModelSettings,
  Outcome,
  OutcomeChanges,
  PertDistribution,
  Scenario,
  Stakeholder,
  TriangularDistribution,
  TruncatedNormalDistribution,
  UncertaintySpec,
  UniformDistribution,
} from './model.ts';
export {
  type HistogramBin,
  type SimulationOptions,
  type SimulationResult,
  type SimulationSummary,
  simulate,
} from './monte-carlo.ts';
export { Random } from './random.ts';
export { applyScenario, runScenarios, type ScenarioRow } from './scenarios.ts';
export {
  DISCOUNT_SCHEDULES,
  type DiscountBand,
  type DiscountSchedule,
  SCHEDULES_VERSION,
} from './schedules.ts';
export {
  type BreakEven,
  type BreakEvenMethod,
  ratioWithEstimate,
  type SensitivityOptions,
  type SensitivityResult,
  type Swing,
  sensitivity,
} from './sensitivity.ts';
export {
  PUBLISHED_RATIO_RANGE,
  RATIO_WARNING_LIMITS,
  type ValidationResult,
  validateModel,
} from './validate.ts';
