import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FinancialProxy,
  type ImpactMap,
  impactMap,
  proxiesResponse,
  type SocialValueReport,
  socialValueReport,
  type UpdateImpactMapBody,
  valueMapColumns,
} from '../../src/contract/social-value.ts';
import { ldContent, ldProxies, ldSettings } from '../../src/server/demo/social-value-examples.ts';
import { auditEvents } from '../../src/server/modules/audit/audit.table.ts';
import { cases } from '../../src/server/modules/cases/cases.table.ts';
import { fundApplications } from '../../src/server/modules/fund/fund.table.ts';
import {
  createTestApp,
  databaseDigest,
  type SeededUser,
  seedOrganisation,
  signIn,
  type TestApp,
  testOrigin,
} from '../support/test-app.ts';
import { pdfText, unzipText, xlsxSheetText } from './file-readers.ts';
import { ldExpected } from './ld-worked-example.fixture.ts';

const period = { periodFrom: '2026-01-01', periodTo: '2026-03-31' };

/** A map linked to live data: one outcome per live source, costs with a live Personalisation Fund line. */
const liveContent = (version: number): UpdateImpactMapBody => ({
  version,
  title: 'North peer support, January to March 2026',
  ...period,
  priceYear: 2024,
  peopleServedSource: 'engaged_cases',
  stakeholders: [
    { key: 'users', name: 'Service users' },
    { key: 'state', name: 'The State' },
  ],
  outcomes: [
    {
      stakeholderKey: 'users',
      name: 'Improved life satisfaction',
      quantitySource: 'engaged_cases',
      quantityFactor: 0.5,
      proxy: { kind: 'library', key: 'wellby-central' },
      optimisticProxy: { kind: 'library', key: 'wellby-high' },
      deadweight: 0.1,
      attribution: 0.3,
      dropOff: 0.5,
      duration: 2,
    },
    {
      stakeholderKey: 'users',
      name: 'Goals met at discharge',
      quantitySource: 'cases_discharged_goals_met',
      proxy: { kind: 'library', key: 'wellby-low' },
      deadweight: 0.1,
      attribution: 0.3,
      dropOff: 0,
      duration: 1,
    },
    {
      stakeholderKey: 'state',
      name: 'Benefits claimed with support',
      isHarm: true,
      quantitySource: 'manual',
      manualQuantity: 2,
      quantityNote: 'Coordinator’s count',
      sampleSize: 12,
      proxy: { kind: 'library', key: 'esa-assessment-25-plus-2018-year' },
      deadweight: 0,
      attribution: 0.2,
      dropOff: 0,
      duration: 1,
    },
  ],
  costs: [
    { category: 'staff', description: 'Coordinator', amountPence: 3_000_000 },
    {
      category: 'other',
      description: 'Personalisation Fund grants',
      amountSource: 'fund_applications_approved',
    },
    { category: 'volunteer_time', description: 'Volunteers', volunteerHours: 100 },
  ],
});

describe('social value: impact maps, live data, the report and its exports', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof seedOrganisation>>;
  let b: Awaited<ReturnType<typeof seedOrganisation>>;
  const cookies: Record<string, string> = {};
  let northMap: ImpactMap;
  let southMapId: string;

  beforeAll(async () => {
    t = await createTestApp();
    a = await seedOrganisation(t.database, {
      name: 'Social Value A',
      sites: ['North', 'South'],
      users: [
        { key: 'admin', role: 'admin', sites: ['North'] },
        { key: 'coordinator', role: 'coordinator', sites: ['North'] },
        { key: 'evaluator', role: 'evaluator', sites: ['North'] },
        { key: 'southEvaluator', role: 'evaluator', sites: ['South'] },
        { key: 'peer', role: 'peer_supporter', sites: ['North'] },
        { key: 'programmeEvaluator', role: 'evaluator', sites: ['North', 'South'] },
      ],
    });
    b = await seedOrganisation(t.database, {
      name: 'Social Value B',
      sites: ['Central'],
      users: [{ key: 'evaluator', role: 'evaluator', sites: ['Central'] }],
    });
    for (const key of ['admin', 'coordinator', 'evaluator', 'southEvaluator', 'peer', 'programmeEvaluator'])
      cookies[key] = await signIn(t.app, (a.users[key] as SeededUser).email);
    cookies.otherOrganisation = await signIn(t.app, (b.users.evaluator as SeededUser).email);

    const created = await call('POST', '/api/impact-maps', 'evaluator', {
      siteId: a.siteIds.North,
      title: 'Draft',
      ...period,
      priceYear: 2024,
    });
    expect(created.statusCode, created.body).toBe(201);
    const saved = await call('PUT', `/api/impact-maps/${created.json().id}`, 'evaluator', liveContent(1));
    expect(saved.statusCode, saved.body).toBe(200);
    northMap = impactMap.parse(saved.json());
    const south = await call('POST', '/api/impact-maps', 'southEvaluator', {
      siteId: a.siteIds.South,
      title: 'South map',
      ...period,
      priceYear: 2024,
    });
    southMapId = south.json().id;
  });
  afterAll(() => t?.close());

  function call(method: string, url: string, who: string, payload?: object) {
    return t.app.inject({
      method: method as 'GET',
      url,
      headers: { cookie: cookies[who] as string, ...(method === 'GET' ? {} : { origin: testOrigin }) },
      ...(payload ? { payload } : {}),
    });
  }
  const reportOf = async (mapId: string, who = 'evaluator'): Promise<SocialValueReport> => {
    const response = await call('GET', `/api/impact-maps/${mapId}/report`, who);
    expect(response.statusCode, response.body).toBe(200);
    return socialValueReport.parse(response.json());
  };
  const row = (report: SocialValueReport, outcome: string) =>
    report.valueMap.find((r) => r.outcome === outcome);

  async function addCase(referredOn: string) {
    const created = await call('POST', '/api/cases', 'coordinator', {
      siteId: a.siteIds.North,
      localCaseId: `SV-${randomUUID().slice(0, 8)}`,
      referralSource: 'court',
      referredOn,
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  }

  describe('quantities linked to live data', () => {
    it('recalculate when an engaged case is added, with the moment the counts were taken', async () => {
      const before = await reportOf(northMap.id);
      expect(row(before, 'Improved life satisfaction')?.count).toBe(0);
      expect(before.warnings.map((w) => w.code)).toContain('no_live_records');

      const caseId = await addCase('2026-02-10');
      const notYet = await reportOf(northMap.id);
      expect(row(notYet, 'Improved life satisfaction')?.count).toBe(0); // referred, not engaged
      const engaged = await call('POST', `/api/cases/${caseId}/actions`, 'coordinator', { action: 'engage' });
      expect(engaged.statusCode, engaged.body).toBe(200);
      await addCase('2025-12-31'); // before the period: never counted

      const after = await reportOf(northMap.id);
      const life = row(after, 'Improved life satisfaction');
      expect(life?.count).toBe(1);
      expect(life?.quantity).toBe(0.5);
      expect(after.peopleServed).toEqual({ count: 1, source: 'engaged_cases' });
      expect(Date.parse(after.dataAsOf)).toBeGreaterThan(Date.parse(before.dataAsOf));
      const central = (r: SocialValueReport) => r.scenarios.find((s) => s.key === 'central');
      expect(central(after)?.presentValue).toBeGreaterThan(central(before)?.presentValue ?? 0);
      expect(after.methodNotes.dataDates[0]).toContain(
        'North’s service records for 1 January 2026 to 31 March 2026',
      );
    });

    it('count discharges with goals met and approved fund grants in the period', async () => {
      const now = new Date();
      const caseId = randomUUID();
      await t.db.insert(cases).values({
        id: caseId,
        organisationId: a.organisation.id,
        siteId: a.siteIds.North as string,
        localCaseId: `SV-G-${randomUUID().slice(0, 6)}`,
        referralSource: 'court',
        referredOn: '2025-11-01',
        status: 'discharged',
        engagement: 'engaged',
        dischargedOn: '2026-03-01',
        dischargeReason: 'goals_met',
        createdAt: now,
        updatedAt: now,
      });
      await t.db.insert(fundApplications).values({
        id: randomUUID(),
        organisationId: a.organisation.id,
        siteId: a.siteIds.North as string,
        caseId,
        category: 'rent',
        amountPence: 12_345,
        reason: 'Rent in advance',
        status: 'approved',
        appliedAt: new Date('2026-02-01T10:00:00Z'),
      });
      const report = await reportOf(northMap.id);
      expect(row(report, 'Goals met at discharge')?.count).toBe(1);
      const fund = report.costs.lines.find((l) => l.isLive);
      expect(fund?.amount).toBe(123.45);
      expect(report.costs.withoutVolunteerTime).toBe(30_000 + 123.45);
    });

    it('values volunteer time at the National Living Wage in force when the period starts, and shows both totals', async () => {
      const report = await reportOf(northMap.id);
      // 1 January 2026: the April 2025 rate, £12.21.
      expect(report.costs.livingWage).toEqual({ from: '2025-04-01', ratePence: 1_221 });
      expect(report.costs.volunteerTime).toBeCloseTo(1_221, 6);
      const keys = report.scenarios.map((s) => s.key);
      expect(keys).toEqual([
        'central',
        'central_volunteers',
        'conservative',
        'conservative_volunteers',
        'optimistic',
        'optimistic_volunteers',
      ]);
      const inputs = Object.fromEntries(report.scenarios.map((s) => [s.key, s.inputsValue]));
      expect((inputs.central_volunteers ?? 0) - (inputs.central ?? 0)).toBeCloseTo(1_221, 6);
    });

    it('uprates library proxies to the map’s price year and counts a harm against the total', async () => {
      const report = await reportOf(northMap.id);
      const life = row(report, 'Improved life satisfaction');
      expect(life?.proxyOriginalValue).toBe(13_000);
      expect(life?.proxyValue).toBeCloseTo((13_000 * 100) / 81.1085, 6);
      const benefits = row(report, 'Benefits claimed with support');
      expect(benefits?.proxyValue).toBeCloseTo((-3_801.2 * 100) / 79.1606, 6);
      expect(benefits?.impact).toBeLessThan(0);
    });
  });

  describe('a programme covering several sites', () => {
    async function insertEngagedCase(siteId: string) {
      const now = new Date();
      await t.db.insert(cases).values({
        id: randomUUID(),
        organisationId: a.organisation.id,
        siteId,
        localCaseId: `SV-P-${randomUUID().slice(0, 6)}`,
        referralSource: 'court',
        referredOn: '2026-02-02',
        status: 'active',
        engagement: 'engaged',
        createdAt: now,
        updatedAt: now,
      });
    }
    async function programmeMap(): Promise<ImpactMap> {
      const created = await call('POST', '/api/impact-maps', 'programmeEvaluator', {
        siteId: a.siteIds.North,
        otherSiteIds: [a.siteIds.South],
        title: 'North and South programme',
        ...period,
        priceYear: 2024,
      });
      expect(created.statusCode, created.body).toBe(201);
      const saved = await call('PUT', `/api/impact-maps/${created.json().id}`, 'programmeEvaluator', {
        ...liveContent(1),
        otherSiteIds: [a.siteIds.South],
      });
      expect(saved.statusCode, saved.body).toBe(200);
      return impactMap.parse(saved.json());
    }

    it('counts the live records of every site it covers and names them all in the report', async () => {
      const map = await programmeMap();
      expect(map.sites.map((s) => s.name)).toEqual(['North', 'South']);
      const before = await reportOf(map.id, 'programmeEvaluator');
      const northOnly = await reportOf(northMap.id, 'programmeEvaluator');
      await insertEngagedCase(a.siteIds.South as string);
      const after = await reportOf(map.id, 'programmeEvaluator');
      expect(row(after, 'Improved life satisfaction')?.count).toBe(
        (row(before, 'Improved life satisfaction')?.count ?? 0) + 1,
      );
      // The North-only map does not count the South case.
      expect(
        row(await reportOf(northMap.id, 'programmeEvaluator'), 'Improved life satisfaction')?.count,
      ).toBe(row(northOnly, 'Improved life satisfaction')?.count);
      expect(after.sites.map((s) => s.name)).toEqual(['North', 'South']);
      expect(after.methodNotes.dataDates[0]).toContain('North and South’s service records');
    });

    it('is found only by people who work at every site it covers, and listed under each of them', async () => {
      const map = await programmeMap();
      expect((await call('GET', `/api/impact-maps/${map.id}`, 'evaluator')).statusCode).toBe(404);
      expect((await call('GET', `/api/impact-maps/${map.id}/report`, 'southEvaluator')).statusCode).toBe(404);
      const northList = await call('GET', '/api/impact-maps', 'coordinator');
      expect(northList.json().items.map((m: { id: string }) => m.id)).not.toContain(map.id);
      const southList = await call('GET', `/api/impact-maps?siteId=${a.siteIds.South}`, 'programmeEvaluator');
      expect(southList.json().items.map((m: { id: string }) => m.id)).toContain(map.id);
    });

    it('refuses, at the field and without writing, a site the editor does not work at or the map’s own site', async () => {
      const before = await databaseDigest(t.database);
      const outOfScope = await call('POST', '/api/impact-maps', 'evaluator', {
        siteId: a.siteIds.North,
        otherSiteIds: [a.siteIds.South],
        title: 'Too wide',
        ...period,
        priceYear: 2024,
      });
      expect(outOfScope.statusCode).toBe(400);
      expect(outOfScope.json().error.details).toEqual([
        { field: 'otherSiteIds.0', message: 'Choose one of the sites you work at' },
      ]);
      const ownSite = await call('PUT', `/api/impact-maps/${northMap.id}`, 'programmeEvaluator', {
        ...liveContent(northMap.version),
        otherSiteIds: [a.siteIds.North],
      });
      expect(ownSite.statusCode).toBe(400);
      expect(ownSite.json().error.details[0].field).toBe('otherSiteIds.0');
      expect(await databaseDigest(t.database)).toEqual(before);
    });
  });

  describe('who may do what', () => {
    it('lets an evaluator edit a map of their own site, and refuses a stale version with 409', async () => {
      const current = impactMap.parse(
        (await call('GET', `/api/impact-maps/${northMap.id}`, 'evaluator')).json(),
      );
      // The map as the web app sends it back: its own ids, so stakeholders, outcomes and costs keep them.
      const { id: _id, siteId: _site, siteName: _name, sites: _sites, updatedAt: _at, ...edit } = current;
      edit.title = 'Renamed by the evaluator';
      const saved = await call('PUT', `/api/impact-maps/${northMap.id}`, 'evaluator', edit);
      expect(saved.statusCode, saved.body).toBe(200);
      const after = impactMap.parse(saved.json());
      expect(after.version).toBe(current.version + 1);
      expect(after.title).toBe('Renamed by the evaluator');
      expect(after.stakeholders.map((s) => s.key)).toEqual(current.stakeholders.map((s) => s.key));
      expect(after.outcomes.map((o) => o.id)).toEqual(current.outcomes.map((o) => o.id));
      expect(after.costs.map((c) => c.id)).toEqual(current.costs.map((c) => c.id));
      const stale = await call('PUT', `/api/impact-maps/${northMap.id}`, 'coordinator', edit);
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('conflict');
    });

    it('answers 404 for another site’s map and another organisation’s, as for one that does not exist', async () => {
      const missing = await call('GET', `/api/impact-maps/${randomUUID()}`, 'evaluator');
      expect(missing.statusCode).toBe(404);
      for (const [who, url] of [
        ['evaluator', `/api/impact-maps/${southMapId}`],
        ['evaluator', `/api/impact-maps/${southMapId}/report`],
        ['evaluator', `/api/impact-maps/${southMapId}/report/export?format=csv`],
        ['otherOrganisation', `/api/impact-maps/${northMap.id}`],
      ] as const) {
        const response = await call('GET', url, who);
        expect(response.statusCode, `${who} ${url}`).toBe(404);
        expect(response.json()).toEqual(missing.json());
      }
      const before = await databaseDigest(t.database);
      const put = await call('PUT', `/api/impact-maps/${southMapId}`, 'evaluator', liveContent(1));
      expect(put.statusCode).toBe(404);
      const create = await call('POST', '/api/impact-maps', 'evaluator', {
        siteId: a.siteIds.South,
        title: 'Not my site',
        ...period,
        priceYear: 2024,
      });
      expect(create.statusCode).toBe(404);
      expect(await databaseDigest(t.database)).toEqual(before);
      const list = await call('GET', '/api/impact-maps', 'evaluator');
      expect(list.json().items.map((m: { id: string }) => m.id)).toEqual([northMap.id]);
    });

    it('refuses a peer supporter with 403, and lets an admin read but not edit', async () => {
      for (const url of ['/api/impact-maps', `/api/impact-maps/${northMap.id}/report`]) {
        const response = await call('GET', url, 'peer');
        expect(response.statusCode, url).toBe(403);
      }
      expect((await call('GET', `/api/impact-maps/${southMapId}/report`, 'admin')).statusCode).toBe(200);
      const edit = await call('PUT', `/api/impact-maps/${northMap.id}`, 'admin', liveContent(1));
      expect(edit.statusCode).toBe(403);
    });

    it('shows an evaluator no personal data: the report holds no case id, name or local case id', async () => {
      const names = (await t.db.select({ id: cases.id, local: cases.localCaseId }).from(cases)).flatMap(
        (c) => [c.id, c.local],
      );
      const body = (await call('GET', `/api/impact-maps/${northMap.id}/report`, 'evaluator')).body;
      expect(names.length).toBeGreaterThan(0);
      for (const value of names) expect(body).not.toContain(value);
    });

    it('refuses an outcome naming a stakeholder or proxy that is not there', async () => {
      const current = impactMap.parse(
        (await call('GET', `/api/impact-maps/${northMap.id}`, 'evaluator')).json(),
      );
      const bad = liveContent(current.version);
      (bad.outcomes[0] as { stakeholderKey: string }).stakeholderKey = 'nobody';
      (bad.outcomes[1] as { proxy: unknown }).proxy = { kind: 'library', key: 'hact-something' };
      const response = await call('PUT', `/api/impact-maps/${northMap.id}`, 'evaluator', bad);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details.map((d: { field: string }) => d.field)).toEqual([
        'outcomes.0.stakeholderKey',
        'outcomes.1.proxy',
      ]);
    });
  });

  describe('the proxy library and an organisation’s own proxies', () => {
    let own: FinancialProxy;

    it('keeps an organisation’s own (licensed) proxy in its data, never shippable', async () => {
      const created = await call('POST', '/api/social-value/proxies', 'coordinator', {
        name: 'A licensed wellbeing value',
        unit: 'per person per year',
        valuePence: 185_000,
        priceYear: 2023,
        sourceTitle: 'A value bank the organisation holds a licence for',
        licence: 'Licensed to Social Value A; not for redistribution',
      });
      expect(created.statusCode, created.body).toBe(201);
      own = created.json();
      expect(own.isShippable).toBe(false);
      const list = proxiesResponse.parse(
        (await call('GET', '/api/social-value/proxies', 'evaluator')).json(),
      );
      expect(list.organisation.map((p) => p.name)).toEqual(['A licensed wellbeing value']);
      expect(list.library.every((p) => p.isShippable)).toBe(true);
      const other = proxiesResponse.parse(
        (await call('GET', '/api/social-value/proxies', 'otherOrganisation')).json(),
      );
      expect(other.organisation).toEqual([]);
    });

    it('never puts an organisation’s own proxy in the library export, which is audited', async () => {
      const response = await call('GET', '/api/social-value/proxy-library/export', 'evaluator');
      expect(response.statusCode).toBe(200);
      const rows = parse(response.body, { bom: true, columns: true }) as Record<string, string>[];
      expect(rows.map((r) => r.key)).toContain('wellby-central');
      expect(response.body).not.toContain('A licensed wellbeing value');
      expect(response.body).not.toMatch(/HACT|Social Value Bank|TOMs/i);
      const [event] = await t.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.requestId, String(response.headers['x-request-id'])));
      expect(event?.action).toBe('social_value.export_library');
    });
  });

  describe('the worked example through the API', () => {
    it('reproduces the review’s totals and flags Table 3', async () => {
      const proxyIds: Record<string, string> = {};
      for (const which of ['central', 'optimistic'] as const) {
        const created = await call('POST', '/api/social-value/proxies', 'evaluator', ldProxies[which]);
        proxyIds[which] = created.json().id ?? created.json().ref.id;
      }
      const created = await call('POST', '/api/impact-maps', 'evaluator', {
        siteId: a.siteIds.North,
        ...ldSettings,
      });
      const saved = await call('PUT', `/api/impact-maps/${created.json().id}`, 'evaluator', {
        version: 1,
        ...ldSettings,
        ...ldContent(proxyIds as { central: string; optimistic: string }),
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const report = await reportOf(created.json().id);
      for (const s of report.scenarios)
        expect(Number(s.ratio.toFixed(2)), s.key).toBe(ldExpected[s.key].ratio);
      expect(report.headline?.text).toBe('For every £1 invested, £1.04 to £3.58 of social value');
      const table3 = report.publishedChecks.find((c) => c.label.startsWith('Table 3'));
      expect(table3?.verdict).toBe('inconsistent');
    });
  });

  describe('exports', () => {
    const eventOf = async (response: LightMyRequestResponse) =>
      t.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.requestId, String(response.headers['x-request-id'])));

    it('writes the Value Map as CSV in its column order, with the figures, and audits it', async () => {
      const report = await reportOf(northMap.id);
      const response = await call(
        'GET',
        `/api/impact-maps/${northMap.id}/report/export?format=csv`,
        'evaluator',
      );
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/csv');
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="social-value-[a-z0-9-]+\.csv"$/,
      );
      const rows = parse(response.body, { bom: true }) as string[][];
      expect(rows[0]).toEqual([...valueMapColumns]);
      expect(rows).toHaveLength(1 + report.valueMap.length);
      const life = rows.find((r) => r[4] === 'Improved life satisfaction') as string[];
      expect(Number(life[7])).toBe(row(report, 'Improved life satisfaction')?.quantity);
      expect(Number(life[10])).toBeCloseTo(row(report, 'Improved life satisfaction')?.proxyValue ?? 0, 6);
      expect(life[6]).toContain('Engaged cases referred in the period');
      const [event] = await eventOf(response);
      expect(event).toMatchObject({
        action: 'social_value.export_csv',
        actorRole: 'evaluator',
        entityType: 'impact_map',
        entityIds: [northMap.id],
        siteId: a.siteIds.North,
        query: { format: 'csv', scenario: 'central' },
      });
    });

    it('writes an XLSX whose Value Map sheet follows the SROI column order and holds the figures', async () => {
      const report = await reportOf(northMap.id);
      const response = await call(
        'GET',
        `/api/impact-maps/${northMap.id}/report/export?format=xlsx&scenario=conservative`,
        'evaluator',
      );
      expect(response.statusCode).toBe(200);
      const files = unzipText(response.rawPayload);
      const valueMap = xlsxSheetText(files, 'xl/worksheets/sheet1.xml').split('\n');
      expect(valueMap[0]?.split('\t')).toEqual([...valueMapColumns]);
      expect(valueMap.join('\n')).toContain('Improved life satisfaction');
      const sheet2 = xlsxSheetText(files, 'xl/worksheets/sheet2.xml');
      expect(sheet2).toContain(report.headline?.text);
      expect(sheet2).toContain('Scenario shown below: Conservative');
      const conservative = report.scenarios.find((s) => s.key === 'conservative');
      expect(sheet2).toContain(String(conservative?.presentValue));
      expect((await eventOf(response))[0]?.query).toEqual({ format: 'xlsx', scenario: 'conservative' });
    });

    it('prints a tagged PDF holding the headline and the scenario table', async () => {
      const report = await reportOf(northMap.id);
      const response = await call(
        'GET',
        `/api/impact-maps/${northMap.id}/report/export?format=pdf`,
        'coordinator',
      );
      expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const pdf = response.rawPayload;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1')).toContain('/StructTreeRoot');
      const text = pdfText(pdf).normalize('NFKC');
      expect(text).toContain(report.headline?.text);
      expect(text).toContain('Central, with volunteer time');
      expect(text).toContain('Break-even');
      expect((await eventOf(response))[0]?.action).toBe('social_value.export_pdf');
    }, 60_000);

    it('refuses an unknown format with 400 and writes no event', async () => {
      const before = await databaseDigest(t.database);
      const response = await call(
        'GET',
        `/api/impact-maps/${northMap.id}/report/export?format=docx`,
        'evaluator',
      );
      expect(response.statusCode).toBe(400);
      expect(await databaseDigest(t.database)).toEqual(before);
    });
  });
});
