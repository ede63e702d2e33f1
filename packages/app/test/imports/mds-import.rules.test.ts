import { describe, expect, it } from 'vitest';
import { contactColumns, referralColumns } from '../../src/contract/imports.ts';
import {
  contactImportKey,
  createMdsValidation,
  type ExistingCase,
  importedStatus,
  isRealDate,
  readHeader,
} from '../../src/server/modules/imports/mds-import.rules.ts';

const today = '2026-11-23';
const referral = (cells: Partial<Record<(typeof referralColumns)[number], string>> = {}) =>
  referralColumns.map(
    (column) =>
      ({
        local_case_id: 'TST-000001',
        site: 'Leeds',
        referral_source: 'court',
        date_referred: '2026-01-05',
        engagement: 'engaged',
        date_first_contact: '2026-01-06',
        date_discharged: '',
        ...cells,
      })[column],
  );
const contact = (localCaseId: string, date: string, type = 'telephone') => [localCaseId, date, type];

/** Runs rows through the rules as the service does: header, referrals, contacts (line = index + 2). */
function validate(referrals: string[][], contacts: string[][], existing: Record<string, ExistingCase> = {}) {
  const validation = createMdsValidation({
    siteName: 'Leeds',
    today,
    existing: new Map(Object.entries(existing)),
  });
  validation.header('referrals', [...referralColumns], 1);
  for (const [i, row] of referrals.entries()) validation.referralRow(row, i + 2);
  validation.header('contacts', [...contactColumns], 1);
  for (const [i, row] of contacts.entries()) validation.contactRow(row, i + 2);
  return validation.finish();
}

const problemsOf = (result: ReturnType<typeof validate>) => (result.ok ? [] : result.errors);

describe('the MDS import rules', () => {
  it('accepts only real calendar dates written yyyy-mm-dd', () => {
    for (const good of ['2024-02-29', '2023-12-31', '2000-02-29', '2026-01-01'])
      expect(isRealDate(good), good).toBe(true);
    for (const bad of [
      '2024-02-30',
      '2023-02-29',
      '1900-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-04-31',
      '2024-1-01',
      '24-01-01',
      '2024/01/01',
      '2024-01-01T00:00',
      '',
      'yyyy-mm-dd',
    ])
      expect(isRealDate(bad), bad).toBe(false);
  });

  it('reads a header in any column order and names what is missing, unexpected or repeated', () => {
    expect(readHeader(contactColumns, ['contact_type', ' Local_Case_ID ', 'contact_date'])).toEqual({
      indexes: { local_case_id: 1, contact_date: 2, contact_type: 0 },
    });
    const wrong = readHeader(contactColumns, ['local_case_id', 'date', 'contact_type', 'contact_type']);
    expect(wrong).toEqual({
      message:
        'The first line must name exactly these columns: local_case_id, contact_date, contact_type (missing: contact_date; not expected: date; named twice: contact_type).',
    });
  });

  it('sets the status from the discharge date, then engagement', () => {
    expect(importedStatus('engaged', '2026-02-01')).toBe('discharged');
    expect(importedStatus('declined', '2026-02-01')).toBe('discharged');
    expect(importedStatus('engaged', null)).toBe('active');
    expect(importedStatus('declined', null)).toBe('declined');
    expect(importedStatus('no_data', null)).toBe('referred');
  });

  it('numbers repeated contacts of one case, day and type in file order', () => {
    const result = validate(
      [referral()],
      [
        contact('TST-000001', '2026-01-06'),
        contact('TST-000001', '2026-01-06', 'face_to_face'),
        contact('TST-000001', '2026-01-06'),
        contact('TST-000001', '2026-01-07'),
      ],
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { caseKeys, dates, types, occurrences } = result.contacts;
    expect(
      caseKeys.map((key, i) =>
        contactImportKey(key, dates[i] as string, types[i] as 'telephone', occurrences[i] as number),
      ),
    ).toEqual([
      'TST-000001|2026-01-06|telephone|1',
      'TST-000001|2026-01-06|face_to_face|1',
      'TST-000001|2026-01-06|telephone|2',
      'TST-000001|2026-01-07|telephone|1',
    ]);
  });

  it('names the allowed codes, the column and the line of every bad cell in a row', () => {
    const problems = problemsOf(
      validate(
        [
          referral(),
          referral({
            local_case_id: 'TST-000002',
            referral_source: 'police',
            engagement: 'maybe',
            date_referred: '2026-02-30',
          }),
        ],
        [],
      ),
    );
    expect(problems).toEqual([
      {
        file: 'referrals',
        line: 3,
        field: 'referral_source',
        message:
          'Use one of: police_custody, court, probation, liaison_diversion, self, multi_agency_review_board, other.',
      },
      { file: 'referrals', line: 3, field: 'date_referred', message: expect.stringMatching(/yyyy-mm-dd/) },
      { file: 'referrals', line: 3, field: 'engagement', message: 'Use one of: engaged, declined, no_data.' },
    ]);
  });

  it('refuses a second row for the same case on the later line, naming the first', () => {
    const problems = problemsOf(validate([referral(), referral({ engagement: 'declined' })], []));
    expect(problems).toEqual([
      {
        file: 'referrals',
        line: 3,
        field: 'local_case_id',
        message: 'This local case id is already on line 2: give each case one row.',
      },
    ]);
  });

  it('keeps the first contact between referral and discharge, and every date out of the future', () => {
    const problems = problemsOf(
      validate(
        [
          referral({ date_first_contact: '2026-01-04' }),
          referral({ local_case_id: 'B', date_discharged: '2026-01-10', date_first_contact: '2026-01-11' }),
          referral({ local_case_id: 'C', date_referred: '2026-11-24', date_first_contact: '' }),
          referral({ local_case_id: 'D', date_discharged: '2026-01-04' }),
        ],
        [],
      ),
    );
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'date_first_contact'],
      [3, 'date_first_contact'],
      [4, 'date_referred'],
      [5, 'date_discharged'],
      [5, 'date_first_contact'],
    ]);
  });

  it('refuses contacts after a discharge in the file on their own lines, and a discharge before a contact Peerpath holds without its date', () => {
    const existing = {
      E: {
        referredOn: '2026-01-01',
        dischargedOn: null,
        firstContactOn: '2026-01-02',
        lastContactOn: '2026-03-01',
      },
    };
    const problems = problemsOf(
      validate(
        [
          referral({ date_discharged: '2026-01-20' }),
          referral({
            local_case_id: 'E',
            date_referred: '2026-01-01',
            date_first_contact: '',
            date_discharged: '2026-02-01',
          }),
        ],
        [contact('TST-000001', '2026-01-25')],
        existing,
      ),
    );
    expect(problems).toEqual([
      {
        file: 'referrals',
        line: 3,
        field: 'date_discharged',
        message: 'Peerpath already holds a contact with this case after this discharge date.',
      },
      {
        file: 'contacts',
        line: 2,
        field: 'contact_date',
        message:
          'Enter a contact date on or before the discharge date (20 January 2026), or reopen the case.',
      },
    ]);
  });

  it('takes contacts for cases in the file or already at the site, and refuses others', () => {
    const existing = {
      OLD: {
        referredOn: '2025-06-01',
        dischargedOn: '2025-09-01',
        firstContactOn: null,
        lastContactOn: null,
      },
    };
    const result = validate(
      [referral()],
      [
        contact('TST-000001', '2026-01-06'),
        contact('OLD', '2025-07-01'),
        contact('OLD', '2025-09-02'),
        contact('NOBODY', '2026-01-06'),
        contact('TST-000001', '2026-01-04'),
      ],
      existing,
    );
    expect(problemsOf(result)).toEqual([
      {
        file: 'contacts',
        line: 4,
        field: 'contact_date',
        message:
          'Enter a contact date on or before the discharge date (1 September 2025), or reopen the case.',
      },
      {
        file: 'contacts',
        line: 5,
        field: 'local_case_id',
        message: 'No referral has this local case id, in the referrals file or already at the site.',
      },
      {
        file: 'contacts',
        line: 6,
        field: 'contact_date',
        message: 'Enter a contact date on or after the referral date (5 January 2026).',
      },
    ]);
  });

  it('skips and counts rows of another site, and the contacts of their cases', () => {
    const result = validate(
      [
        referral(),
        referral({ local_case_id: 'ELSEWHERE', site: 'Bradford', engagement: 'not even checked' }),
      ],
      [contact('ELSEWHERE', '2026-01-06'), contact('TST-000001', '2026-01-06')],
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.skipped).toEqual({ referrals: 1, contacts: 1 });
    expect(result.referrals.map((r) => r.localCaseId)).toEqual(['TST-000001']);
    expect(result.contacts.caseKeys).toEqual(['TST-000001']);
  });

  it('reports a row with the wrong number of values, and an empty file', () => {
    const validation = createMdsValidation({ siteName: 'Leeds', today, existing: new Map() });
    validation.header('referrals', [...referralColumns], 1);
    validation.referralRow(['TST-1', 'Leeds', 'court'], 2);
    const result = validation.finish();
    expect(problemsOf(result)).toEqual([
      {
        file: 'referrals',
        line: 2,
        message:
          'This line has 3 values; it should have 7 (local_case_id, site, referral_source, date_referred, engagement, date_first_contact, date_discharged).',
      },
      {
        file: 'contacts',
        line: 1,
        message: 'The contacts file is empty: its first line must name the columns.',
      },
    ]);
  });

  it('says once that the referrals header is wrong rather than calling every contact unknown', () => {
    const validation = createMdsValidation({ siteName: 'Leeds', today, existing: new Map() });
    validation.header('referrals', ['id', 'site'], 1);
    validation.referralRow(['TST-1', 'Leeds'], 2);
    validation.header('contacts', [...contactColumns], 1);
    validation.contactRow(contact('TST-1', '2026-01-06'), 2);
    const problems = problemsOf(validation.finish());
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'referrals', line: 1 });
    expect(problems[0]?.message).toContain('local_case_id, site, referral_source, date_referred');
  });

  it('keeps at most maxErrors problems but counts them all', () => {
    const validation = createMdsValidation({ siteName: 'Leeds', today, existing: new Map(), maxErrors: 2 });
    validation.header('referrals', [...referralColumns], 1);
    for (let line = 2; line < 12; line++)
      validation.referralRow(referral({ local_case_id: `X${line}`, engagement: '' }), line);
    validation.header('contacts', [...contactColumns], 1);
    const result = validation.finish();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(2);
      expect(result.errorCount).toBe(10);
    }
  });
});
