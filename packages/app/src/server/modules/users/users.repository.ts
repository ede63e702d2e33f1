import { and, asc, count, eq, ilike, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Role } from '../../../contract/roles.ts';
import type { Actor } from '../../access/actor.ts';
import { scopedSiteIds } from '../../access/scope.ts';
import { userSites, users } from '../../auth/auth.table.ts';
import type { Db } from '../../db/database.ts';

export type UserRow = typeof users.$inferSelect & { siteIds: string[] };

/** A user is in scope when they belong to the actor's organisation and work at one of the actor's sites. */
function inScope(actor: Actor): SQL {
  const siteIds = scopedSiteIds(actor);
  const worksAtActorSite = sql`exists (select 1 from ${userSites} where ${userSites.userId} = ${users.id} and ${inArray(userSites.siteId, siteIds)})`;
  return sql`${eq(users.organisationId, actor.organisationId)} and ${worksAtActorSite}`;
}

const siteIdsColumn = sql<
  string[]
>`coalesce((select array_agg(${userSites.siteId}::text order by ${userSites.siteId}) from ${userSites} where ${userSites.userId} = ${users.id}), '{}')`;

export type UserFilter = {
  siteId?: string | undefined;
  role?: Role | undefined;
  search?: string | undefined;
  limit: number;
  offset: number;
};

export async function listUsersInScope(db: Db, actor: Actor, filter: UserFilter) {
  const conditions: SQL[] = [inScope(actor)];
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.siteId) {
    conditions.push(
      sql`exists (select 1 from ${userSites} where ${userSites.userId} = ${users.id} and ${userSites.siteId} = ${filter.siteId})`,
    );
  }
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(users.name, pattern), ilike(users.email, pattern));
    if (match) conditions.push(match);
  }
  const where = and(...conditions);
  const items = await db
    .select({ user: users, siteIds: siteIdsColumn })
    .from(users)
    .where(where)
    .orderBy(asc(users.name), asc(users.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [totals] = await db.select({ total: count() }).from(users).where(where);
  return { items: items.map((r) => ({ ...r.user, siteIds: r.siteIds })), total: totals?.total ?? 0 };
}

export async function findUserInScope(db: Db, actor: Actor, userId: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select({ user: users, siteIds: siteIdsColumn })
    .from(users)
    .where(and(inScope(actor), eq(users.id, userId)));
  return row ? { ...row.user, siteIds: row.siteIds } : undefined;
}

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row;
}

export async function countOtherActiveAdmins(db: Db, organisationId: string, exceptUserId: string) {
  const [row] = await db
    .select({ total: count() })
    .from(users)
    .where(
      and(
        eq(users.organisationId, organisationId),
        eq(users.role, 'admin'),
        eq(users.isDisabled, false),
        ne(users.id, exceptUserId),
      ),
    );
  return row?.total ?? 0;
}

export async function replaceUserSites(
  db: Db,
  user: { id: string; organisationId: string },
  siteIds: string[],
) {
  await db.delete(userSites).where(eq(userSites.userId, user.id));
  await db
    .insert(userSites)
    .values(siteIds.map((siteId) => ({ userId: user.id, siteId, organisationId: user.organisationId })));
}
