import { discountFactors } from './discounting.ts';
import type { ImpactModel } from './model.ts';

/**
 * A model flattened into typed arrays, with defaults resolved and discount factors computed once.
 * Monte Carlo and sensitivity re-evaluate this many times, so nothing here allocates per evaluation.
 */
export interface PreparedModel {
  outcomeCount: number;
  quantity: Float64Array;
  proxy: Float64Array;
  deadweight: Float64Array;
  displacement: Float64Array;
  attribution: Float64Array;
  dropOff: Float64Array;
  duration: Float64Array;
  start: Float64Array;
  inputCount: number;
  /** Cash or in-kind amount; for volunteer time, hours (the value is hours × rate). */
  inputAmount: Float64Array;
  /** 1 for cash and in-kind inputs; the hourly rate for volunteer time. */
  inputRate: Float64Array;
  inputYear: Float64Array;
  /** Discount factor for outcome values in analysis year t, at index t. */
  discount: Float64Array;
  /**
   * Discount factor for inputs spent in analysis year t: inputs are spent at the start of their year,
   * so year 1 is never discounted and year t is discounted over t − 1 periods, whichever outcome
   * convention is in force. This keeps the SROI guide's ratio (PV of outcomes / investment) intact.
   */
  inputDiscount: Float64Array;
  /** The last analysis year the discount table covers. */
  maxYear: number;
  /** The model's own analysis horizon (last year with an outcome or input). */
  horizon: number;
}

/** Flatten a validated model. `spareYears` extends the discount table for longer sampled durations. */
export function prepareModel(model: ImpactModel, spareYears = 0): PreparedModel {
  const outcomes = model.outcomes;
  const n = outcomes.length;
  const prepared: PreparedModel = {
    outcomeCount: n,
    quantity: new Float64Array(n),
    proxy: new Float64Array(n),
    deadweight: new Float64Array(n),
    displacement: new Float64Array(n),
    attribution: new Float64Array(n),
    dropOff: new Float64Array(n),
    duration: new Float64Array(n),
    start: new Float64Array(n),
    inputCount: model.inputs.length,
    inputAmount: new Float64Array(model.inputs.length),
    inputRate: new Float64Array(model.inputs.length),
    inputYear: new Float64Array(model.inputs.length),
    discount: new Float64Array(1),
    inputDiscount: new Float64Array(1),
    maxYear: 0,
    horizon: 0,
  };
  let horizon = 1;
  outcomes.forEach((outcome, i) => {
    prepared.quantity[i] = outcome.quantity;
    prepared.proxy[i] = outcome.proxy.value;
    prepared.deadweight[i] = outcome.deadweight ?? 0;
    prepared.displacement[i] = outcome.displacement ?? 0;
    prepared.attribution[i] =
      outcome.serviceContribution !== undefined
        ? 1 - outcome.serviceContribution
        : (outcome.attribution ?? 0);
    prepared.dropOff[i] = outcome.dropOff ?? 0;
    prepared.duration[i] = outcome.duration;
    prepared.start[i] = outcome.start ?? 1;
    horizon = Math.max(horizon, (outcome.start ?? 1) + outcome.duration - 1);
  });
  model.inputs.forEach((input, j) => {
    const isTime = input.kind === 'volunteer-time';
    prepared.inputAmount[j] = isTime ? (input.hours ?? 0) : (input.amount ?? 0);
    prepared.inputRate[j] = isTime ? (input.rate ?? 0) : 1;
    prepared.inputYear[j] = input.year ?? 1;
    horizon = Math.max(horizon, input.year ?? 1);
  });
  prepared.horizon = horizon;
  prepared.maxYear = horizon + spareYears;
  prepared.discount = discountFactors(model.settings, prepared.maxYear);
  prepared.inputDiscount = discountFactors(
    { ...model.settings, firstYearDiscounted: false },
    prepared.maxYear,
  );
  return prepared;
}

/** Impact in the outcome's first year: quantity × proxy × (1 − deadweight)(1 − displacement)(1 − attribution). */
export function outcomeImpact(p: PreparedModel, i: number): number {
  return (
    (p.quantity[i] as number) *
    (p.proxy[i] as number) *
    (1 - (p.deadweight[i] as number)) *
    (1 - (p.displacement[i] as number)) *
    (1 - (p.attribution[i] as number))
  );
}

/**
 * Present value of one outcome per unit of first-year impact: Σ (1 − dropOff)^(k−1) × D(start + k − 1)
 * over outcome years k = 1..duration.
 */
export function outcomeStreamFactor(p: PreparedModel, i: number): number {
  const keep = 1 - (p.dropOff[i] as number);
  const first = p.start[i] as number;
  const last = Math.min(first + (p.duration[i] as number) - 1, p.maxYear);
  let level = 1;
  let sum = 0;
  for (let t = first; t <= last; t++) {
    sum += level * (p.discount[t] as number);
    level *= keep;
  }
  return sum;
}

/** Present value of one outcome. */
export function outcomePresentValue(p: PreparedModel, i: number): number {
  return outcomeImpact(p, i) * outcomeStreamFactor(p, i);
}

/** Present value of all outcomes. */
export function totalPresentValue(p: PreparedModel): number {
  let total = 0;
  for (let i = 0; i < p.outcomeCount; i++) total += outcomePresentValue(p, i);
  return total;
}

/** Undiscounted value of one input. */
export function inputValue(p: PreparedModel, j: number): number {
  return (p.inputAmount[j] as number) * (p.inputRate[j] as number);
}

/** Present value of one input (spent at the start of its year; see `inputDiscount`). */
export function inputPresentValue(p: PreparedModel, j: number): number {
  return inputValue(p, j) * (p.inputDiscount[p.inputYear[j] as number] as number);
}

/** Present value of all inputs. */
export function totalInputsValue(p: PreparedModel): number {
  let total = 0;
  for (let j = 0; j < p.inputCount; j++) total += inputPresentValue(p, j);
  return total;
}
