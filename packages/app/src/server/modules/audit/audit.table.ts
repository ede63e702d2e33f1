import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only record of every read and write of personal data. The database refuses UPDATE,
 * DELETE and TRUNCATE on this table (see the migration `audit_events_are_append_only`).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id').notNull(),
    siteId: uuid('site_id'),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityIds: text('entity_ids').array().notNull().default([]),
    query: jsonb('query').$type<Record<string, unknown>>(),
    outcome: text('outcome').notNull(),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_events_org_time_idx').on(t.organisationId, t.occurredAt),
    index('audit_events_actor_time_idx').on(t.actorUserId, t.occurredAt),
    index('audit_events_entity_ids_idx').using('gin', t.entityIds),
  ],
);
