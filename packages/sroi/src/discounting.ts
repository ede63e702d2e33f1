import type { ModelSettings } from './model.ts';
import { DISCOUNT_SCHEDULES, type DiscountSchedule, scheduleRate } from './schedules.ts';

/**
 * The default rate when a model states none: the Green Book short-term rate (3.5%).
 *
 * @example
 * const rate = model.settings?.discountRate ?? DEFAULT_DISCOUNT_RATE;
 */
export const DEFAULT_DISCOUNT_RATE = 0.035;

const INPUTS_STATEMENT =
  'Inputs are spent at the start of their year: year-1 inputs at face value, year-t inputs discounted over t − 1 years';

/**
 * How values were discounted; printed with every result because it changes every ratio.
 *
 * @example
 * const { statement, inputsStatement }: DiscountConventions = calculate(model).conventions;
 */
export interface DiscountConventions {
  firstYearDiscounted: boolean;
  /** The single rate used, or null when a schedule was used. */
  discountRate: number | null;
  /** The schedule used, or null when a single rate was used. */
  discountSchedule: { name: string; version: string } | null;
  /** One sentence for people, e.g. "Year 1 discounted: PV = Σ value_t / (1 + 3.5%)^t". */
  statement: string;
  /** How inputs are discounted: spent at the start of their year, so year-1 inputs at face value. */
  inputsStatement: string;
}

/**
 * Resolve a model's settings into the conventions in force (applying defaults).
 *
 * @example
 * discountConventions({ discountRate: 0.035 }).statement;
 * // "Year 1 discounted: PV = Σ value_t / (1 + 3.5%)^t"
 */
export function discountConventions(settings: ModelSettings | undefined): DiscountConventions {
  const firstYearDiscounted = settings?.firstYearDiscounted ?? true;
  const exponent = firstYearDiscounted ? 't' : '(t − 1)';
  const yearOne = firstYearDiscounted ? 'Year 1 discounted' : 'Year 1 not discounted';
  if (settings?.discountSchedule) {
    const schedule: DiscountSchedule = DISCOUNT_SCHEDULES[settings.discountSchedule];
    return {
      firstYearDiscounted,
      discountRate: null,
      discountSchedule: { name: schedule.name, version: schedule.version },
      statement: `${yearOne}; ${schedule.title} (schedule ${schedule.version}); factor for year t = Π 1 / (1 + r_y) over the first ${exponent} years`,
      inputsStatement: INPUTS_STATEMENT,
    };
  }
  const rate = settings?.discountRate ?? DEFAULT_DISCOUNT_RATE;
  const percent = `${Number((rate * 100).toFixed(4))}%`;
  return {
    firstYearDiscounted,
    discountRate: rate,
    discountSchedule: null,
    statement: `${yearOne}: PV = Σ value_t / (1 + ${percent})^${exponent}`,
    inputsStatement: INPUTS_STATEMENT,
  };
}

/**
 * Discount factors for analysis years 1..years; index 0 is unused (1) so `factors[t]` is year t.
 * With a schedule, the factor is the product of 1 / (1 + r_y) over the discounted periods.
 *
 * @example
 * discountFactors({ discountRate: 0.035, firstYearDiscounted: true }, 2); // [1, 0.9662, 0.9335]
 */
export function discountFactors(settings: ModelSettings | undefined, years: number): Float64Array {
  const factors = new Float64Array(years + 1);
  factors[0] = 1;
  const firstYearDiscounted = settings?.firstYearDiscounted ?? true;
  const schedule = settings?.discountSchedule ? DISCOUNT_SCHEDULES[settings.discountSchedule] : undefined;
  const rate = settings?.discountRate ?? DEFAULT_DISCOUNT_RATE;
  let factor = 1;
  for (let t = 1; t <= years; t++) {
    // Periods discounted up to the end of year t: t of them, or t − 1 when year 1 is undiscounted.
    const period = firstYearDiscounted ? t : t - 1;
    if (schedule) {
      if (period >= 1) factor /= 1 + scheduleRate(schedule, period);
      factors[t] = factor;
    } else {
      factors[t] = 1 / (1 + rate) ** period;
    }
  }
  return factors;
}
