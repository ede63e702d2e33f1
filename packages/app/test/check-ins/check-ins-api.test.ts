import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseCheckIns, CheckInAlert, CheckInDashboard } from '../../src/contract/check-ins.ts';
import { auditEvents } from '../../src/server/modules/audit/audit.table.ts';
import { caseWorkers } from '../../src/server/modules/cases/cases.table.ts';
import { runCheckIns } from '../../src/server/modules/check-ins/check-ins.job.ts';
import {
  checkInAlerts,
  checkInEnrolments,
  checkIns,
  smsOutbox,
} from '../../src/server/modules/check-ins/check-ins.table.ts';
import { outboxSmsGateway } from '../../src/server/modules/check-ins/sms-gateway.ts';
import { contacts } from '../../src/server/modules/contacts/contacts.table.ts';
import { notifications } from '../../src/server/modules/notifications/notifications.table.ts';
import { apiCaller, movableClock } from '../support/api-caller.ts';
import {
  createTestApp,
  databaseDigest,
  type SeededUser,
  seedOrganisation,
  signIn,
  type TestApp,
  testOrigin,
} from '../support/test-app.ts';

/** A clock the tests move by hand; kept in the past so no session looks over-age. */
const smsSecret = 'a-test-sms-secret-that-is-long-enough-0123';
// 13 November 2026 is a Friday; 16 November the Monday after (GMT, so UK time = UTC).
const friday = (time: string) => `2026-11-13T${time}:00Z`;
const monday = (time: string) => `2026-11-16T${time}:00Z`;

describe('daily check-ins through the API', () => {
  let t: TestApp;
  const clock = movableClock(friday('08:00'));
  let users: Record<string, SeededUser>;
  let siteIds: Record<string, string>;
  let organisationId: string;
  const cookies: Record<string, string> = {};
  let phoneCounter = 0;
  let caseCounter = 0;

  const call = apiCaller(() => t.app, cookies);
  const sms = (from: string, text: string, secret = smsSecret) =>
    t.app.inject({
      method: 'POST',
      url: '/api/sms/inbound',
      headers: { 'x-peerpath-sms-secret': secret },
      payload: { from, text },
    });
  const tick = async (iso: string) => {
    clock.set(iso);
    return runCheckIns({ db: t.db, clock, publicUrl: testOrigin });
  };

  /** A case at North led by the peer supporter, enrolled for one check-in a day at `time`. */
  async function enrolledCase(time = '09:00') {
    clock.set(friday('08:00'));
    const created = await call('coordinator', 'POST', '/api/cases', {
      siteId: siteIds.North,
      localCaseId: `CI-${++caseCounter}`,
      referralSource: 'police_custody',
      referredOn: '2026-11-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    const caseId = created.json().id as string;
    // Allocation has its own rules and tests; here the peer supporter simply leads the case.
    await t.db.insert(caseWorkers).values({
      caseId,
      userId: users.peer?.id as string,
      organisationId,
      siteId: siteIds.North as string,
      role: 'lead',
      assignedAt: clock.now(),
    });
    const phone = `07700 900${String(++phoneCounter).padStart(3, '0')}`;
    const enrolled = await call('peer', 'PUT', `/api/cases/${caseId}/check-ins/enrolment`, {
      phone,
      times: [time],
      encouragement: 'Remember the walk by the river last week.',
      consent: { statement: 'Agreed to daily texts and to a call from the team after a red.' },
    });
    expect(enrolled.statusCode, enrolled.body).toBe(200);
    return { caseId, phone, from: `+44${phone.slice(1).replace(/ /g, '')}` };
  }

  async function textsTo(phone: string) {
    return t.db
      .select()
      .from(smsOutbox)
      .where(eq(smsOutbox.toPhone, phone))
      .orderBy(asc(smsOutbox.createdAt));
  }
  async function latestToken(phone: string) {
    const texts = (await textsTo(phone)).filter((m) => m.purpose === 'check_in' || m.purpose === 'reminder');
    const match = /\/c#([A-Za-z0-9_-]+)/.exec(texts.at(-1)?.body ?? '');
    if (!match) throw new Error('no link sent');
    return match[1] as string;
  }
  const alertsOf = (caseId: string) =>
    t.db
      .select()
      .from(checkInAlerts)
      .where(eq(checkInAlerts.caseId, caseId))
      .orderBy(asc(checkInAlerts.raisedAt));
  const notificationsOf = (caseId: string) =>
    t.db.select().from(notifications).where(eq(notifications.caseId, caseId));

  beforeAll(async () => {
    t = await createTestApp({ clock, smsInboundSecret: smsSecret });
    const seeded = await seedOrganisation(t.database, {
      name: 'Check-ins',
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
    const settings = await call('coordinator', 'PUT', `/api/sites/${siteIds.North}/check-in-settings`, {
      onDutyCoordinatorUserId: users.coordinator?.id,
      responseTargetMinutes: 15,
      monitoredDays: [1, 2, 3, 4, 5],
      monitoredFrom: '09:00',
      monitoredTo: '17:00',
      noReplyHours: 4,
    });
    expect(settings.statusCode, settings.body).toBe(200);
  });
  afterAll(() => t?.close());

  describe('opting in', () => {
    it('records consent with who took it, when and what was agreed, and shows the phone number to the case’s worker', async () => {
      const { caseId, phone } = await enrolledCase();
      const response = await call('peer', 'GET', `/api/cases/${caseId}/check-ins`);
      expect(response.statusCode).toBe(200);
      const body = response.json() as CaseCheckIns;
      expect(body.enrolment).toMatchObject({
        status: 'active',
        phone,
        times: ['09:00'],
        consent: {
          statement: 'Agreed to daily texts and to a call from the team after a red.',
          recordedAt: new Date(friday('08:00')).toISOString(),
          recordedBy: { userId: users.peer?.id, name: 'Test peer' },
        },
      });
      const [audit] = await t.db
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.action, 'check_in.enrol'),
            eq(auditEvents.actorUserId, users.peer?.id as string),
          ),
        );
      expect(audit?.entityIds).toContain(caseId);
    });

    it('hides a case’s check-ins from a peer supporter not allocated to it and from another site’s coordinator, as if it did not exist', async () => {
      const { caseId } = await enrolledCase();
      for (const who of ['otherPeer', 'coordinatorSouth']) {
        const response = await call(who, 'GET', `/api/cases/${caseId}/check-ins`);
        expect(response.statusCode, who).toBe(404);
      }
      expect((await call('evaluator', 'GET', `/api/cases/${caseId}/check-ins`)).statusCode).toBe(403);
    });

    it('refuses a number that is not a UK mobile, names the field, and changes nothing', async () => {
      const { caseId } = await enrolledCase();
      const before = await databaseDigest(t.database);
      const response = await call('peer', 'PUT', `/api/cases/${caseId}/check-ins/enrolment`, {
        phone: '0161 496 0000',
        times: ['25:00'],
        encouragement: '',
        consent: { statement: 'yes' },
      });
      expect(response.statusCode).toBe(400);
      const fields = (response.json().error.details as { field: string }[]).map((d) => d.field);
      expect(fields).toEqual(
        expect.arrayContaining(['phone', 'times.0', 'encouragement', 'consent.statement']),
      );
      expect(await databaseDigest(t.database)).toEqual(before);
    });
  });

  describe('sending', () => {
    it('sends a due check-in once by text with a link, even when the job runs twice at once', async () => {
      const { phone } = await enrolledCase('09:00');
      await tick(friday('08:59'));
      expect(await textsTo(phone)).toHaveLength(0);
      clock.set(friday('09:00'));
      await Promise.all([
        runCheckIns({ db: t.db, clock, publicUrl: testOrigin }),
        runCheckIns({ db: t.db, clock, publicUrl: testOrigin }),
      ]);
      await tick(friday('09:30'));
      const texts = await textsTo(phone);
      expect(texts).toHaveLength(1);
      expect(texts[0]?.body).toMatch(new RegExp(`^How are you today\\?.*${testOrigin}/c#[A-Za-z0-9_-]{43} `));
      expect(texts[0]?.body).toContain('We read replies Monday to Friday, 9am to 5pm.');
      expect(texts[0]?.body).toContain('NHS 111');
      // The link's token is stored only as its hash.
      const token = await latestToken(phone);
      const stored = await t.db.select({ tokenHash: checkIns.tokenHash }).from(checkIns);
      expect(stored.some((s) => s.tokenHash === token)).toBe(false);
    });

    it('writes texts through the outbox gateway for staff to read, with link tokens hidden from them', async () => {
      const gateway = outboxSmsGateway(t.db, clock);
      await gateway.send('07700 900999', 'Tap http://x/c#secretsecretsecretsecret1 now', {
        organisationId,
        siteId: siteIds.North as string,
        purpose: 'test',
      });
      const response = await call('coordinator', 'GET', `/api/sms-outbox?siteId=${siteIds.North}`);
      expect(response.statusCode).toBe(200);
      const item = (response.json().items as { to: string; body: string }[]).find(
        (m) => m.to === '07700 900999',
      );
      expect(item?.body).toBe('Tap http://x/c#… now');
      expect((await call('peer', 'GET', `/api/sms-outbox?siteId=${siteIds.North}`)).statusCode).toBe(403);
      expect(
        (await call('coordinatorSouth', 'GET', `/api/sms-outbox?siteId=${siteIds.North}`)).statusCode,
      ).toBe(404);
      expect((await call('admin', 'GET', `/api/sms-outbox?siteId=${siteIds.North}`)).statusCode).toBe(200);
    });
  });

  describe('answering by link', () => {
    it('answers a green with the person’s own encouragement and tells them the monitored hours', async () => {
      const { phone } = await enrolledCase();
      await tick(friday('09:00'));
      const token = await latestToken(phone);
      const view = await call(null, 'POST', '/api/check-ins/link', { token });
      expect(view.statusCode).toBe(200);
      expect(view.json().monitoredHoursText).toBe('Monday to Friday, 9am to 5pm');
      expect(view.json().crisisText).toContain('116 123');
      const reply = await call(null, 'POST', '/api/check-ins/link/reply', { token, answer: 'green' });
      expect(reply.statusCode).toBe(200);
      expect(reply.json().message).toBe('Remember the walk by the river last week.');
    });

    it('answers a reused, expired or guessed link with the same 404', async () => {
      const first = await enrolledCase();
      await tick(friday('09:00'));
      const used = await latestToken(first.phone);
      expect(
        (await call(null, 'POST', '/api/check-ins/link/reply', { token: used, answer: 'green' })).statusCode,
      ).toBe(200);
      const reuse = await call(null, 'POST', '/api/check-ins/link/reply', { token: used, answer: 'red' });
      const guess = await call(null, 'POST', '/api/check-ins/link/reply', {
        token: 'A'.repeat(43),
        answer: 'green',
      });
      const second = await enrolledCase();
      await tick(friday('09:00'));
      const stale = await latestToken(second.phone);
      clock.set('2026-11-14T09:00:01Z');
      const expired = await call(null, 'POST', '/api/check-ins/link/reply', {
        token: stale,
        answer: 'green',
      });
      for (const response of [reuse, guess, expired]) {
        expect(response.statusCode).toBe(404);
        expect(response.json().error).toMatchObject(guess.json().error);
      }
      expect(reuse.json().error.message).toBe(guess.json().error.message);
    });

    it('slows guesses from one network address: after 20 wrong links it answers 429 before reading a token, and changes no row', async () => {
      const { phone } = await enrolledCase();
      await tick(friday('09:00'));
      const token = await latestToken(phone);
      const from = (remoteAddress: string, url: string, payload: object) =>
        t.app.inject({ method: 'POST', url, headers: { origin: testOrigin }, payload, remoteAddress });
      for (let i = 0; i < 20; i++) {
        const guess = await from('192.0.2.44', '/api/check-ins/link', { token: `${'B'.repeat(40)}${i}` });
        expect(guess.statusCode).toBe(404);
      }
      const before = await databaseDigest(t.database);
      for (const [url, payload] of [
        ['/api/check-ins/link', { token }],
        ['/api/check-ins/link/reply', { token, answer: 'red' }],
        ['/api/check-ins/link/stop', { token }],
      ] as const) {
        const blocked = await from('192.0.2.44', url, payload);
        expect(blocked.statusCode, url).toBe(429);
        expect(blocked.json().error.code).toBe('too_many_requests');
        expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      }
      expect(await databaseDigest(t.database)).toEqual(before);
      // Another address is not held back by the first one's guesses.
      const reply = await from('192.0.2.45', '/api/check-ins/link/reply', { token, answer: 'green' });
      expect(reply.statusCode).toBe(200);
    });

    it('stores one answer and raises one alert when the same link is answered twice at the same moment', async () => {
      const { caseId, phone } = await enrolledCase();
      await tick(friday('10:00'));
      // The 09:00 slot was more than an hour ago at 10:00, so use a fresh one.
      await tick(friday('09:10'));
      const token = await latestToken(phone);
      const [a, b] = await Promise.all([
        call(null, 'POST', '/api/check-ins/link/reply', { token, answer: 'red' }),
        call(null, 'POST', '/api/check-ins/link/reply', { token, answer: 'red' }),
      ]);
      expect([a?.statusCode, b?.statusCode].sort()).toEqual([200, 404]);
      const answered = await t.db.select().from(checkIns).where(eq(checkIns.caseId, caseId));
      expect(answered.filter((c) => c.answeredAt)).toHaveLength(1);
      expect(await alertsOf(caseId)).toHaveLength(1);
    });
  });

  describe('escalation', () => {
    it('alerts the lead worker and the on-duty coordinator to a red with a 15-minute target, and logs the follow-up as a contact', async () => {
      const { caseId, phone } = await enrolledCase();
      await tick(friday('09:00'));
      clock.set(friday('10:00'));
      const reply = await call(null, 'POST', '/api/check-ins/link/reply', {
        token: await latestToken(phone),
        answer: 'red',
      });
      expect(reply.json().message).toContain('within 15 minutes');
      const [alert] = await alertsOf(caseId);
      expect(alert).toMatchObject({ kind: 'red', reason: 'red' });
      expect(alert?.dueBy.toISOString()).toBe(new Date(friday('10:15')).toISOString());
      const told = (await notificationsOf(caseId)).map((n) => n.userId).sort();
      expect(told).toEqual([users.coordinator?.id, users.peer?.id].sort());
      expect((await notificationsOf(caseId))[0]?.message).toMatch(/^Red check-in on case CI-\d+/);

      clock.set(friday('10:09'));
      const followUp = await call('peer', 'POST', `/api/check-in-alerts/${alert?.id}/follow-up`, {
        type: 'telephone',
        note: 'Talked it through; feeling safer.',
      });
      expect(followUp.statusCode, followUp.body).toBe(200);
      const followed = followUp.json() as CheckInAlert;
      expect(followed.followedUpBy?.userId).toBe(users.peer?.id);
      const [contact] = await t.db
        .select()
        .from(contacts)
        .where(eq(contacts.id, followed.contactId as string));
      expect(contact).toMatchObject({ caseId, type: 'telephone', outcome: 'made' });
      const again = await call('coordinator', 'POST', `/api/check-in-alerts/${alert?.id}/follow-up`, {
        type: 'telephone',
      });
      expect(again.statusCode).toBe(409);
      // Another worker's alert is out of scope for a peer supporter not on the case.
      expect(
        (
          await call('otherPeer', 'POST', `/api/check-in-alerts/${alert?.id}/follow-up`, {
            type: 'telephone',
          })
        ).statusCode,
      ).toBe(404);
    });

    it('holds a red given outside monitored hours until Monday’s start, then alerts with the target from then', async () => {
      const { caseId, phone } = await enrolledCase('21:00');
      await tick(friday('21:00'));
      clock.set(friday('22:00'));
      const reply = await call(null, 'POST', '/api/check-ins/link/reply', {
        token: await latestToken(phone),
        answer: 'red',
      });
      expect(reply.json().message).toContain('when we are next open');
      expect(reply.json().message).toContain('NHS 111');
      expect(await notificationsOf(caseId)).toHaveLength(0);
      await tick('2026-11-14T12:00:00Z');
      expect(await notificationsOf(caseId)).toHaveLength(0);
      await tick(monday('09:00'));
      expect(await notificationsOf(caseId)).toHaveLength(2);
      const [alert] = await alertsOf(caseId);
      expect(alert?.dueBy.toISOString()).toBe(new Date(monday('09:15')).toISOString());
    });

    it('flags a Friday amber for Monday, and tells the worker only then', async () => {
      const { caseId, phone } = await enrolledCase();
      await tick(friday('09:00'));
      clock.set(friday('11:00'));
      const reply = await call(null, 'POST', '/api/check-ins/link/reply', {
        token: await latestToken(phone),
        answer: 'amber',
      });
      expect(reply.json().message).toContain('Monday 16 November');
      const [alert] = await alertsOf(caseId);
      expect(alert).toMatchObject({ kind: 'amber' });
      expect(alert?.notifyAt.toISOString()).toBe(new Date(monday('09:00')).toISOString());
      expect(await notificationsOf(caseId)).toHaveLength(0);
      await tick(monday('09:00'));
      expect((await notificationsOf(caseId)).map((n) => n.userId)).toEqual([users.peer?.id]);
    });

    it('counts three ambers in a row by text as a red and answers each text by text', async () => {
      const { caseId, phone, from } = await enrolledCase('09:00');
      for (const day of ['2026-11-16', '2026-11-17', '2026-11-18']) {
        clock.set(`${day}T09:00:00Z`);
        await runCheckIns({ db: t.db, clock, publicUrl: testOrigin });
        clock.set(`${day}T09:05:00Z`);
        const response = await sms(from, '2');
        expect(response.json()).toEqual({ outcome: 'recorded' });
      }
      const alerts = await alertsOf(caseId);
      expect(alerts.map((a) => `${a.kind}:${a.reason}`)).toEqual([
        'amber:amber',
        'amber:amber',
        'red:three_ambers',
      ]);
      const replies = (await textsTo(phone)).filter((m) => m.purpose.startsWith('reply_'));
      expect(replies.map((m) => m.purpose)).toEqual(['reply_amber', 'reply_amber', 'reply_red']);
    });

    it('sends one reminder after four hours without a reply, then flags the case to its worker', async () => {
      const { caseId, phone } = await enrolledCase();
      await tick(friday('09:00'));
      await tick(friday('12:59'));
      expect((await textsTo(phone)).map((m) => m.purpose)).toEqual(['check_in']);
      await tick(friday('13:00'));
      await tick(friday('14:00'));
      expect((await textsTo(phone)).map((m) => m.purpose)).toEqual(['check_in', 'reminder']);
      await tick(friday('17:00'));
      const [alert] = await alertsOf(caseId);
      expect(alert?.kind).toBe('no_reply');
      // 17:00 is outside monitored hours: the worker hears on Monday.
      expect(await notificationsOf(caseId)).toHaveLength(0);
      await tick(monday('09:00'));
      expect((await notificationsOf(caseId)).map((n) => n.kind)).toEqual(['check_in_no_reply']);
      expect((await textsTo(phone)).filter((m) => m.purpose === 'reminder')).toHaveLength(1);
    });
  });

  describe('STOP', () => {
    it('opts a person out when they text STOP, confirms it, and sends no more check-ins', async () => {
      const { caseId, phone, from } = await enrolledCase();
      await tick(friday('09:00'));
      clock.set(friday('09:30'));
      expect((await sms(from, 'Stop')).json()).toEqual({ outcome: 'opted_out' });
      const [enrolment] = await t.db
        .select()
        .from(checkInEnrolments)
        .where(eq(checkInEnrolments.caseId, caseId));
      expect(enrolment).toMatchObject({ status: 'opted_out', optedOutVia: 'sms' });
      await tick('2026-11-14T09:00:00Z');
      await tick(friday('13:00'));
      expect((await textsTo(phone)).map((m) => m.purpose)).toEqual(['check_in', 'opted_out']);
      const view = await call('peer', 'GET', `/api/cases/${caseId}/check-ins`);
      expect((view.json() as CaseCheckIns).enrolment?.optedOutVia).toBe('sms');
    });

    it('opts a person out from the link page, after which the link answers 404', async () => {
      const { caseId, phone } = await enrolledCase();
      await tick(friday('09:00'));
      const token = await latestToken(phone);
      const stop = await call(null, 'POST', '/api/check-ins/link/stop', { token });
      expect(stop.statusCode).toBe(200);
      const [enrolment] = await t.db
        .select()
        .from(checkInEnrolments)
        .where(eq(checkInEnrolments.caseId, caseId));
      expect(enrolment?.optedOutVia).toBe('link');
      expect((await call(null, 'POST', '/api/check-ins/link', { token })).statusCode).toBe(404);
    });

    it('refuses a text reply without the gateway’s secret, and ignores texts it cannot read', async () => {
      const { from } = await enrolledCase();
      expect((await sms(from, '1', 'wrong-secret')).statusCode).toBe(401);
      expect((await sms(from, 'hello')).json()).toEqual({ outcome: 'ignored' });
    });
  });

  describe('the site dashboard', () => {
    it('shows today’s reds, overdue follow-ups, response times and reply rates to the coordinator of the site only', async () => {
      const { phone } = await enrolledCase();
      await tick(friday('09:00'));
      clock.set(friday('09:01'));
      await call(null, 'POST', '/api/check-ins/link/reply', {
        token: await latestToken(phone),
        answer: 'red',
      });
      clock.set(friday('09:40'));
      const response = await call('coordinator', 'GET', `/api/sites/${siteIds.North}/check-ins/dashboard`);
      expect(response.statusCode, response.body).toBe(200);
      const dashboard = response.json() as CheckInDashboard;
      expect(dashboard.todaysReds.length).toBeGreaterThan(0);
      expect(
        dashboard.overdueFollowUps.some((a) => a.dueBy === new Date(friday('09:16')).toISOString()),
      ).toBe(true);
      expect(dashboard.replyRate.sent).toBeGreaterThan(0);
      expect(dashboard.monitoredHoursText).toBe('Monday to Friday, 9am to 5pm');
      expect(
        (await call('coordinatorSouth', 'GET', `/api/sites/${siteIds.North}/check-ins/dashboard`)).statusCode,
      ).toBe(404);
      expect((await call('peer', 'GET', `/api/sites/${siteIds.North}/check-ins/dashboard`)).statusCode).toBe(
        403,
      );
    });
  });
});
