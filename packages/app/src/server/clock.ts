/** The one source of "now", passed to code whose rules depend on time, so tests can move it. */
export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };

const londonDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (yyyy-mm-dd) of a moment in the UK, where the service's days begin and end. */
export function ukDateOf(moment: Date): string {
  return londonDay.format(moment);
}
