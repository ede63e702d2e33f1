import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../auth/auth.table.ts';
import { cases } from '../cases/cases.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { sites } from '../sites/sites.table.ts';

/** How much each soft preference counts when matching at a site; the defaults until someone sets them. */
export const matchingSiteWeights = pgTable('matching_site_weights', {
  siteId: uuid('site_id')
    .primaryKey()
    .references(() => sites.id),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  livedExperience: integer('lived_experience').notNull(),
  area: integer('area').notNull(),
  language: integer('language').notNull(),
  capacity: integer('capacity').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/**
 * What matching needs to know about a case beyond the referral: where the person lives (an area a
 * peer covers), the language they would rather speak, and kinds of case some peers' plans rule out.
 */
export const caseMatchingProfiles = pgTable('case_matching_profiles', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id, { onDelete: 'cascade' }),
  organisationId: uuid('organisation_id').notNull(),
  siteId: uuid('site_id').notNull(),
  area: text('area'),
  language: text('language'),
  kinds: text('kinds').array().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
