import type { CaseStatus, Complexity, ContactOutcome, Engagement } from '../../../contract/case-codes.ts';
import { ApiError } from '../../lib/api-client.ts';
import { formatDate } from '../../lib/dates.ts';

/**
 * "6 August 2018" from a calendar date (yyyy-mm-dd). Built from its parts, so the day never shifts
 * with the browser's time zone as `new Date('2018-08-06')` (UTC midnight) would.
 */
export function formatIsoDate(value: string | null | undefined, empty = 'Not yet'): string {
  if (!value) return empty;
  const [year, month, day] = value.split('-').map(Number);
  if (!year || !month || !day) return value;
  return formatDate(new Date(year, month - 1, day));
}

/** Today's calendar date where the browser is (yyyy-mm-dd), for date inputs. */
export function todayIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** "£1,234.50" */
export function formatPence(pence: number): string {
  return pounds.format(pence / 100);
}

/** "1,234.50", "£12", "12.5" → pence; undefined when it is not an amount of money. */
export function parsePounds(text: string): number | undefined {
  const cleaned = text.replace(/[£,\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return undefined;
  const [whole = '0', fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

export const complexityLabels: Record<Complexity, string> = {
  low: 'Low',
  moderate: 'Moderate',
  high: 'High',
};

export const genderLabels = {
  female: 'Female',
  male: 'Male',
  non_binary: 'Non-binary',
  other: 'Another gender',
  not_stated: 'Prefers not to say',
} as const;

export const genderPreferenceLabels = {
  no_preference: 'No preference',
  female: 'A female worker',
  male: 'A male worker',
} as const;

export const contactOutcomeLabels: Record<ContactOutcome, string> = {
  made: 'Made',
  attempted: 'Attempted, not reached',
};

/** Badge colours; the badge always carries its label too, so colour is never the only signal. */
export const statusColours: Record<CaseStatus, string> = {
  referred: 'blue',
  active: 'green',
  stepped_down: 'teal',
  declined: 'gray',
  discharged: 'dark',
};
export const engagementColours: Record<Engagement, string> = {
  engaged: 'green',
  declined: 'gray',
  no_data: 'yellow',
};

export const openStatuses: readonly CaseStatus[] = ['referred', 'active', 'stepped_down'];

/**
 * The same error with its `details[].field` names rewritten for a form whose field names differ from
 * the API's ("consent.scope" → "consentScope"), so `useFormProblems` can put each message at its field.
 */
export function renameErrorFields(error: unknown, rename: Record<string, string>): unknown {
  if (!(error instanceof ApiError)) return error;
  return new ApiError({
    status: error.status,
    code: error.code,
    message: error.message,
    retryAfterSeconds: error.retryAfterSeconds,
    details: error.details.map((detail) => ({
      ...detail,
      field: rename[detail.field] ?? rename[detail.field.split('.')[0] ?? ''] ?? detail.field,
    })),
  });
}
