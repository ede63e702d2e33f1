import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstrumentDetail, OutcomesAnalysisResponse } from '../../src/contract/outcomes.ts';
import { auditEvents } from '../../src/server/modules/audit/audit.table.ts';
import { cases, caseWorkers } from '../../src/server/modules/cases/cases.table.ts';
import { surveyIndicatorAnswers, surveys } from '../../src/server/modules/outcomes/outcomes.table.ts';
import { apiCaller, movableClock } from '../support/api-caller.ts';
import {
  createTestApp,
  databaseDigest,
  type SeededUser,
  seedOrganisation,
  signIn,
  type TestApp,
} from '../support/test-app.ts';
import { resilienceFixture } from './survey-rules.test.ts';

describe('outcomes through the API', () => {
  let t: TestApp;
  const clock = movableClock('2026-03-02T10:00:00Z');
  let users: Record<string, SeededUser>;
  let siteIds: Record<string, string>;
  let organisationId: string;
  const cookies: Record<string, string> = {};
  let instrument: InstrumentDetail;
  let versionId: string;

  const call = apiCaller(() => t.app, cookies);
  const respond = (path: 'open' | 'answers' | 'submit', payload: object) =>
    call(null, path === 'answers' ? 'PUT' : 'POST', `/api/respond/${path}`, payload);

  let counter = 0;
  /** A case at a site, led by `lead` when given (peers reach only their allocated cases). */
  async function newCase(site: 'North' | 'South', lead?: string) {
    const id = randomUUID();
    const now = clock.now();
    await t.db.insert(cases).values({
      id,
      organisationId,
      siteId: siteIds[site] as string,
      localCaseId: `OUT-${++counter}`,
      referralSource: 'court',
      referredOn: '2026-01-10',
      engagement: 'engaged',
      createdAt: now,
      updatedAt: now,
    });
    if (lead)
      await t.db.insert(caseWorkers).values({
        caseId: id,
        userId: (users[lead] as SeededUser).id,
        organisationId,
        siteId: siteIds[site] as string,
        role: 'lead',
        assignedAt: now,
      });
    return id;
  }
  async function giveSurvey(
    who: string,
    caseId: string,
    mode: 'interviewer' | 'link',
    wave = 'retrospective',
  ) {
    const response = await call(who, 'POST', `/api/cases/${caseId}/surveys`, {
      instrumentVersionId: versionId,
      wave,
      mode,
      ...(wave === 'follow_up' ? { followUpNumber: 1 } : {}),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; link: string | null };
  }
  const tokenOf = (link: string | null) => (link as string).split('#')[1] as string;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const seeded = await seedOrganisation(t.database, {
      name: 'Outcomes',
      sites: ['North', 'South'],
      users: [
        { key: 'admin', role: 'admin', sites: ['North', 'South'] },
        { key: 'coordinator', role: 'coordinator', sites: ['North'] },
        { key: 'coordinatorSouth', role: 'coordinator', sites: ['South'] },
        { key: 'peer', role: 'peer_supporter', sites: ['North'] },
        { key: 'otherPeer', role: 'peer_supporter', sites: ['North'] },
        { key: 'evaluator', role: 'evaluator', sites: ['North'] },
      ],
    });
    users = seeded.users;
    siteIds = seeded.siteIds;
    organisationId = seeded.organisation.id;
    for (const [key, user] of Object.entries(users)) cookies[key] = await signIn(t.app, user.email);
  });
  afterAll(() => t?.close());

  describe('instruments', () => {
    it('lists the shipped templates, none of them a licensed instrument', async () => {
      const response = await call('admin', 'GET', '/api/outcomes/templates');
      expect(response.statusCode).toBe(200);
      const names = (response.json().items as { key: string }[]).map((i) => i.key);
      expect(names).toEqual(['service_user_survey@1', 'peer_supporter_survey@1', 'ons4@1']);
    });

    it('copies a template into the organisation as a draft, which publishing makes read-only', async () => {
      const created = await call('admin', 'POST', '/api/outcomes/instruments', {
        templateKey: 'service_user_survey@1',
      });
      expect(created.statusCode, created.body).toBe(201);
      instrument = created.json();
      expect(instrument).toMatchObject({ latestVersion: 1, publishedVersion: null, hasDraft: true });
      const published = await call('admin', 'POST', `/api/outcomes/instruments/${instrument.id}/publish`);
      expect(published.statusCode).toBe(200);
      instrument = published.json();
      versionId = instrument.publishedVersion?.id as string;
      expect(instrument).toMatchObject({ publishedVersion: { version: 1 }, hasDraft: false });
    });

    it('makes a new draft version when a published one is edited, leaving the published one as it was', async () => {
      const v1 = instrument.versions[0]?.content;
      const edited = { ...v1, introduction: 'A shorter introduction.' };
      const response = await call('coordinator', 'PUT', `/api/outcomes/instruments/${instrument.id}/draft`, {
        content: edited,
        basedOnVersion: 1,
      });
      expect(response.statusCode, response.body).toBe(200);
      const detail = response.json() as InstrumentDetail;
      expect(detail.versions.map((v) => [v.version, v.status])).toEqual([
        [2, 'draft'],
        [1, 'published'],
      ]);
      expect(detail.versions[1]?.content.introduction).toBe(v1?.introduction);
      const stale = await call('coordinator', 'PUT', `/api/outcomes/instruments/${instrument.id}/draft`, {
        content: edited,
        basedOnVersion: 1,
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.details[0].field).toBe('basedOnVersion');
    });

    it('refuses an instrument whose attribution names no indicator, naming the field, and changes nothing', async () => {
      const before = await databaseDigest(t.database);
      const response = await call('admin', 'POST', '/api/outcomes/instruments', {
        content: {
          name: 'Broken',
          items: [{ type: 'attribution', key: 'why', text: 'Why?', indicatorKeys: ['missing'] }],
        },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        {
          field: 'content.items.0.indicatorKeys.0',
          message: 'Name a 0–10 or ordered question of this instrument; “missing” is not one.',
        },
      ]);
      expect(await databaseDigest(t.database)).toEqual(before);
    });

    it('lets only admins and coordinators build instruments', async () => {
      for (const who of ['peer', 'evaluator'])
        expect(
          (await call(who, 'POST', '/api/outcomes/instruments', { templateKey: 'ons4' })).statusCode,
        ).toBe(403);
    });
  });

  describe('self-completion by link', () => {
    it('stores only the SHA-256 of a 256-bit token kept in the link’s fragment', async () => {
      const caseId = await newCase('North');
      const survey = await giveSurvey('coordinator', caseId, 'link', 'baseline');
      expect(survey.link).toMatch(/^\/s#[A-Za-z0-9_-]{43}$/);
      const token = tokenOf(survey.link);
      const [row] = await t.db.select().from(surveys).where(eq(surveys.id, survey.id));
      expect(row?.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(JSON.stringify(row)).not.toContain(token);
      const opened = await respond('open', { token });
      expect(opened.statusCode, opened.body).toBe(200);
      expect(t.logs.join('')).not.toContain(token);
    });

    it('answers a guessed, malformed or unknown token with the same 404', async () => {
      for (const token of [randomBytes(32).toString('base64url'), 'A'.repeat(43)]) {
        const response = await respond('open', { token });
        expect(response.statusCode).toBe(404);
        expect(response.json().error.code).toBe('not_found');
      }
      expect((await respond('open', { token: 'short' })).statusCode).toBe(400);
    });

    it('saves progress, then stops opening once it has expired, and a new link replaces the old', async () => {
      const caseId = await newCase('North');
      const survey = await giveSurvey('coordinator', caseId, 'link', 'baseline');
      const token = tokenOf(survey.link);
      const saved = await respond('answers', { token, answers: { meetings: 3 } });
      expect(saved.statusCode, saved.body).toBe(200);
      expect((await respond('open', { token })).json().answers).toEqual({ meetings: 3 });
      clock.set('2026-03-16T10:00:01Z'); // 14 days and a second later
      expect((await respond('open', { token })).statusCode).toBe(404);
      const reissued = await call('coordinator', 'POST', `/api/surveys/${survey.id}/link`, { linkDays: 7 });
      expect(reissued.statusCode, reissued.body).toBe(200);
      const newToken = tokenOf(reissued.json().link);
      expect((await respond('open', { token: newToken })).json().answers).toEqual({ meetings: 3 });
      expect((await respond('open', { token })).statusCode).toBe(404);
      // The clock stays here: time never runs backwards for the rate limiter either.
    });

    it('stores exactly one submission when the same link is submitted twice at the same moment, then opens no more', async () => {
      const caseId = await newCase('North');
      const survey = await giveSurvey('coordinator', caseId, 'link');
      const token = tokenOf(survey.link);
      const answers = { resilience: { before: 8, now: 3 }, counterfactual: 'stayed_the_same' };
      const responses = await Promise.all([
        respond('submit', { token, answers }),
        respond('submit', { token, answers }),
      ]);
      expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 404]);
      const rows = await t.db
        .select()
        .from(surveyIndicatorAnswers)
        .where(eq(surveyIndicatorAnswers.surveyId, survey.id));
      expect(rows.filter((r) => r.indicatorKey === 'resilience')).toHaveLength(1);
      expect((await respond('open', { token })).statusCode).toBe(404);
      expect((await respond('submit', { token, answers })).statusCode).toBe(404);
      const submitted = await t.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'survey.respondent.submit')));
      expect(submitted.filter((e) => e.entityIds.includes(survey.id))).toHaveLength(1);
    });

    it('refuses a wrong answer by naming the question, and changes nothing', async () => {
      const caseId = await newCase('North');
      const token = tokenOf((await giveSurvey('coordinator', caseId, 'link')).link);
      const before = await databaseDigest(t.database);
      const response = await respond('submit', { token, answers: { resilience: { before: 12, now: 3 } } });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        { field: 'answers.resilience', message: 'Choose a whole number from 0 to 10.' },
      ]);
      expect(await databaseDigest(t.database)).toEqual(before);
    });
  });

  describe('interviewer entry and who may read answers', () => {
    let peerCaseSurveyId: string;

    it('lets a peer supporter enter and submit answers for a case they are allocated, once', async () => {
      const caseId = await newCase('North', 'peer');
      const survey = await giveSurvey('peer', caseId, 'interviewer', 'baseline');
      peerCaseSurveyId = survey.id;
      const saved = await call('peer', 'PUT', `/api/surveys/${survey.id}/answers`, {
        answers: { self_esteem: { before: 3, now: 6 } },
        submit: true,
      });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({
        status: 'completed',
        answers: { self_esteem: { before: 3, now: 6 } },
      });
      const again = await call('peer', 'PUT', `/api/surveys/${survey.id}/answers`, {
        answers: {},
        submit: true,
      });
      expect(again.statusCode).toBe(409);
    });

    it('refuses a second survey of the same wave for the same person', async () => {
      const caseId = await newCase('North');
      await giveSurvey('coordinator', caseId, 'interviewer', 'exit');
      const second = await call('coordinator', 'POST', `/api/cases/${caseId}/surveys`, {
        instrumentVersionId: versionId,
        wave: 'exit',
        mode: 'link',
      });
      expect(second.statusCode).toBe(409);
    });

    it('hides answers from a peer not allocated, a coordinator of another site (404) and evaluators (403)', async () => {
      expect((await call('otherPeer', 'GET', `/api/surveys/${peerCaseSurveyId}`)).statusCode).toBe(404);
      expect((await call('coordinatorSouth', 'GET', `/api/surveys/${peerCaseSurveyId}`)).statusCode).toBe(
        404,
      );
      expect((await call('evaluator', 'GET', `/api/surveys/${peerCaseSurveyId}`)).statusCode).toBe(403);
      expect((await call('admin', 'GET', `/api/surveys/${peerCaseSurveyId}`)).statusCode).toBe(403);
    });

    it('audits every read of answers', async () => {
      const response = await call('coordinator', 'GET', `/api/surveys/${peerCaseSurveyId}`);
      expect(response.statusCode).toBe(200);
      const events = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'survey.view'));
      expect(
        events.some((e) => e.entityIds.includes(peerCaseSurveyId) && e.actorUserId === users.coordinator?.id),
      ).toBe(true);
    });
  });

  describe('analysis per indicator', () => {
    it('gives the hand-computed figures for retrospective pairs at a site', async () => {
      const site = siteIds.South as string;
      // The fixture at South: five interviews entered, one more invited who never replied.
      for (const row of resilienceFixture) {
        const caseId = await newCase('South');
        const survey = await giveSurvey('coordinatorSouth', caseId, 'interviewer');
        const answers: Record<string, unknown> = {
          resilience: { before: row.before === null ? null : Number(row.before), now: Number(row.now) },
        };
        if (row.contribution) answers.resilience_contribution = row.contribution;
        if (row.counterfactual) answers.counterfactual = row.counterfactual;
        const saved = await call('coordinatorSouth', 'PUT', `/api/surveys/${survey.id}/answers`, {
          answers,
          submit: true,
        });
        expect(saved.statusCode, saved.body).toBe(200);
      }
      await giveSurvey('coordinatorSouth', await newCase('South'), 'link');
      const response = await call(
        'admin',
        'GET',
        `/api/outcomes/analysis?instrumentId=${instrument.id}&siteId=${site}&design=retrospective`,
      );
      expect(response.statusCode, response.body).toBe(200);
      const analysis = response.json() as OutcomesAnalysisResponse;
      expect(analysis.waves).toEqual([
        { wave: 'retrospective', invited: 6, completed: 5, responseRate: 5 / 6 },
      ]);
      const resilience = analysis.indicators.find((i) => i.key === 'resilience');
      expect(resilience).toMatchObject({
        isReverseKeyed: true,
        n: 4,
        invited: 6,
        excludedUnanswered: 1,
        improved: { count: 2, share: 0.5 },
        same: { count: 1 },
        worsened: { count: 1 },
        meanChangeAmongImproved: { points: 3.5, percentOfScale: 35 },
        meanChangeOverall: { points: 1, percentOfScale: 10 },
        deadweight: { n: 4, mean: 0.375 },
        isSuppressed: false,
      });
      expect(resilience?.contribution.mean).toBeCloseTo(1.75 / 3);
    });

    it('suppresses counts from 1 to 7 for evaluators, who see their own sites only', async () => {
      const evaluatorNorth = await call(
        'evaluator',
        'GET',
        `/api/outcomes/analysis?instrumentId=${instrument.id}&siteId=${siteIds.South}`,
      );
      expect(evaluatorNorth.statusCode).toBe(404);
      const response = await call('evaluator', 'GET', `/api/outcomes/analysis?instrumentId=${instrument.id}`);
      expect(response.statusCode).toBe(200);
      const analysis = response.json() as OutcomesAnalysisResponse;
      expect(analysis.suppression).toEqual({ isApplied: true, smallestShownCount: 8 });
      for (const indicator of analysis.indicators)
        for (const count of [indicator.n, indicator.improved.count, indicator.worsened.count])
          expect(count === null || count === 0 || count >= 8).toBe(true);
      expect(JSON.stringify(analysis)).not.toMatch(/personName|caseId/);
    });

    it('feeds an impact-map outcome: people improved × engaged cases with the sample size, contribution and deadweight, following new answers', async () => {
      const created = await call('coordinatorSouth', 'POST', '/api/impact-maps', {
        siteId: siteIds.South,
        title: 'South surveys',
        periodFrom: '2026-01-01',
        periodTo: '2026-03-31',
        priceYear: 2024,
      });
      expect(created.statusCode, created.body).toBe(201);
      const mapId = created.json().id as string;
      const saved = await call('coordinatorSouth', 'PUT', `/api/impact-maps/${mapId}`, {
        version: 1,
        title: 'South surveys',
        periodFrom: '2026-01-01',
        periodTo: '2026-03-31',
        priceYear: 2024,
        stakeholders: [{ key: 'users', name: 'Service users' }],
        outcomes: [
          {
            stakeholderKey: 'users',
            name: 'Bouncing back',
            quantitySource: 'outcomes_indicator',
            surveyIndicator: {
              instrumentId: instrument.id,
              indicatorKey: 'resilience',
              design: 'retrospective',
            },
            proxy: { kind: 'library', key: 'wellby-central' },
            deadweight: 0,
            attribution: 0,
            dropOff: 0,
            duration: 1,
          },
        ],
        costs: [{ category: 'staff', description: 'Coordinator', amountPence: 100_000 }],
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const row = async () => {
        const report = await call('coordinatorSouth', 'GET', `/api/impact-maps/${mapId}/report`);
        expect(report.statusCode, report.body).toBe(200);
        return report.json().valueMap[0] as Record<string, number>;
      };
      // Six engaged cases at South; half of the four usable answers improved.
      const first = await row();
      expect(first).toMatchObject({ count: 3, quantity: 3, sampleSize: 4, deadweight: 0.375 });
      expect(first.attribution).toBeCloseTo(1 - 1.75 / 3);
      const caseId = await newCase('South');
      const survey = await giveSurvey('coordinatorSouth', caseId, 'interviewer');
      await call('coordinatorSouth', 'PUT', `/api/surveys/${survey.id}/answers`, {
        answers: { resilience: { before: 9, now: 1 }, resilience_contribution: 'completely' },
        submit: true,
      });
      // Seven engaged cases; three of five improved.
      const second = await row();
      expect(second.sampleSize).toBe(5);
      expect(second.quantity).toBeCloseTo(0.6 * 7);
      expect(second.attribution).toBeCloseTo(1 - 2.75 / 4);
    });

    it('compares baseline with the latest follow-up in the waves design', async () => {
      const caseId = await newCase('North');
      const baseline = await giveSurvey('coordinator', caseId, 'interviewer', 'baseline');
      await call('coordinator', 'PUT', `/api/surveys/${baseline.id}/answers`, {
        answers: { self_esteem: { before: null, now: 2 } },
        submit: true,
      });
      const followUp = await giveSurvey('coordinator', caseId, 'interviewer', 'follow_up');
      await call('coordinator', 'PUT', `/api/surveys/${followUp.id}/answers`, {
        answers: { self_esteem: { before: null, now: 7 } },
        submit: true,
      });
      const response = await call(
        'coordinator',
        'GET',
        `/api/outcomes/analysis?instrumentId=${instrument.id}&siteId=${siteIds.North}&design=waves`,
      );
      expect(response.statusCode, response.body).toBe(200);
      const analysis = response.json() as OutcomesAnalysisResponse;
      // One follow-up answered (2 → 7); the exit survey given earlier at North is still unanswered.
      expect(analysis.indicators.find((i) => i.key === 'self_esteem')).toMatchObject({
        n: 1,
        invited: 2,
        improved: { count: 1 },
        meanChangeOverall: { points: 5, percentOfScale: 50 },
      });
    });
  });
});
