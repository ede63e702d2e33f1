import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse } from '../../../contract/errors.ts';
import { liveResponse, readyResponse } from '../../../contract/health.ts';
import type { AppDeps } from '../../app-deps.ts';

export function registerHealthRoutes(fastify: FastifyInstance, { database }: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/health/live',
    { config: { isPublic: true }, schema: { tags: ['health'], response: { 200: liveResponse } } },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/health/ready',
    {
      config: { isPublic: true },
      schema: {
        tags: ['health'],
        response: { 200: readyResponse, 503: z.union([readyResponse, errorResponse]) },
      },
    },
    async (_request, reply) => {
      const isUp = await Promise.race([
        database.ping().catch(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_000).unref()),
      ]);
      if (!isUp)
        return reply.status(503).header('retry-after', '5').send({ status: 'unavailable', database: 'down' });
      return { status: 'ok' as const, database: 'up' as const };
    },
  );
}
