import { createHmac, randomBytes } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';

/** The first and last calendar day of a month written yyyy-mm. */
export function monthBounds(month: string): { first: string; last: string } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  // Day 0 of the next month is the last day of this one (UTC, so no time zone shifts the date).
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(lastDay).padStart(2, '0')}` };
}

/**
 * A key for one pseudonymised extract: random, used for that extract only and never stored, so the
 * same case has a different key in every extract and no extract can be linked back to a case id.
 */
export function newExtractKey(): Buffer {
  return randomBytes(32);
}

/** A case's pseudonym in one extract: HMAC-SHA-256 of its id under the extract's key, 32 hex characters. */
export function caseKey(extractKey: Buffer, caseId: string): string {
  return createHmac('sha256', extractKey).update(caseId).digest('hex').slice(0, 32);
}

export type CsvValue = string | number | null | undefined;

/**
 * A CSV file with a header row. UTF-8 with a byte order mark, so spreadsheet programs read accents
 * correctly; cells that a spreadsheet would run as a formula (starting =, +, -, @, tab or return)
 * are prefixed with an apostrophe. Empty values are empty cells.
 */
export function toCsv<C extends string>(columns: readonly C[], rows: Record<C, CsvValue>[]): string {
  return stringify(rows, {
    bom: true,
    header: true,
    columns: [...columns],
    escape_formulas: true,
    record_delimiter: 'windows',
  });
}
