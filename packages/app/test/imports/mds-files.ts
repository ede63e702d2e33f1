import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { contactColumns, referralColumns } from '../../src/contract/imports.ts';

/** Synthetic data set rows (ids like TST-000123; no person is described). Used by the tests and the benchmark. */

export type ReferralRow = Record<(typeof referralColumns)[number], string>;
export type ContactRow = Record<(typeof contactColumns)[number], string>;

const day = 24 * 60 * 60 * 1000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * day).toISOString().slice(0, 10);

export const localCaseId = (n: number) => `TST-${String(n).padStart(6, '0')}`;

/**
 * Case n of a synthetic data set: referred some day in 2024, first contact the next day, contacts
 * three days apart (a second call on the same day for every fifth case), one in four discharged.
 */
export function syntheticCase(n: number, site: string, contactsPerCase: number) {
  const referred = addDays('2024-01-01', n % 400);
  const engagement = n % 4 === 2 ? 'declined' : n % 4 === 3 ? 'no_data' : 'engaged';
  const contacts: ContactRow[] = [];
  for (let k = 0; k < contactsPerCase; k++) {
    const isSecondCall = n % 5 === 0 && k === 1;
    contacts.push({
      local_case_id: localCaseId(n),
      contact_date: addDays(referred, 1 + (isSecondCall ? 0 : k) * 3),
      contact_type: isSecondCall ? 'telephone' : (['face_to_face', 'telephone', 'other'][k % 3] as string),
    });
  }
  const referral: ReferralRow = {
    local_case_id: localCaseId(n),
    site,
    referral_source: ['police_custody', 'court', 'probation', 'liaison_diversion', 'self'][n % 5] as string,
    date_referred: referred,
    engagement,
    date_first_contact: contactsPerCase > 0 ? addDays(referred, 1) : '',
    date_discharged: n % 4 === 0 ? addDays(referred, 5 + contactsPerCase * 3) : '',
  };
  return { referral, contacts };
}

export function syntheticMds(options: {
  cases: number;
  contactsPerCase: number;
  site: string;
  from?: number;
}) {
  const referrals: ReferralRow[] = [];
  const contacts: ContactRow[] = [];
  for (let n = options.from ?? 1; n < (options.from ?? 1) + options.cases; n++) {
    const generated = syntheticCase(n, options.site, options.contactsPerCase);
    referrals.push(generated.referral);
    contacts.push(...generated.contacts);
  }
  return { referrals, contacts };
}

export type CsvStyle = { bom?: boolean; lineEnd?: '\n' | '\r\n' };

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function toCsv<C extends string>(
  columns: readonly C[],
  rows: readonly Record<C, string>[],
  { bom = false, lineEnd = '\n' }: CsvStyle = {},
): string {
  const lines = [columns.join(','), ...rows.map((row) => columns.map((c) => csvCell(row[c])).join(','))];
  return `${bom ? '\ufeff' : ''}${lines.join(lineEnd)}${lineEnd}`;
}

export const referralsCsv = (rows: readonly ReferralRow[], style?: CsvStyle) =>
  toCsv(referralColumns, rows, style);
export const contactsCsv = (rows: readonly ContactRow[], style?: CsvStyle) =>
  toCsv(contactColumns, rows, style);

/** Writes a large synthetic data set straight to two files, a case at a time. */
export async function writeSyntheticMds(
  paths: { referrals: string; contacts: string },
  options: { cases: number; contactsPerCase: number; site: string },
): Promise<void> {
  const referrals = createWriteStream(paths.referrals);
  const contacts = createWriteStream(paths.contacts);
  const write = async (stream: NodeJS.WritableStream, text: string) => {
    if (!stream.write(text)) await once(stream, 'drain');
  };
  await write(referrals, `${referralColumns.join(',')}\n`);
  await write(contacts, `${contactColumns.join(',')}\n`);
  let referralChunk = '';
  let contactChunk = '';
  for (let n = 1; n <= options.cases; n++) {
    const generated = syntheticCase(n, options.site, options.contactsPerCase);
    referralChunk += `${referralColumns.map((c) => csvCell(generated.referral[c])).join(',')}\n`;
    for (const contact of generated.contacts)
      contactChunk += `${contact.local_case_id},${contact.contact_date},${contact.contact_type}\n`;
    if (n % 1_000 === 0 || n === options.cases) {
      await write(referrals, referralChunk);
      await write(contacts, contactChunk);
      referralChunk = '';
      contactChunk = '';
    }
  }
  await Promise.all([referrals, contacts].map((stream) => new Promise((resolve) => stream.end(resolve))));
}

/** A multipart/form-data body holding files, for `app.inject`. */
export function multipartBody(files: Record<string, { filename: string; content: string | Buffer }>) {
  const boundary = `----peerpath-test-${Math.random().toString(36).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [field, file] of Object.entries(files)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${file.filename}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
