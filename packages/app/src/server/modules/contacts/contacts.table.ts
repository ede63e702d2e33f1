import { date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../auth/auth.table.ts';
import { cases } from '../cases/cases.table.ts';

/**
 * A contact with a person, made or only attempted. `contactedOn` is the UK calendar date (what the
 * data set and the reports count by); `contactedAt` is the moment, midday for imported contacts whose
 * time is unknown.
 */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id').notNull(),
    siteId: uuid('site_id').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    contactedOn: date('contacted_on', { mode: 'string' }).notNull(),
    contactedAt: timestamp('contacted_at', { withTimezone: true }).notNull(),
    type: text('type').notNull(),
    otherKind: text('other_kind'),
    outcome: text('outcome').notNull().default('made'),
    madeByUserId: uuid('made_by_user_id').references(() => users.id),
    /** staff or volunteer, fixed when the contact is logged (a volunteer may later become staff). */
    madeByKind: text('made_by_kind'),
    durationMinutes: integer('duration_minutes'),
    note: text('note'),
    /** For imported contacts: a key that makes re-importing the same file change nothing. */
    importKey: text('import_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // Outcome and type ride along so that counting a case's contacts by type (the caseload report,
    // the monthly return) reads the index alone: 6–8× faster over 10 million contacts (docs/benchmarks.md).
    index('contacts_case_day_idx').on(t.caseId, t.contactedOn, t.outcome, t.type),
    index('contacts_site_day_idx').on(t.siteId, t.contactedOn),
    unique('contacts_site_import_key_unique').on(t.siteId, t.importKey),
  ],
);
