import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { CaseStatus } from '../../../contract/case-codes.ts';
import type { Actor } from '../../access/actor.ts';
import { inCaseScope } from '../../access/scope.ts';
import { users } from '../../auth/auth.table.ts';
import type { Db } from '../../db/database.ts';
import { rowsOf } from '../../db/rows.ts';
import { cases, caseWorkers } from './cases.table.ts';

export type CaseRow = typeof cases.$inferSelect;

const inScope = (actor: Actor) =>
  inCaseScope(actor, { organisationId: cases.organisationId, siteId: cases.siteId, caseId: cases.id });

// Drizzle leaves columns in a select list unqualified, and inside these subqueries a bare "id" would
// mean the inner table's id; name the outer case explicitly.
const caseId = sql.raw('"cases"."id"');
const importedFirstContactOn = sql.raw('"cases"."imported_first_contact_on"');

/** Derived, never typed: the first contact made (or the imported date), the latest contact of any kind. */
const firstContactOn = sql<string | null>`coalesce(
  (select min(ct.contacted_on) from contacts ct where ct.case_id = ${caseId} and ct.outcome = 'made'),
  ${importedFirstContactOn})::text`;
const lastContactOn = sql<
  string | null
>`(select max(ct.contacted_on) from contacts ct where ct.case_id = ${caseId})::text`;
const leadUserId = sql<
  string | null
>`(select cw.user_id from case_workers cw where cw.case_id = ${caseId} and cw.role = 'lead')`;
const leadName = sql<
  string | null
>`(select u.name from case_workers cw join users u on u.id = cw.user_id where cw.case_id = ${caseId} and cw.role = 'lead')`;

const summaryColumns = {
  case: cases,
  firstContactOn,
  lastContactOn,
  leadUserId,
  leadName,
};

export type CaseWithDerived = {
  case: CaseRow;
  firstContactOn: string | null;
  lastContactOn: string | null;
  leadUserId: string | null;
  leadName: string | null;
};

export type CaseFilter = {
  siteId?: string | undefined;
  status?: CaseStatus | undefined;
  isMine?: boolean;
  search?: string | undefined;
  limit: number;
  offset: number;
};

export async function listCasesInScope(db: Db, actor: Actor, filter: CaseFilter) {
  const conditions: SQL[] = [inScope(actor)];
  if (filter.siteId) conditions.push(eq(cases.siteId, filter.siteId));
  if (filter.status) conditions.push(eq(cases.status, filter.status));
  if (filter.isMine)
    conditions.push(
      sql`exists (select 1 from case_workers cw where cw.case_id = ${caseId} and cw.user_id = ${actor.userId})`,
    );
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(cases.localCaseId, pattern), ilike(cases.personName, pattern));
    if (match) conditions.push(match);
  }
  const where = and(...conditions);
  const rows = await db
    .select(summaryColumns)
    .from(cases)
    .where(where)
    .orderBy(desc(cases.referredOn), asc(cases.localCaseId))
    .limit(filter.limit)
    .offset(filter.offset);
  const [totals] = await db.select({ total: count() }).from(cases).where(where);
  return { items: rows as CaseWithDerived[], total: totals?.total ?? 0 };
}

/** Local case IDs (never names) of the given cases that the actor can see, in the order asked. */
export async function localCaseIdsOf(db: Db, actor: Actor, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  const rows = await db
    .select({ caseId: cases.id, localCaseId: cases.localCaseId })
    .from(cases)
    .where(and(inScope(actor), inArray(cases.id, [...caseIds])));
  const byId = new Map(rows.map((r) => [r.caseId, r.localCaseId]));
  return caseIds.flatMap((caseId) => {
    const localCaseId = byId.get(caseId);
    return localCaseId === undefined ? [] : [{ caseId, localCaseId }];
  });
}

export async function findCaseInScope(
  db: Db,
  actor: Actor,
  caseId: string,
  options: { forUpdate?: boolean } = {},
) {
  const query = db
    .select(summaryColumns)
    .from(cases)
    .where(and(inScope(actor), eq(cases.id, caseId)));
  const [row] = options.forUpdate ? await query.for('update', { of: cases }) : await query;
  return row as CaseWithDerived | undefined;
}

export async function findCaseByLocalId(db: Db, siteId: string, localCaseId: string) {
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.siteId, siteId), eq(cases.localCaseId, localCaseId)));
  return row;
}

export async function listCaseWorkers(db: Db, caseId: string) {
  return db
    .select({ userId: caseWorkers.userId, name: users.name, role: caseWorkers.role })
    .from(caseWorkers)
    .innerJoin(users, eq(users.id, caseWorkers.userId))
    .where(eq(caseWorkers.caseId, caseId))
    .orderBy(asc(caseWorkers.role), asc(users.name));
}

export async function userNames(db: Db, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, userIds));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The contact type a person used last, to pre-fill their next contact. */
export async function lastContactTypeOf(db: Db, userId: string): Promise<string | null> {
  const result = await db.execute<{ type: string }>(
    sql`select type from contacts where made_by_user_id = ${userId} order by contacted_at desc limit 1`,
  );
  return rowsOf<{ type: string }>(result)[0]?.type ?? null;
}

/** People who may work cases at a site: active users of the organisation working there, in a casework role. */
export async function findEligibleWorkers(db: Db, organisationId: string, siteId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  const result = await db.execute<{ id: string; role: string }>(sql`
    select u.id, u.role from users u
    where u.organisation_id = ${organisationId} and not u.is_disabled
      and u.role in ('coordinator', 'peer_supporter', 'volunteer')
      and exists (select 1 from user_sites us where us.user_id = u.id and us.site_id = ${siteId})
      and u.id in (${sql.join(
        userIds.map((id) => sql`${id}`),
        sql`, `,
      )})`);
  return rowsOf<{ id: string; role: string }>(result);
}

export async function replaceCaseWorkers(
  db: Db,
  row: Pick<CaseRow, 'id' | 'organisationId' | 'siteId'>,
  workers: { userId: string; role: 'lead' | 'co_worker' }[],
  now: Date,
) {
  await db.delete(caseWorkers).where(eq(caseWorkers.caseId, row.id));
  if (workers.length === 0) return;
  await db.insert(caseWorkers).values(
    workers.map((w) => ({
      caseId: row.id,
      userId: w.userId,
      role: w.role,
      organisationId: row.organisationId,
      siteId: row.siteId,
      assignedAt: now,
    })),
  );
}
