import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../src/contract/cases.ts';
import type { ConcernDetail } from '../../src/contract/safeguarding.ts';
import { auditEvents } from '../../src/server/modules/audit/audit.table.ts';
import { notifications } from '../../src/server/modules/notifications/notifications.table.ts';
import { escalateOverdueConcerns } from '../../src/server/modules/safeguarding/escalate-overdue.job.ts';
import { timeToResolve } from '../../src/server/modules/safeguarding/safeguarding.rules.ts';
import { apiCaller, movableClock } from '../support/api-caller.ts';
import {
  createTestApp,
  databaseDigest,
  type SeededUser,
  seedOrganisation,
  signIn,
  type TestApp,
} from '../support/test-app.ts';

describe('safeguarding concerns', () => {
  let t: TestApp;
  const clock = movableClock('2026-03-02T10:00:00Z');
  let users: Record<string, SeededUser>;
  let siteIds: Record<string, string>;
  const cookies: Record<string, string> = {};
  let theCase: CaseDetail;

  const call = apiCaller(() => t.app, cookies);
  const raise = async (who = 'peer', extra: object = {}) => {
    const response = await call(who, 'POST', '/api/safeguarding/concerns', {
      caseId: theCase.id,
      summary: 'Disclosed a risk at home during the visit.',
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as ConcernDetail;
  };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const seeded = await seedOrganisation(t.database, {
      name: 'Safeguarding',
      sites: ['North', 'South'],
      users: [
        { key: 'coordinator', role: 'coordinator', sites: ['North'] },
        { key: 'coordinatorSouth', role: 'coordinator', sites: ['South'] },
        { key: 'peer', role: 'peer_supporter', sites: ['North'] },
        { key: 'otherPeer', role: 'peer_supporter', sites: ['North'] },
        { key: 'lead', role: 'admin', sites: ['North'] },
        { key: 'evaluator', role: 'evaluator', sites: ['North'] },
      ],
    });
    users = seeded.users;
    siteIds = seeded.siteIds;
    for (const [key, user] of Object.entries(users)) cookies[key] = await signIn(t.app, user.email);
    // A peer who takes a referral leads it, so works on the case.
    const created = await call('peer', 'POST', '/api/cases', {
      siteId: siteIds.North,
      localCaseId: 'SG-1',
      referralSource: 'court',
      referredOn: '2026-02-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    theCase = created.json();
    const chain = await call('lead', 'PUT', '/api/safeguarding/chain', {
      steps: [
        { label: 'Service coordinator', role: 'coordinator', deadlineHours: 4 },
        { label: 'Safeguarding lead', userId: users.lead?.id, deadlineHours: 24 },
      ],
    });
    expect(chain.statusCode, chain.body).toBe(200);
  });
  afterAll(() => t?.close());

  it('starts with the first step of the chain, a deadline, and the raising in its history', async () => {
    const concern = await raise();
    expect(concern).toMatchObject({
      status: 'open',
      step: 0,
      stepLabel: 'Service coordinator',
      stepDeadlineAt: '2026-03-02T14:00:00.000Z',
      raisedBy: { userId: users.peer?.id },
      localCaseId: 'SG-1',
      canAct: false,
    });
    expect(concern.events.map((e) => e.kind)).toEqual(['raised']);
    const told = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, users.coordinator?.id as string));
    expect(told.some((n) => n.message.includes('SG-1') && n.kind === 'safeguarding_concern')).toBe(true);
  });

  it('is seen by the raiser and the chain it has reached, and is not found by anyone else', async () => {
    const concern = await raise();
    for (const who of ['peer', 'coordinator'])
      expect((await call(who, 'GET', `/api/safeguarding/concerns/${concern.id}`)).statusCode).toBe(200);
    // The lead is step 2: not yet reached. The other peer and the other site's coordinator never are.
    for (const who of ['lead', 'otherPeer', 'coordinatorSouth'])
      expect((await call(who, 'GET', `/api/safeguarding/concerns/${concern.id}`)).statusCode).toBe(404);
    expect((await call('evaluator', 'GET', `/api/safeguarding/concerns/${concern.id}`)).statusCode).toBe(403);
    const list = await call('otherPeer', 'GET', '/api/safeguarding/concerns');
    expect(list.json().items.map((c: { id: string }) => c.id)).not.toContain(concern.id);
  });

  it('may not be raised on a case the person does not work on, and then changes nothing', async () => {
    const before = await databaseDigest(t.database);
    const response = await call('otherPeer', 'POST', '/api/safeguarding/concerns', {
      caseId: theCase.id,
      summary: 'Not my case',
    });
    expect(response.statusCode).toBe(404);
    expect(await databaseDigest(t.database)).toEqual(before);
  });

  it('refuses a contact that is not on the case, naming the field', async () => {
    const response = await call('peer', 'POST', '/api/safeguarding/concerns', {
      caseId: theCase.id,
      contactId: '01890000-0000-7000-8000-000000000000',
      summary: 'From a contact',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('contactId');
  });

  it('can be raised from a contact on the case', async () => {
    const contact = await call('peer', 'POST', `/api/cases/${theCase.id}/contacts`, { type: 'telephone' });
    const concern = await raise('peer', { contactId: contact.json().id });
    expect(concern.contactId).toBe(contact.json().id);
  });

  it('escalates itself when the step’s deadline passes, reaching the next step once, and says so in its history', async () => {
    clock.set('2026-03-02T10:00:00Z');
    const concern = await raise();
    clock.set('2026-03-02T13:59:00Z');
    expect((await escalateOverdueConcerns({ db: t.db, clock })).escalated).not.toContain(concern.id);
    clock.set('2026-03-02T14:00:00Z');
    expect((await escalateOverdueConcerns({ db: t.db, clock })).escalated).toContain(concern.id);
    // Idempotent: a second run at the same moment does nothing more.
    expect((await escalateOverdueConcerns({ db: t.db, clock })).escalated).not.toContain(concern.id);
    const seen = await call('lead', 'GET', `/api/safeguarding/concerns/${concern.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      step: 1,
      stepLabel: 'Safeguarding lead',
      stepDeadlineAt: '2026-03-03T14:00:00.000Z',
      canAct: true,
    });
    expect(seen.json().events.map((e: { kind: string }) => e.kind)).toEqual([
      'raised',
      'escalated_automatically',
    ]);
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'safeguarding.escalate_automatically'));
    expect(audit.some((a) => a.entityIds.includes(concern.id) && a.actorRole === 'system')).toBe(true);
    // At the last step, a passed deadline tells the lead it is overdue, once.
    clock.set('2026-03-03T14:00:00Z');
    const last = await escalateOverdueConcerns({ db: t.db, clock });
    expect(last.overdue).toContain(concern.id);
    expect((await escalateOverdueConcerns({ db: t.db, clock })).overdue).not.toContain(concern.id);
    clock.set('2026-03-02T10:00:00Z');
  });

  it('is resolved only by a step it has reached; the raiser may add notes but not resolve', async () => {
    const concern = await raise();
    const byRaiser = await call('peer', 'POST', `/api/safeguarding/concerns/${concern.id}/resolve`, {
      resolution: 'Sorted',
    });
    expect(byRaiser.statusCode).toBe(409);
    const note = await call('peer', 'POST', `/api/safeguarding/concerns/${concern.id}/notes`, {
      note: 'Called back, no answer.',
    });
    expect(note.statusCode).toBe(200);
    clock.set('2026-03-02T12:30:00Z');
    const resolved = await call('coordinator', 'POST', `/api/safeguarding/concerns/${concern.id}/resolve`, {
      resolution: 'Referred to the local authority; plan agreed.',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'resolved', canAct: false, stepDeadlineAt: null });
    expect(resolved.json().events.map((e: { kind: string }) => e.kind)).toEqual([
      'raised',
      'note',
      'resolved',
    ]);
    const again = await call('coordinator', 'POST', `/api/safeguarding/concerns/${concern.id}/notes`, {
      note: 'x',
    });
    expect(again.statusCode).toBe(409);
    clock.set('2026-03-02T10:00:00Z');
  });

  it('is escalated by hand by the current step, with a note', async () => {
    const concern = await raise();
    const response = await call('coordinator', 'POST', `/api/safeguarding/concerns/${concern.id}/escalate`, {
      note: 'Needs the lead today.',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ step: 1, stepLabel: 'Safeguarding lead' });
    const atLast = await call('lead', 'POST', `/api/safeguarding/concerns/${concern.id}/escalate`, {
      note: 'x',
    });
    expect(atLast.statusCode).toBe(409);
  });

  it('keeps its history append-only in the database', async () => {
    await expect(
      t.db.execute(sql`update safeguarding_concern_events set note = 'changed'`),
    ).rejects.toThrow();
    await expect(t.db.execute(sql`delete from safeguarding_concern_events`)).rejects.toThrow();
  });

  it('audits every read and write of a concern', async () => {
    const concern = await raise();
    await call('coordinator', 'GET', `/api/safeguarding/concerns/${concern.id}`);
    const rows = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityType, 'safeguarding_concern'));
    const actions = rows.filter((r) => r.entityIds.includes(concern.id)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['safeguarding.raise', 'safeguarding.view']));
  });

  it('refuses a chain step that names both a role and a person, or a person outside the organisation', async () => {
    const both = await call('lead', 'PUT', '/api/safeguarding/chain', {
      steps: [{ label: 'Both', role: 'coordinator', userId: users.lead?.id, deadlineHours: 4 }],
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.details[0].field).toBe('steps.0.role');
    const stranger = await call('lead', 'PUT', '/api/safeguarding/chain', {
      steps: [{ label: 'Stranger', userId: '01890000-0000-7000-8000-000000000000', deadlineHours: 4 }],
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.details[0].field).toBe('steps.0.userId');
    expect((await call('peer', 'PUT', '/api/safeguarding/chain', { steps: [] })).statusCode).toBe(403);
  });

  it('reports open concerns by step, overdue ones, and the time to resolve, as figures only', async () => {
    clock.set('2026-03-04T10:00:00Z');
    const report = await call('coordinator', 'GET', '/api/safeguarding/report?from=2026-03-01&to=2026-03-31');
    expect(report.statusCode, report.body).toBe(200);
    const body = report.json();
    expect(body.resolved).toBe(1);
    expect(body.medianHoursToResolve).toBe(2.5);
    expect(body.open).toBe(body.openByStep.reduce((s: number, r: { count: number }) => s + r.count, 0));
    expect(body.openOverdue).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toContain('SG-1');
    const backwards = await call(
      'coordinator',
      'GET',
      '/api/safeguarding/report?from=2026-03-31&to=2026-03-01',
    );
    expect(backwards.json().error.details[0].field).toBe('to');
  });
});

describe('time to resolve', () => {
  it('is the median and mean of the hours, to one decimal, and nothing when none is resolved', () => {
    expect(timeToResolve([])).toEqual({ median: null, mean: null });
    expect(timeToResolve([1, 2, 10])).toEqual({ median: 2, mean: 4.3 });
    expect(timeToResolve([1, 2, 3, 10])).toEqual({ median: 2.5, mean: 4 });
  });
});
