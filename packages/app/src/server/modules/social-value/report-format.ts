/** UK money and date style for the report and its exports: £1,234; £1 : £2.29; 6 August 2018. */

const wholePounds = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  maximumFractionDigits: 0,
  minimumFractionDigits: 0,
});
const poundsAndPence = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const count = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const calendarDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const londonMoment = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
});

/** "£1,234" (whole pounds), "−£50" for a negative amount. */
export const formatPounds = (pounds: number): string => wholePounds.format(pounds).replace('-', '−');
/** "£7.50": for rates and unit values under £100, where pence matter. */
export const formatPoundsPence = (pounds: number): string => poundsAndPence.format(pounds).replace('-', '−');
/** A proxy or rate value: pence shown when it has any. */
export const formatValue = (pounds: number): string =>
  Number.isInteger(Math.round(pounds * 100) / 100) ? formatPounds(pounds) : formatPoundsPence(pounds);
/** "£1 : £2.29", the review's way of writing a ratio. */
export const formatRatio = (ratio: number): string => `£1 : £${ratio.toFixed(2)}`;
/** "2.29" */
export const formatRatioNumber = (ratio: number): string => ratio.toFixed(2);
/** "1,234" or "12.5" */
export const formatCount = (n: number): string => count.format(n);
/** "35%", "8.5%" */
export const formatPercent = (share: number): string => `${Number((share * 100).toFixed(1))}%`;
/** "6 August 2018" from "2018-08-06". */
export const formatCalendarDate = (isoDate: string): string =>
  calendarDate.format(new Date(`${isoDate}T12:00:00Z`));
/** "23 November 2026, 9:40 pm" in UK time. */
export const formatMoment = (moment: Date): string => londonMoment.format(moment);
