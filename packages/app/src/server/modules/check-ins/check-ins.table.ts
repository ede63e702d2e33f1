import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../auth/auth.table.ts';
import { cases } from '../cases/cases.table.ts';
import { sites } from '../sites/sites.table.ts';

/**
 * A person's agreement to daily check-ins: one row per case, kept after opting out (the record of
 * consent and of the STOP). The phone number is personal data: it is shown only to the case's
 * workers and coordinators, and it never appears in a log or a URL.
 */
export const checkInEnrolments = pgTable(
  'check_in_enrolments',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id').notNull(),
    siteId: uuid('site_id').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    status: text('status').notNull().default('active'),
    phone: text('phone').notNull(),
    /** Digits only (447…), how inbound texts are matched to a person. */
    phoneKey: text('phone_key').notNull(),
    times: text('times').array().notNull(),
    encouragement: text('encouragement').notNull(),
    consentStatement: text('consent_statement').notNull(),
    consentRecordedAt: timestamp('consent_recorded_at', { withTimezone: true }).notNull(),
    consentRecordedBy: uuid('consent_recorded_by').references(() => users.id),
    optedOutAt: timestamp('opted_out_at', { withTimezone: true }),
    optedOutVia: text('opted_out_via'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('check_in_enrolments_case_unique').on(t.caseId),
    index('check_in_enrolments_phone_idx').on(t.phoneKey),
    index('check_in_enrolments_status_idx').on(t.status),
  ],
);

/**
 * One check-in sent to a person. The link's token is stored only as its SHA-256 hash; the slot
 * (`scheduledFor`) is unique per enrolment, so a job run twice, or by two processes, sends once.
 */
export const checkIns = pgTable(
  'check_ins',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id').notNull(),
    siteId: uuid('site_id').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => checkInEnrolments.id, { onDelete: 'cascade' }),
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredVia: text('answered_via'),
    countsAsRed: boolean('counts_as_red').notNull().default(false),
    nudgedAt: timestamp('nudged_at', { withTimezone: true }),
    /** Set when no reply came after the reminder either, and the worker was told. */
    unansweredAt: timestamp('unanswered_at', { withTimezone: true }),
  },
  (t) => [
    unique('check_ins_enrolment_slot_unique').on(t.enrolmentId, t.scheduledFor),
    uniqueIndex('check_ins_token_hash_unique').on(t.tokenHash),
    index('check_ins_site_sent_idx').on(t.siteId, t.sentAt),
    index('check_ins_case_idx').on(t.caseId, t.scheduledFor),
    index('check_ins_open_idx').on(t.sentAt).where(sql`answered_at is null and unanswered_at is null`),
  ],
);

/**
 * Something a worker must act on: a red (or three ambers in a row), an amber for the next working
 * day, or no reply. `notifyAt` is when staff are told (the next monitored start, outside monitored
 * hours); `dueBy` is the response target. The follow-up is a contact on the case.
 */
export const checkInAlerts = pgTable(
  'check_in_alerts',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id').notNull(),
    siteId: uuid('site_id').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    checkInId: uuid('check_in_id')
      .notNull()
      .references(() => checkIns.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    notifyAt: timestamp('notify_at', { withTimezone: true }).notNull(),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    dueBy: timestamp('due_by', { withTimezone: true }).notNull(),
    followedUpAt: timestamp('followed_up_at', { withTimezone: true }),
    followedUpBy: uuid('followed_up_by').references(() => users.id),
    contactId: uuid('contact_id'),
  },
  (t) => [
    unique('check_in_alerts_check_in_kind_unique').on(t.checkInId, t.kind),
    index('check_in_alerts_site_raised_idx').on(t.siteId, t.raisedAt),
    index('check_in_alerts_case_idx').on(t.caseId),
    index('check_in_alerts_pending_idx').on(t.notifyAt).where(sql`notified_at is null`),
  ],
);

/** Per-site check-in settings, kept apart from `sites` so the module owns them. */
export const checkInSiteSettings = pgTable('check_in_site_settings', {
  siteId: uuid('site_id')
    .primaryKey()
    .references(() => sites.id, { onDelete: 'cascade' }),
  organisationId: uuid('organisation_id').notNull(),
  onDutyCoordinatorUserId: uuid('on_duty_coordinator_user_id').references(() => users.id),
  responseTargetMinutes: integer('response_target_minutes').notNull().default(15),
  /** ISO weekdays, 1 Monday … 7 Sunday. */
  monitoredDays: integer('monitored_days').array().notNull().default(sql`'{1,2,3,4,5}'::integer[]`),
  monitoredFrom: text('monitored_from').notNull().default('09:00'),
  monitoredTo: text('monitored_to').notNull().default('17:00'),
  noReplyHours: integer('no_reply_hours').notNull().default(4),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * Texts "sent" by the shipped SMS gateway: written here for staff to read (and for a real gateway
 * adapter to pick up), never sent over a network by Peerpath itself.
 */
export const smsOutbox = pgTable(
  'sms_outbox',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id').notNull(),
    siteId: uuid('site_id').notNull(),
    toPhone: text('to_phone').notNull(),
    body: text('body').notNull(),
    purpose: text('purpose').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sms_outbox_site_created_idx').on(t.siteId, t.createdAt)],
);
