import { integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.table.ts';

export const sites = pgTable(
  'sites',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Caseload per worker: the usual size, a warning from, and an alert at (Leeds: 8–12 healthy, 20 too many). */
    caseloadTarget: integer('caseload_target').notNull().default(12),
    caseloadWarning: integer('caseload_warning').notNull().default(8),
    caseloadAlert: integer('caseload_alert').notNull().default(20),
    /** Step-down cases with no contact for this many months are closed by the scheduled job. */
    stepDownCloseAfterMonths: integer('step_down_close_after_months').notNull().default(4),
    /** A case with no contact for this many days is flagged on the caseload board. */
    noContactFlagDays: integer('no_contact_flag_days').notNull().default(14),
  },
  (t) => [unique('sites_organisation_name_unique').on(t.organisationId, t.name)],
);
