import { assertValidModel } from './calculate.ts';
import {
  type Estimate,
  type EstimateField,
  fieldLimits,
  fieldWords,
  findEstimate,
  listEstimates,
  RATE_ESTIMATES,
  setEstimate,
} from './estimates.ts';
import type { ImpactModel } from './model.ts';
import { type PreparedModel, prepareModel, totalInputsValue, totalPresentValue } from './prepared-model.ts';

/** Longest duration the break-even search tries, in whole years. */
export const DURATION_SEARCH_LIMIT = 50;

/**
 * How a break-even value was found.
 *
 * @example
 * const method: BreakEvenMethod = 'bisection';
 */
export type BreakEvenMethod = 'closed-form' | 'bisection' | 'whole-year search';

/**
 * The value of one estimate at which the ratio is exactly 1:1 (value created equals inputs).
 *
 * @example
 * const dw: BreakEven | undefined = sensitivity(model).breakEvens.find((b) => b.field === 'deadweight');
 */
export interface BreakEven {
  path: string;
  label: string;
  field: EstimateField;
  /** The value in the model. */
  current: number;
  /** The break-even value, or null when it cannot be reached. */
  breakEven: number | null;
  reachable: boolean;
  /** Why it cannot be reached, e.g. "deadweight would have to exceed 100%". */
  reason: string | null;
  method: BreakEvenMethod;
}

/**
 * One bar of a tornado chart: the ratio with one estimate lowered and raised, all else as modelled.
 *
 * @example
 * const [largest]: Swing[] = sensitivity(model).tornado;
 */
export interface Swing {
  path: string;
  label: string;
  current: number;
  lowValue: number;
  highValue: number;
  lowRatio: number;
  highRatio: number;
  /** |highRatio − lowRatio|; the bars are sorted by this, largest first. */
  swing: number;
}

/**
 * Options for `sensitivity`.
 *
 * @example
 * const options: SensitivityOptions = { swing: 0.1 }; // ±10%
 */
export interface SensitivityOptions {
  /** One-at-a-time change for the tornado, as a share (default 0.2 for ±20%). */
  swing?: number;
}

/**
 * What `sensitivity` found.
 *
 * @example
 * const { breakEvens, tornado }: SensitivityResult = sensitivity(model);
 */
export interface SensitivityResult {
  ratio: number;
  swing: number;
  breakEvens: BreakEven[];
  tornado: Swing[];
}

/** Value created minus inputs with one estimate set to `value` (restored afterwards). */
function surplusWith(p: PreparedModel, e: Estimate, value: number): number {
  setEstimate(p, e, value);
  const surplus = totalPresentValue(p) - totalInputsValue(p);
  setEstimate(p, e, e.value);
  return surplus;
}

function ratioWith(p: PreparedModel, e: Estimate, value: number): number {
  setEstimate(p, e, value);
  const ratio = totalPresentValue(p) / totalInputsValue(p);
  setEstimate(p, e, e.value);
  return ratio;
}

/**
 * The SROI ratio with one estimate changed, everything else as modelled. Useful for checking a
 * break-even value or drawing a curve.
 *
 * @example
 * const ratio = ratioWithEstimate(model, 'outcomes.housing.deadweight', 0.5);
 */
export function ratioWithEstimate(model: ImpactModel, path: string, value: number): number {
  const checked = assertValidModel(model);
  const p = prepareModel(checked, DURATION_SEARCH_LIMIT);
  return ratioWith(p, findEstimate(checked, path), value);
}

function describeLimit(e: Estimate, side: 'above' | 'below', surplusAtLimit: number): string {
  const words = fieldWords(e.field);
  const isRate = RATE_ESTIMATES.has(e.field);
  const needed =
    side === 'above'
      ? `${words} would have to exceed 100%`
      : `${words} would have to be ${isRate ? 'below 0%' : 'negative'}`;
  const limit = side === 'above' ? '100%' : isRate ? '0%' : 'zero';
  const stays = surplusAtLimit >= 0 ? 'at or above' : 'below';
  return `${needed} (the ratio stays ${stays} 1:1 even at ${limit})`;
}

/**
 * Break-even of an estimate on which value created minus inputs depends linearly (proxy, quantity,
 * the (1 − x) factors, inputs): two evaluations give the line, and its root is the break-even.
 */
function linearBreakEven(
  p: PreparedModel,
  e: Estimate,
): Omit<BreakEven, 'path' | 'label' | 'field' | 'current'> {
  const method = 'closed-form' as const;
  const f0 = surplusWith(p, e, 0);
  const f1 = surplusWith(p, e, 1);
  const slope = f1 - f0;
  if (slope === 0) {
    return {
      breakEven: null,
      reachable: false,
      reason: `changing the ${fieldWords(e.field)} does not change the ratio (its outcome or input has no value)`,
      method,
    };
  }
  const root = -f0 / slope;
  const { low, high } = fieldLimits(e.field);
  if (root > high)
    return {
      breakEven: null,
      reachable: false,
      reason: describeLimit(e, 'above', f0 + slope * high),
      method,
    };
  if (root < low)
    return { breakEven: null, reachable: false, reason: describeLimit(e, 'below', f0 + slope * low), method };
  return { breakEven: root, reachable: true, reason: null, method };
}

function dropOffBreakEven(
  p: PreparedModel,
  e: Estimate,
): Omit<BreakEven, 'path' | 'label' | 'field' | 'current'> {
  const method = 'bisection' as const;
  if ((p.duration[e.index] as number) <= 1) {
    return {
      breakEven: null,
      reachable: false,
      reason: 'drop-off has no effect on a one-year outcome',
      method,
    };
  }
  let lo = 0;
  let hi = 1;
  const fLo = surplusWith(p, e, lo);
  const fHi = surplusWith(p, e, hi);
  if (fLo === 0) return { breakEven: 0, reachable: true, reason: null, method };
  if (fHi === 0) return { breakEven: 1, reachable: true, reason: null, method };
  if (fLo > 0 && fHi > 0) {
    return {
      breakEven: null,
      reachable: false,
      reason: 'the ratio stays above 1:1 even with 100% drop-off',
      method,
    };
  }
  if (fLo < 0 && fHi < 0) {
    return {
      breakEven: null,
      reachable: false,
      reason: 'the ratio stays below 1:1 even with no drop-off',
      method,
    };
  }
  const rising = fHi > fLo;
  for (let step = 0; step < 200 && hi - lo > 1e-13; step++) {
    const mid = (lo + hi) / 2;
    const f = surplusWith(p, e, mid);
    if (f > 0 === rising) hi = mid;
    else lo = mid;
  }
  return { breakEven: (lo + hi) / 2, reachable: true, reason: null, method };
}

/**
 * Duration is whole years. For an outcome that adds value, the break-even is the smallest duration
 * at which the ratio is at least 1:1; for a harmful outcome, the largest.
 */
function durationBreakEven(
  p: PreparedModel,
  e: Estimate,
): Omit<BreakEven, 'path' | 'label' | 'field' | 'current'> {
  const method = 'whole-year search' as const;
  const one = surplusWith(p, e, 1);
  const longest = surplusWith(p, e, DURATION_SEARCH_LIMIT);
  if (one === longest) {
    return {
      breakEven: null,
      reachable: false,
      reason: 'the duration does not change the ratio (the outcome has no value)',
      method,
    };
  }
  const addsValue = longest > one;
  if (addsValue) {
    if (one >= 0) {
      return {
        breakEven: null,
        reachable: false,
        reason: 'the ratio stays at or above 1:1 even with a duration of 1 year',
        method,
      };
    }
    for (let years = 2; years <= DURATION_SEARCH_LIMIT; years++) {
      if (surplusWith(p, e, years) >= 0) return { breakEven: years, reachable: true, reason: null, method };
    }
    return {
      breakEven: null,
      reachable: false,
      reason: `the ratio stays below 1:1 even with a duration of ${DURATION_SEARCH_LIMIT} years`,
      method,
    };
  }
  if (one < 0) {
    return {
      breakEven: null,
      reachable: false,
      reason: 'the ratio stays below 1:1 even with a duration of 1 year',
      method,
    };
  }
  for (let years = DURATION_SEARCH_LIMIT; years >= 1; years--) {
    if (surplusWith(p, e, years) >= 0) {
      if (years === DURATION_SEARCH_LIMIT) {
        return {
          breakEven: null,
          reachable: false,
          reason: `the ratio stays at or above 1:1 even with a duration of ${DURATION_SEARCH_LIMIT} years`,
          method,
        };
      }
      return { breakEven: years, reachable: true, reason: null, method };
    }
  }
  return { breakEven: null, reachable: false, reason: 'no whole duration keeps the ratio at 1:1', method };
}

function breakEvenOf(p: PreparedModel, e: Estimate): BreakEven {
  const found =
    e.field === 'dropOff'
      ? dropOffBreakEven(p, e)
      : e.field === 'duration'
        ? durationBreakEven(p, e)
        : linearBreakEven(p, e);
  return { path: e.path, label: e.label, field: e.field, current: e.value, ...found };
}

function swingOf(p: PreparedModel, e: Estimate, share: number): Swing {
  const { low, high } = fieldLimits(e.field);
  const within = (x: number) => {
    const bounded = Math.min(high, Math.max(low, x));
    return e.field === 'duration' ? Math.max(1, Math.round(bounded)) : bounded;
  };
  // A negative proxy "lowered by 20%" becomes more negative: the swing follows the size, not the sign.
  const lowValue = within(e.value * (1 - share));
  const highValue = within(e.value * (1 + share));
  const lowRatio = ratioWith(p, e, lowValue);
  const highRatio = ratioWith(p, e, highValue);
  return {
    path: e.path,
    label: e.label,
    current: e.value,
    lowValue,
    highValue,
    lowRatio,
    highRatio,
    swing: Math.abs(highRatio - lowRatio),
  };
}

/**
 * Sensitivity analysis: for every estimate, the value at which the ratio reaches 1:1 (break-even),
 * and a one-at-a-time ±swing (default ±20%) giving the low and high ratio for a tornado chart.
 * Break-even is found by closed form for the linear estimates (proxy, quantity, deadweight,
 * displacement, attribution, inputs), by bisection for drop-off, and by whole-year search for duration.
 *
 * @throws {InvalidModelError} when the model is invalid.
 * @example
 * const { breakEvens, tornado } = sensitivity(model, { swing: 0.2 });
 * for (const b of breakEvens) console.log(b.label, b.reachable ? b.breakEven : b.reason);
 */
export function sensitivity(model: ImpactModel, options: SensitivityOptions = {}): SensitivityResult {
  const checked = assertValidModel(model);
  const share = options.swing ?? 0.2;
  if (!(share >= 0 && share <= 1)) throw new RangeError(`swing must be between 0 and 1; got ${share}`);
  const p = prepareModel(checked, DURATION_SEARCH_LIMIT);
  const estimates = listEstimates(checked);
  const tornado = estimates.map((e) => swingOf(p, e, share)).sort((a, b) => b.swing - a.swing);
  return {
    ratio: totalPresentValue(p) / totalInputsValue(p),
    swing: share,
    breakEvens: estimates.map((e) => breakEvenOf(p, e)),
    tornado,
  };
}
