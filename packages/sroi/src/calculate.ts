import { type DiscountConventions, discountConventions } from './discounting.ts';
import { InvalidModelError } from './errors.ts';
import type { ImpactModel, InputKind, Issue } from './model.ts';
import {
  inputPresentValue,
  inputValue,
  outcomeImpact,
  outcomePresentValue,
  type PreparedModel,
  prepareModel,
} from './prepared-model.ts';
import { validateModel } from './validate.ts';

/**
 * One outcome's figures.
 *
 * @example
 * const housing: OutcomeResult | undefined = calculate(model).outcomes.find((o) => o.id === 'housing');
 */
export interface OutcomeResult {
  id: string;
  stakeholder: string;
  name: string;
  /** Value in the outcome's first year, after deadweight, displacement and attribution. */
  impact: number;
  /** Undiscounted value in each analysis year from year 1 to the outcome's last (zeros before it starts). */
  values: number[];
  presentValue: number;
}

/**
 * One stakeholder's share of the value.
 *
 * @example
 * for (const s of calculate(model).stakeholders) console.log(s.name, s.share);
 */
export interface StakeholderResult {
  id: string;
  name: string;
  presentValue: number;
  /** Share of the total present value (0..1); null when the total is zero. */
  share: number | null;
}

/**
 * One input's figures.
 *
 * @example
 * const inputs: InputResult[] = calculate(model).inputs;
 */
export interface InputResult {
  id: string;
  name: string;
  kind: InputKind;
  year: number;
  /** Undiscounted value (amount, or hours × rate). */
  value: number;
  presentValue: number;
}

/**
 * Everything `calculate` works out. Money is unrounded; round only for display.
 *
 * @example
 * const result: SroiResult = calculate(model);
 * console.log(result.ratio, result.paybackMonths, result.conventions.statement);
 */
export interface SroiResult {
  conventions: DiscountConventions;
  /** Last analysis year with an outcome or input. */
  horizon: number;
  /** Discount factor for analysis years 1..horizon. */
  discountFactors: number[];
  outcomes: OutcomeResult[];
  stakeholders: StakeholderResult[];
  inputs: InputResult[];
  /** Present value of all outcomes. */
  presentValue: number;
  /** Present value of all inputs. */
  inputsValue: number;
  /** presentValue − inputsValue. */
  netPresentValue: number;
  /** SROI ratio: presentValue / inputsValue. */
  ratio: number;
  /** netPresentValue / inputsValue. */
  netRatio: number;
  /** Sum of every outcome's first-year impact (undiscounted), the basis of payback. */
  annualImpact: number;
  /** inputsValue / (annualImpact / 12); null when the annual impact is not positive (never paid back). */
  paybackMonths: number | null;
  /** presentValue / settings.participants; null when participants is not given. */
  valuePerParticipant: number | null;
}

/**
 * Throw a typed error when the model has errors; return it typed otherwise.
 *
 * @throws {InvalidModelError} carrying every located issue.
 * @example
 * const model = assertValidModel(JSON.parse(text)); // typed ImpactModel from here on
 */
export function assertValidModel(model: unknown, context?: string): ImpactModel {
  const { valid, errors, model: checked } = validateModel(model);
  if (!valid || !checked) throw new InvalidModelError(errors as Issue[], context);
  return checked;
}

/**
 * Calculate the social return on investment of a model: the value of each outcome in each year,
 * present values per outcome, stakeholder and in total, the inputs' value, NPV, ratios and payback.
 *
 * @throws {InvalidModelError} when the model has validation errors (see `validateModel`).
 * @example
 * const result = calculate(model);
 * console.log(`£1 : £${result.ratio.toFixed(2)}`, result.conventions.statement);
 */
export function calculate(model: ImpactModel): SroiResult {
  const checked = assertValidModel(model);
  return calculatePrepared(checked, prepareModel(checked));
}

/** The calculation on an already validated and prepared model (no validation). */
export function calculatePrepared(model: ImpactModel, p: PreparedModel): SroiResult {
  const outcomes: OutcomeResult[] = model.outcomes.map((outcome, i) => {
    const impact = outcomeImpact(p, i);
    const start = p.start[i] as number;
    const duration = p.duration[i] as number;
    const keep = 1 - (p.dropOff[i] as number);
    const values: number[] = [];
    for (let t = 1; t < start; t++) values.push(0);
    for (let k = 1; k <= duration; k++) values.push(impact * keep ** (k - 1));
    return {
      id: outcome.id,
      stakeholder: outcome.stakeholder,
      name: outcome.name,
      impact,
      values,
      presentValue: outcomePresentValue(p, i),
    };
  });
  const presentValue = outcomes.reduce((sum, o) => sum + o.presentValue, 0);
  const stakeholders: StakeholderResult[] = model.stakeholders.map((s) => {
    const value = outcomes.filter((o) => o.stakeholder === s.id).reduce((sum, o) => sum + o.presentValue, 0);
    return {
      id: s.id,
      name: s.name,
      presentValue: value,
      share: presentValue === 0 ? null : value / presentValue,
    };
  });
  const inputs: InputResult[] = model.inputs.map((input, j) => ({
    id: input.id,
    name: input.name,
    kind: input.kind ?? 'cash',
    year: input.year ?? 1,
    value: inputValue(p, j),
    presentValue: inputPresentValue(p, j),
  }));
  const inputsValue = inputs.reduce((sum, input) => sum + input.presentValue, 0);
  const annualImpact = outcomes.reduce((sum, o) => sum + o.impact, 0);
  const participants = model.settings?.participants;
  return {
    conventions: discountConventions(model.settings),
    horizon: p.horizon,
    discountFactors: Array.from(p.discount.subarray(1, p.horizon + 1)),
    outcomes,
    stakeholders,
    inputs,
    presentValue,
    inputsValue,
    netPresentValue: presentValue - inputsValue,
    ratio: presentValue / inputsValue,
    netRatio: (presentValue - inputsValue) / inputsValue,
    annualImpact,
    paybackMonths: annualImpact > 0 ? inputsValue / (annualImpact / 12) : null,
    valuePerParticipant: participants ? presentValue / participants : null,
  };
}
