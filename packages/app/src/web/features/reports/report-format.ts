import { formatDate } from '../../lib/dates.ts';

/** "6 August 2018" from a calendar date "2018-08-06", whatever the browser's time zone. */
export function formatCalendarDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return formatDate(new Date(year, month - 1, day, 12));
}

/** "3 (60.0%)"; just the count when there is no percentage (a total of 0). */
export function formatShare({ count, percent }: { count: number; percent: number | null }): string {
  return percent === null ? String(count) : `${count} (${percent.toFixed(1)}%)`;
}

/** "2.33 (range 0–6)", as Table 1 of the review writes contacts per case. */
export function formatMeanRange({
  mean,
  min,
  max,
}: {
  mean: number | null;
  min: number | null;
  max: number | null;
}): string {
  return mean === null ? 'No cases' : `${mean.toFixed(2)} (range ${min}–${max})`;
}

/** "32.5 days (2 cases)": the mean length on the books of the discharged cases. */
export function formatDaysOnBooks({ count, mean }: { count: number; mean: number | null }): string {
  if (mean === null) return 'None discharged';
  return `${mean.toFixed(1)} days (${count} ${count === 1 ? 'case' : 'cases'})`;
}

/** "20 December 2025 to 1 March 2026", or what is known of the range. */
export function formatPeriod(from: string | null, to: string | null): string {
  if (from && to) return `${formatCalendarDate(from)} to ${formatCalendarDate(to)}`;
  if (from) return `From ${formatCalendarDate(from)}`;
  if (to) return `Up to ${formatCalendarDate(to)}`;
  return 'No referrals';
}
