import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../../auth/auth.table.ts';
import { workforceMembers } from '../people/people.table.ts';

/** Hours a person logged for one activity on one day; a coordinator approves or returns them. */
export const hoursLogs = pgTable(
  'hours_logs',
  {
    id: uuid('id').primaryKey(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => workforceMembers.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull(),
    siteId: uuid('site_id').notNull(),
    workedOn: date('worked_on', { mode: 'string' }).notNull(),
    /** shadowing | casework | training | supervision | group | admin */
    activity: text('activity').notNull(),
    minutes: integer('minutes').notNull(),
    note: text('note'),
    /** pending | approved | returned */
    status: text('status').notNull().default('pending'),
    returnReason: text('return_reason'),
    loggedBy: uuid('logged_by')
      .notNull()
      .references(() => users.id),
    loggedAt: timestamp('logged_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('hours_logs_member_idx').on(t.memberId, t.workedOn),
    index('hours_logs_site_status_idx').on(t.siteId, t.status, t.workedOn),
  ],
);
