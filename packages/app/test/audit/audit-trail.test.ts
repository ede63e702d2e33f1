import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsResponse } from '../../src/contract/audit.ts';
import { sqlState } from '../../src/server/db/database-errors.ts';
import { auditEvents } from '../../src/server/modules/audit/audit.table.ts';
// Daily check-ins (issue 5)
import {
  checkInAlerts,
  checkInEnrolments,
  checkIns,
} from '../../src/server/modules/check-ins/check-ins.table.ts';
// Outcomes (issue 5)
import {
  surveyInstruments,
  surveyInstrumentVersions,
} from '../../src/server/modules/outcomes/outcomes.table.ts';
import { workforceMembers } from '../../src/server/modules/workforce/people/people.table.ts';
import { contactsCsv, multipartBody, referralsCsv, syntheticMds } from '../imports/mds-files.ts';
import { routeKey, routeTable } from '../support/route-matrix.ts';
import {
  createTestApp,
  databaseDigest,
  type SeededUser,
  seedOrganisation,
  signIn,
  type TestApp,
  testOrigin,
} from '../support/test-app.ts';
import { enrolWorkforce } from '../support/workforce.ts';
import { peerWorkforceAuditCases } from './audit-cases-peer-workforce-extras.ts';
import { workforceAuditCases } from './audit-cases-workforce.ts';

const hour = 60 * 60 * 1000;

describe('the audit trail', () => {
  let t: TestApp;
  /** The test moves this clock; audit events are stamped with it. Kept in the past so no session looks over-age. */
  let now = new Date('2025-03-01T09:00:00.000Z');
  /** What each route the app served declared as `config.personalData`, read from inside the app. */
  const declaredPersonalData = new Map<string, string | undefined>();
  let a: Awaited<ReturnType<typeof seedOrganisation>>;
  let b: Awaited<ReturnType<typeof seedOrganisation>>;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({
      clock: { now: () => new Date(now) },
      extraRoutes: (app) => {
        app.addHook('onRequest', async (request) => {
          const { method, url, config } = request.routeOptions;
          if (url)
            declaredPersonalData.set(
              `${method} ${url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`,
              config.personalData,
            );
        });
      },
    });
    a = await seedOrganisation(t.database, {
      name: 'Audit A',
      sites: ['North', 'South'],
      users: [
        { key: 'admin', role: 'admin', sites: ['North'] },
        { key: 'coordinator', role: 'coordinator', sites: ['North'] },
        { key: 'subject', role: 'volunteer', sites: ['North'] },
        { key: 'bystander', role: 'volunteer', sites: ['North'] },
      ],
    });
    b = await seedOrganisation(t.database, {
      name: 'Audit B',
      sites: ['Central'],
      users: [{ key: 'admin', role: 'admin', sites: ['Central'] }],
    });
    cookies.adminA = await signIn(t.app, userA('admin').email);
    cookies.coordinatorA = await signIn(t.app, userA('coordinator').email);
    // Peer workforce core (issue 6): a volunteer who logs their own hours
    cookies.bystanderA = await signIn(t.app, userA('bystander').email);
    cookies.adminB = await signIn(t.app, (b.users.admin as SeededUser).email);
  });
  afterAll(() => t?.close());

  const userA = (key: string) => a.users[key] as SeededUser;
  const request = (method: string, url: string, cookie: string, payload?: object) =>
    t.app.inject({
      method: method as 'GET',
      url,
      headers: { cookie, ...(method === 'GET' ? {} : { origin: testOrigin }) },
      ...(payload ? { payload } : {}),
    });
  const eventsOf = (response: LightMyRequestResponse) =>
    t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.requestId, String(response.headers['x-request-id'])));
  const auditCount = async () => (await t.db.select({ id: auditEvents.id }).from(auditEvents)).length;
  const searchAudit = async (cookie: string, query: Record<string, string>) => {
    const response = await request('GET', `/api/audit/events?${new URLSearchParams(query)}`, cookie);
    expect(response.statusCode, response.body).toBe(200);
    return auditEventsResponse.parse(response.json());
  };

  /**
   * One request per personal-data route, with the audit event it must leave. Filled in as the
   * requests are made, so the ids of created records are known.
   */
  type Case = {
    key: string;
    call: () => Promise<LightMyRequestResponse>;
    action: string;
    recordIds: (response: LightMyRequestResponse) => string[];
    /** Who makes the request, when an admin may not (default: the admin). */
    as?: 'coordinator' | 'bystander';
  };
  /** Ids of records made by earlier requests in the list, for the later ones. */
  const record = {
    caseId: '',
    contactId: '',
    applicationId: '',
    surveyId: '',
  };
  /** Uploads a small data set and waits for the import, which runs after the 202, to finish. */
  const importMdsAndWait = async (siteId: string, cookie: string) => {
    const { referrals, contacts } = syntheticMds({ cases: 3, contactsPerCase: 2, site: 'North' });
    const body = multipartBody({
      referrals: { filename: 'referrals.csv', content: referralsCsv(referrals) },
      contacts: { filename: 'contacts.csv', content: contactsCsv(contacts) },
    });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/sites/${siteId}/imports/mds`,
      headers: { cookie, origin: testOrigin, ...body.headers },
      payload: body.payload,
    });
    for (let polls = 0; response.statusCode === 202 && polls < 400; polls++) {
      const progress = await request('GET', `/api/imports/${response.json().id}`, cookie);
      if (['done', 'failed'].includes(progress.json().phase)) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return response;
  };
  /** Daily check-ins (issue 5): an enrolled case's red alert, made directly (the job and the link are tested in test/check-ins). */
  const redAlertOn = async (caseId: string) => {
    const [enrolment] = await t.db
      .select()
      .from(checkInEnrolments)
      .where(eq(checkInEnrolments.caseId, caseId));
    if (!enrolment) throw new Error('the case is not enrolled');
    const place = { organisationId: enrolment.organisationId, siteId: enrolment.siteId, caseId };
    const checkInId = randomUUID();
    const alertId = randomUUID();
    await t.db.insert(checkIns).values({
      id: checkInId,
      ...place,
      enrolmentId: enrolment.id,
      scheduledFor: now,
      sentAt: now,
      tokenHash: randomUUID(),
      expiresAt: new Date(now.getTime() + 24 * hour),
      answer: 'red',
      answeredAt: now,
      answeredVia: 'sms',
    });
    await t.db.insert(checkInAlerts).values({
      id: alertId,
      ...place,
      checkInId,
      kind: 'red',
      reason: 'red',
      raisedAt: now,
      notifyAt: now,
      dueBy: new Date(now.getTime() + 15 * 60_000),
    });
    return alertId;
  };
  const cases = (): Case[] => {
    const subject = userA('subject');
    return [
      {
        key: 'GET /api/users',
        call: () => request('GET', '/api/users', cookies.adminA as string),
        action: 'user.list',
        recordIds: (r) => r.json().items.map((u: { id: string }) => u.id),
      },
      {
        key: 'GET /api/users',
        call: () => request('GET', '/api/users?search=subject', cookies.adminA as string),
        action: 'user.search',
        recordIds: () => [subject.id],
      },
      {
        key: 'GET /api/users/{userId}',
        call: () => request('GET', `/api/users/${subject.id}`, cookies.adminA as string),
        action: 'user.view',
        recordIds: () => [subject.id],
      },
      {
        key: 'POST /api/users',
        call: () =>
          request('POST', '/api/users', cookies.adminA as string, {
            name: 'Audited Newcomer',
            email: `newcomer.${randomUUID()}@peerpath.test`,
            role: 'volunteer',
            siteIds: [a.siteIds.North],
            password: 'a-long-enough-password',
          }),
        action: 'user.create',
        recordIds: (r) => [r.json().id],
      },
      {
        key: 'PATCH /api/users/{userId}',
        call: () =>
          request('PATCH', `/api/users/${subject.id}`, cookies.adminA as string, { name: 'Subject Renamed' }),
        action: 'user.update',
        recordIds: () => [subject.id],
      },
      {
        key: 'POST /api/users/{userId}/disable',
        call: () => request('POST', `/api/users/${subject.id}/disable`, cookies.adminA as string),
        action: 'user.disable',
        recordIds: () => [subject.id],
      },
      {
        key: 'POST /api/users/{userId}/enable',
        call: () => request('POST', `/api/users/${subject.id}/enable`, cookies.adminA as string),
        action: 'user.enable',
        recordIds: () => [subject.id],
      },
      {
        key: 'GET /api/audit/events',
        call: () => request('GET', `/api/audit/events?recordId=${subject.id}`, cookies.adminA as string),
        action: 'audit.search',
        recordIds: () => [],
      },
      // Months and ranges before any case here, so the covered cases are known to be none.
      {
        key: 'GET /api/exports/mds',
        call: () =>
          request(
            'GET',
            `/api/exports/mds?siteId=${a.siteIds.North}&month=2024-06`,
            cookies.coordinatorA as string,
          ),
        action: 'export.mds',
        recordIds: () => [],
        as: 'coordinator',
      },
      {
        key: 'GET /api/exports/pseudonymised',
        call: () =>
          request(
            'GET',
            `/api/exports/pseudonymised?siteId=${a.siteIds.North}&from=2024-01-01&to=2024-01-31`,
            cookies.coordinatorA as string,
          ),
        action: 'export.pseudonymised',
        recordIds: () => [],
        as: 'coordinator',
      },
      {
        key: 'POST /api/sites/{siteId}/imports/mds',
        call: () => importMdsAndWait(a.siteIds.North as string, cookies.coordinatorA as string),
        action: 'import.mds',
        recordIds: () => [a.siteIds.North as string],
        as: 'coordinator',
      },
      // Service records, in the order a coordinator works a case, each step using the last one's record.
      {
        key: 'POST /api/cases',
        call: async () => {
          const r = await request('POST', '/api/cases', cookies.coordinatorA as string, {
            siteId: a.siteIds.North,
            localCaseId: `AUD-${randomUUID().slice(0, 8)}`,
            referralSource: 'probation',
            referredOn: '2025-02-01',
          });
          record.caseId = r.json().id;
          return r;
        },
        action: 'case.create',
        recordIds: () => [record.caseId],
        as: 'coordinator',
      },
      {
        key: 'GET /api/cases/{caseId}',
        call: () => request('GET', `/api/cases/${record.caseId}`, cookies.coordinatorA as string),
        action: 'case.view',
        recordIds: () => [record.caseId],
        as: 'coordinator',
      },
      {
        key: 'PATCH /api/cases/{caseId}',
        call: () =>
          request('PATCH', `/api/cases/${record.caseId}`, cookies.coordinatorA as string, {
            complexity: 'low',
          }),
        action: 'case.update',
        recordIds: () => [record.caseId],
        as: 'coordinator',
      },
      {
        key: 'POST /api/cases/{caseId}/actions',
        call: () =>
          request('POST', `/api/cases/${record.caseId}/actions`, cookies.coordinatorA as string, {
            action: 'engage',
          }),
        action: 'case.engage',
        recordIds: () => [record.caseId],
        as: 'coordinator',
      },
      {
        key: 'POST /api/cases/{caseId}/allocation',
        call: () =>
          request('POST', `/api/cases/${record.caseId}/allocation`, cookies.coordinatorA as string, {
            leadUserId: userA('coordinator').id,
            coWorkerIds: [],
          }),
        action: 'case.allocate',
        recordIds: () => [record.caseId, userA('coordinator').id],
        as: 'coordinator',
      },
      {
        key: 'POST /api/cases/{caseId}/contacts',
        call: async () => {
          const r = await request(
            'POST',
            `/api/cases/${record.caseId}/contacts`,
            cookies.coordinatorA as string,
            {
              type: 'face_to_face',
            },
          );
          record.contactId = r.json().id;
          return r;
        },
        action: 'contact.create',
        recordIds: () => [record.contactId, record.caseId],
        as: 'coordinator',
      },
      {
        key: 'GET /api/cases/{caseId}/contacts',
        call: () => request('GET', `/api/cases/${record.caseId}/contacts`, cookies.coordinatorA as string),
        action: 'contact.list',
        recordIds: () => [record.caseId, record.contactId],
        as: 'coordinator',
      },
      {
        key: 'POST /api/cases/{caseId}/fund-applications',
        call: async () => {
          const r = await request(
            'POST',
            `/api/cases/${record.caseId}/fund-applications`,
            cookies.coordinatorA as string,
            { category: 'furniture_removals', amountPence: 12_000, reason: 'A bed' },
          );
          record.applicationId = r.json().id;
          return r;
        },
        action: 'fund.apply',
        recordIds: () => [record.applicationId, record.caseId],
        as: 'coordinator',
      },
      {
        key: 'POST /api/fund-applications/{applicationId}/decision',
        call: () =>
          request(
            'POST',
            `/api/fund-applications/${record.applicationId}/decision`,
            cookies.coordinatorA as string,
            {
              decision: 'approved',
            },
          ),
        action: 'fund.approve',
        recordIds: () => [record.applicationId, record.caseId],
        as: 'coordinator',
      },
      {
        key: 'POST /api/fund-applications/{applicationId}/payment',
        call: () =>
          request(
            'POST',
            `/api/fund-applications/${record.applicationId}/payment`,
            cookies.coordinatorA as string,
            {
              paidOn: '2025-03-01',
            },
          ),
        action: 'fund.pay',
        recordIds: () => [record.applicationId, record.caseId],
        as: 'coordinator',
      },
      {
        key: 'GET /api/cases/{caseId}/fund-applications',
        call: () =>
          request('GET', `/api/cases/${record.caseId}/fund-applications`, cookies.coordinatorA as string),
        action: 'fund.list',
        recordIds: () => [record.caseId, record.applicationId],
        as: 'coordinator',
      },
      {
        key: 'GET /api/cases',
        call: () => request('GET', '/api/cases', cookies.coordinatorA as string),
        action: 'case.list',
        recordIds: (r) => r.json().items.map((c: { id: string }) => c.id),
        as: 'coordinator',
      },
      {
        key: 'POST /api/cases/search',
        call: () =>
          request('POST', '/api/cases/search', cookies.coordinatorA as string, {
            search: 'AUD-',
            limit: 200,
          }),
        action: 'case.search',
        recordIds: (r) => r.json().items.map((c: { id: string }) => c.id),
        as: 'coordinator',
      },
      {
        key: 'GET /api/caseload',
        call: () => request('GET', `/api/caseload?siteId=${a.siteIds.North}`, cookies.coordinatorA as string),
        action: 'caseload.view',
        recordIds: (r) => [
          ...r.json().waitingList.map((c: { caseId: string }) => c.caseId),
          ...r.json().noRecentContact.map((c: { caseId: string }) => c.caseId),
        ],
        as: 'coordinator',
      },
      {
        key: 'POST /api/caseload/reassign',
        call: async () => {
          // Peer workforce (issue 6): only someone who may carry cases takes over a caseload. The record
          // is removed again so that later cases (matching; the workforce's own) start without it.
          const [memberId] = await enrolWorkforce(t.database, a.organisation.id, [
            { user: userA('bystander'), role: 'paid_peer' },
          ]);
          const response = await request('POST', '/api/caseload/reassign', cookies.coordinatorA as string, {
            siteId: a.siteIds.North,
            fromUserId: userA('coordinator').id,
            toUserId: userA('bystander').id,
          });
          await t.db.delete(workforceMembers).where(eq(workforceMembers.id, memberId as string));
          return response;
        },
        action: 'caseload.reassign',
        recordIds: () => [record.caseId],
        as: 'coordinator',
      },
      // Daily check-ins (issue 5): opt in, read, follow up a red, stop; the dashboard and the SMS outbox.
      {
        key: 'PUT /api/cases/{caseId}/check-ins/enrolment',
        call: () =>
          request('PUT', `/api/cases/${record.caseId}/check-ins/enrolment`, cookies.coordinatorA as string, {
            phone: '07700 900123',
            times: ['09:00'],
            encouragement: 'You kept going last week.',
            consent: { statement: 'Agreed to a daily text and a call after a red.' },
          }),
        action: 'check_in.enrol',
        recordIds: () => [record.caseId],
        as: 'coordinator',
      },
      {
        key: 'GET /api/cases/{caseId}/check-ins',
        call: () => request('GET', `/api/cases/${record.caseId}/check-ins`, cookies.coordinatorA as string),
        action: 'check_in.list',
        recordIds: (r) => [record.caseId, ...r.json().history.map((h: { id: string }) => h.id)],
        as: 'coordinator',
      },
      {
        key: 'POST /api/check-in-alerts/{alertId}/follow-up',
        call: async () => {
          const alertId = await redAlertOn(record.caseId);
          const r = await request(
            'POST',
            `/api/check-in-alerts/${alertId}/follow-up`,
            cookies.coordinatorA as string,
            {
              type: 'telephone',
            },
          );
          record.contactId = r.json().contactId;
          return r;
        },
        // The follow-up is a contact, logged (and audited) by the contacts service.
        action: 'contact.create',
        recordIds: () => [record.contactId, record.caseId],
        as: 'coordinator',
      },
      {
        key: 'POST /api/cases/{caseId}/check-ins/opt-out',
        call: () =>
          request('POST', `/api/cases/${record.caseId}/check-ins/opt-out`, cookies.coordinatorA as string),
        action: 'check_in.opt_out',
        recordIds: () => [record.caseId],
        as: 'coordinator',
      },
      {
        key: 'GET /api/sites/{siteId}/check-ins/dashboard',
        call: () =>
          request('GET', `/api/sites/${a.siteIds.North}/check-ins/dashboard`, cookies.coordinatorA as string),
        action: 'check_in.dashboard',
        recordIds: (r) => [
          ...new Set(
            ['todaysReds', 'overdueFollowUps', 'openAmberAndNoReply'].flatMap((k) =>
              r.json()[k].map((x: { id: string }) => x.id),
            ),
          ),
        ],
        as: 'coordinator',
      },
      {
        key: 'GET /api/sms-outbox',
        call: () =>
          request('GET', `/api/sms-outbox?siteId=${a.siteIds.North}`, cookies.coordinatorA as string),
        action: 'sms_outbox.list',
        recordIds: (r) => r.json().items.map((m: { id: string }) => m.id),
        as: 'coordinator',
      },
      // Outcomes (issue 5): give a survey, read it, enter answers, send a new link, list the case's surveys.
      {
        key: 'POST /api/cases/{caseId}/surveys',
        call: async () => {
          const versionId = await publishedInstrumentVersion();
          const r = await request(
            'POST',
            `/api/cases/${record.caseId}/surveys`,
            cookies.coordinatorA as string,
            {
              instrumentVersionId: versionId,
              wave: 'baseline',
              mode: 'link',
            },
          );
          record.surveyId = r.json().id;
          return r;
        },
        action: 'survey.create',
        recordIds: () => [record.surveyId, record.caseId],
        as: 'coordinator',
      },
      {
        key: 'GET /api/surveys/{surveyId}',
        call: () => request('GET', `/api/surveys/${record.surveyId}`, cookies.coordinatorA as string),
        action: 'survey.view',
        recordIds: () => [record.surveyId, record.caseId],
        as: 'coordinator',
      },
      {
        key: 'PUT /api/surveys/{surveyId}/answers',
        call: () =>
          request('PUT', `/api/surveys/${record.surveyId}/answers`, cookies.coordinatorA as string, {
            answers: { agree: true },
          }),
        action: 'survey.answers.save',
        recordIds: () => [record.surveyId, record.caseId],
        as: 'coordinator',
      },
      {
        key: 'POST /api/surveys/{surveyId}/link',
        call: () =>
          request('POST', `/api/surveys/${record.surveyId}/link`, cookies.coordinatorA as string, {}),
        action: 'survey.link',
        recordIds: () => [record.surveyId, record.caseId],
        as: 'coordinator',
      },
      {
        key: 'GET /api/cases/{caseId}/surveys',
        call: () => request('GET', `/api/cases/${record.caseId}/surveys`, cookies.coordinatorA as string),
        action: 'survey.list',
        recordIds: () => [record.caseId, record.surveyId],
        as: 'coordinator',
      },
      // Peer workforce extras (issue 6): matching, safeguarding, register, voice
      ...peerWorkforceAuditCases({
        t: () => t,
        request,
        cookie: () => cookies.coordinatorA as string,
        organisationId: () => a.organisation.id,
        siteId: () => a.siteIds.North as string,
        coordinatorId: () => userA('coordinator').id,
        adminId: () => userA('admin').id,
        peerUserId: () => userA('subject').id,
        caseId: () => record.caseId,
        now: () => now,
      }),
      // Peer workforce core (issue 6): people, safety checks, access limits, hours, training, supervision
      ...workforceAuditCases({
        t: () => t,
        request,
        coordinatorCookie: () => cookies.coordinatorA as string,
        volunteerCookie: () => cookies.bystanderA as string,
        organisationId: () => a.organisation.id,
        siteId: () => a.siteIds.North as string,
        coordinatorId: () => userA('coordinator').id,
        volunteerId: () => userA('bystander').id,
        caseId: () => record.caseId,
        now: () => now,
      }),
    ];
  };
  /** Outcomes (issue 5): a published one-question instrument of organisation A, made directly (no audit). */
  const publishedInstrumentVersion = async () => {
    const instrumentId = randomUUID();
    const versionId = randomUUID();
    await t.db
      .insert(surveyInstruments)
      .values({ id: instrumentId, organisationId: a.organisation.id, name: 'Audit survey', createdAt: now });
    await t.db.insert(surveyInstrumentVersions).values({
      id: versionId,
      instrumentId,
      organisationId: a.organisation.id,
      version: 1,
      status: 'published',
      content: {
        name: 'Audit survey',
        introduction: '',
        citation: '',
        items: [{ type: 'yes_no', key: 'agree', text: 'Agree?', help: '', isRequired: false }],
      },
      createdAt: now,
      publishedAt: now,
    });
    return versionId;
  };

  it('writes exactly one audit event per personal-data request: who, role, action, records, outcome, request id, organisation', async () => {
    for (const c of cases()) {
      now = new Date(now.getTime() + 60_000);
      const before = await auditCount();
      const response = await c.call();
      expect(response.statusCode, `${c.key}: ${response.body}`).toBeLessThan(300);
      const events = await eventsOf(response);
      expect(events, c.key).toHaveLength(1);
      expect(await auditCount(), `${c.key} wrote more than one event`).toBe(before + 1);
      const [event] = events;
      expect(event?.actorUserId, c.key).toBe(userA(c.as ?? 'admin').id);
      expect(event?.actorRole, c.key).toBe(userA(c.as ?? 'admin').role);
      expect(event?.action, c.key).toBe(c.action);
      expect(event?.outcome, c.key).toBe('success');
      expect(event?.organisationId, c.key).toBe(a.organisation.id);
      expect(event?.requestId, c.key).toBe(response.headers['x-request-id']);
      expect(event?.occurredAt.toISOString(), c.key).toBe(now.toISOString());
      const expectedIds = c.recordIds(response);
      expect([...(event?.entityIds ?? [])].sort(), c.key).toEqual([...expectedIds].sort());
      if (c.action === 'user.list') expect(expectedIds.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('covers every route that declares personal data, and only those (as declared in the route config)', async () => {
    const exercised = new Set(cases().map((c) => c.key));
    // Make sure every table route has been through the app once, so its config has been seen.
    for (const route of routeTable.filter((r) => r.method === 'GET' && !r.path.includes('{'))) {
      await request('GET', route.url(''), cookies.adminA as string);
    }
    const declaredKeys = [...declaredPersonalData]
      .filter(([, personalData]) => personalData !== undefined)
      .map(([key]) => key);
    expect(declaredKeys.length).toBeGreaterThan(0);
    for (const key of declaredKeys)
      expect(exercised.has(key), `${key} declares personalData but is not exercised here`).toBe(true);
    for (const key of exercised)
      expect(
        declaredPersonalData.get(key),
        `${key} is audited here but declares no personalData`,
      ).toBeDefined();
    const tablePersonal = routeTable.filter((r) => r.personalData && r.method !== 'HEAD').map(routeKey);
    expect(new Set(tablePersonal)).toEqual(exercised);
    for (const r of routeTable.filter((x) => x.method !== 'HEAD' && declaredPersonalData.has(routeKey(x)))) {
      expect(declaredPersonalData.get(routeKey(r)), routeKey(r)).toBe(r.personalData);
    }
  });

  it('writes no audit event for a request it refuses (404 or 403)', async () => {
    const before = await databaseDigest(t.database);
    expect((await request('GET', `/api/users/${randomUUID()}`, cookies.adminA as string)).statusCode).toBe(
      404,
    );
    expect(
      (await request('GET', `/api/users/${(b.users.admin as SeededUser).id}`, cookies.adminA as string))
        .statusCode,
    ).toBe(404);
    expect((await request('GET', '/api/audit/events', cookies.coordinatorA as string)).statusCode).toBe(403);
    expect(
      (
        await request('PATCH', `/api/users/${userA('bystander').id}`, cookies.coordinatorA as string, {
          name: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect(await databaseDigest(t.database)).toEqual(before);
  });

  it('answers "who accessed this record" with every access to it, by whom, and nothing else', async () => {
    const subject = userA('subject');
    now = new Date(now.getTime() + hour);
    const byCoordinator = await request('GET', `/api/users/${subject.id}`, cookies.coordinatorA as string);
    expect(byCoordinator.statusCode).toBe(200);
    const otherRecord = await request(
      'GET',
      `/api/users/${userA('bystander').id}`,
      cookies.coordinatorA as string,
    );
    expect(otherRecord.statusCode).toBe(200);

    const result = await searchAudit(cookies.adminA as string, { recordId: subject.id, limit: '200' });
    const expected = (await t.db.select().from(auditEvents)).filter((e) => e.entityIds.includes(subject.id));
    expect(result.total).toBe(expected.length);
    expect(result.items.map((e) => e.id).sort()).toEqual(expected.map((e) => e.id).sort());
    for (const e of result.items) expect(e.entityIds).toContain(subject.id);
    expect(new Set(result.items.map((e) => e.actorUserId))).toEqual(
      new Set([userA('admin').id, userA('coordinator').id]),
    );
    expect(result.items.map((e) => e.requestId)).toContain(byCoordinator.headers['x-request-id']);
    expect(result.items.map((e) => e.requestId)).not.toContain(otherRecord.headers['x-request-id']);
    const actions = new Set(result.items.map((e) => e.action));
    for (const action of [
      'user.view',
      'user.update',
      'user.disable',
      'user.enable',
      'user.search',
      'user.list',
    ])
      expect(actions).toContain(action);
    // Newest first.
    const times = result.items.map((e) => e.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('answers "what did this user touch between two times", leaving out events outside the window', async () => {
    const coordinator = userA('coordinator');
    const start = new Date('2025-06-01T10:00:00.000Z');
    const touched: Record<string, string> = {};
    for (const [offsetHours, key] of [
      [0, 'before'],
      [1, 'first'],
      [2, 'second'],
      [3, 'after'],
    ] as const) {
      now = new Date(start.getTime() + offsetHours * hour);
      const target =
        key === 'before' || key === 'after'
          ? userA('bystander')
          : key === 'first'
            ? userA('subject')
            : userA('admin');
      const response = await request('GET', `/api/users/${target.id}`, cookies.coordinatorA as string);
      expect(response.statusCode).toBe(200);
      touched[key] = String(response.headers['x-request-id']);
    }
    // Something else done by someone else inside the window.
    now = new Date(start.getTime() + 1.5 * hour);
    const byAdmin = await request('GET', `/api/users/${userA('subject').id}`, cookies.adminA as string);

    now = new Date(start.getTime() + 10 * hour);
    const window = {
      actorUserId: coordinator.id,
      from: new Date(start.getTime() + 0.5 * hour).toISOString(),
      to: new Date(start.getTime() + 2.5 * hour).toISOString(),
    };
    const result = await searchAudit(cookies.adminA as string, window);
    expect(result.items.map((e) => e.requestId).sort()).toEqual([touched.first, touched.second].sort());
    expect(result.total).toBe(2);
    expect(result.items.flatMap((e) => e.entityIds).sort()).toEqual(
      [userA('subject').id, userA('admin').id].sort(),
    );
    for (const e of result.items) expect(e.actorUserId).toBe(coordinator.id);
    expect(result.items.map((e) => e.requestId)).not.toContain(byAdmin.headers['x-request-id']);

    // The bounds are inclusive: an event exactly at `from` or `to` is inside.
    const exact = await searchAudit(cookies.adminA as string, {
      actorUserId: coordinator.id,
      from: new Date(start.getTime() + hour).toISOString(),
      to: new Date(start.getTime() + 2 * hour).toISOString(),
    });
    expect(exact.items.map((e) => e.requestId).sort()).toEqual([touched.first, touched.second].sort());

    // A window with nothing in it.
    const empty = await searchAudit(cookies.adminA as string, {
      actorUserId: coordinator.id,
      from: new Date(start.getTime() + 3.5 * hour).toISOString(),
      to: new Date(start.getTime() + 4 * hour).toISOString(),
    });
    expect(empty).toEqual({ items: [], total: 0 });
  });

  it('never shows an admin of another organisation any of this organisation’s events', async () => {
    const eventsOfA = (
      await t.db.select().from(auditEvents).where(eq(auditEvents.organisationId, a.organisation.id))
    ).map((e) => e.id);
    expect(eventsOfA.length).toBeGreaterThan(5);
    expect(await searchAudit(cookies.adminB as string, { recordId: userA('subject').id })).toEqual({
      items: [],
      total: 0,
    });
    expect(await searchAudit(cookies.adminB as string, { actorUserId: userA('admin').id })).toEqual({
      items: [],
      total: 0,
    });
    const everything = await searchAudit(cookies.adminB as string, { limit: '200' });
    expect(everything.items.filter((e) => eventsOfA.includes(e.id))).toEqual([]);
    // It does see its own: at least the searches it just made.
    expect(everything.items.length).toBeGreaterThan(0);
    for (const e of everything.items) expect(e.actorUserId).toBe((b.users.admin as SeededUser).id);
  });

  describe('in the database itself', () => {
    const refusal = async (statement: ReturnType<typeof sql>) => {
      try {
        await t.db.execute(statement);
      } catch (error) {
        return error;
      }
      return undefined;
    };

    it.each([
      ['UPDATE', sql`update audit_events set action = 'rewritten'`],
      [
        'UPDATE of one row',
        sql`update audit_events set outcome = 'failure' where id = (select id from audit_events limit 1)`,
      ],
      ['DELETE', sql`delete from audit_events`],
      ['TRUNCATE', sql`truncate audit_events`],
    ])('refuses %s of audit_events', async (_name, statement) => {
      const before = await databaseDigest(t.database);
      expect(before.audit_events).not.toMatch(/^0:/);
      const error = await refusal(statement);
      expect(error, 'the statement was accepted').toBeDefined();
      expect(sqlState(error)).toBe('42501');
      expect(await databaseDigest(t.database)).toEqual(before);
    });

    it('still accepts a new event (the table is append-only, not read-only)', async () => {
      const before = await auditCount();
      await t.db.execute(
        sql`insert into audit_events (id, organisation_id, occurred_at, action, outcome) values (${randomUUID()}, ${a.organisation.id}, now(), 'test.append', 'success')`,
      );
      expect(await auditCount()).toBe(before + 1);
    });
  });
});
