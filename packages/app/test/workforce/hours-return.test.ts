import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/server/clock.ts';
import { apiCaller } from '../support/api-caller.ts';
import {
  createTestApp,
  databaseDigest,
  type SeededUser,
  seedOrganisation,
  signIn,
  type TestApp,
} from '../support/test-app.ts';
import { enrolWorkforce } from '../support/workforce.ts';

const clock: Clock = { now: () => new Date('2026-03-02T10:00:00Z') };

describe('a coordinator returns logged hours with a reason of their own', () => {
  let t: TestApp;
  let users: Record<string, SeededUser>;
  const cookies: Record<string, string> = {};
  const call = apiCaller(() => t.app, cookies);
  const logHours = async () => {
    const response = await call('volunteer', 'POST', '/api/me/hours', {
      workedOn: '2026-03-01',
      activity: 'shadowing',
      minutes: 60,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const seeded = await seedOrganisation(t.database, {
      name: 'Hours',
      sites: ['North'],
      users: [
        { key: 'coordinator', role: 'coordinator', sites: ['North'] },
        { key: 'volunteer', role: 'volunteer', sites: ['North'] },
      ],
    });
    users = seeded.users;
    await enrolWorkforce(t.database, seeded.organisation.id, [
      { user: users.volunteer as SeededUser, role: 'new_volunteer', status: 'active' },
    ]);
    for (const [key, user] of Object.entries(users)) cookies[key] = await signIn(t.app, user.email);
  });
  afterAll(() => t?.close());

  it('shows the volunteer the reason the coordinator typed', async () => {
    const id = await logHours();
    const reason = 'This was a training day, not shadowing: please log it as training.';
    const returned = await call('coordinator', 'POST', `/api/hours/${id}/decision`, {
      decision: 'return',
      reason: `  ${reason} `,
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: reason });
    const mine = (await call('volunteer', 'GET', '/api/me/hours')).json();
    expect(mine.items.find((h: { id: string }) => h.id === id)).toMatchObject({
      status: 'returned',
      returnReason: reason,
    });
  });

  it.each([
    ['missing', {}],
    ['blank', { reason: '   ' }],
    ['too long', { reason: 'x'.repeat(501) }],
  ])('refuses a %s reason, naming the reason field, and changes nothing', async (_, extra) => {
    const id = await logHours();
    const before = await databaseDigest(t.database);
    const response = await call('coordinator', 'POST', `/api/hours/${id}/decision`, {
      decision: 'return',
      ...extra,
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual([
      expect.objectContaining({ field: 'reason', message: expect.stringMatching(/reason|characters/i) }),
    ]);
    expect(await databaseDigest(t.database)).toEqual(before);
    const still = (await call('volunteer', 'GET', '/api/me/hours')).json();
    expect(still.items.find((h: { id: string }) => h.id === id)).toMatchObject({
      status: 'pending',
      returnReason: null,
    });
  });
});
