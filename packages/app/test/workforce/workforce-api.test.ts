import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/server/clock.ts';
import { newId } from '../../src/server/db/ids.ts';
import { auditEvents } from '../../src/server/modules/audit/audit.table.ts';
import { countLiveQuantities } from '../../src/server/modules/social-value/live-quantities.repository.ts';
import {
  createTestApp,
  databaseDigest,
  type SeededUser,
  seedOrganisation,
  signIn,
  type TestApp,
  testOrigin,
} from '../support/test-app.ts';

function movableClock(start: string): Clock & { set: (iso: string) => void } {
  let now = new Date(start);
  return { now: () => new Date(now.getTime()), set: (iso) => (now = new Date(iso)) };
}

describe('the peer workforce through the API', () => {
  let t: TestApp;
  const clock = movableClock('2026-03-02T10:00:00Z');
  let users: Record<string, SeededUser>;
  let organisationId: string;
  let siteIds: Record<string, string>;
  const cookies: Record<string, string> = {};
  const call = async (who: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: cookies[who] as string, ...(method === 'GET' ? {} : { origin: testOrigin }) },
      ...(payload ? { payload } : {}),
    });
  const ok = async (who: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) => {
    const response = await call(who, method, url, payload);
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json();
  };
  /** Moves the clock and signs everyone in again (sessions have an absolute 12-hour limit). */
  const travel = async (iso: string) => {
    clock.set(iso);
    for (const [key, user] of Object.entries(users)) cookies[key] = await signIn(t.app, user.email);
  };
  let counter = 0;
  const newCase = async (complexity: 'low' | 'moderate' | 'high' | null = 'low') =>
    (
      await ok('coordinator', 'POST', '/api/cases', {
        siteId: siteIds.North,
        localCaseId: `W-${++counter}`,
        referralSource: 'police_custody',
        referredOn: '2026-02-01',
        ...(complexity ? { complexity } : {}),
      })
    ).id as string;
  const addMember = async (key: string | null, role: string, extra: object = {}) =>
    ok('coordinator', 'POST', '/api/workforce', {
      displayName: `Member ${key ?? ++counter}`,
      siteId: siteIds.North,
      siteIds: [siteIds.North],
      role,
      status: 'active',
      startedOn: '2025-09-01',
      ...(key ? { userId: users[key]?.id } : {}),
      ...extra,
    });
  const addDbs = (memberId: string, certificateOn = '2025-06-01') =>
    ok('coordinator', 'POST', `/api/workforce/${memberId}/dbs-checks`, {
      level: 'enhanced',
      certificateOn,
      isOnUpdateService: false,
    });

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const seeded = await seedOrganisation(t.database, {
      name: 'Workforce',
      sites: ['North', 'South'],
      users: [
        { key: 'coordinator', role: 'coordinator', sites: ['North'] },
        { key: 'otherCoordinator', role: 'coordinator', sites: ['North'] },
        { key: 'coordinatorSouth', role: 'coordinator', sites: ['South'] },
        { key: 'intern', role: 'volunteer', sites: ['North'] },
        { key: 'peer', role: 'peer_supporter', sites: ['North'] },
        { key: 'newcomer', role: 'volunteer', sites: ['North'] },
        { key: 'admin', role: 'admin', sites: ['North'] },
      ],
    });
    users = seeded.users;
    siteIds = seeded.siteIds;
    organisationId = seeded.organisation.id;
    for (const [key, user] of Object.entries(users)) cookies[key] = await signIn(t.app, user.email);
  });
  afterAll(() => t?.close());

  describe('allocation under the workforce rules', () => {
    let internId: string;
    it('refuses to allocate a volunteer with no workforce record, naming the fix', async () => {
      const caseId = await newCase();
      const response = await call('coordinator', 'POST', `/api/cases/${caseId}/allocation`, {
        leadUserId: users.intern?.id,
        coWorkerIds: [],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0]).toMatchObject({
        field: 'leadUserId',
        message: expect.stringMatching(/no workforce record/),
      });
    });

    it('refuses an intern with no DBS check, then allows them once a current check is recorded', async () => {
      internId = (await addMember('intern', 'intern_volunteer')).id;
      const caseId = await newCase();
      const refused = await call('coordinator', 'POST', `/api/cases/${caseId}/allocation`, {
        leadUserId: users.intern?.id,
        coWorkerIds: [],
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details[0].message).toMatch(/No DBS check/);
      expect((await addDbs(internId)).state).toBe('current');
      await ok('coordinator', 'POST', `/api/cases/${caseId}/allocation`, {
        leadUserId: users.intern?.id,
        coWorkerIds: [],
      });
    });

    it('keeps an intern to three cases and away from high complexity', async () => {
      for (let i = 0; i < 2; i++)
        await ok('coordinator', 'POST', `/api/cases/${await newCase('moderate')}/allocation`, {
          leadUserId: users.intern?.id,
          coWorkerIds: [],
        });
      const fourth = await call('coordinator', 'POST', `/api/cases/${await newCase()}/allocation`, {
        leadUserId: users.intern?.id,
        coWorkerIds: [],
      });
      expect(fourth.json().error.details[0].message).toMatch(/cap is 3/);
      const high = await call('coordinator', 'POST', `/api/cases/${await newCase('high')}/allocation`, {
        leadUserId: users.intern?.id,
        coWorkerIds: [],
      });
      expect(high.json().error.details[0].message).toMatch(/high complexity/);
    });

    it('never lets a new volunteer lead, but lets them shadow as a co-worker', async () => {
      const member = await addMember('newcomer', 'new_volunteer');
      await addDbs(member.id);
      const peer = await addMember('peer', 'paid_peer');
      await addDbs(peer.id);
      const caseId = await newCase('high');
      const lead = await call('coordinator', 'POST', `/api/cases/${caseId}/allocation`, {
        leadUserId: users.newcomer?.id,
        coWorkerIds: [],
      });
      expect(lead.json().error.details[0].message).toMatch(/do not carry cases/);
      await ok('coordinator', 'POST', `/api/cases/${caseId}/allocation`, {
        leadUserId: users.peer?.id,
        coWorkerIds: [users.newcomer?.id],
      });
    });

    it('refuses to hand a leaving worker’s caseload to a new volunteer', async () => {
      const response = await call('coordinator', 'POST', '/api/caseload/reassign', {
        siteId: siteIds.North,
        fromUserId: users.peer?.id,
        toUserId: users.newcomer?.id,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0]).toMatchObject({
        field: 'toUserId',
        message: expect.stringMatching(/do not carry cases/),
      });
    });

    it('stops allocation once the DBS check runs out', async () => {
      const lapsed = await addMember(null, 'paid_peer', { userId: users.otherCoordinator?.id });
      await addDbs(lapsed.id, '2023-03-01');
      const caseId = await newCase();
      const response = await call('coordinator', 'POST', `/api/cases/${caseId}/allocation`, {
        leadUserId: users.otherCoordinator?.id,
        coWorkerIds: [],
      });
      expect(response.json().error.details[0].message).toMatch(/due for renewal on 1 March 2026/);
      // Back to a coordinator with no workforce record, for the tests below.
      await ok('coordinator', 'POST', `/api/workforce/${lapsed.id}/status`, {
        action: 'leave',
        on: '2026-03-02',
        destination: 'other',
      });
      await ok('coordinator', 'PATCH', `/api/workforce/${lapsed.id}`, { userId: null });
    });
  });

  describe('per-person access limits', () => {
    it('answers 404 to the barred person for the case and its contacts, and audits the limit', async () => {
      const caseId = await newCase();
      await ok('coordinator', 'POST', `/api/cases/${caseId}/allocation`, {
        leadUserId: users.peer?.id,
        coWorkerIds: [],
      });
      expect((await call('otherCoordinator', 'GET', `/api/cases/${caseId}`)).statusCode).toBe(200);
      const { id } = await ok('coordinator', 'POST', `/api/cases/${caseId}/access-limits`, {
        userId: users.otherCoordinator?.id,
        reason: 'Relative of the person referred.',
        reviewOn: '2026-09-01',
      });
      expect((await call('otherCoordinator', 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
      expect((await call('otherCoordinator', 'GET', `/api/cases/${caseId}/contacts`)).statusCode).toBe(404);
      const list = await ok('otherCoordinator', 'GET', '/api/cases?limit=200');
      expect(list.items.map((c: { id: string }) => c.id)).not.toContain(caseId);
      expect((await call('coordinator', 'GET', `/api/cases/${caseId}`)).statusCode).toBe(200);
      const audited = await t.db
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.action, 'access_limit.create'),
            eq(auditEvents.actorUserId, users.coordinator?.id as string),
          ),
        );
      expect(audited[0]?.entityIds).toEqual([id, users.otherCoordinator?.id, caseId]);
      // Nobody barred can be allocated the case either.
      const allocate = await call('coordinator', 'POST', `/api/cases/${caseId}/allocation`, {
        leadUserId: users.otherCoordinator?.id,
        coWorkerIds: [],
      });
      expect(allocate.json().error.details[0].message).toMatch(/access limit/);
    });

    it('insists on a reason and a future review date, and changes nothing when refused', async () => {
      const caseId = await newCase();
      const before = await databaseDigest(t.database);
      const response = await call('coordinator', 'POST', `/api/cases/${caseId}/access-limits`, {
        userId: users.peer?.id,
        reason: '',
        reviewOn: '2026-01-01',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain('reason');
      const past = await call('coordinator', 'POST', `/api/cases/${caseId}/access-limits`, {
        userId: users.peer?.id,
        reason: 'Former client of this service.',
        reviewOn: '2026-01-01',
      });
      expect(past.json().error.details[0].field).toBe('reviewOn');
      expect(await databaseDigest(t.database)).toEqual(before);
    });

    it('refuses a limit aimed at a role rather than a named person', async () => {
      const response = await call('coordinator', 'POST', `/api/cases/${await newCase()}/access-limits`, {
        role: 'volunteer',
        reason: 'All former service users.',
        reviewOn: '2026-09-01',
      });
      expect(response.statusCode).toBe(400);
    });

    it('lists limits due for review and lifts one, restoring access', async () => {
      await travel('2026-09-02T10:00:00Z');
      const due = await ok('coordinator', 'GET', '/api/access-limits?dueForReview=true');
      expect(due.items).toHaveLength(1);
      await ok('coordinator', 'POST', `/api/access-limits/${due.items[0].id}/review`, {
        decision: 'lift',
        reason: 'The relative has moved away.',
      });
      expect((await call('otherCoordinator', 'GET', `/api/cases/${due.items[0].caseId}`)).statusCode).toBe(
        200,
      );
      await travel('2026-03-02T10:00:00Z');
    });
  });

  describe('hours', () => {
    it('lets a volunteer log their own hours and a coordinator approve them', async () => {
      const entry = await ok('newcomer', 'POST', '/api/me/hours', {
        workedOn: '2026-03-01',
        activity: 'shadowing',
        minutes: 180,
      });
      expect(entry.status).toBe('pending');
      const pending = await ok('coordinator', 'GET', '/api/hours?status=pending');
      expect(pending.items.map((h: { id: string }) => h.id)).toContain(entry.id);
      const approved = await ok('coordinator', 'POST', `/api/hours/${entry.id}/decision`, {
        decision: 'approve',
      });
      expect(approved.status).toBe('approved');
      const again = await call('coordinator', 'POST', `/api/hours/${entry.id}/decision`, {
        decision: 'approve',
      });
      expect(again.statusCode).toBe(409);
      const mine = await ok('newcomer', 'GET', '/api/me/hours');
      expect(mine.items[0]).toMatchObject({ id: entry.id, status: 'approved' });
      // Approved volunteer hours feed the social value engine's volunteer-time input.
      const live = await countLiveQuantities(t.db, {
        organisationId,
        siteIds: [siteIds.North as string],
        from: '2026-03-01',
        to: '2026-03-31',
      });
      expect(live.approvedVolunteerHours).toBe(3);
    });

    it('refuses hours in the future or over 16 in a day', async () => {
      const future = await call('newcomer', 'POST', '/api/me/hours', {
        workedOn: '2026-03-03',
        activity: 'casework',
        minutes: 60,
      });
      expect(future.json().error.details[0].field).toBe('workedOn');
      const tooMany = await call('newcomer', 'POST', '/api/me/hours', {
        workedOn: '2026-03-01',
        activity: 'casework',
        minutes: 14 * 60,
      });
      expect(tooMany.json().error.details[0].field).toBe('minutes');
    });

    it('hides another site’s hours from its coordinator', async () => {
      const pending = await ok('coordinatorSouth', 'GET', '/api/hours');
      expect(pending.items).toEqual([]);
    });
  });

  describe('progression', () => {
    it('refuses to make a new volunteer an intern before the required shadowing, saying how many remain', async () => {
      const member = (await ok('coordinator', 'GET', '/api/workforce?role=new_volunteer')).items[0];
      const response = await call('coordinator', 'POST', `/api/workforce/${member.id}/role`, {
        role: 'intern_volunteer',
        startedOn: '2026-03-02',
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.message).toMatch(/Shadow 5 more sessions \(1 of 6 approved\)/);
    });

    it('pauses without losing progress: the clock stops and allocation waits', async () => {
      const [peer] = (await ok('coordinator', 'GET', '/api/workforce?role=paid_peer&status=active')).items;
      const before = peer.timeLimit.monthsUsed;
      await ok('coordinator', 'POST', `/api/workforce/${peer.id}/status`, {
        action: 'pause',
        on: '2026-03-02',
      });
      await travel('2026-06-02T10:00:00Z');
      const paused = await ok('coordinator', 'GET', `/api/workforce/${peer.id}`);
      expect(paused.timeLimit.monthsUsed).toBe(before);
      expect(paused.supervision.isOverdue).toBe(false);
      const resumed = await ok('coordinator', 'POST', `/api/workforce/${peer.id}/status`, {
        action: 'resume',
        on: '2026-06-02',
      });
      expect(resumed.status).toBe('active');
      expect(resumed.role).toBe('paid_peer');
      await travel('2026-03-02T10:00:00Z');
    });

    it('shows lived experience to coordinators only', async () => {
      const member = await addMember(null, 'new_volunteer', { livedExperience: ['homelessness'] });
      expect((await ok('coordinator', 'GET', `/api/workforce/${member.id}`)).livedExperience).toEqual([
        'homelessness',
      ]);
      expect((await ok('admin', 'GET', `/api/workforce/${member.id}`)).livedExperience).toBeNull();
    });

    it('names known associates by local case ID only for the cases the reader can see', async () => {
      const northCase = await newCase();
      const southCase = (
        await ok('coordinatorSouth', 'POST', '/api/cases', {
          siteId: siteIds.South,
          localCaseId: `S-${++counter}`,
          referralSource: 'police_custody',
          referredOn: '2026-02-01',
        })
      ).id as string;
      const member = await addMember(null, 'new_volunteer', {
        knownAssociateCaseIds: [southCase, northCase],
        avoidCaseKinds: ['confrontational'],
        caseloadCap: 2,
      });
      const seen = await ok('coordinator', 'GET', `/api/workforce/${member.id}`);
      expect(seen.knownAssociateCaseIds).toEqual([southCase, northCase]);
      const { localCaseId } = await ok('coordinator', 'GET', `/api/cases/${northCase}`);
      expect(seen.knownAssociates).toEqual([{ caseId: northCase, localCaseId }]);
      expect(seen).toMatchObject({ avoidCaseKinds: ['confrontational'], caseloadCap: 2 });
    });
  });

  describe('supervision privacy', () => {
    it('shows session notes to the person and their supervisor, and 404 to another coordinator', async () => {
      const [peer] = (await ok('coordinator', 'GET', '/api/workforce?role=paid_peer&status=active')).items;
      await ok('coordinator', 'PATCH', `/api/workforce/${peer.id}`, {
        supervisorUserId: users.coordinator?.id,
      });
      await ok('coordinator', 'POST', `/api/workforce/${peer.id}/supervision`, {
        heldOn: '2026-03-01',
        notes: 'Talked about a hard week.',
      });
      expect((await ok('coordinator', 'GET', `/api/workforce/${peer.id}/supervision`)).items).toHaveLength(1);
      expect((await ok('peer', 'GET', `/api/workforce/${peer.id}/supervision`)).items[0].notes).toBe(
        'Talked about a hard week.',
      );
      expect(
        (await call('otherCoordinator', 'GET', `/api/workforce/${peer.id}/supervision`)).statusCode,
      ).toBe(404);
      expect(
        (await call('otherCoordinator', 'GET', `/api/workforce/${peer.id}/wellbeing-plan`)).statusCode,
      ).toBe(404);
      await ok('peer', 'PUT', `/api/workforce/${peer.id}/wellbeing-plan`, {
        earlySigns: 'Sleeping badly',
        whatHelps: 'A day off',
        steppingBack: null,
        whoToContact: null,
      });
      expect((await ok('coordinator', 'GET', `/api/workforce/${peer.id}/wellbeing-plan`)).whatHelps).toBe(
        'A day off',
      );
      const listed = await ok('coordinator', 'GET', '/api/workforce?role=paid_peer&status=active');
      expect(listed.items[0].supervision.lastHeldOn).toBe('2026-03-01');
    });
  });

  describe('training', () => {
    it('runs a cohort from registration to employment and shows the funnel, issuing a certificate', async () => {
      const course = await ok('coordinator', 'POST', '/api/training/courses', {
        title: 'Peer mentor course',
        mode: 'accredited',
        awardingBody: 'An awarding body',
        level: 'Level 2',
        certificateValidMonths: 24,
        modules: ['Induction', 'Safeguarding'],
      });
      expect(course.modules).toEqual(['Induction', 'Safeguarding']);
      const cohort = await ok('coordinator', 'POST', `/api/training/courses/${course.id}/cohorts`, {
        siteId: siteIds.North,
        name: 'Spring 2026',
        startsOn: '2026-01-05',
        endsOn: '2026-03-30',
      });
      const members = (await ok('coordinator', 'GET', '/api/workforce')).items.slice(0, 3);
      let detail = cohort;
      for (const m of members)
        detail = await ok('coordinator', 'POST', `/api/training/cohorts/${cohort.id}/enrolments`, {
          memberId: m.id,
        });
      const [a, b] = detail.enrolments;
      await ok('coordinator', 'PATCH', `/api/training/enrolments/${a.id}`, {
        status: 'completed',
        completedOn: '2026-02-20',
        placementOn: '2026-02-25',
        employmentOn: '2026-03-01',
      });
      detail = await ok('coordinator', 'PATCH', `/api/training/enrolments/${b.id}`, {
        status: 'dropped_out',
        reason: 'Moved away',
      });
      expect(detail.funnel).toEqual({
        registered: 3,
        completed: 1,
        placement: 1,
        employment: 1,
        droppedOut: 1,
        dropOutRate: 1 / 3,
      });
      const person = await ok('coordinator', 'GET', `/api/workforce/${a.memberId}`);
      expect(person.certificates).toEqual([
        { courseTitle: 'Peer mentor course', issuedOn: '2026-02-20', renewalDueOn: '2028-02-20' },
      ]);
      const accredited = await call('coordinator', 'POST', '/api/training/courses', {
        title: 'X',
        mode: 'accredited',
      });
      expect(accredited.json().error.details.map((d: { field: string }) => d.field)).toEqual([
        'awardingBody',
        'level',
      ]);
    });

    it('edits a course: modules are replaced in order, and a course leaving accreditation drops its awarding body', async () => {
      const course = await ok('coordinator', 'POST', '/api/training/courses', {
        title: 'Boundaries',
        mode: 'accredited',
        awardingBody: 'An awarding body',
        level: 'Level 1',
        modules: ['One', 'Two'],
      });
      const edited = await ok('coordinator', 'PUT', `/api/training/courses/${course.id}`, {
        title: 'Boundaries and safety',
        mode: 'structured',
        awardingBody: 'An awarding body',
        level: 'Level 1',
        certificateValidMonths: 12,
        modules: ['Two', 'Three', 'One'],
      });
      expect(edited).toEqual({
        id: course.id,
        title: 'Boundaries and safety',
        mode: 'structured',
        awardingBody: null,
        level: null,
        certificateValidMonths: 12,
        modules: ['Two', 'Three', 'One'],
      });
      const listed = (await ok('otherCoordinator', 'GET', '/api/training/courses')).items;
      expect(listed.find((c: { id: string }) => c.id === course.id)).toEqual(edited);
      const unaccredited = await call('coordinator', 'PUT', `/api/training/courses/${course.id}`, {
        title: 'Boundaries',
        mode: 'accredited',
      });
      expect(unaccredited.statusCode).toBe(400);
      expect((await call('coordinator', 'PUT', `/api/training/courses/${newId()}`, edited)).statusCode).toBe(
        400,
      );
      const body = { title: 'Boundaries', mode: 'flexible', modules: [] };
      expect((await call('coordinator', 'PUT', `/api/training/courses/${newId()}`, body)).statusCode).toBe(
        404,
      );
      expect((await call('peer', 'PUT', `/api/training/courses/${course.id}`, body)).statusCode).toBe(403);
    });
  });

  describe('safety alerts', () => {
    it('lists DBS checks due within 30 days and missing ones', async () => {
      const soon = await addMember(null, 'new_volunteer');
      await addDbs(soon.id, '2023-03-20');
      const alerts = await ok('coordinator', 'GET', '/api/workforce-alerts');
      expect(alerts.items.find((a: { memberId: string }) => a.memberId === soon.id)).toMatchObject({
        kind: 'dbs_due_soon',
        dueOn: '2026-03-20',
      });
      expect(alerts.items.map((a: { kind: string }) => a.kind)).toContain('dbs_missing');
    });
  });
});
