import { formatDate } from '../../lib/dates.ts';

// UK money style, as the report and its exports write it: £1,234; £1 : £2.29.

const wholePounds = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  maximumFractionDigits: 0,
  minimumFractionDigits: 0,
});
const poundsAndPence = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
const count = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** "£1,234"; "−£50" for a harm. */
export const formatPounds = (pounds: number): string => wholePounds.format(pounds).replace('-', '−');
/** "£7.50" */
export const formatPoundsPence = (pounds: number): string => poundsAndPence.format(pounds).replace('-', '−');
/** A unit value from pence: pence shown only when it has some. */
export const formatPence = (pence: number): string =>
  pence % 100 === 0 ? formatPounds(pence / 100) : formatPoundsPence(pence / 100);
/** "£1 : £2.29" */
export const formatRatio = (ratio: number): string => `£1 : £${ratio.toFixed(2)}`;
export const formatCount = (n: number): string => count.format(n);
/** "35%", "8.5%" */
export const formatPercent = (share: number | null): string =>
  share === null ? '–' : `${Number((share * 100).toFixed(1))}%`;
/** "6 August 2018" from "2018-08-06", whatever the browser's time zone. */
export function formatCalendarDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return formatDate(new Date(year, month - 1, day, 12));
}
export const formatPeriod = (from: string, to: string): string =>
  `${formatCalendarDate(from)} to ${formatCalendarDate(to)}`;

/** An estimate as people write it: shares in percent, durations in years, money in pounds. */
export function formatEstimate(path: string, value: number): string {
  if (/\.(deadweight|displacement|attribution|serviceContribution|dropOff)$/.test(path))
    return formatPercent(value);
  if (/\.duration$/.test(path)) return `${formatCount(value)} ${value === 1 ? 'year' : 'years'}`;
  if (/\.quantity$|\.hours$/.test(path)) return formatCount(value);
  return formatPounds(value);
}
