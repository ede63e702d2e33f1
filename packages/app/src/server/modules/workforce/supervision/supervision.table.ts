import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../../auth/auth.table.ts';
import { workforceMembers } from '../people/people.table.ts';

/**
 * A formal supervision session. Its notes are read only by the supervisee and the supervisor who
 * held it — not other coordinators (the row-level rule is in supervision.repository.ts).
 */
export const supervisionSessions = pgTable(
  'supervision_sessions',
  {
    id: uuid('id').primaryKey(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => workforceMembers.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull(),
    siteId: uuid('site_id').notNull(),
    supervisorUserId: uuid('supervisor_user_id')
      .notNull()
      .references(() => users.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    notes: text('notes').notNull(),
    agreedActions: text('agreed_actions'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('supervision_sessions_member_idx').on(t.memberId, t.heldOn)],
);

/** An optional wellbeing and relapse-prevention plan, private like supervision notes. */
export const wellbeingPlans = pgTable('wellbeing_plans', {
  memberId: uuid('member_id')
    .primaryKey()
    .references(() => workforceMembers.id, { onDelete: 'cascade' }),
  organisationId: uuid('organisation_id').notNull(),
  siteId: uuid('site_id').notNull(),
  earlySigns: text('early_signs'),
  whatHelps: text('what_helps'),
  steppingBack: text('stepping_back'),
  whoToContact: text('who_to_contact'),
  updatedBy: uuid('updated_by')
    .notNull()
    .references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
