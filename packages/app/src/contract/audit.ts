import { z } from 'zod';
import { isoDateTime, pageQuery, uuid } from './common.ts';

export const auditOutcomes = ['success', 'failure'] as const;

export const auditEvent = z.object({
  id: uuid,
  occurredAt: isoDateTime,
  actorUserId: uuid.nullable(),
  actorRole: z.string().nullable(),
  siteId: uuid.nullable(),
  action: z.string().describe('e.g. "user.view", "user.update", "audit.search"'),
  entityType: z.string().nullable(),
  entityIds: z.array(z.string()),
  query: z.record(z.string(), z.unknown()).nullable(),
  outcome: z.enum(auditOutcomes),
  requestId: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEvent>;
export const auditEventsResponse = z.object({ items: z.array(auditEvent), total: z.number().int() });

/** "Who accessed this record" (recordId) or "what did this user touch between two times" (actorUserId, from, to). */
export const auditQuery = pageQuery.extend({
  recordId: z.string().trim().min(1).max(100).optional(),
  actorUserId: uuid.optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});
