import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../contract/errors.ts';
import { organisationResponse, updateOrganisationBody } from '../../../contract/organisation.ts';
import type { Role } from '../../../contract/roles.ts';
import { actorOf } from '../../access/authenticate.ts';
import type { AppDeps } from '../../app-deps.ts';
import { notFound } from '../../http/app-error.ts';
import { organisations } from './organisations.table.ts';

const toOrganisation = (row: typeof organisations.$inferSelect) => ({
  id: row.id,
  name: row.name,
  twoFactorRequiredRoles: row.twoFactorRequiredRoles as Role[],
});

export function registerOrganisationRoutes(fastify: FastifyInstance, { db }: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

  app.get(
    '/api/organisation',
    {
      config: { permission: 'organisation:read' },
      schema: { tags: ['organisation'], response: { 200: organisationResponse, ...errors } },
    },
    async (request) => {
      const [row] = await db
        .select()
        .from(organisations)
        .where(eq(organisations.id, actorOf(request).organisationId));
      if (!row) throw notFound('organisation');
      return toOrganisation(row);
    },
  );

  app.patch(
    '/api/organisation',
    {
      config: { permission: 'organisation:manage' },
      schema: {
        tags: ['organisation'],
        body: updateOrganisationBody,
        response: { 200: organisationResponse, ...errors },
      },
    },
    async (request) => {
      const { name, twoFactorRequiredRoles } = request.body;
      const [row] = await db
        .update(organisations)
        .set({
          ...(name !== undefined ? { name } : {}),
          ...(twoFactorRequiredRoles !== undefined
            ? { twoFactorRequiredRoles: [...new Set(twoFactorRequiredRoles)] }
            : {}),
        })
        .where(eq(organisations.id, actorOf(request).organisationId))
        .returning();
      if (!row) throw notFound('organisation');
      return toOrganisation(row);
    },
  );
}
