import { sql } from 'drizzle-orm';
import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Answers, InstrumentContent } from '../../../contract/outcomes.ts';
import { users } from '../../auth/auth.table.ts';
import { cases } from '../cases/cases.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { sites } from '../sites/sites.table.ts';

/** An organisation's survey instrument; its content lives in numbered versions. */
export const surveyInstruments = pgTable('survey_instruments', {
  id: uuid('id').primaryKey(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  name: text('name').notNull(),
  /** The shipped template it was copied from, e.g. `ons4@1`. */
  templateKey: text('template_key'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/**
 * One version of an instrument. Items are zod-validated JSON (contract/outcomes.ts) rather than
 * rows: a version is read and written whole, and a published one never changes.
 */
export const surveyInstrumentVersions = pgTable(
  'survey_instrument_versions',
  {
    id: uuid('id').primaryKey(),
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => surveyInstruments.id),
    organisationId: uuid('organisation_id').notNull(),
    version: integer('version').notNull(),
    status: text('status').notNull(),
    content: jsonb('content').$type<InstrumentContent>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    unique('survey_instrument_versions_number').on(t.instrumentId, t.version),
    uniqueIndex('survey_instrument_versions_one_draft').on(t.instrumentId).where(sql`status = 'draft'`),
  ],
);

/**
 * One survey given to one case: a wave of an instrument version, entered by an interviewer or
 * completed by link. The link's token is never stored, only its SHA-256 hash.
 */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => surveyInstruments.id),
    instrumentVersionId: uuid('instrument_version_id')
      .notNull()
      .references(() => surveyInstrumentVersions.id),
    wave: text('wave').notNull(),
    /** 0 for every wave but follow-ups, which count from 1. */
    followUpNumber: integer('follow_up_number').notNull().default(0),
    mode: text('mode').notNull(),
    status: text('status').notNull().default('invited'),
    tokenHash: text('token_hash'),
    linkExpiresAt: timestamp('link_expires_at', { withTimezone: true }),
    answers: jsonb('answers').$type<Answers>().notNull().default({}),
    invitedOn: date('invited_on', { mode: 'string' }).notNull(),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull(),
    invitedBy: uuid('invited_by').references(() => users.id),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // One survey per person per instrument and wave: a second invitation is a conflict, not a duplicate.
    unique('surveys_case_wave_unique').on(t.caseId, t.instrumentId, t.wave, t.followUpNumber),
    uniqueIndex('surveys_token_hash_unique').on(t.tokenHash),
    index('surveys_instrument_site_idx').on(t.organisationId, t.instrumentId, t.siteId, t.invitedOn),
  ],
);

/**
 * A completed survey's answers per indicator, written once at submission: the compact form the
 * analysis reads (100,000 responses in well under a second), so it never parses JSON in bulk.
 * `before` is set for a retrospective pair; contribution and counterfactual are the answer keys.
 */
export const surveyIndicatorAnswers = pgTable(
  'survey_indicator_answers',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull(),
    siteId: uuid('site_id').notNull(),
    caseId: uuid('case_id').notNull(),
    instrumentId: uuid('instrument_id').notNull(),
    wave: text('wave').notNull(),
    invitedOn: date('invited_on', { mode: 'string' }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull(),
    indicatorKey: text('indicator_key').notNull(),
    beforeAnswer: text('before_answer'),
    nowAnswer: text('now_answer'),
    /** The answer as a number when it is one (a 0–10 scale), so SQL can aggregate without casts. */
    nowNumber: doublePrecision('now_number'),
    contribution: text('contribution'),
    counterfactual: text('counterfactual'),
  },
  (t) => [
    unique('survey_indicator_answers_unique').on(t.surveyId, t.indicatorKey),
    // Covering indexes, in the analysis's own order, so it reads them alone (an index-only scan) and
    // aggregates as it goes: one for answers grouped by value, one for each person's latest wave.
    index('survey_indicator_answers_grouped_idx').on(
      t.organisationId,
      t.instrumentId,
      t.wave,
      t.indicatorKey,
      t.beforeAnswer,
      t.nowAnswer,
      t.contribution,
      t.counterfactual,
      t.siteId,
      t.invitedOn,
    ),
    index('survey_indicator_answers_by_case_idx').on(
      t.organisationId,
      t.instrumentId,
      t.caseId,
      t.indicatorKey,
      t.completedAt.desc(),
      t.wave,
      t.nowAnswer,
      t.contribution,
      t.counterfactual,
      t.siteId,
      t.invitedOn,
    ),
  ],
);
