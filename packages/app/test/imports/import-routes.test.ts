import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponse } from '../../src/contract/errors.ts';
import { type ImportProgress, importProgress, importStarted } from '../../src/contract/imports.ts';
import { cases } from '../../src/server/modules/cases/cases.table.ts';
import {
  createTestApp,
  type SeededUser,
  seedOrganisation,
  signIn,
  type TestApp,
  testOrigin,
} from '../support/test-app.ts';
import { contactsCsv, multipartBody, referralsCsv, syntheticMds } from './mds-files.ts';

describe('the import routes', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof seedOrganisation>>;
  let b: Awaited<ReturnType<typeof seedOrganisation>>;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    a = await seedOrganisation(t.database, {
      name: 'Import Routes A',
      sites: ['North', 'South'],
      users: [
        { key: 'coordinator', role: 'coordinator', sites: ['North'] },
        { key: 'otherCoordinator', role: 'coordinator', sites: ['North'] },
        { key: 'admin', role: 'admin', sites: ['North'] },
        { key: 'peer_supporter', role: 'peer_supporter', sites: ['North'] },
        { key: 'volunteer', role: 'volunteer', sites: ['North'] },
        { key: 'evaluator', role: 'evaluator', sites: ['North'] },
      ],
    });
    b = await seedOrganisation(t.database, {
      name: 'Import Routes B',
      sites: ['Central'],
      users: [{ key: 'coordinator', role: 'coordinator', sites: ['Central'] }],
    });
    for (const key of Object.keys(a.users))
      cookies[key] = await signIn(t.app, (a.users[key] as SeededUser).email);
  });
  afterAll(() => t?.close());

  const north = () => a.siteIds.North as string;
  const dataSet = (cases = 5, site = 'North') => {
    const { referrals, contacts } = syntheticMds({ cases, contactsPerCase: 2, site });
    return {
      referrals: { filename: 'referrals.csv', content: referralsCsv(referrals) },
      contacts: { filename: 'contacts.csv', content: contactsCsv(contacts) },
    };
  };

  const upload = (cookie: string, siteId: string, files: Parameters<typeof multipartBody>[0]) => {
    const body = multipartBody(files);
    return t.app.inject({
      method: 'POST',
      url: `/api/sites/${siteId}/imports/mds`,
      headers: { cookie, origin: testOrigin, ...body.headers },
      payload: body.payload,
    });
  };
  const progressOf = (cookie: string, id: string) =>
    t.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: { cookie } });

  /** Polls until the import has finished, returning every progress seen. */
  async function follow(cookie: string, id: string): Promise<ImportProgress[]> {
    const seen: ImportProgress[] = [];
    for (let polls = 0; polls < 2_000; polls++) {
      const response = await progressOf(cookie, id);
      expect(response.statusCode, response.body).toBe(200);
      const progress = importProgress.parse(response.json());
      seen.push(progress);
      if (progress.phase === 'done' || progress.phase === 'failed') return seen;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the import did not finish');
  }

  /** The rows an import could write, and its audit events. */
  async function digest() {
    const result: Record<string, string> = {};
    for (const table of ['cases', 'contacts', 'audit_events']) {
      const rows = (await t.db.execute(
        sql.raw(
          `select count(*)::text as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from ${table} t`,
        ),
      )) as unknown as { rows: { n: string; h: string }[] };
      result[table] = `${rows.rows[0]?.n}:${rows.rows[0]?.h}`;
    }
    return result;
  }

  it('lets a coordinator upload both files and follow the import to its counts', async () => {
    const response = await upload(cookies.coordinator as string, north(), dataSet(5));
    expect(response.statusCode, response.body).toBe(202);
    const { id } = importStarted.parse(response.json());
    const seen = await follow(cookies.coordinator as string, id);
    const last = seen.at(-1) as ImportProgress;
    expect(last).toMatchObject({
      id,
      siteId: north(),
      phase: 'done',
      rowsRead: 15,
      rowsTotal: 15,
      rowsWritten: 15,
      rowsToWrite: 15,
      counts: {
        referrals: { created: 5, updated: 0, unchanged: 0, skippedOtherSite: 0 },
        contacts: { created: 10, unchanged: 0, skippedOtherSite: 0 },
      },
    });
    expect(last.finishedAt).toBeDefined();
    expect(last.errors).toBeUndefined();
    const imported = await t.db.select().from(cases).where(eq(cases.siteId, north()));
    expect(imported.map((c) => c.localCaseId).sort()).toEqual([
      'TST-000001',
      'TST-000002',
      'TST-000003',
      'TST-000004',
      'TST-000005',
    ]);
  });

  it('reports the bad rows of a refused import with their line numbers, and writes nothing', async () => {
    const files = dataSet(3);
    files.referrals.content = files.referrals.content.replace('2024-01-03,declined', '2024-01-03,undecided');
    files.contacts.content += 'TST-000404,2024-01-10,telephone\n';
    const before = await digest();
    const response = await upload(cookies.coordinator as string, north(), files);
    expect(response.statusCode).toBe(202);
    const last = (await follow(cookies.coordinator as string, response.json().id)).at(-1);
    expect(last).toMatchObject({
      phase: 'failed',
      errorCount: 2,
      errors: [
        {
          file: 'referrals',
          line: 3,
          field: 'engagement',
          message: 'Use one of: engaged, declined, no_data.',
        },
        { file: 'contacts', line: 8, field: 'local_case_id' },
      ],
    });
    expect(last?.counts).toBeUndefined();
    expect(await digest()).toEqual(before);
  });

  it('keeps the first 500 problems of a badly broken file, and counts them all', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => `TST-${i},North,court,2024-02-30,engaged,,`);
    const response = await upload(cookies.coordinator as string, north(), {
      referrals: { filename: 'r.csv', content: `${dataSet(0).referrals.content}${rows.join('\n')}\n` },
      contacts: { filename: 'c.csv', content: 'local_case_id,contact_date,contact_type\n' },
    });
    const last = (await follow(cookies.coordinator as string, response.json().id)).at(-1);
    expect(last?.phase).toBe('failed');
    expect(last?.errorCount).toBe(600);
    expect(last?.errors).toHaveLength(500);
    expect(last?.errors?.[499]).toMatchObject({ line: 501 });
  });

  it.each(['admin', 'peer_supporter', 'volunteer', 'evaluator'])(
    'refuses the role %s with 403, and writes nothing',
    async (role) => {
      const before = await digest();
      const response = await upload(cookies[role] as string, north(), dataSet(2));
      expect(response.statusCode).toBe(403);
      expect(errorResponse.parse(response.json()).error.code).toBe('forbidden');
      const progress = await progressOf(cookies[role] as string, randomUUID());
      expect(progress.statusCode).toBe(403);
      expect(await digest()).toEqual(before);
    },
  );

  it('answers 404 for a site out of the coordinator’s scope, as for one that does not exist, and writes nothing', async () => {
    const before = await digest();
    const answers = [];
    for (const siteId of [a.siteIds.South as string, b.siteIds.Central as string, randomUUID()]) {
      const response = await upload(cookies.coordinator as string, siteId, dataSet(2, 'South'));
      expect(response.statusCode, siteId).toBe(404);
      answers.push(response.json());
    }
    expect(answers[0]).toEqual(answers[2]);
    expect(answers[1]).toEqual(answers[2]);
    expect(errorResponse.parse(answers[0]).error.code).toBe('not_found');
    expect(await digest()).toEqual(before);
  });

  it('shows an import’s progress only to the person who started it', async () => {
    const response = await upload(cookies.coordinator as string, north(), dataSet(1));
    const { id } = importStarted.parse(response.json());
    await follow(cookies.coordinator as string, id);
    const byColleague = await progressOf(cookies.otherCoordinator as string, id);
    const unknown = await progressOf(cookies.coordinator as string, randomUUID());
    expect(byColleague.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(byColleague.json()).toEqual(unknown.json());
  });

  it('refuses an upload without both files, naming what is missing or unexpected', async () => {
    const only = await upload(cookies.coordinator as string, north(), { referrals: dataSet(1).referrals });
    expect(only.statusCode).toBe(400);
    expect(errorResponse.parse(only.json()).error).toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'contacts', message: 'Choose the contacts file (CSV).' }],
    });

    const extra = await upload(cookies.coordinator as string, north(), {
      ...dataSet(1),
      photo: { filename: 'me.jpg', content: 'not a csv' },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details).toEqual([
      { field: 'photo', message: 'Unknown field: send only the referrals and contacts files.' },
    ]);

    const empty = await upload(cookies.coordinator as string, north(), {
      referrals: dataSet(1).referrals,
      contacts: { filename: 'contacts.csv', content: '' },
    });
    expect(empty.json().error.details).toEqual([
      { field: 'contacts', message: "The contacts file is empty. Choose the data set's contacts file." },
    ]);

    const json = await t.app.inject({
      method: 'POST',
      url: `/api/sites/${north()}/imports/mds`,
      headers: { cookie: cookies.coordinator as string, origin: testOrigin },
      payload: { referrals: 'local_case_id' },
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'referrals',
      'contacts',
    ]);
  });

  it('refuses an upload from another origin', async () => {
    const body = multipartBody(dataSet(1));
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/sites/${north()}/imports/mds`,
      headers: {
        cookie: cookies.coordinator as string,
        origin: 'https://elsewhere.example',
        ...body.headers,
      },
      payload: body.payload,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('origin_not_allowed');
  });
});
