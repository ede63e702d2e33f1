import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../auth/auth.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { sites } from '../sites/sites.table.ts';
import { workforceMembers } from '../workforce/people/people.table.ts';

/**
 * The social capital register (issue 6 §9): the partner organisations a site works with, the named
 * people in them, and which workers hold each relationship. The review's warning is that this lives
 * in a few people's heads; recording it makes single-holder relationships visible before they leave.
 */
export const partnerOrganisations = pgTable(
  'partner_organisations',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('partner_organisations_site_idx').on(t.organisationId, t.siteId)],
);

/** A named person at a partner (work details only). */
export const partnerContacts = pgTable(
  'partner_contacts',
  {
    id: uuid('id').primaryKey(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partnerOrganisations.id),
    organisationId: uuid('organisation_id').notNull(),
    siteId: uuid('site_id').notNull(),
    name: text('name').notNull(),
    jobTitle: text('job_title'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('partner_contacts_partner_idx').on(t.partnerId)],
);

/**
 * One worker's relationship with one partner contact. It ends when passed on at a handover or marked
 * lost (kept, not deleted, so the register shows what was lost and when).
 */
export const relationshipHolders = pgTable(
  'relationship_holders',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id').notNull(),
    siteId: uuid('site_id').notNull(),
    partnerContactId: uuid('partner_contact_id')
      .notNull()
      .references(() => partnerContacts.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => workforceMembers.id),
    strength: text('strength').notNull(),
    lastInteractionOn: date('last_interaction_on', { mode: 'string' }),
    status: text('status').notNull().default('active'),
    endedOn: date('ended_on', { mode: 'string' }),
    endedNote: text('ended_note'),
    passedToMemberId: uuid('passed_to_member_id').references(() => workforceMembers.id),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('relationship_holders_contact_idx').on(t.partnerContactId, t.status),
    index('relationship_holders_member_idx').on(t.memberId, t.status),
  ],
);
