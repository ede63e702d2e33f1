import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseloadReportSite, caseloadReport } from '../../src/contract/reports.ts';
import { auditEvents } from '../../src/server/modules/audit/audit.table.ts';
import {
  createTestApp,
  type SeededUser,
  seedOrganisation,
  signIn,
  type TestApp,
} from '../support/test-app.ts';
import { insertFixture } from './caseload-fixture.ts';

const empty = { count: 0, percent: null };
const noCases = { count: 0, mean: null, min: null, max: null };
const noneDischarged = { count: 0, mean: null };

/** Worked out by hand from caseload-fixture.ts. */
const northAllTime = {
  site: 'North',
  from: '2025-12-20',
  to: '2026-03-01',
  cases: 5,
  engagement: {
    engaged: { count: 3, percent: 60 },
    declined: { count: 2, percent: 40 },
    no_data: { count: 0, percent: 0 },
  },
  contactTypes: {
    face_to_face: { count: 4, percent: 40 },
    telephone: { count: 5, percent: 50 },
    other: { count: 1, percent: 10 },
  },
  contactsTotal: 10,
  attemptsTotal: 3,
  contactsPerCase: {
    engaged: { count: 3, mean: 2.33, min: 0, max: 6 },
    declined: { count: 2, mean: 1.5, min: 1, max: 2 },
    no_data: noCases,
    overall: { count: 5, mean: 2, min: 0, max: 6 },
  },
  daysOnBooks: {
    engaged: { count: 2, mean: 32.5 },
    declined: { count: 2, mean: 23.5 },
    no_data: noneDischarged,
    overall: { count: 4, mean: 28 },
  },
};

const north2026 = {
  site: 'North',
  from: '2026-01-01',
  to: '2026-12-31',
  cases: 4,
  engagement: {
    engaged: { count: 3, percent: 75 },
    declined: { count: 1, percent: 25 },
    no_data: { count: 0, percent: 0 },
  },
  contactTypes: {
    face_to_face: { count: 3, percent: 33.3 },
    telephone: { count: 5, percent: 55.6 },
    other: { count: 1, percent: 11.1 },
  },
  contactsTotal: 9,
  attemptsTotal: 3,
  contactsPerCase: {
    engaged: { count: 3, mean: 2.33, min: 0, max: 6 },
    declined: { count: 1, mean: 2, min: 2, max: 2 },
    no_data: noCases,
    overall: { count: 4, mean: 2.25, min: 0, max: 6 },
  },
  daysOnBooks: {
    engaged: { count: 2, mean: 32.5 },
    declined: { count: 1, mean: 31 },
    no_data: noneDischarged,
    overall: { count: 3, mean: 32 },
  },
};

const southAllTime = {
  site: 'South',
  from: '2026-05-05',
  to: '2026-07-07',
  cases: 3,
  engagement: {
    engaged: { count: 1, percent: 33.3 },
    declined: { count: 0, percent: 0 },
    no_data: { count: 2, percent: 66.7 },
  },
  contactTypes: {
    face_to_face: { count: 0, percent: 0 },
    telephone: { count: 0, percent: 0 },
    other: { count: 2, percent: 100 },
  },
  contactsTotal: 2,
  attemptsTotal: 1,
  contactsPerCase: {
    engaged: { count: 1, mean: 2, min: 2, max: 2 },
    declined: noCases,
    no_data: { count: 2, mean: 0, min: 0, max: 0 },
    overall: { count: 3, mean: 0.67, min: 0, max: 2 },
  },
  daysOnBooks: {
    engaged: { count: 1, mean: 3 },
    declined: noneDischarged,
    no_data: noneDischarged,
    overall: { count: 1, mean: 3 },
  },
};

const eastNoCases = {
  site: 'East',
  from: null,
  to: null,
  cases: 0,
  engagement: { engaged: empty, declined: empty, no_data: empty },
  contactTypes: { face_to_face: empty, telephone: empty, other: empty },
  contactsTotal: 0,
  attemptsTotal: 0,
  contactsPerCase: { engaged: noCases, declined: noCases, no_data: noCases, overall: noCases },
  daysOnBooks: {
    engaged: noneDischarged,
    declined: noneDischarged,
    no_data: noneDischarged,
    overall: noneDischarged,
  },
};

describe('the caseload report (GET /api/reports/caseload)', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof seedOrganisation>>;
  let otherSiteId: string;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    a = await seedOrganisation(t.database, {
      name: 'Report A',
      sites: ['North', 'South', 'East'],
      users: [
        { key: 'admin', role: 'admin', sites: ['North'] },
        { key: 'coordinator', role: 'coordinator', sites: ['North'] },
        { key: 'evaluator', role: 'evaluator', sites: ['North', 'South'] },
        { key: 'peer', role: 'peer_supporter', sites: ['North'] },
      ],
    });
    const b = await seedOrganisation(t.database, {
      name: 'Report B',
      sites: ['Central'],
      users: [{ key: 'admin', role: 'admin', sites: ['Central'] }],
    });
    otherSiteId = b.siteIds.Central as string;
    await insertFixture(t.db, a.organisation.id, a.siteIds);
    // Another organisation's cases, under the same site name as one of A's: never counted for A.
    await insertFixture(t.db, b.organisation.id, { North: otherSiteId });
    for (const key of ['admin', 'coordinator', 'evaluator', 'peer'])
      cookies[key] = await signIn(t.app, (a.users[key] as SeededUser).email);
  });
  afterAll(() => t?.close());

  const get = async (query: string, as: string) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/reports/caseload${query}`,
      headers: { cookie: cookies[as] as string },
    });
    return response;
  };
  const report = async (query: string, as = 'admin') => {
    const response = await get(query, as);
    expect(response.statusCode, response.body).toBe(200);
    return caseloadReport.parse(response.json()).sites.map(({ siteId, ...rest }) => {
      expect(siteId).toBe(a.siteIds[rest.site]);
      return rest;
    });
  };

  it('reports every site in scope for all time, as worked out by hand, with empty groups as 0 and null', async () => {
    expect(await report('')).toEqual([eastNoCases, northAllTime, southAllTime]);
  });

  it('counts only cases referred in the range, with the range given as from and to', async () => {
    expect(await report(`?siteId=${a.siteIds.North}&from=2026-01-01&to=2026-12-31`)).toEqual([north2026]);
  });

  it('takes several sites, and a range with no cases in it gives counts of 0 and null statistics', async () => {
    const sites = await report(`?siteId=${a.siteIds.South}&siteId=${a.siteIds.North}&from=2030-01-01`);
    expect(sites.map((s) => s.site)).toEqual(['North', 'South']);
    for (const s of sites) expect(s).toEqual({ ...eastNoCases, site: s.site, from: '2030-01-01', to: null });
  });

  it('keeps to a range bounded on one side only', async () => {
    const [north] = (await report(`?siteId=${a.siteIds.North}&to=2025-12-31`)) as [
      Omit<CaseloadReportSite, 'siteId'>,
    ];
    expect(north.from).toBe('2025-12-20');
    expect(north.to).toBe('2025-12-31');
    expect(north.cases).toBe(1);
    expect(north.engagement.declined).toEqual({ count: 1, percent: 100 });
    expect(north.contactsPerCase.overall).toEqual({ count: 1, mean: 1, min: 1, max: 1 });
    expect(north.daysOnBooks.overall).toEqual({ count: 1, mean: 16 });
  });

  it('shows a coordinator only its own sites, and answers 404 for a site out of scope', async () => {
    expect(await report('', 'coordinator')).toEqual([northAllTime]);
    for (const siteId of [a.siteIds.South, otherSiteId]) {
      const response = await get(`?siteId=${siteId}`, 'coordinator');
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
    // One site out of scope among several is still not found: nothing is reported.
    expect(
      (await get(`?siteId=${a.siteIds.North}&siteId=${a.siteIds.South}`, 'coordinator')).statusCode,
    ).toBe(404);
  });

  it('gives an evaluator the aggregate report for its sites', async () => {
    expect(await report('', 'evaluator')).toEqual([northAllTime, southAllTime]);
  });

  it('refuses the report to a peer supporter (403)', async () => {
    const response = await get('', 'peer');
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
  });

  it('refuses a range that ends before it starts, and dates that are not dates, with 400', async () => {
    for (const query of ['?from=2026-02-01&to=2026-01-31', '?from=2026-02-30', '?to=yesterday']) {
      const response = await get(query, 'admin');
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    }
  });

  it('holds no personal data, so writes no audit event', async () => {
    const before = (await t.db.select().from(auditEvents)).length;
    await report('');
    expect((await t.db.select().from(auditEvents)).length).toBe(before);
  });
});
