import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../../auth/auth.table.ts';
import { cases } from '../../cases/cases.table.ts';

/**
 * A named person barred from a named case (their own former file, a relative's), with the risk that
 * justifies it and a date to review it. There is deliberately no way to bar a role or a group
 * (BRIEF §3, "Access"). Enforced inside every case-scoped query (access/scope.ts).
 */
export const accessLimits = pgTable(
  'access_limits',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id').notNull(),
    siteId: uuid('site_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    reviewOn: date('review_on', { mode: 'string' }).notNull(),
    setBy: uuid('set_by')
      .notNull()
      .references(() => users.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull(),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftedBy: uuid('lifted_by').references(() => users.id),
    liftReason: text('lift_reason'),
  },
  (t) => [
    uniqueIndex('access_limits_one_active').on(t.userId, t.caseId).where(sql`lifted_at is null`),
    index('access_limits_case_idx').on(t.caseId),
    index('access_limits_review_idx').on(t.organisationId, t.reviewOn),
  ],
);
