import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponse } from '../../src/contract/errors.ts';
import { openDatabase } from '../../src/server/db/database.ts';
import {
  createTestApp,
  seedOrganisation,
  signIn,
  type TestApp,
  testOrigin,
  testPassword,
} from '../support/test-app.ts';

const secret = `SECRET-${Math.random().toString(36).slice(2)}`;
/** A genuine, correctly signed session cookie from a working server, replayed at the one whose database is down. */
let signedCookie = '';

describe('a busy server', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp({
      maxInFlight: 1,
      extraRoutes: (app) => {
        app.get('/slow', { config: { isPublic: true } }, async () => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          return { ok: true };
        });
        app.get('/api/boom', { config: { isPublic: true } }, async () => {
          throw new Error(`driver said: duplicate key (email)=(${secret}@example.org)`);
        });
      },
    });
    const { users } = await seedOrganisation(t.database, {
      name: 'Limits Org',
      sites: ['North'],
      users: [{ key: 'admin', role: 'admin', sites: ['North'] }],
    });
    cookie = await signIn(t.app, users.admin?.email ?? '');
    signedCookie = cookie;
  });
  afterAll(() => t?.close());

  it('sheds a request beyond its in-flight limit with 503, retry-after and service_unavailable, and serves the other', async () => {
    const responses = await Promise.all([
      t.app.inject({ method: 'GET', url: '/slow' }),
      t.app.inject({ method: 'GET', url: '/slow' }),
    ]);
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 503]);
    const shed = responses.find((r) => r.statusCode === 503);
    expect(shed?.headers['retry-after']).toMatch(/^\d+$/);
    expect(errorResponse.parse(shed?.json()).error.code).toBe('service_unavailable');
    expect(responses.find((r) => r.statusCode === 200)?.json()).toEqual({ ok: true });
  });

  /** Runs `during` while a slow request holds the only in-flight slot, and waits for the slow request whatever happens. */
  async function whileBusy(during: () => Promise<void>) {
    const slow = t.app.inject({ method: 'GET', url: '/slow' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    try {
      await during();
    } finally {
      expect((await slow).statusCode).toBe(200);
    }
  }

  it('never sheds /health/live, even while the limit is taken', async () => {
    await whileBusy(async () => {
      const [live, other] = await Promise.all([
        t.app.inject({ method: 'GET', url: '/health/live' }),
        t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } }),
      ]);
      expect(live.statusCode).toBe(200);
      expect(live.json()).toEqual({ status: 'ok' });
      expect(other.statusCode).toBe(503); // proves the slot really was taken
    });
  });

  // Regression guard, fixed (was http/load-shedding.ts): the exemption compares `request.url === '/health/live'`, and
  // request.url includes the query string; the router also ignores a trailing slash. So a probe of
  // `/health/live?probe=1` or `/health/live/` reaches the liveness route yet is shed with 503 when busy.
  // Suggested fix: test `request.routeOptions.url === '/health/live'` instead.
  it('never sheds /health/live however it is spelled (trailing slash, query string)', async () => {
    await whileBusy(async () => {
      for (const url of ['/health/live/', '/health/live?probe=kubelet']) {
        const response = await t.app.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBe(200);
      }
    });
  });

  it('ignores a request id sent by the client and makes its own', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'client-chosen-id' },
    });
    expect(response.headers['x-request-id']).not.toBe('client-chosen-id');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  // Regression guard, fixed (was health.routes.ts): /health/ready declares `503: readyResponse`, so the load-shedding 503
  // (an error-shaped body) fails response serialisation and the client gets Fastify's own 500
  // `FST_ERR_RESPONSE_SERIALIZATION` body instead of 503 + retry-after in the one error shape.
  it('sheds /health/ready with 503 in the one error shape (a busy server is not ready)', async () => {
    await whileBusy(async () => {
      const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.headers['retry-after']).toMatch(/^\d+$/);
      expect(errorResponse.safeParse(ready.json()).success || ready.json().status === 'unavailable').toBe(
        true,
      );
    });
  });

  it('frees its capacity once a request finishes, errors included', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/boom' })).statusCode).toBe(500);
    expect((await t.app.inject({ method: 'GET', url: '/api/nowhere' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/slow' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
  });

  it('answers a 500 with only a code, a message and the request id, never the cause', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/boom' });
    expect(response.statusCode).toBe(500);
    const body = response.json();
    expect(Object.keys(body)).toEqual(['error']);
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'requestId']);
    expect(body.error.code).toBe('internal_error');
    expect(body.error.requestId).toBe(response.headers['x-request-id']);
    expect(response.body).not.toContain(secret);
    expect(response.body).not.toMatch(/duplicate|driver|stack|at .*\.ts/i);
    expect(t.logs.join('')).not.toContain(secret);
  });

  it('refuses a state-changing request from another origin with 403 origin_not_allowed, before signing anyone in', async () => {
    const sessionsBefore = await t.app.inject({
      method: 'GET',
      url: '/api/me/sessions',
      headers: { cookie },
    });
    for (const headers of [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers,
        payload: { email: 'admin.limits-org@peerpath.test', password: testPassword },
      });
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(errorResponse.parse(response.json()).error.code).toBe('origin_not_allowed');
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    const sessionsAfter = await t.app.inject({ method: 'GET', url: '/api/me/sessions', headers: { cookie } });
    expect(sessionsAfter.json().items).toHaveLength(sessionsBefore.json().items.length);
  });

  it('refuses a cross-origin write by a signed-in user, with their cookie', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/sites',
      headers: { cookie, origin: 'https://evil.example' },
      payload: { name: 'Evil site' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('origin_not_allowed');
  });

  it('accepts a write from its own origin, or a same-origin fetch without an Origin header', async () => {
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/sites',
      headers: { cookie, origin: testOrigin },
      payload: { name: 'Own site' },
    });
    expect(own.statusCode).toBe(201);
    const sameOrigin = await t.app.inject({
      method: 'POST',
      url: '/api/sites',
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
      payload: { name: 'Same-origin site' },
    });
    expect(sameOrigin.statusCode).toBe(201);
  });

  it('gives every response its own x-request-id, errors and unknown addresses included', async () => {
    const responses = [
      await t.app.inject({ method: 'GET', url: '/health/live' }),
      await t.app.inject({ method: 'GET', url: '/api/me' }),
      await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } }),
      await t.app.inject({ method: 'GET', url: '/api/no-such-thing' }),
      await t.app.inject({
        method: 'POST',
        url: '/api/sites',
        headers: { origin: 'https://evil.example' },
        payload: {},
      }),
    ];
    const ids = responses.map((r) => r.headers['x-request-id']);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('marks every /api/ response cache-control: no-store, successes and errors alike', async () => {
    const responses = [
      await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } }),
      await t.app.inject({ method: 'GET', url: '/api/users?limit=1', headers: { cookie } }),
      await t.app.inject({ method: 'GET', url: '/api/me' }),
      await t.app.inject({ method: 'GET', url: '/api/no-such-thing' }),
      await t.app.inject({ method: 'GET', url: '/api/openapi.json' }),
    ];
    for (const response of responses)
      expect(response.headers['cache-control'], String(response.statusCode)).toBe('no-store');
  });
});

describe('a server whose database is down', () => {
  let t: TestApp;
  beforeAll(async () => {
    const database = await openDatabase({
      databaseUrl: 'postgres://postgres@127.0.0.1:1/nowhere',
      poolSize: 2,
    });
    t = await createTestApp({ database });
  });
  afterAll(() => t?.close());

  it('says it is not ready: 503 with database down', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'unavailable', database: 'down' });
  });

  it('still says it is alive', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health/live' });
    expect(response.statusCode).toBe(200);
  });

  it('answers a cookie that is not even signed with 401, without asking the database', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: '__Secure-peerpath.session_token=forged.value' },
    });
    expect(response.statusCode).toBe(401);
  });

  it('answers an API request carrying a cookie with 503 database_unavailable and retry-after, not 500', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: signedCookie },
    });
    expect(response.statusCode).toBe(503);
    const body = errorResponse.parse(response.json());
    expect(body.error.code).toBe('database_unavailable');
    expect(response.headers['retry-after']).toMatch(/^\d+$/);
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'requestId']);
    expect(response.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|nowhere/);
  });

  it('answers a sign-in with 503 database_unavailable, not 500', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { origin: testOrigin },
      payload: { email: 'someone@peerpath.test', password: testPassword },
    });
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe('database_unavailable');
  });

  it('keeps serving after those failures (the process did not crash)', async () => {
    const again = await t.app.inject({ method: 'GET', url: '/health/live' });
    expect(again.statusCode).toBe(200);
    expect(t.logs.join('')).toMatch(/database_unavailable/);
  });
});
