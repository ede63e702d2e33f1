import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../../auth/auth.table.ts';
import { organisations } from '../../organisations/organisations.table.ts';
import { sites } from '../../sites/sites.table.ts';

/**
 * An organisation's progression rules. One row per organisation, created with the defaults of the
 * hybrid model (source 000, appendix 1) the first time anyone reads it.
 */
export const workforceSettings = pgTable('workforce_settings', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  /** Shadowing sessions (approved hours logged as shadowing) a new volunteer needs before becoming an intern. */
  shadowingSessionsToIntern: integer('shadowing_sessions_to_intern').notNull().default(6),
  /** Courses a new volunteer must have completed before becoming an intern. */
  requiredCourseIds: uuid('required_course_ids').array().notNull().default(sql`'{}'::uuid[]`),
  internCaseloadCap: integer('intern_caseload_cap').notNull().default(3),
  internMaxComplexity: text('intern_max_complexity').notNull().default('moderate'),
  volunteerMonthsMax: integer('volunteer_months_max').notNull().default(18),
  paidPeerMonthsMax: integer('paid_peer_months_max').notNull().default(18),
  alertAtMonths: integer('alert_at_months').notNull().default(15),
  supervisionEveryDays: integer('supervision_every_days').notNull().default(14),
  dbsRecheckMonths: integer('dbs_recheck_months').notNull().default(36),
  /** The DBS level a person must hold to be allocated cases. */
  requiredDbsLevel: text('required_dbs_level').notNull().default('enhanced'),
  /** Expected hours a week by workforce role: { new_volunteer: { min: 3, max: 5 }, … }. */
  expectedWeeklyHours:
    jsonb('expected_weekly_hours').$type<Partial<Record<string, { min: number; max: number }>>>(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/**
 * A person in the peer workforce. Someone who carries cases must have a user account (cases are
 * allocated to users); applicants and people in training may have none yet. `site_id` is the home
 * site (scope), `site_ids` every site they work at (it includes the home site).
 */
export const workforceMembers = pgTable(
  'workforce_members',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    siteIds: uuid('site_ids').array().notNull(),
    userId: uuid('user_id')
      .unique('workforce_members_user_unique')
      .references(() => users.id),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    status: text('status').notNull(),
    leftOn: date('left_on', { mode: 'string' }),
    leftReason: text('left_reason'),
    leftDestination: text('left_destination'),
    gender: text('gender'),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    interests: text('interests').array().notNull().default(sql`'{}'::text[]`),
    areasCovered: text('areas_covered').array().notNull().default(sql`'{}'::text[]`),
    availability: text('availability'),
    /** Self-declared; special category data, read only with workforce:lived_experience. */
    livedExperience: text('lived_experience').array().notNull().default(sql`'{}'::text[]`),
    /** The highest case complexity this person may take; null = the role's default. */
    maxComplexity: text('max_complexity'),
    /** Overrides the role's caseload cap for this person; null = the role's default. */
    caseloadCap: integer('caseload_cap'),
    /** Kinds of case this person must not be given (e.g. confrontational, prison_pick_up). */
    avoidCaseKinds: text('avoid_case_kinds').array().notNull().default(sql`'{}'::text[]`),
    /** Cases of people this person knows (known associates): never allocated to them. */
    knownAssociateCaseIds: uuid('known_associate_case_ids').array().notNull().default(sql`'{}'::uuid[]`),
    supervisorUserId: uuid('supervisor_user_id').references(() => users.id),
    nextStep: text('next_step'),
    nextStepTargetOn: date('next_step_target_on', { mode: 'string' }),
    /** Whether this person may see clients alone, and why (decided by a coordinator). */
    loneWorkingPermitted: boolean('lone_working_permitted').notNull().default(false),
    loneWorkingReason: text('lone_working_reason'),
    loneWorkingDecidedOn: date('lone_working_decided_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('workforce_members_site_idx').on(t.organisationId, t.siteId),
    index('workforce_members_site_ids_idx').using('gin', t.siteIds),
  ],
);

/** Every role a person has held, with dates: the current one has no end date. */
export const workforceRoleHistory = pgTable(
  'workforce_role_history',
  {
    id: uuid('id').primaryKey(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => workforceMembers.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull(),
    siteId: uuid('site_id').notNull(),
    role: text('role').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('workforce_role_history_member_idx').on(t.memberId, t.startedOn)],
);

/** Times a person stepped back: the 18-month clocks do not run while paused. */
export const workforcePauses = pgTable(
  'workforce_pauses',
  {
    id: uuid('id').primaryKey(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => workforceMembers.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull(),
    siteId: uuid('site_id').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    /** The status to return to when the pause ends. */
    resumeStatus: text('resume_status').notNull().default('active'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('workforce_pauses_member_idx').on(t.memberId)],
);
