import { fromNodeHeaders } from 'better-auth/node';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Role, roles } from '../../contract/roles.ts';
import { sessions } from '../auth/auth.table.ts';
import type { Auth } from '../auth/auth.ts';
import { sessionPolicy } from '../auth/auth.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
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

type UserState = {
  role: string;
  is_disabled: boolean;
  organisation_id: string;
  two_factor_enabled: boolean;
  two_factor_required_roles: string[];
  site_ids: string[] | null;
};

/**
 * Who is calling, read afresh on every request: a disabled account or a changed role takes effect
 * on the very next request, and the 12-hour absolute limit is enforced here.
 */
export async function resolveActor(
  request: FastifyRequest,
  reply: FastifyReply,
  { db, auth, clock }: Deps,
): Promise<Actor | null> {
  if (!request.headers.cookie) return null;
  const { headers, response } = await auth.api.getSession({
    headers: authHeaders(request),
    returnHeaders: true,
  });
  forwardCookies(reply, headers);
  if (!response) return null;
  const { session, user } = response;
  if (clock.now().getTime() - new Date(session.createdAt).getTime() > sessionPolicy.absoluteSeconds * 1000) {
    await db.delete(sessions).where(eq(sessions.id, session.id));
    return null;
  }
  const result: unknown = await db.execute(sql`
    select u.role, u.is_disabled, u.organisation_id, u.two_factor_enabled, o.two_factor_required_roles,
      case when u.role = 'admin'
        then (select array_agg(s.id::text order by s.name) from sites s where s.organisation_id = u.organisation_id)
        else (select array_agg(us.site_id::text) from user_sites us where us.user_id = u.id)
      end as site_ids
    from users u join organisations o on o.id = u.organisation_id
    where u.id = ${user.id}`);
  // node-postgres answers { rows }, PGlite answers { rows } too; keep both shapes explicit.
  const rows = (result as { rows?: UserState[] }).rows ?? (result as UserState[]);
  const state = rows[0];
  if (!state || state.is_disabled || !roles.includes(state.role as Role)) return null;
  const role = state.role as Role;
  return {
    userId: user.id,
    organisationId: state.organisation_id,
    role,
    siteIds: state.site_ids ?? [],
    sessionId: session.id,
    isTwoFactorEnabled: state.two_factor_enabled,
    mustEnrolTwoFactor: state.two_factor_required_roles.includes(role) && !state.two_factor_enabled,
  };
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
