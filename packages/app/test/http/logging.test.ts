import { randomBytes } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createTestApp,
  type SeededUser,
  seedOrganisation,
  signIn,
  type TestApp,
  testOrigin,
} from '../support/test-app.ts';

type LogLine = Record<string, unknown> & {
  reqId?: string;
  msg?: string;
  level?: number;
  req?: { route?: string };
};

describe('the logs', () => {
  let t: TestApp;
  let admin: SeededUser;
  let peer: SeededUser;
  let siteId: string;
  let cookie: string;
  let peerCookie: string;
  const marker = `MARKER-${randomBytes(6).toString('hex')}`;
  const lowerMarker = marker.toLowerCase();
  const responses: { label: string; response: LightMyRequestResponse }[] = [];

  const send = async (label: string, options: InjectOptions) => {
    const response = await t.app.inject(options as never);
    responses.push({ label, response });
    return response;
  };
  const write = (
    method: 'POST' | 'PATCH',
    url: string,
    payload: object,
    withCookie = cookie,
  ): InjectOptions =>
    ({
      method,
      url,
      headers: { cookie: withCookie, origin: testOrigin, 'user-agent': `agent ${marker}` },
      payload,
    }) as const;
  const lines = (): LogLine[] =>
    t.logs
      .join('')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as LogLine);

  /** What libraries (better-auth) print to the console while the requests run. */
  const consoleOutput: string[] = [];

  beforeAll(async () => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        consoleOutput.push(
          args.map((a) => (typeof a === 'string' ? a : (JSON.stringify(a) ?? String(a)))).join(' '),
        );
      });
    }
    t = await createTestApp({
      // A route that fails with the request's data in its error message: the log must not repeat it.
      extraRoutes: (app) => {
        app.route({
          method: ['GET', 'POST'],
          url: '/api/test-crash',
          config: { isPublic: true },
          handler: async (request) => {
            throw new Error(`crashed on ${request.url} ${JSON.stringify(request.body ?? null)}`);
          },
        });
      },
    });
    const seeded = await seedOrganisation(t.database, {
      name: 'Logging Org',
      sites: ['North'],
      users: [
        { key: 'admin', role: 'admin', sites: ['North'] },
        { key: 'peer', role: 'peer_supporter', sites: ['North'] },
      ],
    });
    admin = seeded.users.admin as SeededUser;
    peer = seeded.users.peer as SeededUser;
    siteId = seeded.siteIds.North as string;
    cookie = await signIn(t.app, admin.email);
    peerCookie = await signIn(t.app, peer.email);

    // Personal data carrying the marker, through every kind of request.
    const email = `${lowerMarker}@peerpath.test`;
    const password = `${marker}-password`;
    const created = await send(
      'create user',
      write('POST', '/api/users', {
        name: `Person ${marker}`,
        email,
        role: 'volunteer',
        siteIds: [siteId],
        password,
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const userId = created.json().id as string;
    expect(
      (await send('update user', write('PATCH', `/api/users/${userId}`, { name: `Renamed ${marker}` })))
        .statusCode,
    ).toBe(200);
    expect(
      (await send('view user', { method: 'GET', url: `/api/users/${userId}`, headers: { cookie } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await send('search', { method: 'GET', url: `/api/users?search=${marker}`, headers: { cookie } }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await send('audit search', {
          method: 'GET',
          url: `/api/audit/events?recordId=${marker}`,
          headers: { cookie },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await send('sign in', write('POST', '/api/auth/sign-in', { email, password }, ''))).statusCode,
    ).toBe(200);
    expect(
      (
        await send(
          'wrong password',
          write('POST', '/api/auth/sign-in', { email, password: `${marker}-wrong` }, ''),
        )
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await send(
          'unknown e-mail',
          write('POST', '/api/auth/sign-in', { email: `other-${lowerMarker}@peerpath.test`, password }, ''),
        )
      ).statusCode,
    ).toBe(401);

    // Failing requests (4xx) carrying the marker.
    const failures: [string, InjectOptions, number][] = [
      [
        'bad e-mail',
        write('POST', '/api/users', {
          name: marker,
          email: `${marker}-not-an-email`,
          role: 'volunteer',
          siteIds: [siteId],
          password,
        }),
        400,
      ],
      ['unknown field', write('POST', '/api/users', { name: marker, [marker]: marker }), 400],
      [
        'malformed JSON',
        {
          method: 'POST',
          url: '/api/users',
          headers: { cookie, origin: testOrigin, 'content-type': 'application/json' },
          payload: `{"name":"${marker}", "email": `,
        },
        400,
      ],
      ['oversized body', write('POST', '/api/sites', { name: marker, padding: marker.repeat(30_000) }), 413],
      ['bad path parameter', { method: 'GET', url: `/api/users/${marker}`, headers: { cookie } }, 400],
      ['unmatched address', { method: 'GET', url: `/api/${marker}?q=${marker}`, headers: { cookie } }, 404],
      [
        'forbidden',
        { method: 'GET', url: `/api/users?search=${marker}`, headers: { cookie: peerCookie } },
        403,
      ],
      [
        'duplicate e-mail',
        write('POST', '/api/users', { name: marker, email, role: 'volunteer', siteIds: [siteId], password }),
        409,
      ],
      [
        'wrong origin',
        {
          ...write('POST', '/api/sites', { name: marker }),
          headers: { cookie, origin: `https://${lowerMarker}.example` },
        },
        403,
      ],
    ];
    for (const [label, options, status] of failures) {
      const response = await send(label, options);
      expect(response.statusCode, `${label}: ${response.body}`).toBe(status);
    }
    // A 5xx whose error message quotes the request.
    const crash = await send('server error', write('POST', '/api/test-crash', { name: marker }));
    expect(crash.statusCode).toBeGreaterThanOrEqual(500);
    const crashSearch = await send('server error in search', {
      method: 'GET',
      url: `/api/test-crash?search=${marker}`,
      headers: { cookie },
    });
    expect(crashSearch.statusCode).toBeGreaterThanOrEqual(500);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await t?.close();
  });

  it('never contain the personal data sent in bodies, query strings, paths or headers (nor the password)', () => {
    const all = t.logs.join('');
    expect(all.length).toBeGreaterThan(1000);
    expect(all.toLowerCase()).not.toContain(lowerMarker);
    expect(all).not.toContain(marker.slice(7)); // the random part alone, however it was encoded
  });

  it('and nothing printed to the console by libraries contains it either', () => {
    expect(consoleOutput.join('\n').toLowerCase()).not.toContain(lowerMarker);
  });

  it('never contain session cookies or e-mail addresses', () => {
    const all = t.logs.join('');
    const token = cookie.split(';')[0]?.split('=')[1] ?? '';
    expect(token.length).toBeGreaterThan(10);
    expect(all).not.toContain(token.split('.')[0]);
    expect(all).not.toContain(admin.email);
    expect(all).not.toMatch(/@peerpath\.test/);
  });

  it('are one JSON object per line', () => {
    const raw = t.logs
      .join('')
      .split('\n')
      .filter((l) => l.trim() !== '');
    expect(raw.length).toBeGreaterThan(20);
    for (const line of raw) expect(() => JSON.parse(line), line).not.toThrow();
  });

  it('carry the request id of every request, matching its x-request-id header, with its status', () => {
    const byId = new Map<string, LogLine[]>();
    for (const line of lines()) if (line.reqId) byId.set(line.reqId, [...(byId.get(line.reqId) ?? []), line]);
    for (const { label, response } of responses) {
      const id = String(response.headers['x-request-id']);
      const logged = byId.get(id);
      expect(logged, `${label}: no log line for request ${id}`).toBeDefined();
      const completed = logged?.find((l) => l.msg === 'request completed') as
        | { res?: { statusCode?: number } }
        | undefined;
      expect(completed?.res?.statusCode, label).toBe(response.statusCode);
    }
  });

  it('name the route pattern, never the concrete address', () => {
    const routes = new Set(
      lines()
        .map((l) => l.req?.route)
        .filter(Boolean),
    );
    for (const pattern of [
      '/api/users',
      '/api/users/:userId',
      '/api/auth/sign-in',
      '/api/audit/events',
      '/api/sites',
    ]) {
      expect(routes, pattern).toContain(pattern);
    }
    for (const route of routes) expect(route).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(routes).toContain('unmatched');
  });

  it('record a server error at error level with its request id, and the response points to the same id', () => {
    for (const label of ['server error', 'server error in search']) {
      const response = responses.find((r) => r.label === label)?.response;
      const id = String(response?.headers['x-request-id']);
      expect(response?.json().error.requestId).toBe(id);
      const errorLine = lines().find((l) => l.reqId === id && (l.level ?? 0) >= 50);
      expect(errorLine, label).toBeDefined();
    }
  });

  // Regression guard, fixed (was http/error-handler.ts + http/logging.ts): the error handler logs `err: { type, code, stack }`,
  // but the logger's `err` serializer re-maps that plain object to `{ type: obj.name, code: obj.code }`,
  // so every 5xx is logged as `"err":{}` — no type, no code, no stack frames to diagnose it by.
  it('record a server error with the kind of failure (its type), though never its message', () => {
    const response = responses.find((r) => r.label === 'server error')?.response;
    const errorLine = lines().find(
      (l) => l.reqId === response?.headers['x-request-id'] && (l.level ?? 0) >= 50,
    ) as { failure?: { type?: string } } | undefined;
    expect(errorLine?.failure?.type).toBeTruthy();
  });

  // Regression guard, fixed (was access/authenticate.ts, http/logging.ts): ADR 0003 says refusals "appear in the structured log
  // (route, status, user id)", but nothing logs the actor: the refused request's lines hold only its id,
  // method, route and status, so a 403 cannot be traced to the account that tried.
  it('log a refusal with its route, its status and the id of the user refused (ADR 0003)', () => {
    const response = responses.find((r) => r.label === 'forbidden')?.response;
    const logged = lines().filter((l) => l.reqId === response?.headers['x-request-id']);
    expect(logged.some((l) => l.req?.route === '/api/users')).toBe(true);
    expect(JSON.stringify(logged)).toContain(peer.id);
  });
});
