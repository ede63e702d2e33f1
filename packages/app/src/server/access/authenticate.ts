import { parseCookies } from 'better-auth/cookies';
import { constantTimeEqual, makeSignature } from 'better-auth/crypto';
import { fromNodeHeaders } from 'better-auth/node';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Role, roles } from '../../contract/roles.ts';
import { sessions } from '../auth/auth.table.ts';
import type { Auth } from '../auth/auth.ts';
import { sessionPolicy } from '../auth/auth.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { rowsOf } from '../db/rows.ts';
import { AppError, forbidden, unauthenticated } from '../http/app-error.ts';
import type { Actor } from './actor.ts';
import { can } from './role-permissions.ts';

type Deps = { db: Db; auth: Auth; clock: Clock };

/** Copies the cookies better-auth set (a refreshed idle timer, a cleared session) onto our reply. */
export function forwardCookies(reply: FastifyReply, headers: Headers | null | undefined): void {
  const cookies = headers?.getSetCookie() ?? [];
  if (cookies.length > 0) void reply.header('set-cookie', cookies);
}

export function authHeaders(request: FastifyRequest): Headers {
  const headers = fromNodeHeaders(request.headers);
  headers.set('x-peerpath-client-ip', request.ip);
  return headers;
}

/** One row per live-or-not session: the session's clocks and its user's current standing. */
type SessionState = {
  session_id: string;
  user_id: string;
  created_at: Date | string;
  expires_at: Date | string;
  role: string;
  is_disabled: boolean;
  organisation_id: string;
  two_factor_enabled: boolean;
  two_factor_required_roles: string[];
  site_ids: string[] | null;
};

/** The session, its user, organisation and sites in one query, read afresh on every request. */
async function readSessionState(db: Db, token: string): Promise<SessionState | undefined> {
  const result: unknown = await db.execute(sql`
    select s.id as session_id, s.user_id, s.created_at, s.expires_at,
      u.role, u.is_disabled, u.organisation_id, u.two_factor_enabled, o.two_factor_required_roles,
      case when u.role = 'admin'
        then (select array_agg(si.id::text order by si.name) from sites si where si.organisation_id = u.organisation_id)
        else (select array_agg(us.site_id::text) from user_sites us where us.user_id = u.id)
      end as site_ids
    from sessions s
      join users u on u.id = s.user_id
      join organisations o on o.id = u.organisation_id
    where s.token = ${token}`);
  return rowsOf<SessionState>(result)[0];
}

/**
 * Signed cookie values already checked against each auth instance's secret. Checking a signature is
 * a pure function of (value, secret), and better-auth's helper costs ~0.1 ms of CPU per call
 * (WebCrypto), so each distinct cookie is checked once. Only successes are kept; the map is bounded.
 */
const verifiedCookiesByAuth = new WeakMap<Auth, Map<string, string>>();
const verifiedCookiesLimit = 10_000;

/**
 * The session token from better-auth's signed session cookie, checked as better-auth checks it
 * (`token.signature`, HMAC-SHA-256 of the token with the auth secret), using better-auth's helpers.
 */
async function signedSessionToken(cookieHeader: string, auth: Auth): Promise<string | null> {
  const context = await auth.$context;
  const name = context.authCookies.sessionToken.name;
  // Two cookies of that name are read differently by better-call (first wins); leave them to better-auth.
  if (cookieHeader.indexOf(name) !== cookieHeader.lastIndexOf(name)) return null;
  const value = parseCookies(cookieHeader).get(name);
  if (!value) return null;
  const verifiedCookies = verifiedCookiesByAuth.get(auth) ?? new Map<string, string>();
  verifiedCookiesByAuth.set(auth, verifiedCookies);
  const known = verifiedCookies.get(value);
  if (known) return known;
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  if (!constantTimeEqual(await makeSignature(token, context.secret), value.slice(dot + 1))) return null;
  if (verifiedCookies.size >= verifiedCookiesLimit) verifiedCookies.clear();
  verifiedCookies.set(value, token);
  return token;
}

/**
 * better-auth's own session check, used whenever the fast path cannot answer alone: the idle timer
 * is due to be pushed back (at most once a minute), or the session is unknown, idle-expired or past
 * the 12-hour limit. better-auth then refreshes, or clears the cookies and deletes the expired row.
 */
async function stateViaBetterAuth(
  request: FastifyRequest,
  reply: FastifyReply,
  { db, auth, clock }: Deps,
): Promise<SessionState | undefined> {
  const { headers, response } = await auth.api.getSession({
    headers: authHeaders(request),
    returnHeaders: true,
  });
  forwardCookies(reply, headers);
  if (!response) return undefined;
  const { session } = response;
  if (clock.now().getTime() - new Date(session.createdAt).getTime() > sessionPolicy.absoluteSeconds * 1000) {
    await db.delete(sessions).where(eq(sessions.id, session.id));
    return undefined;
  }
  return readSessionState(db, session.token);
}

/**
 * Who is calling, read afresh on every request: sign-out, an ended session, a disabled account or a
 * changed role take effect on the very next request, and the 30-minute idle and 12-hour absolute
 * limits are enforced here.
 *
 * Fast path (almost every request): check the cookie's signature, then one query for the session
 * and its user. A session that is live, inside the 12-hour limit and not yet due for its once-a-minute
 * idle-timer refresh needs nothing more. Anything else goes through better-auth's getSession, which
 * costs two more queries and its endpoint pipeline, and owns refreshing and clearing sessions.
 */
export async function resolveActor(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: Deps,
): Promise<Actor | null> {
  const cookie = request.headers.cookie;
  if (!cookie) return null;
  const token = await signedSessionToken(cookie, deps.auth);
  let state = token ? await readSessionState(deps.db, token) : undefined;
  if (!state || !isLiveWithoutRefresh(state, deps.clock.now().getTime())) {
    state = await stateViaBetterAuth(request, reply, deps);
  }
  if (!state || state.is_disabled || !roles.includes(state.role as Role)) return null;
  const role = state.role as Role;
  return {
    userId: state.user_id,
    organisationId: state.organisation_id,
    role,
    siteIds: state.site_ids ?? [],
    sessionId: state.session_id,
    isTwoFactorEnabled: state.two_factor_enabled,
    mustEnrolTwoFactor: state.two_factor_required_roles.includes(role) && !state.two_factor_enabled,
  };
}

/** Live, inside the 12-hour limit, and refreshed less than `refreshEverySeconds` ago (better-auth's own rule). */
function isLiveWithoutRefresh(state: SessionState, now: number): boolean {
  const expiresAt = new Date(state.expires_at).getTime();
  const lastRefreshedAt = expiresAt - sessionPolicy.inactivitySeconds * 1000;
  return (
    expiresAt > now &&
    now - new Date(state.created_at).getTime() <= sessionPolicy.absoluteSeconds * 1000 &&
    lastRefreshedAt + sessionPolicy.refreshEverySeconds * 1000 > now
  );
}

/** Default deny: every non-public route needs a session and the route's permission. */
export function registerAuthentication(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    if (config.isPublic || !config.permission) return; // unmatched URLs fall through to 404
    const actor = await resolveActor(request, reply, deps);
    if (!actor) throw unauthenticated();
    if (actor.mustEnrolTwoFactor && !config.isAllowedBeforeEnrolment) {
      throw new AppError(
        'two_factor_enrolment_required',
        403,
        'Your organisation requires two-factor authentication for your role. Set it up to continue.',
      );
    }
    if (!can(actor.role, config.permission)) {
      request.log.info({ userId: actor.userId, permission: config.permission }, 'refused: permission');
      throw forbidden();
    }
    request.actor = actor;
  });
}

/** The actor of an authenticated route (the hook has already refused anyone else). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
