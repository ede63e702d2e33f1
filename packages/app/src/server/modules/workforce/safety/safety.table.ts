import { boolean, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../../auth/auth.table.ts';
import { workforceMembers } from '../people/people.table.ts';

/**
 * DBS checks, newest wins. No certificate number is kept: the date, level and update-service status
 * are all the service needs to know whether the check is current.
 */
export const dbsChecks = pgTable(
  'dbs_checks',
  {
    id: uuid('id').primaryKey(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => workforceMembers.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull(),
    siteId: uuid('site_id').notNull(),
    /** basic | standard | enhanced | enhanced_with_barred_lists */
    level: text('level').notNull(),
    certificateOn: date('certificate_on', { mode: 'string' }).notNull(),
    isOnUpdateService: boolean('is_on_update_service').notNull().default(false),
    /** The last online status check through the update service: restarts the recheck interval. */
    updateServiceCheckedOn: date('update_service_checked_on', { mode: 'string' }),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('dbs_checks_member_idx').on(t.memberId, t.certificateOn)],
);
