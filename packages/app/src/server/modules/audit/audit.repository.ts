import { and, arrayContains, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { auditEvents } from './audit.table.ts';

export type AuditFilter = {
  organisationId: string;
  recordId?: string | undefined;
  actorUserId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  offset: number;
};

export async function listAuditEvents(db: Db, filter: AuditFilter) {
  const conditions: SQL[] = [eq(auditEvents.organisationId, filter.organisationId)];
  if (filter.recordId) conditions.push(arrayContains(auditEvents.entityIds, [filter.recordId]));
  if (filter.actorUserId) conditions.push(eq(auditEvents.actorUserId, filter.actorUserId));
  if (filter.from) conditions.push(gte(auditEvents.occurredAt, filter.from));
  if (filter.to) conditions.push(lte(auditEvents.occurredAt, filter.to));
  const where = and(...conditions);
  const [items, totals] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ total: count() }).from(auditEvents).where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}
