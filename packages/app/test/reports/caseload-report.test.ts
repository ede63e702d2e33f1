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
import { eastNoCases, insertFixture, north2026, northAllTime, southAllTime } from './caseload-fixture.ts';

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
