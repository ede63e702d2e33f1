import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../auth/auth.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { sites } from '../sites/sites.table.ts';

/**
 * An idea or concern about the service from anyone signed in (WY-FI's "mechanism to canvass and act
 * upon peer mentor views", source 001 §3). `outcome` says what changed (acted upon) or why not
 * (not taken forward).
 */
export const voiceItems = pgTable(
  'voice_items',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Whether those who manage the item see who put it forward. */
    isAnonymous: boolean('is_anonymous').notNull().default(false),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('open'),
    outcome: text('outcome'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('voice_items_site_idx').on(t.organisationId, t.siteId, t.status)],
);
