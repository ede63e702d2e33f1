// UK style, as the GOV.UK and NHS content guides write it: "6 August 2018", "5.30pm", "midday".

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

/** "6 August 2018" */
export function formatDate(value: Date | string): string {
  return dateFormat.format(toDate(value));
}

/** "5.30pm", "9am", "midday", "midnight" */
export function formatTime(value: Date | string): string {
  const date = toDate(value);
  const hours = date.getHours();
  const minutes = date.getMinutes();
  if (minutes === 0 && hours === 12) return 'midday';
  if (minutes === 0 && hours === 0) return 'midnight';
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  const suffix = hours < 12 ? 'am' : 'pm';
  return minutes === 0 ? `${hour12}${suffix}` : `${hour12}.${String(minutes).padStart(2, '0')}${suffix}`;
}

/** "6 August 2018 at 5.30pm" */
export function formatDateTime(value: Date | string): string {
  return `${formatDate(value)} at ${formatTime(value)}`;
}

/** The value a `datetime-local` input expects, in the browser's time zone. */
export function toDateTimeLocalValue(value: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}T${pad(value.getHours())}:${pad(value.getMinutes())}`;
}

/** A `datetime-local` value (local time) as an ISO instant for the API; undefined when empty or invalid. */
export function fromDateTimeLocalValue(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
