import type { Role } from '../../../contract/roles.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { auditEvents } from './audit.table.ts';

export type AuditEntry = {
  action: string;
  entityType?: string;
  entityIds?: string[];
  /** For searches and lists: the filters used, search text included, so an audit can show what was looked for. */
  query?: Record<string, unknown>;
  siteId?: string | null;
  outcome?: 'success' | 'failure';
};

/** Who acted: a signed-in person, or the system itself (a scheduled job, the command line). */
export type AuditActor = { organisationId: string; userId: string | null; role: Role | 'system' };

export type AuditContext = { actor: AuditActor; requestId: string | null; clock: Clock };

/**
 * Writes one audit event. Call it with the same transaction as the read or write it records,
 * so the record and its audit stand or fall together.
 */
export async function recordAudit(
  db: Db,
  { actor, requestId, clock }: AuditContext,
  entry: AuditEntry,
): Promise<void> {
  await db.insert(auditEvents).values({
    id: newId(),
    organisationId: actor.organisationId,
    siteId: entry.siteId ?? null,
    actorUserId: actor.userId,
    actorRole: actor.role,
    occurredAt: clock.now(),
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityIds: entry.entityIds ?? [],
    query: entry.query ?? null,
    outcome: entry.outcome ?? 'success',
    requestId,
  });
}
