import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../auth/auth.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { sites } from '../sites/sites.table.ts';

/**
 * A referral and the case it becomes. Personal fields are optional (only what is needed): a case
 * imported from the NHS England data set carries none of them. Dates that are calendar facts are
 * `date`; the first contact is never stored (it is derived from contacts) except as reported by an
 * import whose contacts file does not go back that far.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    localCaseId: text('local_case_id').notNull(),
    referralSource: text('referral_source').notNull(),
    referralSourceOther: text('referral_source_other'),
    referredOn: date('referred_on', { mode: 'string' }).notNull(),
    personName: text('person_name'),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    gender: text('gender'),
    phone: text('phone'),
    needs: text('needs').array().notNull().default(sql`'{}'::text[]`),
    complexity: text('complexity'),
    consentScope: text('consent_scope'),
    consentRecordedOn: date('consent_recorded_on', { mode: 'string' }),
    consentRecordedBy: uuid('consent_recorded_by').references(() => users.id),
    genderPreference: text('gender_preference'),
    status: text('status').notNull().default('referred'),
    engagement: text('engagement').notNull().default('no_data'),
    /** When the case last entered step-down: the automatic close counts from this or the last contact. */
    steppedDownAt: timestamp('stepped_down_at', { withTimezone: true }),
    dischargedOn: date('discharged_on', { mode: 'string' }),
    dischargeReason: text('discharge_reason'),
    /** Set when the case was closed by the step-down job rather than by a person. */
    isClosedAutomatically: boolean('is_closed_automatically').notNull().default(false),
    importedFirstContactOn: date('imported_first_contact_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('cases_site_local_case_id_unique').on(t.siteId, t.localCaseId),
    index('cases_site_referred_idx').on(t.siteId, t.referredOn),
    index('cases_organisation_status_idx').on(t.organisationId, t.status),
  ],
);

/** Who works a case: exactly one lead at most, and any number of co-workers (a shadowing volunteer). */
export const caseWorkers = pgTable(
  'case_workers',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id').notNull(),
    siteId: uuid('site_id').notNull(),
    role: text('role').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'case_workers_pk', columns: [t.caseId, t.userId] }),
    uniqueIndex('case_workers_one_lead').on(t.caseId).where(sql`role = 'lead'`),
    index('case_workers_user_idx').on(t.userId),
  ],
);
