import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { HoursActivity, HoursStatus } from '../../../../contract/workforce-codes.ts';
import { inActorScope } from '../../../access/scope.ts';
import { ukDateOf } from '../../../clock.ts';
import { newId } from '../../../db/ids.ts';
import { conflict, notFound, validationFailed } from '../../../http/app-error.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findMemberOfUser } from '../people/people.repository.ts';
import type { WorkforceContext } from '../people/people.service.ts';
import { workforceMembers } from '../people/people.table.ts';
import { hoursLogs } from './hours.table.ts';

const columns = {
  id: hoursLogs.id,
  memberId: hoursLogs.memberId,
  displayName: workforceMembers.displayName,
  workedOn: hoursLogs.workedOn,
  activity: hoursLogs.activity,
  minutes: hoursLogs.minutes,
  note: hoursLogs.note,
  status: hoursLogs.status,
  returnReason: hoursLogs.returnReason,
  loggedAt: hoursLogs.loggedAt,
};

type Row = {
  id: string;
  memberId: string;
  displayName: string;
  workedOn: string;
  activity: string;
  minutes: number;
  note: string | null;
  status: string;
  returnReason: string | null;
  loggedAt: Date;
};
const toEntry = (r: Row) => ({
  ...r,
  activity: r.activity as HoursActivity,
  status: r.status as HoursStatus,
  loggedAt: r.loggedAt.toISOString(),
});

async function ownMember(ctx: WorkforceContext) {
  const member = await findMemberOfUser(ctx.db, ctx.actor.organisationId, ctx.actor.userId);
  if (!member) throw notFound('workforce record');
  return member;
}

/** The signed-in volunteer's own hours, newest first. */
export async function listMyHours(ctx: WorkforceContext) {
  const { db, actor, clock, requestId } = ctx;
  return db.transaction(async (tx) => {
    const member = await ownMember({ ...ctx, db: tx });
    const rows = await tx
      .select(columns)
      .from(hoursLogs)
      .innerJoin(workforceMembers, eq(workforceMembers.id, hoursLogs.memberId))
      .where(eq(hoursLogs.memberId, member.id))
      .orderBy(desc(hoursLogs.workedOn), desc(hoursLogs.loggedAt))
      .limit(200);
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'hours.list_own',
        entityType: 'hours_log',
        entityIds: rows.map((r) => r.id),
        siteId: member.siteId,
      },
    );
    return { items: rows.map(toEntry) };
  });
}

/** A volunteer logs their own hours; nobody logs hours for someone else. */
export async function logMyHours(
  ctx: WorkforceContext,
  body: { workedOn: string; activity: HoursActivity; minutes: number; note?: string | undefined },
) {
  const { db, actor, clock, requestId } = ctx;
  const today = ukDateOf(clock.now());
  if (body.workedOn > today)
    throw validationFailed([{ field: 'workedOn', message: 'Enter a day that is not in the future.' }]);
  return db.transaction(async (tx) => {
    const member = await ownMember({ ...ctx, db: tx });
    if (member.status === 'left') throw conflict('Your workforce record says you have left.');
    const [{ total } = { total: 0 }] = await tx
      .select({ total: sql<number>`coalesce(sum(${hoursLogs.minutes}), 0)::int` })
      .from(hoursLogs)
      .where(
        and(
          eq(hoursLogs.memberId, member.id),
          eq(hoursLogs.workedOn, body.workedOn),
          inArray(hoursLogs.status, ['pending', 'approved']),
        ),
      );
    if (total + body.minutes > 16 * 60)
      throw validationFailed([
        { field: 'minutes', message: 'That would log more than 16 hours for one day.' },
      ]);
    const id = newId();
    await tx.insert(hoursLogs).values({
      id,
      memberId: member.id,
      organisationId: member.organisationId,
      siteId: member.siteId,
      workedOn: body.workedOn,
      activity: body.activity,
      minutes: body.minutes,
      note: body.note ?? null,
      loggedBy: actor.userId,
      loggedAt: clock.now(),
    });
    await recordAudit(
      tx,
      { actor, clock, requestId },
      { action: 'hours.log', entityType: 'hours_log', entityIds: [id], siteId: member.siteId },
    );
    const [row] = await tx
      .select(columns)
      .from(hoursLogs)
      .innerJoin(workforceMembers, eq(workforceMembers.id, hoursLogs.memberId))
      .where(eq(hoursLogs.id, id));
    return toEntry(row as Row);
  });
}

const hoursInScope = (ctx: WorkforceContext) =>
  inActorScope(ctx.actor, { organisationId: hoursLogs.organisationId, siteId: hoursLogs.siteId });

/** Hours at the coordinator's sites (pending first by default), for approval. */
export async function listHours(
  ctx: WorkforceContext,
  filter: { siteId?: string | undefined; status?: HoursStatus | undefined },
) {
  const { db, actor, clock, requestId } = ctx;
  return db.transaction(async (tx) => {
    const conditions: SQL[] = [hoursInScope(ctx)];
    if (filter.siteId) conditions.push(eq(hoursLogs.siteId, filter.siteId));
    if (filter.status) conditions.push(eq(hoursLogs.status, filter.status));
    const rows = await tx
      .select(columns)
      .from(hoursLogs)
      .innerJoin(workforceMembers, eq(workforceMembers.id, hoursLogs.memberId))
      .where(and(...conditions))
      .orderBy(desc(hoursLogs.workedOn), desc(hoursLogs.loggedAt))
      .limit(500);
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'hours.list',
        entityType: 'hours_log',
        entityIds: rows.map((r) => r.id),
        query: { ...filter },
      },
    );
    return { items: rows.map(toEntry) };
  });
}

export async function decideHours(
  ctx: WorkforceContext,
  hoursId: string,
  body: { decision: 'approve' } | { decision: 'return'; reason: string },
) {
  const { db, actor, clock, requestId } = ctx;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: hoursLogs.id,
        status: hoursLogs.status,
        siteId: hoursLogs.siteId,
        loggedBy: hoursLogs.loggedBy,
      })
      .from(hoursLogs)
      .where(and(hoursInScope(ctx), eq(hoursLogs.id, hoursId)))
      .for('update');
    if (!row) throw notFound('hours');
    if (row.status !== 'pending') throw conflict('These hours have already been decided.');
    if (row.loggedBy === actor.userId) throw conflict('Someone else must approve hours you logged yourself.');
    await tx
      .update(hoursLogs)
      .set({
        status: body.decision === 'approve' ? 'approved' : 'returned',
        returnReason: body.decision === 'return' ? body.reason : null,
        decidedBy: actor.userId,
        decidedAt: clock.now(),
      })
      .where(eq(hoursLogs.id, hoursId));
    await recordAudit(
      tx,
      { actor, clock, requestId },
      { action: `hours.${body.decision}`, entityType: 'hours_log', entityIds: [hoursId], siteId: row.siteId },
    );
    const [updated] = await tx
      .select(columns)
      .from(hoursLogs)
      .innerJoin(workforceMembers, eq(workforceMembers.id, hoursLogs.memberId))
      .where(eq(hoursLogs.id, hoursId));
    return toEntry(updated as Row);
  });
}
