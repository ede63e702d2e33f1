import { Readable } from 'node:stream';
import { fc, test as propertyTest } from '@fast-check/vitest';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactTypes, engagements, referralSources } from '../../src/contract/case-codes.ts';
import type { Database } from '../../src/server/db/database.ts';
import { newId } from '../../src/server/db/ids.ts';
import { auditEvents } from '../../src/server/modules/audit/audit.table.ts';
import { cases } from '../../src/server/modules/cases/cases.table.ts';
import { contacts } from '../../src/server/modules/contacts/contacts.table.ts';
import { importMds } from '../../src/server/modules/imports/mds-import.service.ts';
import { createOrganisation } from '../../src/server/modules/organisations/organisations.service.ts';
import { sites } from '../../src/server/modules/sites/sites.table.ts';
import { createTestDatabase } from '../support/test-database.ts';
import {
  type ContactRow,
  type CsvStyle,
  contactsCsv,
  localCaseId,
  type ReferralRow,
  referralsCsv,
  syntheticMds,
} from './mds-files.ts';

const clock = { now: () => new Date('2026-11-23T12:00:00.000Z') };
const today = '2026-11-23';

describe('importing the NHS England monthly data set', () => {
  let database: Database;
  let organisationId: string;
  let siteNumber = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { organisation } = await database.db.transaction((tx) =>
      createOrganisation(tx, { name: 'Import Trust', siteNames: [] }),
    );
    organisationId = organisation.id;
  });
  afterAll(() => database?.close());

  type Site = { id: string; organisationId: string; name: string };
  async function newSite(): Promise<Site> {
    const site = { id: newId(), organisationId, name: `Site ${++siteNumber}` };
    await database.db.insert(sites).values(site);
    return site;
  }

  /** A file's bytes as a stream of `chunkBytes` pieces, so rows (and the BOM) can straddle chunks. */
  const streamOf = (text: string | Buffer, chunkBytes = 64 * 1024) => {
    const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
    const pieces: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += chunkBytes) pieces.push(bytes.subarray(at, at + chunkBytes));
    return () => Readable.from(pieces);
  };

  const run = (site: Site, referrals: string | Buffer, contactRows: string | Buffer, chunkBytes?: number) =>
    importMds({
      db: database.db,
      clock,
      site,
      files: {
        referrals: { name: 'referrals.csv', open: streamOf(referrals, chunkBytes) },
        contacts: { name: 'contacts.csv', open: streamOf(contactRows, chunkBytes) },
      },
      audit: { actor: { organisationId, userId: null, role: 'system' }, requestId: null },
    });

  const importOk = async (...args: Parameters<typeof run>) => {
    const result = await run(...args);
    if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors.slice(0, 5))}`);
    return result.counts;
  };

  /**
   * Every row an import at the site could touch, and the audit trail, to prove a refused import wrote
   * nothing. (Limited to the site: the 10 MB test leaves 330,000 contacts at its own.)
   */
  async function digest(site: Site): Promise<Record<string, string>> {
    const result: Record<string, string> = {};
    for (const [table, where] of [
      ['cases', sql`site_id = ${site.id}`],
      ['contacts', sql`site_id = ${site.id}`],
      ['audit_events', sql`true`],
      ['sites', sql`true`],
    ] as const) {
      const rows = (await database.db.execute(
        sql`select count(*)::text as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from ${sql.raw(table)} t where ${where}`,
      )) as unknown as { rows: { n: string; h: string }[] };
      result[table] = `${rows.rows[0]?.n}:${rows.rows[0]?.h}`;
    }
    return result;
  }

  const casesAt = (siteId: string) =>
    database.db.select().from(cases).where(eq(cases.siteId, siteId)).orderBy(cases.localCaseId);
  const contactsAt = (siteId: string) =>
    database.db.select().from(contacts).where(eq(contacts.siteId, siteId)).orderBy(contacts.importKey);

  const referralRow = (overrides: Partial<ReferralRow>, site: Site): ReferralRow => ({
    local_case_id: 'TST-000001',
    site: site.name,
    referral_source: 'court',
    date_referred: '2026-06-01',
    engagement: 'engaged',
    date_first_contact: '2026-06-02',
    date_discharged: '',
    ...overrides,
  });

  it('makes each referral a case with the status the data set implies, and each contact a contact made at midday UK time', async () => {
    const site = await newSite();
    const referrals = [
      referralRow({ local_case_id: 'TST-000001' }, site),
      referralRow({ local_case_id: 'TST-000002', engagement: 'declined', date_first_contact: '' }, site),
      referralRow({ local_case_id: 'TST-000003', engagement: 'no_data', date_first_contact: '' }, site),
      referralRow(
        { local_case_id: 'TST-000004', referral_source: 'self', date_discharged: '2026-07-01' },
        site,
      ),
    ];
    const contactRows: ContactRow[] = [
      { local_case_id: 'TST-000001', contact_date: '2026-06-02', contact_type: 'face_to_face' },
      { local_case_id: 'TST-000004', contact_date: '2026-06-20', contact_type: 'other' },
      { local_case_id: 'TST-000001', contact_date: '2026-11-20', contact_type: 'telephone' },
    ];
    const counts = await importOk(site, referralsCsv(referrals), contactsCsv(contactRows));
    expect(counts).toEqual({
      referrals: { created: 4, updated: 0, unchanged: 0, skippedOtherSite: 0 },
      contacts: { created: 3, unchanged: 0, skippedOtherSite: 0 },
    });

    const imported = await casesAt(site.id);
    expect(imported.map((c) => [c.localCaseId, c.status, c.engagement, c.referralSource])).toEqual([
      ['TST-000001', 'active', 'engaged', 'court'],
      ['TST-000002', 'declined', 'declined', 'court'],
      ['TST-000003', 'referred', 'no_data', 'court'],
      ['TST-000004', 'discharged', 'engaged', 'self'],
    ]);
    const first = imported[0];
    expect(first).toMatchObject({
      organisationId,
      referredOn: '2026-06-01',
      importedFirstContactOn: '2026-06-02',
      dischargedOn: null,
      personName: null,
      dateOfBirth: null,
      phone: null,
      gender: null,
    });
    expect(imported[3]?.dischargedOn).toBe('2026-07-01');

    const made = await contactsAt(site.id);
    expect(
      made.map((c) => [c.importKey, c.contactedOn, c.contactedAt.toISOString(), c.outcome, c.madeByUserId]),
    ).toEqual([
      ['TST-000001|2026-06-02|face_to_face|1', '2026-06-02', '2026-06-02T11:00:00.000Z', 'made', null],
      ['TST-000001|2026-11-20|telephone|1', '2026-11-20', '2026-11-20T12:00:00.000Z', 'made', null],
      ['TST-000004|2026-06-20|other|1', '2026-06-20', '2026-06-20T11:00:00.000Z', 'made', null],
    ]);
    expect(made.every((c) => c.organisationId === organisationId)).toBe(true);
    expect(made[0]?.caseId).toBe(first?.id);
  });

  it('reports every invalid row with its line and reason, and writes nothing at all', async () => {
    const site = await newSite();
    const referrals = [
      referralRow({ local_case_id: 'TST-000001' }, site),
      referralRow({ local_case_id: 'TST-000002', referral_source: 'police' }, site),
      referralRow({ local_case_id: 'TST-000003', date_referred: '2024-02-30' }, site),
      referralRow({ local_case_id: 'TST-000004' }, site),
      referralRow(
        { local_case_id: 'TST-000005', engagement: 'unknown', date_discharged: '2026-05-01' },
        site,
      ),
    ];
    const contactRows: ContactRow[] = [
      { local_case_id: 'TST-000001', contact_date: '2026-06-03', contact_type: 'telephone' },
      { local_case_id: 'TST-999999', contact_date: '2026-06-03', contact_type: 'telephone' },
      { local_case_id: 'TST-000004', contact_date: '2026-06-03', contact_type: 'letter' },
      { local_case_id: 'TST-000004', contact_date: '2026-11-24', contact_type: 'telephone' },
    ];
    const before = await digest(site);
    const result = await run(site, referralsCsv(referrals), contactsCsv(contactRows));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.file, e.line, e.field])).toEqual([
      ['referrals', 3, 'referral_source'],
      ['referrals', 4, 'date_referred'],
      ['referrals', 6, 'engagement'],
      ['referrals', 6, 'date_discharged'],
      ['referrals', 6, 'date_first_contact'],
      ['contacts', 3, 'local_case_id'],
      ['contacts', 4, 'contact_type'],
      ['contacts', 5, 'contact_date'],
    ]);
    expect(result.errorCount).toBe(8);
    expect(result.errors[7]?.message).toBe('Enter a contact date that is not in the future.');
    expect(await digest(site)).toEqual(before);
  });

  it('refuses a header that does not name the columns, naming the expected ones', async () => {
    const site = await newSite();
    const before = await digest(site);
    const result = await run(
      site,
      'case,site,source,referred,engagement,first,discharged\nTST-000001,x,court,2026-01-01,engaged,,\n',
      'local_case_id,contact_date,contact_type\n',
    );
    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          file: 'referrals',
          line: 1,
          message: expect.stringContaining(
            'local_case_id, site, referral_source, date_referred, engagement, date_first_contact, date_discharged',
          ),
        },
      ],
    });
    expect(await digest(site)).toEqual(before);
  });

  it('reports a file that is not valid CSV at the line where it breaks', async () => {
    const site = await newSite();
    const referrals = `${referralsCsv([referralRow({}, site)])}"TST-000002,${site.name},court,2026-06-01,engaged,,\n`;
    const result = await run(site, referrals, 'local_case_id,contact_date,contact_type\n');
    expect(result).toMatchObject({
      ok: false,
      errors: [{ file: 'referrals', line: 3, message: expect.stringMatching(/quote/) }],
    });
  });

  it('refuses a case given twice on the later line, naming the first, and writes nothing', async () => {
    const site = await newSite();
    const referrals = [
      referralRow({ local_case_id: 'TST-000001' }, site),
      referralRow({ local_case_id: 'TST-000002' }, site),
      referralRow({ local_case_id: 'TST-000001', engagement: 'declined' }, site),
    ];
    const before = await digest(site);
    const result = await run(site, referralsCsv(referrals), contactsCsv([]));
    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          file: 'referrals',
          line: 4,
          field: 'local_case_id',
          message: 'This local case id is already on line 2: give each case one row.',
        },
      ],
    });
    expect(await digest(site)).toEqual(before);
  });

  it('keeps repeated contacts (two calls on one day are two contacts)', async () => {
    const site = await newSite();
    const call = { local_case_id: 'TST-000001', contact_date: '2026-06-03', contact_type: 'telephone' };
    const counts = await importOk(
      site,
      referralsCsv([referralRow({}, site)]),
      contactsCsv([call, call, call]),
    );
    expect(counts.contacts).toEqual({ created: 3, unchanged: 0, skippedOtherSite: 0 });
    expect((await contactsAt(site.id)).map((c) => c.importKey)).toEqual([
      'TST-000001|2026-06-03|telephone|1',
      'TST-000001|2026-06-03|telephone|2',
      'TST-000001|2026-06-03|telephone|3',
    ]);
    // A later file holding the same day's calls and one more adds only the new one.
    const again = await importOk(
      site,
      referralsCsv([referralRow({}, site)]),
      contactsCsv([call, call, call, call]),
    );
    expect(again.contacts).toEqual({ created: 1, unchanged: 3, skippedOtherSite: 0 });
  });

  it('changes nothing when the same files are imported again, apart from one more audit event', async () => {
    const site = await newSite();
    const { referrals, contacts: contactRows } = syntheticMds({
      cases: 40,
      contactsPerCase: 3,
      site: site.name,
    });
    const files = [referralsCsv(referrals), contactsCsv(contactRows)] as const;
    await importOk(site, ...files);
    const before = await digest(site);
    const counts = await importOk(site, ...files);
    expect(counts).toEqual({
      referrals: { created: 0, updated: 0, unchanged: 40, skippedOtherSite: 0 },
      contacts: { created: 0, unchanged: 120, skippedOtherSite: 0 },
    });
    const after = await digest(site);
    expect({ ...after, audit_events: '' }).toEqual({ ...before, audit_events: '' });
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.siteId, site.id))
      .orderBy(auditEvents.occurredAt);
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({
      action: 'import.mds',
      entityType: 'site',
      entityIds: [site.id],
      actorUserId: null,
      actorRole: 'system',
      query: { referralsFile: 'referrals.csv', contactsFile: 'contacts.csv', counts },
    });
    expect(JSON.stringify(events)).not.toContain('TST-');
  });

  it('updates only the referrals whose values changed, and keeps a stepped-down case stepped down', async () => {
    const site = await newSite();
    const { referrals, contacts: contactRows } = syntheticMds({
      cases: 8,
      contactsPerCase: 1,
      site: site.name,
    });
    await importOk(site, referralsCsv(referrals), contactsCsv(contactRows));
    // TST-000001 is engaged and open; someone stepped it down in Peerpath since.
    await database.db
      .update(cases)
      .set({ status: 'stepped_down' })
      .where(eq(cases.localCaseId, localCaseId(1)));
    const before = await casesAt(site.id);
    const changed = referrals.map((r) =>
      r.local_case_id === localCaseId(3) ? { ...r, referral_source: 'multi_agency_review_board' } : r,
    );
    const counts = await importOk(site, referralsCsv(changed), contactsCsv(contactRows));
    expect(counts.referrals).toEqual({ created: 0, updated: 1, unchanged: 7, skippedOtherSite: 0 });
    const after = await casesAt(site.id);
    expect(after.find((c) => c.localCaseId === localCaseId(1))?.status).toBe('stepped_down');
    expect(after.find((c) => c.localCaseId === localCaseId(3))?.referralSource).toBe(
      'multi_agency_review_board',
    );
    expect(after.filter((c) => c.localCaseId !== localCaseId(3))).toEqual(
      before.filter((c) => c.localCaseId !== localCaseId(3)),
    );
  });

  it('adds contacts to a case already at the site, and holds them to its dates', async () => {
    const site = await newSite();
    await importOk(
      site,
      referralsCsv([referralRow({ date_discharged: '2026-07-01' }, site)]),
      contactsCsv([{ local_case_id: 'TST-000001', contact_date: '2026-06-02', contact_type: 'telephone' }]),
    );
    const later = await importOk(
      site,
      referralsCsv([]),
      contactsCsv([{ local_case_id: 'TST-000001', contact_date: '2026-06-30', contact_type: 'other' }]),
    );
    expect(later.contacts.created).toBe(1);
    const refused = await run(
      site,
      referralsCsv([]),
      contactsCsv([{ local_case_id: 'TST-000001', contact_date: '2026-07-02', contact_type: 'other' }]),
    );
    expect(refused).toMatchObject({
      ok: false,
      errors: [{ file: 'contacts', line: 2, field: 'contact_date' }],
    });
  });

  it('skips the rows of other sites, and their cases’ contacts, and counts them', async () => {
    const site = await newSite();
    const ours = syntheticMds({ cases: 5, contactsPerCase: 2, site: site.name });
    const theirs = syntheticMds({ cases: 3, contactsPerCase: 2, site: 'Somewhere else', from: 100 });
    const counts = await importOk(
      site,
      referralsCsv([...ours.referrals, ...theirs.referrals]),
      contactsCsv([...theirs.contacts, ...ours.contacts]),
    );
    expect(counts).toEqual({
      referrals: { created: 5, updated: 0, unchanged: 0, skippedOtherSite: 3 },
      contacts: { created: 10, unchanged: 0, skippedOtherSite: 6 },
    });
    expect((await casesAt(site.id)).map((c) => c.localCaseId)).toEqual(
      ours.referrals.map((r) => r.local_case_id),
    );
  });

  it('accepts a UTF-8 byte order mark and CRLF line ends, with the same line numbers', async () => {
    const site = await newSite();
    const bad = [
      referralRow({}, site),
      referralRow({ local_case_id: 'TST-000002', engagement: 'maybe' }, site),
    ];
    const contactRows: ContactRow[] = [
      { local_case_id: 'TST-000001', contact_date: '2026-06-05', contact_type: 'face_to_face' },
    ];
    const windows: CsvStyle = { bom: true, lineEnd: '\r\n' };
    for (const chunkBytes of [1, 2, 1024]) {
      const result = await run(
        site,
        referralsCsv(bad, windows),
        contactsCsv(contactRows, windows),
        chunkBytes,
      );
      expect(result).toMatchObject({
        ok: false,
        errors: [{ file: 'referrals', line: 3, field: 'engagement' }],
      });
    }
    const counts = await importOk(
      site,
      referralsCsv([bad[0] as ReferralRow], windows),
      contactsCsv(contactRows, windows),
      2,
    );
    expect(counts.referrals.created).toBe(1);
    expect(counts.contacts.created).toBe(1);
    expect((await casesAt(site.id))[0]?.localCaseId).toBe('TST-000001');
  });

  it('reads a 10 MB data set in full: a bad value on its last line is reported with that line and nothing is written; corrected, it imports', {
    timeout: 240_000,
  }, async () => {
    const site = await newSite();
    const { referrals, contacts: contactRows } = syntheticMds({
      cases: 30_000,
      contactsPerCase: 10,
      site: site.name,
    });
    const referralsText = referralsCsv(referrals);
    const good = contactsCsv(contactRows);
    const lines = contactRows.length + 1;
    const bad = `${good.slice(0, good.lastIndexOf('\n', good.length - 2) + 1)}${localCaseId(30_000)},2024-02-30,telephone\n`;
    expect(referralsText.length + bad.length).toBeGreaterThan(10_000_000);

    const before = await digest(site);
    const refused = await run(site, referralsText, bad);
    expect(refused).toMatchObject({
      ok: false,
      errorCount: 1,
      errors: [{ file: 'contacts', line: lines, field: 'contact_date' }],
    });
    expect(await digest(site)).toEqual(before);

    const counts = await importOk(site, referralsText, good);
    expect(counts).toEqual({
      referrals: { created: 30_000, updated: 0, unchanged: 0, skippedOtherSite: 0 },
      contacts: { created: 300_000, unchanged: 0, skippedOtherSite: 0 },
    });
  });

  describe('any data set', () => {
    const dayAfter = (date: string, days: number) =>
      new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

    /** A valid case: dates inside the rules (contacts between referral and discharge, nothing after today). */
    const validCase = fc
      .record({
        referredDay: fc.integer({ min: 0, max: 1_000 }),
        referralSource: fc.constantFrom(...referralSources),
        engagement: fc.constantFrom(...engagements),
        dischargeAfter: fc.option(fc.integer({ min: 0, max: 90 })),
        firstContactAfter: fc.option(fc.integer({ min: 0, max: 90 })),
        contacts: fc.array(
          fc.record({ after: fc.integer({ min: 0, max: 90 }), type: fc.constantFrom(...contactTypes) }),
          { maxLength: 4 },
        ),
      })
      .map((c) => {
        const referred = dayAfter('2023-01-01', c.referredDay);
        const span = c.dischargeAfter ?? 90;
        const within = (after: number) => dayAfter(referred, after % (span + 1));
        return {
          referral: {
            referral_source: c.referralSource,
            date_referred: referred,
            engagement: c.engagement,
            date_first_contact: c.firstContactAfter === null ? '' : within(c.firstContactAfter),
            date_discharged: c.dischargeAfter === null ? '' : dayAfter(referred, c.dischargeAfter),
          },
          contacts: c.contacts.map((k) => ({ contact_date: within(k.after), contact_type: k.type })),
        };
      });

    const dataSet = fc.record({
      cases: fc.array(validCase, { minLength: 1, maxLength: 6 }),
      otherSiteCases: fc.array(validCase, { maxLength: 2 }),
      style: fc.record({ bom: fc.boolean(), lineEnd: fc.constantFrom('\n' as const, '\r\n' as const) }),
      chunkBytes: fc.constantFrom(3, 64, 65_536),
    });

    type DataSet = {
      cases: {
        referral: Omit<ReferralRow, 'local_case_id' | 'site'>;
        contacts: Omit<ContactRow, 'local_case_id'>[];
      }[];
      otherSiteCases: DataSet['cases'];
      style: CsvStyle;
      chunkBytes: number;
    };

    /** The two files of a data set: its cases at the site (TST-000001…), others' cases from TST-000500. */
    function filesOf(set: DataSet, siteName: string) {
      const referrals: ReferralRow[] = [];
      const contactRows: ContactRow[] = [];
      const add = (cases: DataSet['cases'], site: string, from: number) =>
        cases.forEach((c, i) => {
          const id = localCaseId(from + i);
          referrals.push({ local_case_id: id, site, ...c.referral });
          for (const k of c.contacts) contactRows.push({ local_case_id: id, ...k });
        });
      add(set.cases, siteName, 1);
      add(set.otherSiteCases, 'Another site', 500);
      return { referrals, contactRows };
    }

    propertyTest.prop([dataSet], { numRuns: 20 })(
      'imports any valid data set whole, and importing it again changes nothing',
      async (set) => {
        const site = await newSite();
        const { referrals, contactRows } = filesOf(set, site.name);
        const files = [referralsCsv(referrals, set.style), contactsCsv(contactRows, set.style)] as const;
        const ownContacts = set.cases.reduce((n, c) => n + c.contacts.length, 0);
        const counts = await importOk(site, ...files, set.chunkBytes);
        expect(counts).toEqual({
          referrals: {
            created: set.cases.length,
            updated: 0,
            unchanged: 0,
            skippedOtherSite: set.otherSiteCases.length,
          },
          contacts: {
            created: ownContacts,
            unchanged: 0,
            skippedOtherSite: contactRows.length - ownContacts,
          },
        });
        expect(await casesAt(site.id)).toHaveLength(set.cases.length);
        const again = await importOk(site, ...files, set.chunkBytes);
        expect(again.referrals.unchanged).toBe(set.cases.length);
        expect(again.contacts).toMatchObject({ created: 0, unchanged: ownContacts });
      },
    );

    const corruptions: Record<string, string[]> = {
      local_case_id: [''],
      site: [''],
      referral_source: ['police', 'COURT', ''],
      date_referred: ['2024-02-30', '2023-13-01', '1/2/2024', ''],
      engagement: ['maybe', ''],
      date_first_contact: ['2023-02-29', 'soon'],
      date_discharged: ['2024-04-31', '2024-1-1'],
      contact_date: ['2024-06-31', 'today', ''],
      contact_type: ['letterbox', ''],
    };

    propertyTest.prop(
      [
        dataSet,
        fc.nat(),
        fc.constantFrom('referrals' as const, 'contacts' as const),
        fc.constantFrom(...Object.keys(corruptions)),
        fc.nat(),
      ],
      { numRuns: 60 },
    )(
      'reports any single corrupted cell with its line and column, and writes nothing',
      async (set, rowSeed, preferred, columnSeed, valueSeed) => {
        const site = await newSite();
        const { referrals, contactRows } = filesOf(set, site.name);
        const ownReferrals = set.cases.length;
        const ownContacts = contactRows.filter((c) => Number(c.local_case_id.slice(4)) < 500);
        const file = preferred === 'contacts' && ownContacts.length > 0 ? 'contacts' : 'referrals';
        const columns =
          file === 'referrals'
            ? [
                'local_case_id',
                'site',
                'referral_source',
                'date_referred',
                'engagement',
                'date_first_contact',
                'date_discharged',
              ]
            : ['local_case_id', 'contact_date', 'contact_type'];
        const column = columns.includes(columnSeed)
          ? columnSeed
          : (columns[columnSeed.length % columns.length] as string);
        const values = corruptions[column] as string[];
        const value = values[valueSeed % values.length] as string;
        let row: number;
        if (file === 'referrals') {
          row = rowSeed % ownReferrals;
          referrals[row] = { ...(referrals[row] as ReferralRow), [column]: value };
        } else {
          const target = ownContacts[rowSeed % ownContacts.length] as ContactRow;
          row = contactRows.indexOf(target);
          contactRows[row] = { ...target, [column]: value };
        }

        const before = await digest(site);
        const result = await run(
          site,
          referralsCsv(referrals, set.style),
          contactsCsv(contactRows, set.style),
          set.chunkBytes,
        );
        expect(result.ok, `${file} row ${row} ${column}=${JSON.stringify(value)}`).toBe(false);
        if (!result.ok)
          expect(result.errors).toContainEqual(
            expect.objectContaining({ file, line: row + 2, field: column }),
          );
        expect(await digest(site)).toEqual(before);
      },
    );
  });

  it('knows today from the clock: nothing dated after the UK date is accepted', async () => {
    const site = await newSite();
    const result = await run(
      site,
      referralsCsv([referralRow({ date_referred: dayAfterToday(), date_first_contact: '' }, site)]),
      contactsCsv([]),
    );
    expect(result).toMatchObject({ ok: false, errors: [{ line: 2, field: 'date_referred' }] });
  });
});

const dayAfterToday = () =>
  new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
