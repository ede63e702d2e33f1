import { date, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { workforceMembers } from '../people/people.table.ts';

/**
 * One row per renewal reminder sent: a DBS recheck, a certificate renewal or a role time limit, for
 * one person and one due date. The unique key makes the daily job send each reminder once, across
 * runs, restarts and several processes; a renewal gives a new due date, and so a new reminder.
 */
export const renewalRemindersSent = pgTable(
  'renewal_reminders_sent',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id').notNull(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => workforceMembers.id, { onDelete: 'cascade' }),
    /** dbs_recheck | certificate_renewal | time_limit */
    kind: text('kind').notNull(),
    /** What is due: 'dbs', the course's id, or the time-limit clock (volunteer | paid_peer). */
    item: text('item').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('renewal_reminders_sent_item').on(t.memberId, t.kind, t.item, t.dueOn)],
);
