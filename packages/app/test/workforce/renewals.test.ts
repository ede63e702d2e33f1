import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../src/server/modules/notifications/notifications.table.ts';
import { defaultWorkforceSettings } from '../../src/server/modules/workforce/people/settings.repository.ts';
import { sendRenewalReminders } from '../../src/server/modules/workforce/safety/renewal-reminders.job.ts';
import { dueReminders } from '../../src/server/modules/workforce/safety/renewal-reminders.rules.ts';
import { apiCaller, movableClock } from '../support/api-caller.ts';
import {
  createTestApp,
  type SeededUser,
  seedOrganisation,
  signIn,
  type TestApp,
} from '../support/test-app.ts';

describe('which renewal reminders are due', () => {
  const facts = {
    role: 'intern_volunteer' as const,
    status: 'active',
    history: [{ role: 'intern_volunteer' as const, startedOn: '2024-11-01', endedOn: null }],
    pauses: [],
    latestDbs: {
      level: 'enhanced' as const,
      certificateOn: '2023-04-02',
      isOnUpdateService: false,
      updateServiceCheckedOn: null,
    },
    certificates: [
      { courseId: 'c1', courseTitle: 'Due later', renewalDueOn: '2026-04-02' },
      { courseId: 'c2', courseTitle: 'Never expires', renewalDueOn: null },
    ],
  };
  const kinds = (f: typeof facts, today = '2026-03-02') =>
    dueReminders(f, today, defaultWorkforceSettings).map((r) => `${r.kind}:${r.item}:${r.dueOn}`);

  it('warns 30 days ahead of a DBS recheck or a certificate renewal, and at the alert month', () => {
    expect(kinds(facts, '2026-03-03')).toEqual([
      'dbs_recheck:dbs:2026-04-02',
      'certificate_renewal:c1:2026-04-02',
      'time_limit:volunteer:2026-05-03',
    ]);
    expect(kinds(facts, '2026-03-02')).toEqual(['time_limit:volunteer:2026-05-03']);
  });

  it('says nothing about someone who has left, and no time limit while paused (their clock has stopped)', () => {
    expect(kinds({ ...facts, status: 'left' }, '2026-03-03')).toEqual([]);
    expect(kinds({ ...facts, status: 'paused' }, '2026-03-03')).toEqual([
      'dbs_recheck:dbs:2026-04-02',
      'certificate_renewal:c1:2026-04-02',
    ]);
  });
});

/**
 * Renewals (issue 6): the daily reminders of DBS rechecks, certificate renewals and time limits, and a
 * lapsed certificate of a required course blocking allocation and matching like a lapsed DBS check.
 */
describe('renewal reminders and required certificates', () => {
  let t: TestApp;
  const clock = movableClock('2026-03-02T10:00:00Z');
  let users: Record<string, SeededUser>;
  let siteIds: Record<string, string>;
  const cookies: Record<string, string> = {};
  const members: Record<string, string> = {};
  let courseId: string;
  const call = apiCaller(() => t.app, cookies);
  const ok = async (who: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) => {
    const response = await call(who, method, url, payload);
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json();
  };
  const travel = async (iso: string) => {
    clock.set(iso);
    for (const [key, user] of Object.entries(users)) cookies[key] = await signIn(t.app, user.email);
  };
  const addMember = async (key: string, role: string, startedOn: string, dbsOn: string | null) => {
    const member = await ok('coordinator', 'POST', '/api/workforce', {
      displayName: `Member ${key}`,
      siteId: siteIds.North,
      siteIds: [siteIds.North],
      role,
      status: 'active',
      startedOn,
      userId: users[key]?.id,
    });
    if (dbsOn)
      await ok('coordinator', 'POST', `/api/workforce/${member.id}/dbs-checks`, {
        level: 'enhanced',
        certificateOn: dbsOn,
        isOnUpdateService: false,
      });
    members[key] = member.id;
    return member.id as string;
  };
  const remindersOf = async (userKey: string) =>
    t.db
      .select({ kind: notifications.kind, message: notifications.message })
      .from(notifications)
      .where(
        and(eq(notifications.userId, users[userKey]?.id as string), like(notifications.kind, 'renewal_%')),
      )
      .orderBy(notifications.createdAt);
  const run = async () => (await sendRenewalReminders({ db: t.db, clock })).sent;
  let caseCounter = 0;
  const newCase = async () =>
    (
      await ok('coordinator', 'POST', '/api/cases', {
        siteId: siteIds.North,
        localCaseId: `R-${++caseCounter}`,
        referralSource: 'police_custody',
        referredOn: '2026-02-01',
        complexity: 'low',
      })
    ).id as string;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const seeded = await seedOrganisation(t.database, {
      name: 'Renewals',
      sites: ['North', 'South'],
      users: [
        { key: 'coordinator', role: 'coordinator', sites: ['North'] },
        { key: 'coordinatorSouth', role: 'coordinator', sites: ['South'] },
        { key: 'intern', role: 'volunteer', sites: ['North'] },
        { key: 'peer', role: 'peer_supporter', sites: ['North'] },
        { key: 'longServing', role: 'volunteer', sites: ['North'] },
        { key: 'leaver', role: 'volunteer', sites: ['North'] },
      ],
    });
    users = seeded.users;
    siteIds = seeded.siteIds;
    for (const [key, user] of Object.entries(users)) cookies[key] = await signIn(t.app, user.email);
    // DBS recheck due on 20 March 2026 (36 months), within the 30-day window on 2 March.
    await addMember('intern', 'intern_volunteer', '2025-09-01', '2023-03-20');
    // A current DBS check, and (below) a one-month certificate renewed on 20 March.
    await addMember('peer', 'paid_peer', '2025-09-01', '2025-06-01');
    // Sixteen months volunteering: past the 15-month alert of the 18-month limit.
    await addMember('longServing', 'intern_volunteer', '2024-11-01', '2025-06-01');
    // Overdue DBS, but they have left.
    await addMember('leaver', 'intern_volunteer', '2025-09-01', '2022-01-01');
    await ok('coordinator', 'POST', `/api/workforce/${members.leaver}/status`, {
      action: 'leave',
      on: '2026-03-01',
      destination: 'other',
    });
    const course = await ok('coordinator', 'POST', '/api/training/courses', {
      title: 'Safeguarding refresher',
      mode: 'structured',
      certificateValidMonths: 1,
      modules: ['Safeguarding'],
    });
    courseId = course.id;
    const cohort = await ok('coordinator', 'POST', `/api/training/courses/${course.id}/cohorts`, {
      siteId: siteIds.North,
      name: 'February 2026',
      startsOn: '2026-02-01',
      endsOn: '2026-02-28',
    });
    const detail = await ok('coordinator', 'POST', `/api/training/cohorts/${cohort.id}/enrolments`, {
      memberId: members.peer,
    });
    await ok('coordinator', 'PATCH', `/api/training/enrolments/${detail.enrolments[0].id}`, {
      status: 'completed',
      completedOn: '2026-02-20',
    });
  });
  afterAll(() => t?.close());

  it('tells the coordinators and the person once per item, and nothing about someone who has left', async () => {
    const sent = await run();
    expect(sent).toEqual(
      expect.arrayContaining([
        { memberId: members.intern, kind: 'dbs_recheck', dueOn: '2026-03-20' },
        { memberId: members.peer, kind: 'certificate_renewal', dueOn: '2026-03-20' },
        expect.objectContaining({ memberId: members.longServing, kind: 'time_limit' }),
      ]),
    );
    expect(sent).toHaveLength(3);
    expect(sent.map((s) => s.memberId)).not.toContain(members.leaver);
    expect(await remindersOf('intern')).toEqual([
      {
        kind: 'renewal_dbs_recheck',
        message: 'Your DBS recheck is due on 20 March 2026. Your coordinator will arrange it.',
      },
    ]);
    const toCoordinator = (await remindersOf('coordinator')).map((n) => n.message);
    expect(toCoordinator).toHaveLength(3);
    expect(toCoordinator).toContain(
      'Member intern’s DBS recheck is due on 20 March 2026. Record the recheck when it is done.',
    );
    expect(toCoordinator).toContain(
      'Member peer’s “Safeguarding refresher” certificate is due for renewal on 20 March 2026.',
    );
    expect(toCoordinator.find((m) => m.startsWith('Member longServing has used'))).toMatch(
      /of 18 months volunteering; the limit is reached on 3 May 2026/,
    );
    expect(await remindersOf('coordinatorSouth')).toEqual([]);
  });

  it('does not send again later that day, the next day or after a restart', async () => {
    expect(await run()).toEqual([]);
    clock.set('2026-03-03T07:00:00Z');
    expect(await run()).toEqual([]);
    expect(await remindersOf('coordinator')).toHaveLength(3);
  });

  it('blocks allocation and matching when a required course’s certificate has lapsed, saying which and when', async () => {
    const settings = await ok('coordinator', 'GET', '/api/workforce-settings');
    await travel('2026-03-21T10:00:00Z');
    const caseId = await newCase();
    // Not yet required: the lapsed certificate does not matter.
    const before = await ok('coordinator', 'GET', `/api/cases/${caseId}/matches`);
    expect(before.eligible.map((e: { userId: string }) => e.userId)).toContain(users.peer?.id);
    await ok('coordinator', 'PUT', '/api/workforce-settings', { ...settings, requiredCourseIds: [courseId] });
    const refused = await call('coordinator', 'POST', `/api/cases/${caseId}/allocation`, {
      leadUserId: users.peer?.id,
      coWorkerIds: [],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].message).toBe(
      'Their training certificate “Safeguarding refresher” lapsed on 20 March 2026: record the renewal first.',
    );
    const matches = await ok('coordinator', 'GET', `/api/cases/${caseId}/matches`);
    expect(matches.eligible.map((e: { userId: string }) => e.userId)).not.toContain(users.peer?.id);
    expect(
      matches.ineligible.find((i: { userId: string }) => i.userId === users.peer?.id).blockers,
    ).toContain(
      'Their training certificate “Safeguarding refresher” lapsed on 20 March 2026: record the renewal first.',
    );
    const proposal = await ok('coordinator', 'POST', `/api/sites/${siteIds.North}/matching/proposals`);
    expect(proposal.placements.map((p: { userId: string }) => p.userId)).not.toContain(users.peer?.id);
  });

  it('sends again once a renewal’s new due date comes near, and allocation is allowed again', async () => {
    const cohort = await ok('coordinator', 'POST', `/api/training/courses/${courseId}/cohorts`, {
      siteId: siteIds.North,
      name: 'March 2026',
      startsOn: '2026-03-21',
      endsOn: '2026-03-21',
    });
    const detail = await ok('coordinator', 'POST', `/api/training/cohorts/${cohort.id}/enrolments`, {
      memberId: members.peer,
    });
    await ok('coordinator', 'PATCH', `/api/training/enrolments/${detail.enrolments[0].id}`, {
      status: 'completed',
      completedOn: '2026-03-21',
    });
    const caseId = await newCase();
    await ok('coordinator', 'POST', `/api/cases/${caseId}/allocation`, {
      leadUserId: users.peer?.id,
      coWorkerIds: [],
    });
    // The renewed certificate is due on 21 April: nothing until it is within 30 days.
    expect((await run()).map((s) => s.memberId)).not.toContain(members.peer);
    clock.set('2026-03-22T07:00:00Z');
    const sent = await run();
    expect(sent).toContainEqual({ memberId: members.peer, kind: 'certificate_renewal', dueOn: '2026-04-21' });
    expect(sent.filter((s) => s.memberId === members.peer)).toHaveLength(1);
    expect((await remindersOf('peer')).map((n) => n.message)).toEqual([
      'Your “Safeguarding refresher” certificate is due for renewal on 20 March 2026.',
      'Your “Safeguarding refresher” certificate is due for renewal on 21 April 2026.',
    ]);
  });
});
