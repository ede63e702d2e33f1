import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { PublishedFigure, SurveyIndicatorLink } from '../../../contract/social-value.ts';
import { users } from '../../auth/auth.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { sites } from '../sites/sites.table.ts';

/**
 * An impact map: one site's, or a programme's across several sites, stakeholders, outcomes and costs
 * for a period. A programme map is held at its lead site and lists the others in `other_site_ids`;
 * its live counts cover every one of them, and only people who work at all of them can see it. Aggregates only — no table here names a person — but every row carries the organisation
 * and site so record scope applies as everywhere else. Money is in pence; shares are 0..1.
 */
export const impactMaps = pgTable(
  'impact_maps',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    otherSiteIds: uuid('other_site_ids').array().notNull().default(sql`'{}'::uuid[]`),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    priceYear: integer('price_year').notNull(),
    discountRate: doublePrecision('discount_rate').notNull().default(0.035),
    isFirstYearDiscounted: boolean('is_first_year_discounted').notNull().default(true),
    conservativeProxyScale: doublePrecision('conservative_proxy_scale').notNull().default(0.5),
    peopleServedSource: text('people_served_source').notNull().default('engaged_cases'),
    peopleServedManual: integer('people_served_manual'),
    rolloutPopulationLow: integer('rollout_population_low'),
    rolloutPopulationHigh: integer('rollout_population_high'),
    /** A published study's totals, to check against its own inputs (the worked example). */
    publishedFigures: jsonb('published_figures').$type<PublishedFigure[]>().notNull().default([]),
    /** Bumped by every save; a save naming an older version is refused (two editors, one map). */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('impact_maps_site_idx').on(t.organisationId, t.siteId),
    check('impact_maps_period_ordered', sql`${t.periodFrom} <= ${t.periodTo}`),
    check(
      'impact_maps_scale_range',
      sql`${t.conservativeProxyScale} > 0 and ${t.conservativeProxyScale} <= 1`,
    ),
  ],
);

const scopeColumns = () => ({
  organisationId: uuid('organisation_id').notNull(),
  siteId: uuid('site_id').notNull(),
  mapId: uuid('map_id')
    .notNull()
    .references(() => impactMaps.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
});

export const impactMapStakeholders = pgTable(
  'impact_map_stakeholders',
  { id: uuid('id').primaryKey(), ...scopeColumns(), name: text('name').notNull() },
  (t) => [index('impact_map_stakeholders_map_idx').on(t.mapId)],
);

/**
 * One outcome for one stakeholder. Its proxy is either a key of the shipped library
 * (`data/proxies.v1.ts`) or one of the organisation's own proxies — never both.
 */
export const impactMapOutcomes = pgTable(
  'impact_map_outcomes',
  {
    id: uuid('id').primaryKey(),
    ...scopeColumns(),
    stakeholderId: uuid('stakeholder_id')
      .notNull()
      .references(() => impactMapStakeholders.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    isIntended: boolean('is_intended').notNull().default(true),
    isHarm: boolean('is_harm').notNull().default(false),
    outputs: text('outputs').notNull().default(''),
    indicator: text('indicator').notNull().default(''),
    quantitySource: text('quantity_source').notNull(),
    manualQuantity: doublePrecision('manual_quantity'),
    quantityFactor: doublePrecision('quantity_factor').notNull().default(1),
    quantityNote: text('quantity_note').notNull().default(''),
    // Outcomes (issue 5): for quantity source `outcomes_indicator`, the survey indicator it follows.
    surveyIndicator: jsonb('survey_indicator').$type<SurveyIndicatorLink>(),
    sampleSize: integer('sample_size'),
    proxyLibraryKey: text('proxy_library_key'),
    proxyId: uuid('proxy_id').references(() => financialProxies.id),
    optimisticProxyLibraryKey: text('optimistic_proxy_library_key'),
    optimisticProxyId: uuid('optimistic_proxy_id').references(() => financialProxies.id),
    deadweight: doublePrecision('deadweight').notNull(),
    displacement: doublePrecision('displacement').notNull().default(0),
    /** Share of the change due to others (the SROI guide's attribution), never the service's share. */
    attribution: doublePrecision('attribution').notNull(),
    dropOff: doublePrecision('drop_off').notNull(),
    duration: integer('duration').notNull(),
    startYear: integer('start_year').notNull().default(1),
  },
  (t) => [
    index('impact_map_outcomes_map_idx').on(t.mapId),
    check('impact_map_outcomes_one_proxy', sql`(${t.proxyLibraryKey} is null) <> (${t.proxyId} is null)`),
    check(
      'impact_map_outcomes_one_optimistic_proxy',
      sql`${t.optimisticProxyLibraryKey} is null or ${t.optimisticProxyId} is null`,
    ),
  ],
);

export const impactMapCosts = pgTable(
  'impact_map_costs',
  {
    id: uuid('id').primaryKey(),
    ...scopeColumns(),
    category: text('category').notNull(),
    description: text('description').notNull(),
    amountSource: text('amount_source').notNull().default('manual'),
    amountPence: integer('amount_pence'),
    volunteerHours: doublePrecision('volunteer_hours'),
    /** Null: the National Living Wage in force on the first day of the map's period. */
    volunteerRatePence: integer('volunteer_rate_pence'),
  },
  (t) => [
    index('impact_map_costs_map_idx').on(t.mapId),
    check('impact_map_costs_amount_not_negative', sql`${t.amountPence} is null or ${t.amountPence} >= 0`),
  ],
);

/**
 * An organisation's own financial proxies: values it holds a licence for (e.g. HACT's) or has
 * sourced itself. They stay in its data: never shippable, never in the library export.
 */
export const financialProxies = pgTable(
  'financial_proxies',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    valuePence: integer('value_pence').notNull(),
    priceYear: integer('price_year').notNull(),
    sourceTitle: text('source_title').notNull(),
    sourceUrl: text('source_url'),
    licence: text('licence').notNull(),
    notes: text('notes').notNull().default(''),
    isShippable: boolean('is_shippable').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('financial_proxies_organisation_idx').on(t.organisationId),
    // An organisation's own value is never shipped with Peerpath.
    check('financial_proxies_never_shippable', sql`${t.isShippable} = false`),
  ],
);
