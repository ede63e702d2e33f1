import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/database.ts';
import { sites } from './sites.table.ts';

const inScope = (actor: Actor) =>
  and(
    eq(sites.organisationId, actor.organisationId),
    inArray(sites.id, actor.siteIds.length ? actor.siteIds : ['00000000-0000-0000-0000-000000000000']),
  );

export async function listSitesInScope(db: Db, actor: Actor) {
  const items = await db.select().from(sites).where(inScope(actor)).orderBy(asc(sites.name));
  return { items, total: items.length };
}

export async function findSiteInScope(db: Db, actor: Actor, siteId: string) {
  const [site] = await db
    .select()
    .from(sites)
    .where(and(inScope(actor), eq(sites.id, siteId)));
  return site;
}

export async function findSiteByName(db: Db, organisationId: string, name: string) {
  const [site] = await db
    .select()
    .from(sites)
    .where(and(eq(sites.organisationId, organisationId), eq(sites.name, name)));
  return site;
}
