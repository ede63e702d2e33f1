import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../contract/common.ts';
import { errorResponse } from '../../../contract/errors.ts';
import { createSiteBody, site, sitesResponse, updateSiteBody } from '../../../contract/sites.ts';
import { actorOf } from '../../access/authenticate.ts';
import type { AppDeps } from '../../app-deps.ts';
import { listSitesInScope } from './sites.repository.ts';
import { createSite, renameSite } from './sites.service.ts';

const toSite = (row: { id: string; name: string; createdAt: Date }) => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
});

export function registerSiteRoutes(fastify: FastifyInstance, { db }: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const errors = {
    400: errorResponse,
    401: errorResponse,
    403: errorResponse,
    404: errorResponse,
    409: errorResponse,
  };

  app.get(
    '/api/sites',
    {
      config: { permission: 'sites:read' },
      schema: { tags: ['sites'], response: { 200: sitesResponse, ...errors } },
    },
    async (request) => {
      const { items, total } = await listSitesInScope(db, actorOf(request));
      return { items: items.map(toSite), total };
    },
  );

  app.post(
    '/api/sites',
    {
      config: { permission: 'sites:manage' },
      schema: { tags: ['sites'], body: createSiteBody, response: { 201: site, ...errors } },
    },
    async (request, reply) => {
      const { site: created } = await createSite({ db, actor: actorOf(request), name: request.body.name });
      return reply.status(201).send(toSite(created));
    },
  );

  app.patch(
    '/api/sites/:siteId',
    {
      config: { permission: 'sites:manage' },
      schema: {
        tags: ['sites'],
        params: idParams('siteId'),
        body: updateSiteBody,
        response: { 200: site, ...errors },
      },
    },
    async (request) => {
      const { site: renamed } = await renameSite({
        db,
        actor: actorOf(request),
        siteId: request.params.siteId as string,
        name: request.body.name,
      });
      return toSite(renamed);
    },
  );
}
