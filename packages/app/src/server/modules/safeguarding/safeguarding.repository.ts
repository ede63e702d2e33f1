import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import { userSites, users } from '../../auth/auth.table.ts';
import type { Db } from '../../db/database.ts';
import { cases } from '../cases/cases.table.ts';
import { defaultChain } from './safeguarding.rules.ts';
import {
  type ChainStep,
  safeguardingConcernEvents,
  safeguardingConcerns,
  safeguardingConcernViewers,
  safeguardingEscalationSteps,
} from './safeguarding.table.ts';

/** The organisation's chain, or the default when it has set none. */
export async function readChain(
  db: Db,
  organisationId: string,
): Promise<{ steps: ChainStep[]; isDefault: boolean }> {
  const rows = await db
    .select()
    .from(safeguardingEscalationSteps)
    .where(eq(safeguardingEscalationSteps.organisationId, organisationId))
    .orderBy(asc(safeguardingEscalationSteps.position));
  if (rows.length === 0) return { steps: defaultChain, isDefault: true };
  return {
    steps: rows.map((r) => ({
      label: r.label,
      role: r.role,
      userId: r.userId,
      deadlineHours: r.deadlineHours,
    })),
    isDefault: false,
  };
}

/** Enabled people of the organisation among `ids` (to check a chain's named people). */
export async function activeUsersAmong(db: Db, organisationId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      and(eq(users.organisationId, organisationId), inArray(users.id, ids), eq(users.isDisabled, false)),
    );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The people a step reaches for a concern at a site: the named person, or everyone in the role there. */
export async function usersForStep(
  db: Db,
  where: { organisationId: string; siteId: string },
  step: ChainStep,
): Promise<string[]> {
  if (step.userId) return [...(await activeUsersAmong(db, where.organisationId, [step.userId])).keys()];
  if (!step.role) return [];
  const conditions: SQL[] = [
    eq(users.organisationId, where.organisationId),
    eq(users.role, step.role),
    eq(users.isDisabled, false),
  ];
  // Admins reach every site of their organisation; everyone else only the sites they work at.
  if (step.role !== 'admin')
    conditions.push(
      sql`exists (select 1 from ${userSites} us where us.user_id = ${users.id} and us.site_id = ${where.siteId})`,
    );
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(...conditions));
  return rows.map((r) => r.id);
}

export async function addViewers(db: Db, concernId: string, userIds: string[], at: Date) {
  if (userIds.length === 0) return;
  await db
    .insert(safeguardingConcernViewers)
    .values([...new Set(userIds)].map((userId) => ({ concernId, userId, addedAt: at })))
    .onConflictDoNothing();
}

/** Row-level scope: the actor's organisation, and they raised it or its chain has reached them. */
const visibleTo = (actor: Actor) =>
  and(
    eq(safeguardingConcerns.organisationId, actor.organisationId),
    sql`exists (select 1 from ${safeguardingConcernViewers} v where v.concern_id = ${safeguardingConcerns.id} and v.user_id = ${actor.userId})`,
  ) as SQL;

const summaryColumns = {
  concern: safeguardingConcerns,
  localCaseId: cases.localCaseId,
  raisedByName: users.name,
};
export type ConcernRow = {
  concern: typeof safeguardingConcerns.$inferSelect;
  localCaseId: string;
  raisedByName: string;
};

export async function findVisibleConcern(
  db: Db,
  actor: Actor,
  concernId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ConcernRow | undefined> {
  const query = db
    .select(summaryColumns)
    .from(safeguardingConcerns)
    .innerJoin(cases, eq(cases.id, safeguardingConcerns.caseId))
    .innerJoin(users, eq(users.id, safeguardingConcerns.raisedBy))
    .where(and(eq(safeguardingConcerns.id, concernId), visibleTo(actor)));
  const [row] = options.forUpdate ? await query.for('update', { of: safeguardingConcerns }) : await query;
  return row;
}

export async function listVisibleConcerns(db: Db, actor: Actor, status?: 'open' | 'resolved') {
  const conditions: SQL[] = [visibleTo(actor)];
  if (status) conditions.push(eq(safeguardingConcerns.status, status));
  return db
    .select(summaryColumns)
    .from(safeguardingConcerns)
    .innerJoin(cases, eq(cases.id, safeguardingConcerns.caseId))
    .innerJoin(users, eq(users.id, safeguardingConcerns.raisedBy))
    .where(and(...conditions))
    .orderBy(desc(safeguardingConcerns.raisedAt))
    .limit(200);
}

export async function listConcernEvents(db: Db, concernId: string) {
  return db
    .select({ event: safeguardingConcernEvents, actorName: users.name })
    .from(safeguardingConcernEvents)
    .leftJoin(users, eq(users.id, safeguardingConcernEvents.actorUserId))
    .where(eq(safeguardingConcernEvents.concernId, concernId))
    .orderBy(asc(safeguardingConcernEvents.occurredAt), asc(safeguardingConcernEvents.id));
}

/** Counts and resolution times for the report: the actor's organisation, limited to `siteIds`. */
export async function concernFigures(
  db: Db,
  organisationId: string,
  siteIds: string[],
  period: { from?: string | undefined; to?: string | undefined },
  now: Date,
) {
  const inSites = and(
    eq(safeguardingConcerns.organisationId, organisationId),
    inArray(safeguardingConcerns.siteId, siteIds),
  ) as SQL;
  const open = await db
    .select({
      step: safeguardingConcerns.step,
      count: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) filter (where ${safeguardingConcerns.stepDeadlineAt} is null or ${safeguardingConcerns.stepDeadlineAt} <= ${now.toISOString()}::timestamptz)::int`,
    })
    .from(safeguardingConcerns)
    .where(and(inSites, eq(safeguardingConcerns.status, 'open')))
    .groupBy(safeguardingConcerns.step)
    .orderBy(asc(safeguardingConcerns.step));
  // The period is UK calendar days on the raising date.
  const inPeriod: SQL[] = [inSites];
  if (period.from)
    inPeriod.push(
      sql`(${safeguardingConcerns.raisedAt} at time zone 'Europe/London')::date >= ${period.from}::date`,
    );
  if (period.to)
    inPeriod.push(
      sql`(${safeguardingConcerns.raisedAt} at time zone 'Europe/London')::date <= ${period.to}::date`,
    );
  const [raised] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(safeguardingConcerns)
    .where(and(...inPeriod));
  const resolved = await db
    .select({
      hours: sql<number>`(extract(epoch from (${safeguardingConcerns.resolvedAt} - ${safeguardingConcerns.raisedAt})) / 3600)::float8`,
    })
    .from(safeguardingConcerns)
    .where(and(...inPeriod, eq(safeguardingConcerns.status, 'resolved')));
  return { open, raised: raised?.count ?? 0, hours: resolved.map((r) => Number(r.hours)) };
}
