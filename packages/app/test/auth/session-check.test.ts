import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sessions } from '../../src/server/auth/auth.table.ts';
import {
  createTestApp,
  type SeededUser,
  seedOrganisation,
  signIn,
  type TestApp,
} from '../support/test-app.ts';

// The per-request session check answers most requests with one query and leaves refreshing and
// clearing sessions to better-auth (access/authenticate.ts). These cases pin down where the two meet.
describe('the per-request session check', () => {
  let t: TestApp;
  let users: Record<string, SeededUser>;

  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seedOrganisation(t.database, {
      name: 'Session Check Org',
      sites: ['North'],
      users: [
        { key: 'first', role: 'volunteer', sites: ['North'] },
        { key: 'second', role: 'volunteer', sites: ['North'] },
      ],
    });
    users = seeded.users;
  });
  afterAll(() => t.close());
  afterEach(() => vi.useRealTimers());

  const email = (key: string) => (users[key] as SeededUser).email;
  const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
  const sessionCookie = (cookie: string) => {
    const [name, value] = (cookie.split('; ').find((c) => c.includes('session_token')) ?? '').split('=');
    return { name: name as string, value: decodeURIComponent(value as string) };
  };
  const rowOf = async (cookie: string) => {
    const token = sessionCookie(cookie).value.split('.')[0] as string;
    const [row] = await t.db.select().from(sessions).where(eq(sessions.token, token));
    return row;
  };

  it('refuses a real session token carrying another cookie’s signature', async () => {
    const first = sessionCookie(await signIn(t.app, email('first')));
    const second = sessionCookie(await signIn(t.app, email('second')));
    const [firstToken] = first.value.split('.');
    const secondSignature = second.value.slice(second.value.lastIndexOf('.') + 1);
    const forged = `${first.name}=${encodeURIComponent(`${firstToken}.${secondSignature}`)}`;
    expect((await me(forged)).statusCode).toBe(401);
    expect((await me(`${first.name}=${encodeURIComponent(first.value)}`)).statusCode).toBe(200);
  });

  it('pushes the idle timer back at most once a minute, and sends the refreshed cookie when it does', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const cookie = await signIn(t.app, email('first'));
    const signedIn = await rowOf(cookie);

    vi.setSystemTime(Date.now() + 30_000);
    const early = await me(cookie);
    expect(early.statusCode).toBe(200);
    expect(early.headers['set-cookie']).toBeUndefined();
    expect((await rowOf(cookie))?.expiresAt).toEqual(signedIn?.expiresAt);

    vi.setSystemTime(Date.now() + 31_000);
    const due = await me(cookie);
    expect(due.statusCode).toBe(200);
    expect(String(due.headers['set-cookie'])).toMatch(/session_token=.*Max-Age=1800/);
    const refreshed = await rowOf(cookie);
    expect(refreshed?.expiresAt.getTime()).toBeGreaterThan(signedIn?.expiresAt.getTime() ?? 0);
    expect(refreshed?.expiresAt.getTime()).toBe(Date.now() + 30 * 60_000);
  });

  it('refuses a session deleted a moment ago, and clears its cookie', async () => {
    const cookie = await signIn(t.app, email('second'));
    expect((await me(cookie)).statusCode).toBe(200);
    const row = await rowOf(cookie);
    await t.db.delete(sessions).where(eq(sessions.id, row?.id as string));
    const after = await me(cookie);
    expect(after.statusCode).toBe(401);
    expect(String(after.headers['set-cookie'])).toMatch(/session_token=;.*Max-Age=0/);
  });

  it('refuses a session whose idle limit has passed even if nothing else has touched it', async () => {
    const cookie = await signIn(t.app, email('second'));
    const row = await rowOf(cookie);
    await t.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, row?.id as string));
    expect((await me(cookie)).statusCode).toBe(401);
    expect(await rowOf(cookie)).toBeUndefined(); // better-auth deleted the expired session
  });
});
