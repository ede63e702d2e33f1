import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, Contact } from '../../src/contract/cases.ts';
import { auditEvents } from '../../src/server/modules/audit/audit.table.ts';
import { cases } from '../../src/server/modules/cases/cases.table.ts';
import { closeStaleStepDowns } from '../../src/server/modules/cases/step-down-close.job.ts';
import { notifications } from '../../src/server/modules/notifications/notifications.table.ts';
import { apiCaller, movableClock } from '../support/api-caller.ts';
import {
  createTestApp,
  databaseDigest,
  type SeededUser,
  seedOrganisation,
  signIn,
  type TestApp,
} from '../support/test-app.ts';
import { enrolWorkforce } from '../support/workforce.ts';

describe('service records through the API', () => {
  let t: TestApp;
  const clock = movableClock('2026-03-02T10:00:00Z');
  let users: Record<string, SeededUser>;
  let siteIds: Record<string, string>;
  const cookies: Record<string, string> = {};

  const call = apiCaller(() => t.app, cookies);
  let counter = 0;
  const newCase = async (who = 'coordinator', extra: object = {}) => {
    const response = await call(who, 'POST', '/api/cases', {
      siteId: siteIds.North,
      localCaseId: `N-${++counter}`,
      referralSource: 'police_custody',
      referredOn: '2026-02-01',
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as CaseDetail;
  };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const seeded = await seedOrganisation(t.database, {
      name: 'Records',
      sites: ['North', 'South'],
      users: [
        { key: 'coordinator', role: 'coordinator', sites: ['North'] },
        { key: 'coordinatorSouth', role: 'coordinator', sites: ['South'] },
        { key: 'peer', role: 'peer_supporter', sites: ['North'] },
        { key: 'otherPeer', role: 'peer_supporter', sites: ['North'] },
        { key: 'volunteer', role: 'volunteer', sites: ['North'] },
        { key: 'idleVolunteer', role: 'volunteer', sites: ['North'] },
        { key: 'evaluator', role: 'evaluator', sites: ['North'] },
      ],
    });
    users = seeded.users;
    siteIds = seeded.siteIds;
    // Peers and volunteers are allocated cases only with a workforce record and a current DBS check.
    await enrolWorkforce(t.database, seeded.organisation.id, [
      { user: users.peer as SeededUser, role: 'paid_peer' },
      { user: users.otherPeer as SeededUser, role: 'paid_peer' },
      { user: users.volunteer as SeededUser, role: 'new_volunteer' },
      { user: users.idleVolunteer as SeededUser, role: 'new_volunteer' },
    ]);
    for (const [key, user] of Object.entries(users)) cookies[key] = await signIn(t.app, user.email);
  });
  afterAll(() => t?.close());

  describe('referrals', () => {
    it('creates a referral that starts referred, with no data on engagement and no first contact', async () => {
      const created = await newCase('coordinator', {
        personName: 'Synthetic Person',
        needs: ['homelessness', 'substance_use'],
        consent: { scope: 'Share with probation', recordedOn: '2026-02-01' },
      });
      expect(created).toMatchObject({
        status: 'referred',
        engagement: 'no_data',
        firstContactOn: null,
        needs: ['homelessness', 'substance_use'],
        consent: { scope: 'Share with probation', recordedBy: { userId: users.coordinator?.id } },
      });
      expect(created.availableActions).toEqual(['allocate', 'engage', 'decline', 'discharge']);
    });

    it('refuses a second case with the same local case ID at a site, and changes nothing', async () => {
      const first = await newCase();
      const before = await databaseDigest(t.database);
      const again = await call('coordinator', 'POST', '/api/cases', {
        siteId: siteIds.North,
        localCaseId: first.localCaseId,
        referralSource: 'court',
        referredOn: '2026-02-01',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.details[0].field).toBe('localCaseId');
      expect(await databaseDigest(t.database)).toEqual(before);
    });

    it('asks for the other source when the referral source is other', async () => {
      const response = await call('coordinator', 'POST', '/api/cases', {
        siteId: siteIds.North,
        localCaseId: 'N-other',
        referralSource: 'other',
        referredOn: '2026-02-01',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        { field: 'referralSourceOther', message: expect.any(String) },
      ]);
    });

    it('refuses a referral dated in the future', async () => {
      const response = await call('coordinator', 'POST', '/api/cases', {
        siteId: siteIds.North,
        localCaseId: 'N-future',
        referralSource: 'court',
        referredOn: '2026-03-03',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe('referredOn');
    });

    it('makes a peer supporter who takes a referral its lead worker, so they can see it', async () => {
      const created = await newCase('peer');
      expect(created.workers).toEqual([{ userId: users.peer?.id, name: 'Test peer', role: 'lead' }]);
    });
  });

  describe('who sees which case', () => {
    let allocated: CaseDetail;
    let unallocated: CaseDetail;
    beforeAll(async () => {
      allocated = await newCase();
      unallocated = await newCase();
      const response = await call('coordinator', 'POST', `/api/cases/${allocated.id}/allocation`, {
        leadUserId: users.peer?.id,
        coWorkerIds: [users.volunteer?.id],
      });
      expect(response.statusCode, response.body).toBe(200);
    });

    it('shows a peer supporter the case they lead and answers 404 for one they are not on', async () => {
      expect((await call('peer', 'GET', `/api/cases/${allocated.id}`)).statusCode).toBe(200);
      const hidden = await call('peer', 'GET', `/api/cases/${unallocated.id}`);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().error.code).toBe('not_found');
    });

    it('shows a shadowing volunteer the case they co-work, and nothing else in the list', async () => {
      const list = (await call('volunteer', 'GET', '/api/cases?limit=200')).json();
      expect(list.items.map((c: { id: string }) => c.id)).toEqual([allocated.id]);
    });

    it('shows a volunteer with no caseload no cases at all', async () => {
      const list = (await call('idleVolunteer', 'GET', '/api/cases')).json();
      expect(list).toEqual({ items: [], total: 0 });
      expect((await call('idleVolunteer', 'GET', `/api/cases/${allocated.id}`)).statusCode).toBe(404);
    });

    it('hides a site’s cases from a coordinator of another site', async () => {
      expect((await call('coordinatorSouth', 'GET', `/api/cases/${allocated.id}`)).statusCode).toBe(404);
    });

    it('never shows an evaluator a case', async () => {
      expect((await call('evaluator', 'GET', '/api/cases')).statusCode).toBe(403);
      expect((await call('evaluator', 'GET', `/api/cases/${allocated.id}`)).statusCode).toBe(403);
    });

    it('stops showing a peer a case once they are taken off it', async () => {
      await call('coordinator', 'POST', `/api/cases/${allocated.id}/allocation`, {
        leadUserId: users.otherPeer?.id,
        coWorkerIds: [],
      });
      expect((await call('peer', 'GET', `/api/cases/${allocated.id}`)).statusCode).toBe(404);
      expect((await call('otherPeer', 'GET', `/api/cases/${allocated.id}`)).statusCode).toBe(200);
    });

    it('refuses to allocate someone from another site, naming the field', async () => {
      const response = await call('coordinator', 'POST', `/api/cases/${unallocated.id}/allocation`, {
        leadUserId: users.coordinatorSouth?.id,
        coWorkerIds: [],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe('leadUserId');
    });

    it('audits every view and list with the case ids seen', async () => {
      await call('coordinator', 'GET', `/api/cases/${unallocated.id}`);
      const events = await t.db
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.action, 'case.view'),
            eq(auditEvents.actorUserId, users.coordinator?.id as string),
          ),
        );
      expect(events.some((e) => e.entityIds.includes(unallocated.id))).toBe(true);
    });
  });

  describe('searching cases', () => {
    let north: CaseDetail;
    let south: CaseDetail;
    beforeAll(async () => {
      north = await newCase('coordinator', { localCaseId: 'SRCH-N-1', personName: 'Synthetic Findable' });
      const response = await call('coordinatorSouth', 'POST', '/api/cases', {
        siteId: siteIds.South,
        localCaseId: 'SRCH-S-1',
        referralSource: 'police_custody',
        referredOn: '2026-02-01',
        personName: 'Synthetic Findable',
      });
      expect(response.statusCode, response.body).toBe(201);
      south = response.json() as CaseDetail;
    });

    const idsFound = async (who: string, search: string) => {
      const response = await call(who, 'POST', '/api/cases/search', { search, limit: 200 });
      expect(response.statusCode, response.body).toBe(200);
      return (response.json().items as { id: string }[]).map((c) => c.id);
    };

    it('refuses search text in the URL with 400, naming search and the POST to use instead', async () => {
      const response = await call('coordinator', 'GET', '/api/cases?search=Synthetic%20Findable');
      expect(response.statusCode).toBe(400);
      const [detail] = response.json().error.details;
      expect(detail.field).toMatch(/search/);
      expect(detail.message).toContain('POST /api/cases/search');
    });

    it('finds by case ID and by name, only within the caller’s scope, and audits the search', async () => {
      expect(await idsFound('coordinator', 'srch-n')).toEqual([north.id]);
      expect(await idsFound('coordinator', 'Synthetic Findable')).toEqual([north.id]);
      expect(await idsFound('coordinator', 'SRCH-S-1')).toEqual([]);
      expect(await idsFound('coordinatorSouth', 'Findable')).toEqual([south.id]);
      const events = await t.db
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.action, 'case.search'),
            eq(auditEvents.actorUserId, users.coordinator?.id as string),
          ),
        );
      expect(events.some((e) => e.entityIds.includes(north.id))).toBe(true);
    });

    it('takes the list’s filters and paging, refuses unknown fields and other sites’ origins', async () => {
      const paged = await call('coordinator', 'POST', '/api/cases/search', {
        search: 'SRCH',
        siteId: siteIds.North,
        limit: 1,
        offset: 0,
      });
      expect(paged.json()).toMatchObject({ total: 1, items: [{ id: north.id }] });
      const unknown = await call('coordinator', 'POST', '/api/cases/search', { name: 'Synthetic' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.details[0].field).toBe('name');
      const foreign = await t.app.inject({
        method: 'POST',
        url: '/api/cases/search',
        headers: { cookie: cookies.coordinator as string, origin: 'https://elsewhere.example' },
        payload: { search: 'SRCH' },
      });
      expect(foreign.statusCode).toBe(403);
      expect((await call('evaluator', 'POST', '/api/cases/search', { search: 'SRCH' })).statusCode).toBe(403);
    });
  });

  describe('contacts', () => {
    let detail: CaseDetail;
    beforeAll(async () => {
      detail = await newCase();
      await call('coordinator', 'POST', `/api/cases/${detail.id}/allocation`, {
        leadUserId: users.peer?.id,
        coWorkerIds: [users.volunteer?.id],
      });
    });

    it('logs a contact from just its type: now, by the caller, made', async () => {
      const response = await call('volunteer', 'POST', `/api/cases/${detail.id}/contacts`, {
        type: 'telephone',
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({
        contactedAt: clock.now().toISOString(),
        contactedOn: '2026-03-02',
        outcome: 'made',
        madeBy: { userId: users.volunteer?.id, kind: 'volunteer' },
      });
    });

    it('derives the first contact from contacts made, never from attempts', async () => {
      const fresh = await newCase();
      const attempt = await call('coordinator', 'POST', `/api/cases/${fresh.id}/contacts`, {
        type: 'other',
        otherKind: 'letter',
        outcome: 'attempted',
        contactedAt: '2026-02-10T10:00:00Z',
      });
      expect(attempt.statusCode, attempt.body).toBe(201);
      expect((await call('coordinator', 'GET', `/api/cases/${fresh.id}`)).json().firstContactOn).toBeNull();
      await call('coordinator', 'POST', `/api/cases/${fresh.id}/contacts`, {
        type: 'face_to_face',
        contactedAt: '2026-02-12T10:00:00Z',
      });
      const after = (await call('coordinator', 'GET', `/api/cases/${fresh.id}`)).json();
      expect(after).toMatchObject({ firstContactOn: '2026-02-12', lastContactOn: '2026-02-12' });
      expect(after.contactDefaults.type).toBe('face_to_face');
    });

    it('shows a note to those who may read notes and to its author, and not to a volunteer', async () => {
      await call('peer', 'POST', `/api/cases/${detail.id}/contacts`, {
        type: 'face_to_face',
        note: 'synthetic note text',
      });
      const seenBy = async (who: string) =>
        ((await call(who, 'GET', `/api/cases/${detail.id}/contacts`)).json().items as Contact[]).find(
          (c) => c.hasNote,
        );
      expect((await seenBy('peer'))?.note).toBe('synthetic note text');
      expect((await seenBy('coordinator'))?.note).toBe('synthetic note text');
      const volunteerView = await seenBy('volunteer');
      expect(volunteerView?.hasNote).toBe(true);
      expect(volunteerView).not.toHaveProperty('note');
    });

    it('refuses a contact in the future or before the referral, and writes nothing', async () => {
      const before = await databaseDigest(t.database);
      for (const contactedAt of ['2026-03-02T11:00:00Z', '2026-01-31T10:00:00Z']) {
        const response = await call('peer', 'POST', `/api/cases/${detail.id}/contacts`, {
          type: 'telephone',
          contactedAt,
        });
        expect(response.statusCode).toBe(400);
        expect(response.json().error.details[0].field).toBe('contactedAt');
      }
      expect(await databaseDigest(t.database)).toEqual(before);
    });
  });

  describe('case actions', () => {
    it('walks a case through engage, step down, reactivate, discharge and reopen', async () => {
      const c = await newCase();
      const act = (body: object, who = 'coordinator') =>
        call(who, 'POST', `/api/cases/${c.id}/actions`, body);
      expect((await act({ action: 'engage' })).json()).toMatchObject({
        status: 'active',
        engagement: 'engaged',
      });
      expect((await act({ action: 'step_down' })).json().status).toBe('stepped_down');
      expect((await act({ action: 'reactivate' })).json().status).toBe('active');
      const discharged = await act({ action: 'discharge', dischargedOn: '2026-03-01', reason: 'goals_met' });
      expect(discharged.json()).toMatchObject({
        status: 'discharged',
        dischargedOn: '2026-03-01',
        dischargeReason: 'goals_met',
      });
      expect((await act({ action: 'reopen' })).json()).toMatchObject({
        status: 'active',
        dischargedOn: null,
      });
    });

    it('refuses a discharge dated before the referral with the field named, and changes nothing', async () => {
      const c = await newCase();
      const before = await databaseDigest(t.database);
      const response = await call('coordinator', 'POST', `/api/cases/${c.id}/actions`, {
        action: 'discharge',
        dischargedOn: '2026-01-01',
        reason: 'other',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe('dischargedOn');
      expect(await databaseDigest(t.database)).toEqual(before);
    });

    it('answers 409 to an action the case’s state forbids', async () => {
      const c = await newCase();
      const response = await call('coordinator', 'POST', `/api/cases/${c.id}/actions`, {
        action: 'reactivate',
      });
      expect(response.statusCode).toBe(409);
    });

    it('lets a peer supporter discharge their case but only a coordinator reopen it', async () => {
      const c = await newCase('peer');
      const act = (who: string, body: object) => call(who, 'POST', `/api/cases/${c.id}/actions`, body);
      await act('peer', { action: 'engage' });
      expect(
        (await act('peer', { action: 'discharge', dischargedOn: '2026-03-02', reason: 'moved_away' }))
          .statusCode,
      ).toBe(200);
      expect((await act('peer', { action: 'reopen' })).statusCode).toBe(409);
      expect((await act('coordinator', { action: 'reopen' })).statusCode).toBe(200);
    });

    it('refuses a contact dated after the discharge until the case is reopened', async () => {
      const c = await newCase();
      await call('coordinator', 'POST', `/api/cases/${c.id}/actions`, {
        action: 'discharge',
        dischargedOn: '2026-02-20',
        reason: 'other',
      });
      const late = await call('coordinator', 'POST', `/api/cases/${c.id}/contacts`, { type: 'telephone' });
      expect(late.statusCode).toBe(400);
      expect(late.json().error.details[0].message).toContain('reopen');
    });

    it('does not let a volunteer change a case’s state', async () => {
      const c = await newCase();
      const response = await call('volunteer', 'POST', `/api/cases/${c.id}/actions`, { action: 'engage' });
      expect(response.statusCode).toBe(403);
    });
  });

  describe('the Personalisation Fund', () => {
    it('takes an application, a coordinator’s decision and the payment, and totals them by category', async () => {
      const c = await newCase();
      const applied = await call('coordinator', 'POST', `/api/cases/${c.id}/fund-applications`, {
        category: 'deposit',
        amountPence: 25_000,
        reason: 'Deposit for a room',
      });
      expect(applied.statusCode, applied.body).toBe(201);
      const id = applied.json().id;
      const early = await call('coordinator', 'POST', `/api/fund-applications/${id}/payment`, {
        paidOn: '2026-03-02',
      });
      expect(early.statusCode).toBe(409);
      const approved = await call('coordinator', 'POST', `/api/fund-applications/${id}/decision`, {
        decision: 'approved',
      });
      expect(approved.json()).toMatchObject({
        status: 'approved',
        decidedBy: { userId: users.coordinator?.id },
      });
      const again = await call('coordinator', 'POST', `/api/fund-applications/${id}/decision`, {
        decision: 'declined',
      });
      expect(again.statusCode).toBe(409);
      const paid = await call('coordinator', 'POST', `/api/fund-applications/${id}/payment`, {
        paidOn: '2026-03-02',
      });
      expect(paid.json().paidOn).toBe('2026-03-02');
      const totals = (await call('coordinator', 'GET', `/api/fund/totals?siteId=${siteIds.North}`)).json();
      expect(totals.sites[0].categories).toContainEqual({
        category: 'deposit',
        applications: 1,
        approved: 1,
        approvedPence: 25_000,
        paidPence: 25_000,
      });
    });

    it('does not let a peer supporter decide an application', async () => {
      const c = await newCase('peer');
      const applied = await call('peer', 'POST', `/api/cases/${c.id}/fund-applications`, {
        category: 'rent',
        amountPence: 5_000,
        reason: 'Rent in advance',
      });
      expect(applied.statusCode).toBe(201);
      const decided = await call('peer', 'POST', `/api/fund-applications/${applied.json().id}/decision`, {
        decision: 'approved',
      });
      expect(decided.statusCode).toBe(403);
    });
  });

  describe('caseloads', () => {
    it('shows each worker’s caseload, the waiting list with days waiting, and quiet cases', async () => {
      const waiting = await newCase();
      await call('coordinator', 'POST', `/api/cases/${waiting.id}/actions`, { action: 'engage' });
      const board = (await call('coordinator', 'GET', `/api/caseload?siteId=${siteIds.North}`)).json();
      expect(board.site).toMatchObject({
        caseloadTarget: 12,
        caseloadWarning: 8,
        caseloadAlert: 20,
        noContactFlagDays: 14,
      });
      expect(board.waitingList).toContainEqual(
        expect.objectContaining({ caseId: waiting.id, referredOn: '2026-02-01', daysWaiting: 29 }),
      );
      expect(board.noRecentContact.map((c: { caseId: string }) => c.caseId)).toContain(waiting.id);
      expect(board.workers.find((w: { userId: string }) => w.userId === users.peer?.id)).toMatchObject({
        level: 'ok',
      });
    });

    it('moves a leaving worker’s whole caseload to a colleague in one action', async () => {
      const before = (await call('otherPeer', 'GET', '/api/cases?mine=true&limit=200')).json().total;
      const mine = (await call('peer', 'GET', '/api/cases?mine=true&limit=200')).json();
      const open = mine.items.filter(
        (c: { status: string }) => !['discharged', 'declined'].includes(c.status),
      );
      const response = await call('coordinator', 'POST', '/api/caseload/reassign', {
        siteId: siteIds.North,
        fromUserId: users.peer?.id,
        toUserId: users.otherPeer?.id,
      });
      expect(response.json()).toEqual({ moved: open.length });
      expect((await call('otherPeer', 'GET', '/api/cases?mine=true&limit=200')).json().total).toBe(
        before + open.length,
      );
    });

    it('lets a coordinator change the thresholds and refuses a warning above the usual caseload', async () => {
      const bad = await call('coordinator', 'PATCH', `/api/sites/${siteIds.North}/caseload-settings`, {
        caseloadTarget: 6,
        caseloadWarning: 8,
        caseloadAlert: 20,
        stepDownCloseAfterMonths: 4,
        noContactFlagDays: 14,
      });
      expect(bad.statusCode).toBe(400);
      const good = await call('coordinator', 'PATCH', `/api/sites/${siteIds.North}/caseload-settings`, {
        caseloadTarget: 10,
        caseloadWarning: 6,
        caseloadAlert: 15,
        stepDownCloseAfterMonths: 4,
        noContactFlagDays: 21,
      });
      expect(good.json()).toMatchObject({ caseloadTarget: 10, noContactFlagDays: 21 });
      expect(
        (
          await call(
            'coordinatorSouth',
            'PATCH',
            `/api/sites/${siteIds.North}/caseload-settings`,
            good.json(),
          )
        ).statusCode,
      ).toBe(404);
    });
  });

  describe('closing step-down cases automatically', () => {
    it('closes a quiet step-down case after four months, audits it as the system and tells the lead worker', async () => {
      clock.set('2026-03-02T10:00:00Z');
      const c = await newCase();
      await call('coordinator', 'POST', `/api/cases/${c.id}/allocation`, {
        leadUserId: users.otherPeer?.id,
        coWorkerIds: [],
      });
      await call('coordinator', 'POST', `/api/cases/${c.id}/actions`, { action: 'engage' });
      await call('coordinator', 'POST', `/api/cases/${c.id}/contacts`, { type: 'telephone' });
      await call('coordinator', 'POST', `/api/cases/${c.id}/actions`, { action: 'step_down' });

      clock.set('2026-07-02T09:59:00Z');
      expect((await closeStaleStepDowns({ db: t.db, clock })).closed).not.toContain(c.id);
      clock.set('2026-07-02T10:00:00Z');
      expect((await closeStaleStepDowns({ db: t.db, clock })).closed).toContain(c.id);

      const [row] = await t.db.select().from(cases).where(eq(cases.id, c.id));
      expect(row).toMatchObject({
        status: 'discharged',
        dischargedOn: '2026-07-02',
        isClosedAutomatically: true,
      });
      const [audit] = await t.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, 'case.close_after_step_down'));
      expect(audit).toMatchObject({ actorUserId: null, actorRole: 'system', entityIds: [c.id] });
      const told = await t.db.select().from(notifications).where(eq(notifications.caseId, c.id));
      expect(told).toEqual([
        expect.objectContaining({ userId: users.otherPeer?.id, kind: 'case_closed_after_step_down' }),
      ]);
      expect(told[0]?.message).toContain(c.localCaseId);
      const seen = (await call('otherPeer', 'GET', '/api/me/notifications')).json();
      expect(seen.items[0]).toMatchObject({ caseId: c.id, readAt: null });
      expect((await closeStaleStepDowns({ db: t.db, clock })).closed).toEqual([]);
      clock.set('2026-03-02T10:00:00Z');
    });
  });
});
