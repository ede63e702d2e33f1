import { and, eq, isNull, sql } from 'drizzle-orm';
import { ukDateOf } from '../../../clock.ts';
import { newId } from '../../../db/ids.ts';
import { rowsOf } from '../../../db/rows.ts';
import { conflict, notFound, validationFailed } from '../../../http/app-error.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findCaseInScope } from '../../cases/cases.repository.ts';
import type { WorkforceContext } from '../people/people.service.ts';
import { accessLimits } from './access-limits.table.ts';

type LimitRow = {
  id: string;
  site_id: string;
  user_id: string;
  user_name: string;
  case_id: string;
  local_case_id: string;
  reason: string;
  review_on: string;
  set_by: string;
  set_by_name: string;
  set_at: string | Date;
};

/** Active limits at the actor's sites; `dueForReview` keeps those whose review date has come. */
export async function listAccessLimits(
  { db, actor, clock, requestId }: WorkforceContext,
  options: { dueForReview: boolean },
) {
  const today = ukDateOf(clock.now());
  return db.transaction(async (tx) => {
    const siteIds = actor.siteIds.length > 0 ? actor.siteIds : ['00000000-0000-0000-0000-000000000000'];
    const rows = rowsOf<LimitRow>(
      await tx.execute(sql`
        select al.id, al.site_id, al.user_id, u.name as user_name, al.case_id, c.local_case_id, al.reason,
          al.review_on::text as review_on, al.set_by, s.name as set_by_name, al.set_at
        from access_limits al join users u on u.id = al.user_id join users s on s.id = al.set_by
        join cases c on c.id = al.case_id
        where al.organisation_id = ${actor.organisationId} and al.lifted_at is null
          and al.site_id in (${sql.join(
            siteIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
          ${options.dueForReview ? sql`and al.review_on <= ${today}::date` : sql``}
        order by al.review_on, al.set_at`),
    );
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'access_limit.list',
        entityType: 'access_limit',
        entityIds: rows.map((r) => r.id),
        query: { dueForReview: options.dueForReview },
      },
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        siteId: r.site_id,
        user: { id: r.user_id, name: r.user_name },
        caseId: r.case_id,
        localCaseId: r.local_case_id,
        reason: r.reason,
        reviewOn: r.review_on,
        isReviewDue: r.review_on <= today,
        setBy: { id: r.set_by, name: r.set_by_name },
        setAt: new Date(r.set_at).toISOString(),
      })),
    };
  });
}

/** Bars one named person from one named case, with the risk recorded and a review date. */
export async function createAccessLimit(
  ctx: WorkforceContext,
  body: { userId: string; caseId: string; reason: string; reviewOn: string },
) {
  const { db, actor, clock, requestId } = ctx;
  const today = ukDateOf(clock.now());
  if (body.reviewOn <= today)
    throw validationFailed([{ field: 'reviewOn', message: 'Choose a review date after today.' }]);
  return db.transaction(async (tx) => {
    const found = await findCaseInScope(tx, actor, body.caseId);
    if (!found) throw notFound('case');
    const [target] = rowsOf<{ id: string }>(
      await tx.execute(
        sql`select id from users where id = ${body.userId} and organisation_id = ${actor.organisationId}`,
      ),
    );
    if (!target)
      throw validationFailed([{ field: 'userId', message: 'Choose a person in this organisation.' }]);
    const [existing] = await tx
      .select({ id: accessLimits.id })
      .from(accessLimits)
      .where(
        and(
          eq(accessLimits.userId, body.userId),
          eq(accessLimits.caseId, body.caseId),
          isNull(accessLimits.liftedAt),
        ),
      );
    if (existing) throw conflict('This person is already barred from this case.');
    const id = newId();
    await tx.insert(accessLimits).values({
      id,
      organisationId: actor.organisationId,
      siteId: found.case.siteId,
      userId: body.userId,
      caseId: body.caseId,
      reason: body.reason,
      reviewOn: body.reviewOn,
      setBy: actor.userId,
      setAt: clock.now(),
    });
    // A barred person comes off the case at once: they could not see it any more.
    await tx.execute(
      sql`delete from case_workers where case_id = ${body.caseId} and user_id = ${body.userId}`,
    );
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'access_limit.create',
        entityType: 'access_limit',
        entityIds: [id, body.userId, body.caseId],
        siteId: found.case.siteId,
      },
    );
    return { id };
  });
}

export async function reviewAccessLimit(
  { db, actor, clock, requestId }: WorkforceContext,
  limitId: string,
  body: { decision: 'keep'; reviewOn: string; reason: string } | { decision: 'lift'; reason: string },
) {
  const today = ukDateOf(clock.now());
  if (body.decision === 'keep' && body.reviewOn <= today)
    throw validationFailed([{ field: 'reviewOn', message: 'Choose a review date after today.' }]);
  return db.transaction(async (tx) => {
    const siteIds = actor.siteIds.length > 0 ? actor.siteIds : ['00000000-0000-0000-0000-000000000000'];
    const [limit] = rowsOf<{ id: string; site_id: string; reason: string }>(
      await tx.execute(sql`select id, site_id, reason from access_limits where id = ${limitId}
        and organisation_id = ${actor.organisationId} and lifted_at is null
        and site_id in (${sql.join(
          siteIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) for update`),
    );
    if (!limit) throw notFound('access limit');
    const now = clock.now();
    if (body.decision === 'lift')
      await tx
        .update(accessLimits)
        .set({ liftedAt: now, liftedBy: actor.userId, liftReason: body.reason })
        .where(eq(accessLimits.id, limitId));
    else
      await tx
        .update(accessLimits)
        .set({ reviewOn: body.reviewOn, reason: `${limit.reason}\n\nReviewed ${today}: ${body.reason}` })
        .where(eq(accessLimits.id, limitId));
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: `access_limit.${body.decision}`,
        entityType: 'access_limit',
        entityIds: [limitId],
        siteId: limit.site_id,
      },
    );
    return { ok: true as const };
  });
}
