import { eq } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { conflict, notFound } from '../../http/app-error.ts';
import { findSiteByName, findSiteInScope } from './sites.repository.ts';
import { sites } from './sites.table.ts';

const nameTaken = () =>
  conflict('Another site already has that name.', [
    { field: 'name', message: 'Choose a name no other site uses.' },
  ]);

export async function createSite({ db, actor, name }: { db: Db; actor: Actor; name: string }) {
  if (await findSiteByName(db, actor.organisationId, name)) throw nameTaken();
  const [site] = await db
    .insert(sites)
    .values({ id: newId(), organisationId: actor.organisationId, name })
    .returning();
  if (!site) throw new Error('insert returned no row');
  return { site };
}

export async function renameSite({
  db,
  actor,
  siteId,
  name,
}: {
  db: Db;
  actor: Actor;
  siteId: string;
  name: string;
}) {
  const existing = await findSiteInScope(db, actor, siteId);
  if (!existing) throw notFound('site');
  const clash = await findSiteByName(db, actor.organisationId, name);
  if (clash && clash.id !== siteId) throw nameTaken();
  const [site] = await db.update(sites).set({ name }).where(eq(sites.id, siteId)).returning();
  if (!site) throw notFound('site');
  return { site };
}
