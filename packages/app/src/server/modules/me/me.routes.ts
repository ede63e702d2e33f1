import { and, eq, gt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  recoveryCodesResponse,
  twoFactorConfirmBody,
  twoFactorEnrolBody,
  twoFactorEnrolResponse,
} from '../../../contract/auth.ts';
import { idParams, okResponse } from '../../../contract/common.ts';
import { errorResponse } from '../../../contract/errors.ts';
import { meResponse, ownSessionsResponse } from '../../../contract/me.ts';
import { actorOf, authHeaders, forwardCookies } from '../../access/authenticate.ts';
import { rolePermissions } from '../../access/role-permissions.ts';
import type { AppDeps } from '../../app-deps.ts';
import { sessions, users } from '../../auth/auth.table.ts';
import { sessionPolicy } from '../../auth/auth.ts';
import { refusedAs } from '../../auth/auth-refusal.ts';
import { conflict, notFound, validationFailed } from '../../http/app-error.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { listSitesInScope } from '../sites/sites.repository.ts';

const wrongPassword = () => validationFailed([{ field: 'password', message: 'The password is not right.' }]);
const wrongCode = () =>
  validationFailed([{ field: 'code', message: 'That code is not right. Enter the newest 6-digit code.' }]);

/** The signed-in person's own account: who they are, their sessions and their two-factor set-up. */
export function registerMeRoutes(fastify: FastifyInstance, { auth, db, clock }: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const own = { permission: 'own_account' as const, isAllowedBeforeEnrolment: true };
  const errors = { 400: errorResponse, 401: errorResponse, 404: errorResponse, 409: errorResponse };

  app.get(
    '/api/me',
    { config: own, schema: { tags: ['me'], response: { 200: meResponse, 401: errorResponse } } },
    async (request) => {
      const actor = actorOf(request);
      const [row] = await db
        .select({ name: users.name, email: users.email, organisationName: organisations.name })
        .from(users)
        .innerJoin(organisations, eq(organisations.id, users.organisationId))
        .where(eq(users.id, actor.userId));
      if (!row) throw notFound('user');
      const { items: sites } = await listSitesInScope(db, actor);
      return {
        user: {
          id: actor.userId,
          name: row.name,
          email: row.email,
          role: actor.role,
          isTwoFactorEnabled: actor.isTwoFactorEnabled,
        },
        organisation: { id: actor.organisationId, name: row.organisationName },
        sites: sites.map((s) => ({ id: s.id, name: s.name })),
        permissions: [...rolePermissions[actor.role]],
        mustEnrolTwoFactor: actor.mustEnrolTwoFactor,
      };
    },
  );

  app.get(
    '/api/me/sessions',
    { config: own, schema: { tags: ['me'], response: { 200: ownSessionsResponse, ...errors } } },
    async (request) => {
      const actor = actorOf(request);
      const now = clock.now();
      const oldestAllowed = new Date(now.getTime() - sessionPolicy.absoluteSeconds * 1000);
      const rows = await db
        .select()
        .from(sessions)
        .where(
          and(
            eq(sessions.userId, actor.userId),
            gt(sessions.expiresAt, now),
            gt(sessions.createdAt, oldestAllowed),
          ),
        )
        .orderBy(sessions.createdAt);
      return {
        items: rows.map((s) => ({
          id: s.id,
          createdAt: s.createdAt.toISOString(),
          lastActiveAt: s.updatedAt.toISOString(),
          expiresAt: new Date(
            Math.min(s.expiresAt.getTime(), s.createdAt.getTime() + sessionPolicy.absoluteSeconds * 1000),
          ).toISOString(),
          userAgent: s.userAgent,
          isCurrent: s.id === actor.sessionId,
        })),
      };
    },
  );

  app.delete(
    '/api/me/sessions/:sessionId',
    {
      config: own,
      schema: { tags: ['me'], params: idParams('sessionId'), response: { 200: okResponse, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      const ended = await db
        .delete(sessions)
        .where(and(eq(sessions.id, request.params.sessionId as string), eq(sessions.userId, actor.userId)))
        .returning({ id: sessions.id });
      if (ended.length === 0) throw notFound('session');
      return { ok: true as const };
    },
  );

  app.post(
    '/api/me/two-factor/enrol',
    {
      config: own,
      schema: {
        tags: ['me'],
        body: twoFactorEnrolBody,
        response: { 200: twoFactorEnrolResponse, ...errors },
      },
    },
    async (request, reply) => {
      if (actorOf(request).isTwoFactorEnabled) throw conflict('Two-factor authentication is already set up.');
      const { headers, response } = await refusedAs(
        auth.api.enableTwoFactor({
          body: { password: request.body.password },
          headers: authHeaders(request),
          returnHeaders: true,
        }),
        wrongPassword,
      );
      forwardCookies(reply, headers);
      if (response.method !== 'totp')
        throw new Error('two-factor enrolment did not return an authenticator secret');
      const totpUri = response.totpURI;
      return {
        totpUri,
        secret: new URL(totpUri).searchParams.get('secret') ?? '',
        recoveryCodes: response.backupCodes,
      };
    },
  );

  app.post(
    '/api/me/two-factor/confirm',
    {
      config: own,
      schema: { tags: ['me'], body: twoFactorConfirmBody, response: { 200: okResponse, ...errors } },
    },
    async (request, reply) => {
      if (actorOf(request).isTwoFactorEnabled) throw conflict('Two-factor authentication is already set up.');
      const { headers } = await refusedAs(
        auth.api.verifyTOTP({
          body: { code: request.body.code },
          headers: authHeaders(request),
          returnHeaders: true,
        }),
        wrongCode,
      );
      forwardCookies(reply, headers);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/me/two-factor/recovery-codes',
    {
      config: { permission: 'own_account' },
      schema: { tags: ['me'], body: twoFactorEnrolBody, response: { 200: recoveryCodesResponse, ...errors } },
    },
    async (request) => {
      const response = await refusedAs(
        auth.api.generateBackupCodes({
          body: { password: request.body.password },
          headers: authHeaders(request),
        }),
        wrongPassword,
      );
      return { recoveryCodes: response.backupCodes };
    },
  );
}
