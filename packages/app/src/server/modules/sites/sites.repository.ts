import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import { inActorScope } from '../../access/scope.ts';
import type { Db } from '../../db/database.ts';
import { sites } from './sites.table.ts';

const inScope = (actor: Actor) =>
  inActorScope(actor, { organisationId: sites.organisationId, siteId: sites.id });

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
