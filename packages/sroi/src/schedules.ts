import type { DiscountScheduleName } from './model.ts';

/**
 * One band of a discount schedule: the rate for analysis years `from`..`to` (inclusive).
 *
 * @example
 * const band: DiscountBand = { from: 0, to: 30, rate: 0.035 };
 */
export interface DiscountBand {
  from: number;
  /** Last year of the band; `null` means "and every later year". */
  to: number | null;
  rate: number;
}

/**
 * A named schedule of discount rates, held as versioned data so results can say which one they used.
 *
 * @example
 * const schedule: DiscountSchedule = DISCOUNT_SCHEDULES['green-book-health'];
 */
export interface DiscountSchedule {
  name: DiscountScheduleName;
  title: string;
  source: string;
  /** Version of this data in the package; bump it when a rate changes. */
  version: string;
  /** Date the rates were checked against the source. */
  checked: string;
  bands: readonly DiscountBand[];
}

/**
 * Version of the schedule data as a whole.
 *
 * @example
 * console.log(`Discount schedules as of ${SCHEDULES_VERSION}`);
 */
export const SCHEDULES_VERSION = '2026-11-23';

/**
 * Discount schedules. The Green Book gives declining long-term rates because uncertainty grows
 * with time. The health schedule holds the 1.5% rate for every year, as specified for Peerpath;
 * check the current Green Book before using it for horizons longer than 30 years.
 *
 * @example
 * DISCOUNT_SCHEDULES['green-book-standard'].bands[0]; // { from: 0, to: 30, rate: 0.035 }
 */
export const DISCOUNT_SCHEDULES: Readonly<Record<DiscountScheduleName, DiscountSchedule>> = {
  'green-book-standard': {
    name: 'green-book-standard',
    title: 'HM Treasury Green Book standard rate (declining)',
    source:
      'HM Treasury, The Green Book: appraisal and evaluation in central government, discount rate table',
    version: SCHEDULES_VERSION,
    checked: SCHEDULES_VERSION,
    bands: [
      { from: 0, to: 30, rate: 0.035 },
      { from: 31, to: 75, rate: 0.03 },
      { from: 76, to: 125, rate: 0.025 },
      { from: 126, to: 200, rate: 0.02 },
      { from: 201, to: 300, rate: 0.015 },
      { from: 301, to: null, rate: 0.01 },
    ],
  },
  'green-book-health': {
    name: 'green-book-health',
    title: 'HM Treasury Green Book health rate',
    source:
      'HM Treasury, The Green Book: appraisal and evaluation in central government, health discount rate',
    version: SCHEDULES_VERSION,
    checked: SCHEDULES_VERSION,
    bands: [{ from: 0, to: null, rate: 0.015 }],
  },
};

/** The rate a schedule gives for analysis year `year`. */
export function scheduleRate(schedule: DiscountSchedule, year: number): number {
  for (const band of schedule.bands) {
    if (year >= band.from && (band.to === null || year <= band.to)) return band.rate;
  }
  const last = schedule.bands[schedule.bands.length - 1];
  return last ? last.rate : 0;
}
