import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import { inActorScope, scopedSiteIds } from '../../access/scope.ts';
import type { Db } from '../../db/database.ts';
import { sites } from '../sites/sites.table.ts';
import {
  financialProxies,
  impactMapCosts,
  impactMapOutcomes,
  impactMapStakeholders,
  impactMaps,
} from './social-value.table.ts';

export type CoveredSite = { id: string; name: string };
export type ImpactMapRow = typeof impactMaps.$inferSelect & { siteName: string; otherSites: CoveredSite[] };
export type MapContent = {
  stakeholders: (typeof impactMapStakeholders.$inferSelect)[];
  outcomes: (typeof impactMapOutcomes.$inferSelect)[];
  costs: (typeof impactMapCosts.$inferSelect)[];
};

/**
 * A map is in scope when its own site is, and — for a programme — every other site it covers too:
 * its live counts are drawn from all of them, so someone who works at only some must not see it.
 */
const inScope = (actor: Actor) =>
  and(
    inActorScope(actor, { organisationId: impactMaps.organisationId, siteId: impactMaps.siteId }),
    sql`"impact_maps"."other_site_ids" <@ array[${sql.join(
      scopedSiteIds(actor).map((id) => sql`${id}`),
      sql`, `,
    )}]::uuid[]`,
  );

// Raw column name: drizzle leaves select-list columns unqualified, which a subquery on sites would capture.
const otherSites = sql<CoveredSite[]>`coalesce((
  select json_agg(json_build_object('id', s2.id, 'name', s2.name) order by s2.name)
  from sites s2 where s2.id = any("impact_maps"."other_site_ids")), '[]'::json)`;

export async function listImpactMapsInScope(db: Db, actor: Actor, siteId?: string) {
  const rows = await db
    .select({ map: impactMaps, siteName: sites.name, otherSites })
    .from(impactMaps)
    .innerJoin(sites, eq(sites.id, impactMaps.siteId))
    .where(
      and(
        inScope(actor),
        siteId
          ? sql`(${impactMaps.siteId} = ${siteId} or ${siteId}::uuid = any("impact_maps"."other_site_ids"))`
          : undefined,
      ),
    )
    .orderBy(desc(impactMaps.periodTo), asc(impactMaps.title));
  return rows.map((r) => ({ ...r.map, siteName: r.siteName, otherSites: r.otherSites }));
}

/** A map the actor may reach (organisation and site), or undefined: out of scope looks like missing. */
export async function findImpactMapInScope(
  db: Db,
  actor: Actor,
  mapId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ImpactMapRow | undefined> {
  const query = db
    .select({ map: impactMaps, siteName: sites.name, otherSites })
    .from(impactMaps)
    .innerJoin(sites, eq(sites.id, impactMaps.siteId))
    .where(and(inScope(actor), eq(impactMaps.id, mapId)));
  const [row] = options.forUpdate ? await query.for('update', { of: impactMaps }) : await query;
  return row ? { ...row.map, siteName: row.siteName, otherSites: row.otherSites } : undefined;
}

/** A map's stakeholders, outcomes and costs, in their order. One query at a time: inside a transaction they share one connection. */
export async function loadMapContent(db: Db, mapId: string): Promise<MapContent> {
  const stakeholders = await db
    .select()
    .from(impactMapStakeholders)
    .where(eq(impactMapStakeholders.mapId, mapId))
    .orderBy(asc(impactMapStakeholders.position));
  const outcomes = await db
    .select()
    .from(impactMapOutcomes)
    .where(eq(impactMapOutcomes.mapId, mapId))
    .orderBy(asc(impactMapOutcomes.position));
  const costs = await db
    .select()
    .from(impactMapCosts)
    .where(eq(impactMapCosts.mapId, mapId))
    .orderBy(asc(impactMapCosts.position));
  return { stakeholders, outcomes, costs };
}

export async function insertImpactMap(db: Db, row: typeof impactMaps.$inferInsert): Promise<void> {
  await db.insert(impactMaps).values(row);
}

/** Replaces a map's stakeholders, outcomes and costs with the given rows (children first out, last in). */
export async function replaceMapContent(
  db: Db,
  mapId: string,
  content: {
    stakeholders: (typeof impactMapStakeholders.$inferInsert)[];
    outcomes: (typeof impactMapOutcomes.$inferInsert)[];
    costs: (typeof impactMapCosts.$inferInsert)[];
  },
): Promise<void> {
  await db.delete(impactMapOutcomes).where(eq(impactMapOutcomes.mapId, mapId));
  await db.delete(impactMapCosts).where(eq(impactMapCosts.mapId, mapId));
  await db.delete(impactMapStakeholders).where(eq(impactMapStakeholders.mapId, mapId));
  if (content.stakeholders.length > 0) await db.insert(impactMapStakeholders).values(content.stakeholders);
  if (content.outcomes.length > 0) await db.insert(impactMapOutcomes).values(content.outcomes);
  if (content.costs.length > 0) await db.insert(impactMapCosts).values(content.costs);
}

export async function updateImpactMapRow(
  db: Db,
  mapId: string,
  values: Partial<typeof impactMaps.$inferInsert>,
): Promise<void> {
  await db.update(impactMaps).set(values).where(eq(impactMaps.id, mapId));
}

export async function deleteImpactMap(db: Db, mapId: string): Promise<void> {
  await db.delete(impactMaps).where(eq(impactMaps.id, mapId));
}

/** An organisation's own proxies: all of them, or those with the given ids. */
export async function listOrganisationProxies(db: Db, organisationId: string, ids?: string[]) {
  if (ids && ids.length === 0) return [];
  return db
    .select()
    .from(financialProxies)
    .where(
      and(
        eq(financialProxies.organisationId, organisationId),
        ids ? inArray(financialProxies.id, ids) : undefined,
      ),
    )
    .orderBy(asc(financialProxies.name));
}

export async function insertProxy(db: Db, row: typeof financialProxies.$inferInsert): Promise<void> {
  await db.insert(financialProxies).values(row);
}
