import { Readable } from 'node:stream';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { signInBody, twoFactorVerifyBody } from '../../src/contract/auth.ts';
// Daily check-ins (issue 5)
import { inboundSmsBody, linkReplyBody, linkTokenBody } from '../../src/contract/check-ins.ts';
import { uuid } from '../../src/contract/common.ts';
import { errorResponse } from '../../src/contract/errors.ts';
// Outcomes (issue 5)
import { outcomesAnalysisQuery, respondBody, respondSaveBody } from '../../src/contract/outcomes.ts';
import type { Permission } from '../../src/contract/roles.ts';
import { can } from '../../src/server/access/role-permissions.ts';
import { freshSession } from '../support/fresh-session.ts';
import { isWrite, type Method, routesWithInput, routeTable, uniqueSuffix } from '../support/route-matrix.ts';
import {
  createTestApp,
  databaseDigest,
  type SeededUser,
  seedOrganisation,
  signIn,
  type TestApp,
  testOrigin,
  testPassword,
} from '../support/test-app.ts';

/** A route that takes input: its schemas, and how to build a valid request to spoil. */
type InputRoute = {
  key: string;
  method: Method;
  path: string;
  url: (id: string) => string;
  permission?: Permission;
  paramName?: string;
  schemas: { body?: z.ZodType; querystring?: z.ZodType; params?: z.ZodType };
  validBody?: () => Record<string, unknown>;
};

const runs = { numRuns: 20 };
const jsonHeaders = { 'content-type': 'application/json' };

// Each property below runs over every route that takes input (about 200), so each test takes tens of
// seconds on a busy two-core machine; the timeout is a guard against a hang, not a speed check.
describe('bad input, on every route that takes input', { timeout: 240_000 }, () => {
  let t: TestApp;
  let cookie: string;
  let currentCookie: () => Promise<string>;
  // Routes an admin may not call (the exports) are called by a coordinator of the same site.
  let coordinatorCookie: string;
  let currentCoordinatorCookie: () => Promise<string>;
  // Routes only casework roles may call (logging one's own hours) are called by a peer supporter.
  let peerCookie: string;
  let currentPeerCookie: () => Promise<string>;
  let admin: SeededUser;
  let target: SeededUser;
  let siteId: string;
  let otherSessionId: string;
  let inputRoutes: InputRoute[];

  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seedOrganisation(t.database, {
      name: 'Bad Input Org',
      sites: ['North'],
      users: [
        { key: 'admin', role: 'admin', sites: ['North'] },
        { key: 'target', role: 'volunteer', sites: ['North'] },
        { key: 'coordinator', role: 'coordinator', sites: ['North'] },
        { key: 'peer', role: 'peer_supporter', sites: ['North'] },
      ],
    });
    admin = seeded.users.admin as SeededUser;
    target = seeded.users.target as SeededUser;
    siteId = seeded.siteIds.North as string;
    currentCookie = freshSession(t.app, admin.email);
    cookie = await currentCookie();
    currentCoordinatorCookie = freshSession(t.app, (seeded.users.coordinator as SeededUser).email);
    coordinatorCookie = await currentCoordinatorCookie();
    currentPeerCookie = freshSession(t.app, (seeded.users.peer as SeededUser).email);
    peerCookie = await currentPeerCookie();
    const second = await signIn(t.app, admin.email);
    const sessions = await t.app.inject({
      method: 'GET',
      url: '/api/me/sessions',
      headers: { cookie: second },
    });
    otherSessionId = sessions.json().items.find((s: { isCurrent: boolean }) => s.isCurrent).id;

    inputRoutes = [
      ...routesWithInput.map((r) => ({
        key: `${r.method} ${r.path}`,
        method: r.method,
        path: r.path,
        url: r.url,
        permission: r.permission,
        ...(r.path.match(/\{(\w+)\}/)?.[1] ? { paramName: r.path.match(/\{(\w+)\}/)?.[1] } : {}),
        schemas: r.schemas ?? {},
        ...(r.body
          ? {
              validBody: () =>
                r.body?.({ unique: uniqueSuffix, ownSiteId: siteId, ownUserId: target.id }) as Record<
                  string,
                  unknown
                >,
            }
          : {}),
      })),
      // The public routes that take a body (not in the permission matrix, which is about signed-in routes).
      {
        key: 'POST /api/auth/sign-in',
        method: 'POST',
        path: '/api/auth/sign-in',
        url: () => '/api/auth/sign-in',
        schemas: { body: signInBody },
        validBody: () => ({ email: admin.email, password: testPassword }),
      },
      {
        key: 'POST /api/auth/two-factor/verify',
        method: 'POST',
        path: '/api/auth/two-factor/verify',
        url: () => '/api/auth/two-factor/verify',
        schemas: { body: twoFactorVerifyBody },
        validBody: () => ({ code: '123456' }),
      },
      // Daily check-ins (issue 5): the link page's routes (token in the body) and the SMS webhook.
      ...(
        [
          ['/api/check-ins/link', linkTokenBody, () => ({ token: 'A'.repeat(43) })],
          ['/api/check-ins/link/reply', linkReplyBody, () => ({ token: 'A'.repeat(43), answer: 'green' })],
          ['/api/check-ins/link/stop', linkTokenBody, () => ({ token: 'A'.repeat(43) })],
          ['/api/sms/inbound', inboundSmsBody, () => ({ from: '+447700900123', text: '1' })],
        ] as const
      ).map(
        ([path, body, validBody]): InputRoute => ({
          key: `POST ${path}`,
          method: 'POST',
          path,
          url: () => path,
          schemas: { body },
          validBody,
        }),
      ),
      // Outcomes (issue 5): the survey-by-link routes (token in the body) and the analysis, whose
      // required instrument id keeps it out of the route table's query-string rows.
      ...(
        [
          ['POST', '/api/respond/open', respondBody, () => ({ token: 'A'.repeat(43) })],
          ['PUT', '/api/respond/answers', respondSaveBody, () => ({ token: 'A'.repeat(43), answers: {} })],
          ['POST', '/api/respond/submit', respondSaveBody, () => ({ token: 'A'.repeat(43), answers: {} })],
        ] as const
      ).map(([method, path, body, validBody]) => ({
        key: `${method} ${path}`,
        method: method as Method,
        path,
        url: () => path,
        schemas: { body },
        validBody,
      })),
      {
        key: 'GET /api/outcomes/analysis',
        method: 'GET' as Method,
        path: '/api/outcomes/analysis',
        url: () => '/api/outcomes/analysis',
        permission: 'outcomes:read' as Permission,
        schemas: { querystring: outcomesAnalysisQuery },
      },
    ];
  });
  afterAll(() => t?.close());

  /** A valid id for the route's path parameter, so only the part under test is wrong. */
  const validId = (route: InputRoute) =>
    route.paramName === 'siteId' ? siteId : route.paramName === 'sessionId' ? otherSessionId : target.id;

  const send = (
    route: InputRoute,
    options: { url?: string; payload?: string; headers?: Record<string, string> },
  ) =>
    t.app.inject({
      method: route.method as 'POST',
      url: options.url ?? route.url(validId(route)),
      headers: {
        cookie: callerOf(route),
        ...(isWrite(route.method) ? { origin: testOrigin } : {}),
        ...options.headers,
      },
      ...(options.payload !== undefined ? { payload: options.payload } : {}),
    });

  /** The admin where the role may call the route, else a coordinator, else a peer supporter. */
  function callerOf(route: { permission?: Permission | undefined }): string {
    if (!route.permission || can('admin', route.permission)) return cookie;
    return can('coordinator', route.permission) ? coordinatorCookie : peerCookie;
  }

  async function refreshCookies() {
    cookie = await currentCookie();
    coordinatorCookie = await currentCoordinatorCookie();
    peerCookie = await currentPeerCookie();
  }

  /** Every rejection answers 4xx in the one error shape, never 5xx. */
  function expectRejected(response: LightMyRequestResponse, label: string) {
    expect(response.statusCode, `${label} → ${response.statusCode} ${response.body}`).toBeGreaterThanOrEqual(
      400,
    );
    expect(response.statusCode, `${label} → ${response.body}`).toBeLessThan(500);
    const body = response.json();
    expect(Object.keys(body), label).toEqual(['error']);
    expect(errorResponse.safeParse(body).success, `${label}: ${response.body}`).toBe(true);
    return errorResponse.parse(body).error;
  }

  /** Runs a property with the database digest taken once, and checked after every request. */
  async function withUnchangedDatabase(check: (assertUnchanged: () => Promise<void>) => Promise<void>) {
    await refreshCookies(); // young enough that no session refresh lands mid-comparison
    const before = await databaseDigest(t.database);
    await check(async () => expect(await databaseDigest(t.database)).toEqual(before));
  }

  const bodyRoutes = () => inputRoutes.filter((r) => r.schemas.body);
  const queryRoutes = () => inputRoutes.filter((r) => r.schemas.querystring);
  const paramRoutes = () => inputRoutes.filter((r) => r.paramName);

  it('enumerates every operation of the OpenAPI document that takes a body, a query or path parameters', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { in: string }[] }>>;
    };
    const takingInput = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(
          ([, op]) =>
            op.requestBody || (op.parameters ?? []).some((p) => p.in === 'path' || p.in === 'query'),
        )
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(takingInput.length).toBeGreaterThan(5);
    expect(new Set(inputRoutes.map((r) => r.key))).toEqual(new Set(takingInput));
  });

  it('answers malformed JSON with 400 malformed_json and changes nothing', async () => {
    const notJson = fc.oneof(
      fc.string().filter((s) => {
        try {
          JSON.parse(s);
          return false;
        } catch {
          return true;
        }
      }),
      fc.constantFrom(
        '{',
        '{"name":',
        '{"name": "x",}',
        "{'name': 'x'}",
        '[1,2',
        'nul',
        '{"a":1}}',
        '\u0000',
      ),
    );
    for (const route of bodyRoutes()) {
      await withUnchangedDatabase(async (assertUnchanged) => {
        await fc.assert(
          fc.asyncProperty(notJson, async (payload) => {
            const error = expectRejected(
              await send(route, { payload, headers: jsonHeaders }),
              `${route.key} ${JSON.stringify(payload)}`,
            );
            expect(error.code).toBe('malformed_json');
            await assertUnchanged();
          }),
          runs,
        );
      });
    }
  });

  it('answers well-formed JSON of the wrong shape (any value the contract refuses) with 400 and changes nothing', async () => {
    for (const route of bodyRoutes()) {
      const schema = route.schemas.body as z.ZodType;
      const wrong = fc
        .anything()
        .map((value) => JSON.stringify(value) ?? 'null')
        .filter((json) => !schema.safeParse(JSON.parse(json)).success);
      await withUnchangedDatabase(async (assertUnchanged) => {
        await fc.assert(
          fc.asyncProperty(wrong, async (payload) => {
            const error = expectRejected(
              await send(route, { payload, headers: jsonHeaders }),
              `${route.key} ${payload}`,
            );
            expect(error.code === 'validation_failed' || error.code === 'malformed_json', error.code).toBe(
              true,
            );
            await assertUnchanged();
          }),
          runs,
        );
      });
    }
  });

  // Prototype-poisoning keys have their own property above; here the extra field's value is plain JSON.
  const plainJsonValue = fc
    .jsonValue()
    .filter((v) => !/"(__proto__|constructor|prototype)"/.test(JSON.stringify(v)));

  it('refuses an otherwise valid body with one unknown field, and changes nothing', async () => {
    for (const route of bodyRoutes()) {
      const known = new Set(Object.keys(route.validBody?.() ?? {}));
      const extraKey = fc
        .string({ minLength: 1, maxLength: 20 })
        .filter((k) => !known.has(k) && k !== '__proto__' && k !== 'constructor');
      await withUnchangedDatabase(async (assertUnchanged) => {
        await fc.assert(
          fc.asyncProperty(extraKey, plainJsonValue, async (key, value) => {
            const payload = JSON.stringify({ ...route.validBody?.(), [key]: value });
            const error = expectRejected(
              await send(route, { payload, headers: jsonHeaders }),
              `${route.key} +${JSON.stringify(key)}`,
            );
            expect(error.code).toBe('validation_failed');
            expect(error.details?.length).toBeGreaterThan(0); // which field: see the details tests below
            await assertUnchanged();
          }),
          runs,
        );
      });
    }
  });

  it('refuses __proto__ and constructor.prototype payloads, anywhere in the body, without polluting prototypes', async () => {
    const poison = fc.dictionary(
      fc.constantFrom('isAdmin', 'role', 'polluted', 'permissions'),
      fc.jsonValue(),
      { minKeys: 1 },
    );
    const form = fc.constantFrom('__proto__', 'constructor.prototype');
    const where = fc.constantFrom('top', 'nested', 'alone');
    for (const route of bodyRoutes()) {
      await withUnchangedDatabase(async (assertUnchanged) => {
        await fc.assert(
          fc.asyncProperty(poison, form, where, async (evil, how, place) => {
            const evilJson = JSON.stringify(evil);
            const poisoned =
              how === '__proto__' ? `"__proto__":${evilJson}` : `"constructor":{"prototype":${evilJson}}`;
            const valid = JSON.stringify(route.validBody?.() ?? {}).slice(1, -1);
            const payload =
              place === 'alone'
                ? `{${poisoned}}`
                : place === 'top'
                  ? `{${valid}${valid ? ',' : ''}${poisoned}}`
                  : `{${valid}${valid ? ',' : ''}"nested":{${poisoned}}}`;
            const error = expectRejected(
              await send(route, { payload, headers: jsonHeaders }),
              `${route.key} ${payload}`,
            );
            expect(['malformed_json', 'validation_failed']).toContain(error.code);
            expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
            expect(({} as Record<string, unknown>).polluted).toBeUndefined();
            await assertUnchanged();
          }),
          { numRuns: 15 },
        );
      });
    }
  });

  it('answers a body over 256 KiB with 413 body_too_large on every write route, and changes nothing', async () => {
    const writeRoutes = [
      ...inputRoutes.filter((r) => isWrite(r.method)),
      ...routeTable.filter((r) => isWrite(r.method) && !r.schemas),
    ];
    expect(writeRoutes.length).toBeGreaterThan(10);
    await withUnchangedDatabase(async (assertUnchanged) => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...writeRoutes),
          fc.integer({ min: 256 * 1024 + 1, max: 600 * 1024 }),
          async (route, size) => {
            const filler = 'x'.repeat(size);
            const payload = JSON.stringify({ name: filler });
            const caller = callerOf(route);
            const response = await t.app.inject({
              method: route.method as 'POST',
              url: route.url(target.id),
              headers: { cookie: caller, origin: testOrigin, ...jsonHeaders },
              payload,
            });
            expect(response.statusCode, `${route.method} ${route.path}`).toBe(413);
            expect(expectRejected(response, route.path).code).toBe('body_too_large');
            await assertUnchanged();
          },
        ),
        { numRuns: 20 },
      );
    });
  });

  it('answers a streamed body with no content-length that grows past 256 KiB with 413, and changes nothing', async () => {
    await withUnchangedDatabase(async (assertUnchanged) => {
      const chunk = `"${'x'.repeat(64 * 1024)}",`;
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/sites',
        headers: { cookie, origin: testOrigin, ...jsonHeaders },
        payload: Readable.from([
          '{"name":"n","padding":[',
          ...Array.from({ length: 6 }, () => chunk),
          '""]}',
        ]),
      });
      expect(response.statusCode).toBe(413);
      expect(expectRejected(response, 'streamed').code).toBe('body_too_large');
      await assertUnchanged();
    });
  });

  it('answers a path parameter that is not a uuid with a 4xx (400 validation_failed) and changes nothing', async () => {
    const notUuid = fc
      .string({ minLength: 1, maxLength: 60 })
      .filter((s) => !uuid.safeParse(s).success && s !== '.' && s !== '..');
    for (const route of paramRoutes()) {
      await withUnchangedDatabase(async (assertUnchanged) => {
        await fc.assert(
          fc.asyncProperty(notUuid, async (raw) => {
            const payload = route.validBody ? JSON.stringify(route.validBody()) : undefined;
            const response = await send(route, {
              url: route.url(encodeURIComponent(raw)),
              ...(payload ? { payload, headers: jsonHeaders } : {}),
            });
            const error = expectRejected(response, `${route.key} ${JSON.stringify(raw)}`);
            if (response.statusCode === 400) {
              expect(error.code).toBe('validation_failed');
              expect(error.details?.length).toBeGreaterThan(0);
            } else {
              expect(error.code).toBe('not_found');
            }
            await assertUnchanged();
          }),
          runs,
        );
      });
    }
  });

  it('answers random query strings with 400 exactly when the contract refuses them, never 5xx', async () => {
    const pair = (keys: string[]) =>
      fc.tuple(
        fc.oneof(fc.constantFrom(...keys), fc.string({ minLength: 1, maxLength: 12 })),
        fc.oneof(fc.string({ maxLength: 30 }), fc.integer().map(String)),
      );
    for (const route of queryRoutes()) {
      const schema = route.schemas.querystring as z.ZodType;
      const keys = [
        'limit',
        'offset',
        'search',
        'role',
        'siteId',
        'recordId',
        'actorUserId',
        'from',
        'to',
        '__proto__',
        'constructor',
      ];
      let rejected = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(pair(keys), { minLength: 1, maxLength: 4 }), async (pairs) => {
          const query = new URLSearchParams(pairs).toString();
          const parsed: Record<string, string | string[]> = Object.create(null); // as Fastify's parser: __proto__ is a key
          const search = new URLSearchParams(query);
          for (const key of new Set(search.keys())) {
            const all = search.getAll(key);
            parsed[key] = all.length === 1 ? (all[0] as string) : all;
          }
          const accepted = schema.safeParse(parsed).success;
          await refreshCookies();
          const before = accepted ? undefined : await databaseDigest(t.database);
          const response = await send(route, { url: `${route.url('')}?${query}` });
          if (accepted) {
            expect(response.statusCode, `${route.key}?${query} → ${response.body}`).toBe(200);
          } else {
            rejected++;
            const error = expectRejected(response, `${route.key}?${query}`);
            expect(response.statusCode).toBe(400);
            expect(error.code).toBe('validation_failed');
            expect(await databaseDigest(t.database)).toEqual(before);
          }
        }),
        { numRuns: 40 },
      );
      expect(rejected, route.key).toBeGreaterThan(10);
    }
  });

  type DetailCase = {
    route: string;
    payload?: (valid: Record<string, unknown>) => object;
    url?: string;
    field: string;
  };
  const detailCases: [string, DetailCase][] = [
    [
      'an invalid e-mail',
      { route: 'POST /api/users', payload: (v) => ({ ...v, email: 'not-an-email' }), field: 'email' },
    ],
    [
      'an unknown isAdmin field',
      { route: 'POST /api/users', payload: (v) => ({ ...v, isAdmin: true }), field: 'isAdmin' },
    ],
    [
      'a site id that is not a uuid',
      { route: 'POST /api/users', payload: (v) => ({ ...v, siteIds: ['north'] }), field: 'siteIds.0' },
    ],
    [
      'a short password',
      { route: 'POST /api/users', payload: (v) => ({ ...v, password: 'short' }), field: 'password' },
    ],
    [
      'a missing name',
      { route: 'POST /api/users', payload: (v) => ({ ...v, name: undefined }), field: 'name' },
    ],
    [
      'a role that does not exist',
      { route: 'POST /api/users', payload: (v) => ({ ...v, role: 'superuser' }), field: 'role' },
    ],
    [
      'an empty site name',
      { route: 'PATCH /api/sites/{siteId}', payload: () => ({ name: '   ' }), field: 'name' },
    ],
    ['a limit of 0', { route: 'GET /api/users', url: '/api/users?limit=0', field: 'querystring.limit' }],
    [
      'an unknown query parameter',
      { route: 'GET /api/users', url: '/api/users?isAdmin=true', field: 'querystring.isAdmin' },
    ],
    [
      'a user id that is not a uuid',
      { route: 'PATCH /api/users/{userId}', url: '/api/users/12345', field: 'params.userId' },
    ],
  ];

  async function detailsFor(c: DetailCase, label: string) {
    const route = inputRoutes.find((r) => r.key === c.route) as InputRoute;
    const payload =
      c.payload?.(route.validBody?.() ?? {}) ?? (c.url && route.validBody ? route.validBody() : undefined);
    const response = await send(route, {
      ...(c.url ? { url: c.url } : {}),
      ...(payload ? { payload: JSON.stringify(payload), headers: jsonHeaders } : {}),
    });
    const error = expectRejected(response, label);
    expect(response.statusCode, label).toBe(400);
    expect(error.code, label).toBe('validation_failed');
    return error.details?.map((d) => d.field) ?? [];
  }

  it.each(detailCases)('answers %s with 400 validation_failed and changes nothing', async (label, c) => {
    await withUnchangedDatabase(async (assertUnchanged) => {
      expect((await detailsFor(c, label)).length).toBeGreaterThan(0);
      await assertUnchanged();
    });
  });

  // Regression guard, fixed (was http/error-handler.ts, toAppError): it reads the Zod issue from `issue.params.issue`, but
  // fastify-type-provider-zod puts the issue's own fields in `issue.params` (minus path, code and
  // message) and the path in `issue.instancePath` ("/email"), the code in `issue.keyword`. So every
  // detail's field is "(root)" (or "params" / "querystring"), and unknown fields are never named.
  it.each(detailCases)('names the field in details for %s', async (label, c) => {
    expect(await detailsFor(c, label)).toContain(c.field);
  });

  it('answers a body sent as something other than JSON with 415', async () => {
    const users = inputRoutes.find((r) => r.key === 'POST /api/users') as InputRoute;
    for (const contentType of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await send(users, {
        payload: 'name=x&email=y',
        headers: { 'content-type': contentType },
      });
      expect(response.statusCode, contentType).toBe(415);
      expect(expectRejected(response, contentType).code).toBe('unsupported_media_type');
    }
  });

  // Regression guard, fixed (was contract strings; surfaces as a 500 from the database): PostgreSQL text cannot hold U+0000,
  // and no contract schema refuses it, so a NUL in any string field or query reaches the database and
  // the request fails with 500 internal_error instead of 400 validation_failed naming the field.
  it('refuses a NUL character in a string field with 400 naming the field, not a 500', async () => {
    const sites = inputRoutes.find((r) => r.key === 'POST /api/sites') as InputRoute;
    const response = await send(sites, {
      payload: JSON.stringify({ name: 'North\u0000' }),
      headers: jsonHeaders,
    });
    const error = expectRejected(response, 'NUL in a site name');
    expect(error.details?.map((d) => d.field)).toContain('name');
  });

  it('refuses a NUL character in a search with 400, not a 500', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/users?search=a%00b',
      headers: { cookie },
    });
    expectRejected(response, 'NUL in a search');
  });

  // Defence in depth the origin check's comment relies on ("bodies must be JSON, which a plain HTML
  // form cannot send"): Fastify's built-in text/plain parser is still registered, and an HTML form can
  // post text/plain, so a route without a body schema accepts a form post. (The origin check and
  // SameSite cookies still stop a cross-site one.) Suggested fix: app.removeContentTypeParser('text/plain').
  it('refuses a text/plain body (which an HTML form can send) with 415, even on a route that takes no body', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/users/${target.id}/enable`,
      headers: { cookie, origin: testOrigin, 'content-type': 'text/plain' },
      payload: 'anything',
    });
    expect(response.statusCode).toBe(415);
  });
});
