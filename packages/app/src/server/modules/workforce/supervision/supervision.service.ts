import { and, desc, eq, or } from 'drizzle-orm';
import { users } from '../../../auth/auth.table.ts';
import { ukDateOf } from '../../../clock.ts';
import type { Db } from '../../../db/database.ts';
import { newId } from '../../../db/ids.ts';
import { notFound, validationFailed } from '../../../http/app-error.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { WorkforceContext } from '../people/people.service.ts';
import { workforceMembers } from '../people/people.table.ts';
import { supervisionSessions, wellbeingPlans } from './supervision.table.ts';

/**
 * Supervision notes and wellbeing plans are private to the person and their supervisor: not other
 * coordinators, not an admin. The row-level rule is applied in the query that finds the person, so
 * anyone else gets the same 404 as for a record that does not exist.
 */
async function findMemberForPrivate(ctx: WorkforceContext, db: Db, memberId: string) {
  const { actor } = ctx;
  const [row] = await db
    .select()
    .from(workforceMembers)
    .where(
      and(
        eq(workforceMembers.id, memberId),
        eq(workforceMembers.organisationId, actor.organisationId),
        or(eq(workforceMembers.userId, actor.userId), eq(workforceMembers.supervisorUserId, actor.userId)),
      ),
    );
  return row;
}

export async function listSupervision(ctx: WorkforceContext, memberId: string) {
  const { db, actor, clock, requestId } = ctx;
  return db.transaction(async (tx) => {
    const member = await findMemberForPrivate(ctx, tx, memberId);
    if (!member) throw notFound('workforce record');
    const isSupervisee = member.userId === actor.userId;
    const rows = await tx
      .select({ session: supervisionSessions, supervisorName: users.name })
      .from(supervisionSessions)
      .innerJoin(users, eq(users.id, supervisionSessions.supervisorUserId))
      .where(
        and(
          eq(supervisionSessions.memberId, memberId),
          // A supervisor reads the sessions they held; the supervisee reads all of their own.
          ...(isSupervisee ? [] : [eq(supervisionSessions.supervisorUserId, actor.userId)]),
        ),
      )
      .orderBy(desc(supervisionSessions.heldOn));
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'supervision.list',
        entityType: 'supervision_session',
        entityIds: [memberId, ...rows.map((r) => r.session.id)],
        siteId: member.siteId,
      },
    );
    return {
      items: rows.map(({ session, supervisorName }) => ({
        id: session.id,
        heldOn: session.heldOn,
        supervisor: { userId: session.supervisorUserId, name: supervisorName },
        notes: session.notes,
        agreedActions: session.agreedActions,
      })),
    };
  });
}

/** Only the person's current supervisor records a session. */
export async function recordSupervision(
  ctx: WorkforceContext,
  memberId: string,
  body: { heldOn: string; notes: string; agreedActions?: string | undefined },
) {
  const { db, actor, clock, requestId } = ctx;
  if (body.heldOn > ukDateOf(clock.now()))
    throw validationFailed([{ field: 'heldOn', message: 'Record a session that has taken place.' }]);
  return db.transaction(async (tx) => {
    const member = await findMemberForPrivate(ctx, tx, memberId);
    if (!member || member.supervisorUserId !== actor.userId) throw notFound('workforce record');
    const id = newId();
    await tx.insert(supervisionSessions).values({
      id,
      memberId,
      organisationId: member.organisationId,
      siteId: member.siteId,
      supervisorUserId: actor.userId,
      heldOn: body.heldOn,
      notes: body.notes,
      agreedActions: body.agreedActions ?? null,
      recordedAt: clock.now(),
    });
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'supervision.record',
        entityType: 'supervision_session',
        entityIds: [memberId, id],
        siteId: member.siteId,
      },
    );
    return { id };
  });
}

export async function viewWellbeingPlan(ctx: WorkforceContext, memberId: string) {
  const { db, actor, clock, requestId } = ctx;
  return db.transaction(async (tx) => {
    const member = await findMemberForPrivate(ctx, tx, memberId);
    if (!member) throw notFound('workforce record');
    const [plan] = await tx.select().from(wellbeingPlans).where(eq(wellbeingPlans.memberId, memberId));
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'wellbeing_plan.view',
        entityType: 'wellbeing_plan',
        entityIds: [memberId],
        siteId: member.siteId,
      },
    );
    return {
      earlySigns: plan?.earlySigns ?? null,
      whatHelps: plan?.whatHelps ?? null,
      steppingBack: plan?.steppingBack ?? null,
      whoToContact: plan?.whoToContact ?? null,
      updatedAt: plan?.updatedAt.toISOString() ?? null,
    };
  });
}

export async function saveWellbeingPlan(
  ctx: WorkforceContext,
  memberId: string,
  body: {
    earlySigns: string | null;
    whatHelps: string | null;
    steppingBack: string | null;
    whoToContact: string | null;
  },
) {
  const { db, actor, clock, requestId } = ctx;
  return db.transaction(async (tx) => {
    const member = await findMemberForPrivate(ctx, tx, memberId);
    if (!member) throw notFound('workforce record');
    const values = { ...body, updatedBy: actor.userId, updatedAt: clock.now() };
    await tx
      .insert(wellbeingPlans)
      .values({ memberId, organisationId: member.organisationId, siteId: member.siteId, ...values })
      .onConflictDoUpdate({ target: wellbeingPlans.memberId, set: values });
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'wellbeing_plan.save',
        entityType: 'wellbeing_plan',
        entityIds: [memberId],
        siteId: member.siteId,
      },
    );
    return { ...body, updatedAt: values.updatedAt.toISOString() };
  });
}
