import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../auth/auth.table.ts';
import { cases } from '../cases/cases.table.ts';
import { contacts } from '../contacts/contacts.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { sites } from '../sites/sites.table.ts';

/**
 * An organisation's escalation chain: step 1 is who hears first (after the person who raised it),
 * each step names a role at the concern's site or one named person (the safeguarding lead), and how
 * many hours they have before it moves on by itself.
 */
export const safeguardingEscalationSteps = pgTable(
  'safeguarding_escalation_steps',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    role: text('role'),
    userId: uuid('user_id').references(() => users.id),
    deadlineHours: integer('deadline_hours').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('safeguarding_steps_position_unique').on(t.organisationId, t.position)],
);

export type ChainStep = { label: string; role: string | null; userId: string | null; deadlineHours: number };

/**
 * A safeguarding concern, raised from a case or one of its contacts. The chain is copied onto the
 * concern when it is raised, so a later change to the organisation's chain never rewrites who was
 * responsible. `step` is the 0-based index of the step that holds it now.
 */
export const safeguardingConcerns = pgTable(
  'safeguarding_concerns',
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
      .references(() => cases.id),
    contactId: uuid('contact_id').references(() => contacts.id),
    raisedBy: uuid('raised_by')
      .notNull()
      .references(() => users.id),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    summary: text('summary').notNull(),
    status: text('status').notNull().default('open'),
    chain: jsonb('chain').$type<ChainStep[]>().notNull(),
    step: integer('step').notNull().default(0),
    /** When the current step must have acted; null once the last step is overdue or it is resolved. */
    stepDeadlineAt: timestamp('step_deadline_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolution: text('resolution'),
  },
  (t) => [
    index('safeguarding_concerns_site_idx').on(t.organisationId, t.siteId, t.status),
    index('safeguarding_concerns_deadline_idx').on(t.stepDeadlineAt),
  ],
);

/** The concern's history: append-only (triggers in the migration), like the audit trail. */
export const safeguardingConcernEvents = pgTable(
  'safeguarding_concern_events',
  {
    id: uuid('id').primaryKey(),
    concernId: uuid('concern_id')
      .notNull()
      .references(() => safeguardingConcerns.id),
    organisationId: uuid('organisation_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
    /** Null when the system acted (an automatic escalation). */
    actorUserId: uuid('actor_user_id').references(() => users.id),
    step: integer('step').notNull(),
    note: text('note'),
  },
  (t) => [index('safeguarding_concern_events_concern_idx').on(t.concernId, t.occurredAt)],
);

/**
 * Who may see a concern: the person who raised it and everyone its chain has reached so far. Rows
 * are added as it escalates, so scope is one `exists` in each query.
 */
export const safeguardingConcernViewers = pgTable(
  'safeguarding_concern_viewers',
  {
    concernId: uuid('concern_id')
      .notNull()
      .references(() => safeguardingConcerns.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'safeguarding_concern_viewers_pk', columns: [t.concernId, t.userId] }),
    index('safeguarding_concern_viewers_user_idx').on(t.userId),
  ],
);
