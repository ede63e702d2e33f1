import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mdsColumns, pseudonymisedColumns } from '../../src/contract/reports.ts';
import { auditEvents } from '../../src/server/modules/audit/audit.table.ts';
import { monthBounds } from '../../src/server/modules/exports/exports.rules.ts';
import {
  createTestApp,
  type SeededUser,
  seedOrganisation,
  signIn,
  type TestApp,
} from '../support/test-app.ts';
import { insertFixture } from './caseload-fixture.ts';

const csvRows = (response: LightMyRequestResponse) =>
  parse(response.body, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
const header = (response: LightMyRequestResponse) =>
  (parse(response.body, { bom: true, to_line: 1 }) as string[][])[0];

describe('the exports', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof seedOrganisation>>;
  let caseIds: Record<string, string>;
  let otherSiteId: string;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    a = await seedOrganisation(t.database, {
      name: 'Export A',
      sites: ['North', 'South'],
      users: [
        { key: 'admin', role: 'admin', sites: ['North'] },
        { key: 'coordinator', role: 'coordinator', sites: ['North'] },
        { key: 'evaluator', role: 'evaluator', sites: ['North'] },
        { key: 'peer', role: 'peer_supporter', sites: ['North'] },
      ],
    });
    const b = await seedOrganisation(t.database, { name: 'Export B', sites: ['Central'], users: [] });
    otherSiteId = b.siteIds.Central as string;
    caseIds = await insertFixture(t.db, a.organisation.id, a.siteIds);
    await insertFixture(t.db, b.organisation.id, { North: otherSiteId });
    for (const key of ['admin', 'coordinator', 'evaluator', 'peer'])
      cookies[key] = await signIn(t.app, (a.users[key] as SeededUser).email);
  });
  afterAll(() => t?.close());

  const get = (url: string, as: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: cookies[as] as string } });
  const mds = (siteId: string, month: string, as = 'coordinator') =>
    get(`/api/exports/mds?siteId=${siteId}&month=${month}`, as);
  const extract = (siteId: string, as = 'evaluator', range = '') =>
    get(`/api/exports/pseudonymised?siteId=${siteId}${range}`, as);
  const eventOf = async (response: LightMyRequestResponse) =>
    t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.requestId, String(response.headers['x-request-id'])));

  describe('the monthly return', () => {
    it('knows the first and last day of every month, leap years included', () => {
      expect(monthBounds('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
      expect(monthBounds('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
      expect(monthBounds('2026-12')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
      expect(monthBounds('2026-04')).toEqual({ first: '2026-04-01', last: '2026-04-30' });
    });

    it('is a CSV download, one row per case active in the month, contacts made in the month by type', async () => {
      const response = await mds(a.siteIds.North as string, '2026-02');
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="peer-support-return-2026-02.csv"',
      );
      expect(response.body.startsWith('\ufeff')).toBe(true);
      expect(header(response)).toEqual([...mdsColumns]);
      // N4 is referred in March and N5 was discharged in January: neither was active in February.
      expect(csvRows(response)).toEqual([
        {
          local_case_id: 'N-001',
          referral_source: 'police_custody',
          date_referred: '2026-01-10',
          engaged: 'yes',
          contacts_face_to_face: '1',
          contacts_telephone: '1',
          contacts_other: '1',
          date_first_contact: '2026-01-12',
          date_discharged: '2026-03-11',
        },
        {
          local_case_id: 'N-002',
          referral_source: 'police_custody',
          date_referred: '2026-02-01',
          engaged: 'yes',
          contacts_face_to_face: '0',
          contacts_telephone: '0',
          contacts_other: '0',
          date_first_contact: '2026-03-05',
          date_discharged: '',
        },
        {
          // Escaped so a spreadsheet shows it rather than running it.
          local_case_id: "'=SUM(A1:A9)",
          referral_source: 'police_custody',
          date_referred: '2026-02-15',
          engaged: 'yes',
          contacts_face_to_face: '0',
          contacts_telephone: '0',
          contacts_other: '0',
          date_first_contact: '2026-02-16', // as the import reported it: no contacts are on record
          date_discharged: '2026-02-20',
        },
      ]);
    });

    it('includes a case discharged during the month, and leaves out attempts and contacts of other months', async () => {
      const rows = csvRows(await mds(a.siteIds.North as string, '2026-01'));
      expect(rows.map((r) => r.local_case_id)).toEqual(['N-005', 'N-001']);
      expect(rows[0]).toMatchObject({
        engaged: 'no',
        contacts_face_to_face: '0',
        date_first_contact: '2025-12-22',
        date_discharged: '2026-01-05',
      });
      // N1 in January: one face-to-face, one telephone; the attempt on the 11th is not a contact.
      expect(rows[1]).toMatchObject({
        contacts_face_to_face: '1',
        contacts_telephone: '1',
        contacts_other: '0',
        date_first_contact: '2026-01-12',
      });
    });

    it('is a header row only for a month with no active cases', async () => {
      const response = await mds(a.siteIds.North as string, '2024-06');
      expect(response.statusCode).toBe(200);
      expect(csvRows(response)).toEqual([]);
      expect(header(response)).toEqual([...mdsColumns]);
    });

    it('records who exported which cases, in an audit event', async () => {
      const response = await mds(a.siteIds.North as string, '2026-02');
      const [event, ...more] = await eventOf(response);
      expect(more).toEqual([]);
      expect(event).toMatchObject({
        action: 'export.mds',
        entityType: 'case',
        actorUserId: (a.users.coordinator as SeededUser).id,
        actorRole: 'coordinator',
        organisationId: a.organisation.id,
        siteId: a.siteIds.North,
        query: { siteId: a.siteIds.North, month: '2026-02' },
        outcome: 'success',
      });
      expect([...(event?.entityIds ?? [])].sort()).toEqual([caseIds.N1, caseIds.N2, caseIds.N3].sort());
    });

    it('answers 404 for a site out of the coordinator’s scope, and writes no audit event', async () => {
      const before = (await t.db.select().from(auditEvents)).length;
      for (const siteId of [a.siteIds.South as string, otherSiteId]) {
        const response = await mds(siteId, '2026-02');
        expect(response.statusCode).toBe(404);
        expect(response.json().error.code).toBe('not_found');
      }
      expect((await t.db.select().from(auditEvents)).length).toBe(before);
    });

    it('is refused (403) to evaluators, admins and peer supporters', async () => {
      for (const role of ['evaluator', 'admin', 'peer']) {
        const response = await mds(a.siteIds.North as string, '2026-02', role);
        expect(response.statusCode, role).toBe(403);
      }
    });

    it('refuses a month that is not yyyy-mm with 400', async () => {
      for (const month of ['2026-13', '2026-1', 'February', '2026-02-01']) {
        const response = await mds(a.siteIds.North as string, month);
        expect(response.statusCode, month).toBe(400);
      }
    });
  });

  describe('the pseudonymised extract', () => {
    it('has no name, phone, local case id or date of birth: a keyed hash per case and the year of birth', async () => {
      const response = await extract(a.siteIds.North as string);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="pseudonymised-extract-start-to-now.csv"',
      );
      expect(header(response)).toEqual([...pseudonymisedColumns]);
      for (const secret of ['N-00', 'SUM(', 'Testperson', '07700', '1990-04-17', ...Object.values(caseIds)])
        expect(response.body).not.toContain(secret);
      const rows = csvRows(response);
      expect(rows).toHaveLength(5);
      for (const row of rows) expect(row.case_key).toMatch(/^[0-9a-f]{32}$/);
      expect(rows.map((r) => r.date_referred)).toEqual([
        '2025-12-20',
        '2026-01-10',
        '2026-02-01',
        '2026-02-15',
        '2026-03-01',
      ]);
      expect(rows[1]).toEqual({
        case_key: rows[1]?.case_key,
        site: 'North',
        referral_source: 'police_custody',
        date_referred: '2026-01-10',
        engagement: 'engaged',
        status: 'discharged',
        needs: 'mental_health;substance_use',
        complexity: 'moderate',
        gender: 'not_stated',
        birth_year: '1990',
        date_discharged: '2026-03-11',
        discharge_reason: 'goals_met',
        contacts_face_to_face: '3',
        contacts_telephone: '2',
        contacts_other: '1',
        days_on_books: '60',
      });
      expect(rows[2]).toMatchObject({ birth_year: '', date_discharged: '', days_on_books: '' });
    });

    it('gives the same case a different key in every extract', async () => {
      const first = csvRows(await extract(a.siteIds.North as string)).map((r) => r.case_key);
      const second = csvRows(await extract(a.siteIds.North as string)).map((r) => r.case_key);
      expect(new Set(first).size).toBe(5);
      expect(second.filter((key) => first.includes(key))).toEqual([]);
    });

    it('keeps to the referral range asked for', async () => {
      const response = await extract(
        a.siteIds.North as string,
        'coordinator',
        '&from=2026-02-01&to=2026-02-28',
      );
      expect(response.statusCode).toBe(200);
      expect(csvRows(response).map((r) => r.date_referred)).toEqual(['2026-02-01', '2026-02-15']);
      expect(response.headers['content-disposition']).toContain(
        'pseudonymised-extract-2026-02-01-to-2026-02-28',
      );
    });

    it('records the extract in an audit event naming the cases it covers', async () => {
      const response = await extract(a.siteIds.North as string);
      const [event, ...more] = await eventOf(response);
      expect(more).toEqual([]);
      expect(event).toMatchObject({
        action: 'export.pseudonymised',
        entityType: 'case',
        actorRole: 'evaluator',
        siteId: a.siteIds.North,
        query: { siteId: a.siteIds.North, from: null, to: null },
      });
      expect(event?.entityIds).toHaveLength(5);
    });

    it('answers 404 for a site out of scope, and 403 to roles without the permission', async () => {
      expect((await extract(a.siteIds.South as string)).statusCode).toBe(404);
      expect((await extract(otherSiteId, 'coordinator')).statusCode).toBe(404);
      expect((await extract(a.siteIds.North as string, 'admin')).statusCode).toBe(403);
      expect((await extract(a.siteIds.North as string, 'peer')).statusCode).toBe(403);
    });
  });
});
