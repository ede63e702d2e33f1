import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditEventsResponse, auditQuery } from '../../../contract/audit.ts';
import { errorResponse } from '../../../contract/errors.ts';
import { actorOf } from '../../access/authenticate.ts';
import type { AppDeps } from '../../app-deps.ts';
import { listAuditEvents } from './audit.repository.ts';
import { recordAudit } from './audit.service.ts';

export function registerAuditRoutes(fastify: FastifyInstance, { db, clock }: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/audit/events',
    {
      config: { permission: 'audit:read', personalData: 'read' },
      schema: {
        tags: ['audit'],
        description:
          'Who accessed a record (recordId), or what a user touched between two times (actorUserId, from, to).',
        querystring: auditQuery,
        response: { 200: auditEventsResponse, 400: errorResponse, 401: errorResponse, 403: errorResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const q = request.query;
      return db.transaction(async (tx) => {
        const { items, total } = await listAuditEvents(tx, {
          organisationId: actor.organisationId,
          recordId: q.recordId,
          actorUserId: q.actorUserId,
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
          limit: q.limit,
          offset: q.offset,
        });
        // Reading the audit trail is itself audited.
        await recordAudit(
          tx,
          { actor, requestId: request.id, clock },
          {
            action: 'audit.search',
            entityType: 'audit_event',
            query: { recordId: q.recordId, actorUserId: q.actorUserId, from: q.from, to: q.to },
          },
        );
        return {
          items: items.map((e) => ({
            id: e.id,
            occurredAt: e.occurredAt.toISOString(),
            actorUserId: e.actorUserId,
            actorRole: e.actorRole,
            siteId: e.siteId,
            action: e.action,
            entityType: e.entityType,
            entityIds: e.entityIds,
            query: e.query ?? null,
            outcome: e.outcome as 'success' | 'failure',
            requestId: e.requestId,
          })),
          total,
        };
      });
    },
  );
}
