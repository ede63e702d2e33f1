import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sessions } from '../../src/server/auth/auth.table.ts';
import {
  cookieHeader,
  createTestApp,
  type SeededUser,
  seedOrganisation,
  signIn,
  type TestApp,
  testOrigin,
  testPassword,
} from '../support/test-app.ts';

const minutes = (n: number) => n * 60_000;

describe('authentication', () => {
  let t: TestApp;
  let users: Record<string, SeededUser>;
  let organisationId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seedOrganisation(t.database, {
      name: 'Auth Org',
      sites: ['North'],
      twoFactorRequiredRoles: ['coordinator'],
      users: [
        { key: 'admin', role: 'admin', sites: ['North'] },
        { key: 'coordinator', role: 'coordinator', sites: ['North'] },
        { key: 'peer', role: 'peer_supporter', sites: ['North'] },
        { key: 'volunteer', role: 'volunteer', sites: ['North'] },
        { key: 'evaluator', role: 'evaluator', sites: ['North'] },
        { key: 'throttled', role: 'volunteer', sites: ['North'] },
        { key: 'enroller', role: 'peer_supporter', sites: ['North'] },
      ],
    });
    users = seeded.users;
    organisationId = seeded.organisation.id;
  });
  afterAll(() => t.close());
  afterEach(() => vi.useRealTimers());

  const user = (key: string) => users[key] as SeededUser;
  const post = (url: string, payload: object, cookie?: string) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { origin: testOrigin, ...(cookie ? { cookie } : {}) },
      payload,
    });
  const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });

  it('refuses a wrong password, and an unknown e-mail address, with the same answer', async () => {
    const wrong = await post('/api/auth/sign-in', {
      email: user('peer').email,
      password: 'not-the-password',
    });
    const unknown = await post('/api/auth/sign-in', {
      email: 'nobody@peerpath.test',
      password: 'not-the-password',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_credentials');
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('answers 401 at /api/me without a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthenticated');
  });

  it('sets the session cookie HttpOnly, Secure and SameSite', async () => {
    const response = await post('/api/auth/sign-in', {
      email: user('evaluator').email,
      password: testPassword,
    });
    const cookie = ([] as string[])
      .concat(response.headers['set-cookie'] ?? [])
      .find((c) => c.includes('session_token'));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('slows repeated failures for one account, then lets the right password in once the wait is over', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const email = user('throttled').email;
    for (let i = 0; i < 5; i++) {
      expect((await post('/api/auth/sign-in', { email, password: `wrong-${i}` })).statusCode).toBe(401);
    }
    const blocked = await post('/api/auth/sign-in', { email, password: testPassword });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('too_many_requests');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(300); // never a long lock-out
    vi.setSystemTime(Date.now() + retryAfter * 1000 + 1000);
    expect((await post('/api/auth/sign-in', { email, password: testPassword })).statusCode).toBe(200);
  });

  it('enrols in two-factor with a TOTP code, then asks for a code at every sign-in', async () => {
    const cookie = await signIn(t.app, user('enroller').email);
    const enrol = await post('/api/me/two-factor/enrol', { password: testPassword }, cookie);
    expect(enrol.statusCode).toBe(200);
    const { secret, recoveryCodes, totpUri } = enrol.json();
    expect(totpUri).toMatch(/^otpauth:\/\/totp\//);
    expect(recoveryCodes).toHaveLength(10);
    const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });

    expect((await post('/api/me/two-factor/confirm', { code: '000000' }, cookie)).statusCode).toBe(400);
    const confirm = await post('/api/me/two-factor/confirm', { code: totp.generate() }, cookie);
    expect(confirm.statusCode).toBe(200);
    const afterConfirm = cookieHeader(confirm.headers['set-cookie']) || cookie;
    expect((await me(afterConfirm)).json().user.isTwoFactorEnabled).toBe(true);

    const first = await post('/api/auth/sign-in', { email: user('enroller').email, password: testPassword });
    expect(first.json().status).toBe('two_factor_required');
    const pending = cookieHeader(first.headers['set-cookie']);
    expect((await me(pending)).statusCode).toBe(401); // a password alone is not a session

    expect((await post('/api/auth/two-factor/verify', { code: '000000' }, pending)).statusCode).toBe(401);
    const second = await post('/api/auth/two-factor/verify', { code: totp.generate() }, pending);
    expect(second.statusCode).toBe(200);
    expect((await me(cookieHeader(second.headers['set-cookie']))).statusCode).toBe(200);

    // A recovery code works once.
    const recoveryCode = recoveryCodes[0] as string;
    const again = await post('/api/auth/sign-in', { email: user('enroller').email, password: testPassword });
    const viaRecovery = await post(
      '/api/auth/two-factor/verify',
      { code: recoveryCode, method: 'recovery_code' },
      cookieHeader(again.headers['set-cookie']),
    );
    expect(viaRecovery.statusCode).toBe(200);
    const once = await post('/api/auth/sign-in', { email: user('enroller').email, password: testPassword });
    const reused = await post(
      '/api/auth/two-factor/verify',
      { code: recoveryCode, method: 'recovery_code' },
      cookieHeader(once.headers['set-cookie']),
    );
    expect(reused.statusCode).toBe(401);
  });

  it('holds a coordinator whose organisation requires two-factor at enrolment until they enrol', async () => {
    const cookie = await signIn(t.app, user('coordinator').email);
    const profile = await me(cookie);
    expect(profile.statusCode).toBe(200);
    expect(profile.json().mustEnrolTwoFactor).toBe(true);
    const users = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie } });
    expect(users.statusCode).toBe(403);
    expect(users.json().error.code).toBe('two_factor_enrolment_required');

    const enrol = await post('/api/me/two-factor/enrol', { password: testPassword }, cookie);
    const totp = new TOTP({ secret: Secret.fromBase32(enrol.json().secret), digits: 6, period: 30 });
    const confirm = await post('/api/me/two-factor/confirm', { code: totp.generate() }, cookie);
    expect(confirm.statusCode).toBe(200);
    const enrolled = cookieHeader(confirm.headers['set-cookie']) || cookie;
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: enrolled } })).statusCode,
    ).toBe(200);
  });

  it('ends a session after 30 minutes without activity', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const cookie = await signIn(t.app, user('peer').email);
    vi.setSystemTime(Date.now() + minutes(29));
    expect((await me(cookie)).statusCode).toBe(200);
    vi.setSystemTime(Date.now() + minutes(31));
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('ends an active session 12 hours after sign-in', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const cookie = await signIn(t.app, user('volunteer').email);
    for (let elapsed = 0; elapsed < 12 * 60; elapsed += 20) {
      vi.setSystemTime(Date.now() + minutes(20));
      const response = await me(cookie);
      if (elapsed + 20 < 12 * 60) expect(response.statusCode).toBe(200);
    }
    vi.setSystemTime(Date.now() + minutes(5));
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('ends the session on the server at sign-out, so the old cookie no longer works', async () => {
    const cookie = await signIn(t.app, user('evaluator').email);
    const before = await t.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, user('evaluator').id));
    const out = await post('/api/auth/sign-out', {}, cookie);
    expect(out.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
    const after = await t.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, user('evaluator').id));
    expect(after.length).toBe(before.length - 1);
  });

  it('lets a user see their sessions and end another one', async () => {
    const phone = await signIn(t.app, user('peer').email);
    const desktop = await signIn(t.app, user('peer').email);
    const list = await t.app.inject({ method: 'GET', url: '/api/me/sessions', headers: { cookie: desktop } });
    const items = list.json().items as { id: string; isCurrent: boolean }[];
    expect(items.filter((s) => s.isCurrent)).toHaveLength(1);
    const other = items.find((s) => !s.isCurrent);
    expect(other).toBeDefined();
    const phoneMe = await me(phone);
    expect(phoneMe.statusCode).toBe(200);
    // End every session but this one; the phone's cookie stops working.
    for (const s of items.filter((i) => !i.isCurrent)) {
      const ended = await t.app.inject({
        method: 'DELETE',
        url: `/api/me/sessions/${s.id}`,
        headers: { cookie: desktop, origin: testOrigin },
      });
      expect(ended.statusCode).toBe(200);
    }
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(desktop)).statusCode).toBe(200);
  });

  it('refuses a disabled user’s old cookie on the very next request, and applies a role change at once', async () => {
    const admin = await signIn(t.app, user('admin').email);
    const peer = await signIn(t.app, user('peer').email);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: peer } })).statusCode,
    ).toBe(403);

    const promote = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user('peer').id}`,
      headers: { cookie: admin, origin: testOrigin },
      payload: { role: 'evaluator' },
    });
    expect(promote.statusCode).toBe(200);
    expect((await me(peer)).json().user.role).toBe('evaluator');

    const disable = await post(`/api/users/${user('peer').id}/disable`, {}, admin);
    expect(disable.statusCode).toBe(200);
    expect((await me(peer)).statusCode).toBe(401);
    const signInAgain = await post('/api/auth/sign-in', {
      email: user('peer').email,
      password: testPassword,
    });
    expect(signInAgain.statusCode).toBe(401);
    expect(organisationId).toBeTruthy();
  });
});
