import { Writable } from 'node:stream';
import type { Role } from '../../src/contract/roles.ts';
import { type BuildAppOptions, buildApp } from '../../src/server/app.ts';
import type { Clock } from '../../src/server/clock.ts';
import type { Database } from '../../src/server/db/database.ts';
import { createOrganisation } from '../../src/server/modules/organisations/organisations.service.ts';
import { insertAccount } from '../../src/server/modules/users/insert-account.ts';
import { createTestDatabase } from './test-database.ts';

export const testOrigin = 'http://peerpath.test';
export const testPassword = 'correct-horse-battery-staple';
export const testAuthSecret = 'test-secret-that-is-long-enough-for-better-auth-0123456789';

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** A real app on a real (fresh) database, with captured logs. Only the clock may be swapped. */
export async function createTestApp(
  options: { clock?: Clock; database?: Database } & Partial<BuildAppOptions> = {},
) {
  const database = options.database ?? (await createTestDatabase());
  const logs: string[] = [];
  const logDestination = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const app = await buildApp({
    database,
    authSecret: testAuthSecret,
    publicUrl: testOrigin,
    logLevel: 'info',
    logDestination,
    ...options,
  });
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    logs,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export type SeededUser = { id: string; email: string; role: Role; siteIds: string[] };

/** An organisation with named sites and one user per entry, all with `testPassword`. */
export async function seedOrganisation(
  database: Database,
  spec: {
    name: string;
    sites: string[];
    users: { key: string; role: Role; sites: string[] }[];
    twoFactorRequiredRoles?: Role[];
  },
) {
  return database.db.transaction(async (tx) => {
    const { organisation, sites } = await createOrganisation(tx, {
      name: spec.name,
      siteNames: spec.sites,
      twoFactorRequiredRoles: spec.twoFactorRequiredRoles ?? [],
    });
    const siteIds = Object.fromEntries(sites.map((s) => [s.name, s.id])) as Record<string, string>;
    const users: Record<string, SeededUser> = {};
    for (const u of spec.users) {
      const email = `${u.key}.${spec.name.replace(/\W+/g, '-').toLowerCase()}@peerpath.test`;
      const ids = u.sites.map((name) => siteIds[name] as string);
      const { userId } = await insertAccount(tx, {
        organisationId: organisation.id,
        name: `Test ${u.key}`,
        email,
        role: u.role,
        siteIds: ids,
        password: testPassword,
      });
      users[u.key] = { id: userId, email, role: u.role, siteIds: ids };
    }
    return { organisation, siteIds, users };
  });
}

/** Signs in through the real endpoint and returns the Cookie header to send afterwards. */
export async function signIn(app: TestApp['app'], email: string, password = testPassword): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers: { origin: testOrigin },
    payload: { email, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in failed with ${response.statusCode}: ${response.body}`);
  return cookieHeader(response.headers['set-cookie']);
}

export function cookieHeader(setCookie: string | string[] | undefined): string {
  return ([] as string[])
    .concat(setCookie ?? [])
    .map((c) => c.split(';')[0])
    .filter((c): c is string => !!c && !c.endsWith('='))
    .join('; ');
}

/**
 * A digest of every row of every table (all of them, read from the catalogue, so a new table is never
 * left out), to prove a rejected request changed nothing. One statement, one round trip.
 */
export async function databaseDigest(database: Database): Promise<Record<string, string>> {
  const listed = (await database.db.execute(
    `select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name` as never,
  )) as unknown as { rows: { name: string }[] };
  // A signed-in request may refresh its own session's expiry (at most once a minute, so only on a busy
  // machine mid-test); that is not a change the request made, so sessions are compared by identity.
  const projections: Record<string, string> = { sessions: 'select id, user_id, token from sessions' };
  const parts = listed.rows.map(({ name }) => {
    const rows = projections[name] ?? `select * from "${name}"`;
    return `select '${name}' as name, count(*)::text as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from (${rows}) t`;
  });
  const result = (await database.db.execute(parts.join(' union all ') as never)) as unknown as {
    rows: { name: string; n: string; h: string }[];
  };
  const digest: Record<string, string> = {};
  for (const row of result.rows) digest[row.name] = `${row.n}:${row.h}`;
  return digest;
}
