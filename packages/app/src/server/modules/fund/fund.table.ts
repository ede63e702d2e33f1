import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../auth/auth.table.ts';
import { cases } from '../cases/cases.table.ts';

/** Personalisation Fund: small grants per case (WY-FI), in pence so sums are exact. */
export const fundApplications = pgTable(
  'fund_applications',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id').notNull(),
    siteId: uuid('site_id').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    amountPence: integer('amount_pence').notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('pending'),
    appliedBy: uuid('applied_by').references(() => users.id),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    paidOn: date('paid_on', { mode: 'string' }),
  },
  (t) => [
    index('fund_applications_case_idx').on(t.caseId),
    index('fund_applications_site_idx').on(t.siteId, t.appliedAt),
    check('fund_applications_amount_positive', sql`${t.amountPence} > 0`),
  ],
);
