import { date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../../auth/auth.table.ts';
import { organisations } from '../../organisations/organisations.table.ts';
import { workforceMembers } from '../people/people.table.ts';

/** A course: flexible (pick modules), structured (all mandatory), or accredited (awarding body, level). */
export const trainingCourses = pgTable('training_courses', {
  id: uuid('id').primaryKey(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  title: text('title').notNull(),
  mode: text('mode').notNull(),
  awardingBody: text('awarding_body'),
  level: text('level'),
  /** How long the certificate is valid; null = does not expire. */
  certificateValidMonths: integer('certificate_valid_months'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const trainingModules = pgTable(
  'training_modules',
  {
    id: uuid('id').primaryKey(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
  },
  (t) => [unique('training_modules_course_position').on(t.courseId, t.position)],
);

export const trainingCohorts = pgTable(
  'training_cohorts',
  {
    id: uuid('id').primaryKey(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    organisationId: uuid('organisation_id').notNull(),
    siteId: uuid('site_id').notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('training_cohorts_site_idx').on(t.organisationId, t.siteId, t.startsOn)],
);

/**
 * One person on one cohort, and what became of them: the funnel reads registered → completed →
 * began a placement → moved into employment from these dates.
 */
export const trainingEnrolments = pgTable(
  'training_enrolments',
  {
    id: uuid('id').primaryKey(),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => trainingCohorts.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => workforceMembers.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull(),
    siteId: uuid('site_id').notNull(),
    /** registered | attending | completed | dropped_out */
    status: text('status').notNull().default('registered'),
    dropOutReason: text('drop_out_reason'),
    completedOn: date('completed_on', { mode: 'string' }),
    placementOn: date('placement_on', { mode: 'string' }),
    employmentOn: date('employment_on', { mode: 'string' }),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('training_enrolments_cohort_member').on(t.cohortId, t.memberId),
    index('training_enrolments_member_idx').on(t.memberId),
  ],
);

export const trainingCertificates = pgTable(
  'training_certificates',
  {
    id: uuid('id').primaryKey(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => workforceMembers.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    organisationId: uuid('organisation_id').notNull(),
    siteId: uuid('site_id').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    renewalDueOn: date('renewal_due_on', { mode: 'string' }),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('training_certificates_member_idx').on(t.memberId, t.courseId)],
);
