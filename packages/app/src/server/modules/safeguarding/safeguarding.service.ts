import { and, eq } from 'drizzle-orm';
import type {
  ConcernDetail,
  ConcernSummary,
  EscalationChain,
  PutChainBody,
  RaiseConcernBody,
  SafeguardingReport,
} from '../../../contract/safeguarding.ts';
import type { Actor } from '../../access/actor.ts';
import { scopedSiteIds } from '../../access/scope.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { conflict, notFound, validationFailed } from '../../http/app-error.ts';
import { type AuditContext, recordAudit } from '../audit/audit.service.ts';
import { findCaseInScope } from '../cases/cases.repository.ts';
import { contacts } from '../contacts/contacts.table.ts';
import { notify } from '../notifications/notifications.service.ts';
import {
  activeUsersAmong,
  addViewers,
  type ConcernRow,
  concernFigures,
  findVisibleConcern,
  listConcernEvents,
  listVisibleConcerns,
  readChain,
  usersForStep,
} from './safeguarding.repository.ts';
import { deadlineAfter, isReachedStep, timeToResolve } from './safeguarding.rules.ts';
import {
  type ChainStep,
  safeguardingConcernEvents,
  safeguardingConcerns,
  safeguardingEscalationSteps,
} from './safeguarding.table.ts';

export type SafeguardingContext = { db: Db; actor: Actor; clock: Clock; requestId: string };

const auditOf = ({ actor, clock, requestId }: SafeguardingContext): AuditContext => ({
  actor,
  clock,
  requestId,
});

async function withNames(db: Db, organisationId: string, steps: ChainStep[]) {
  const names = await activeUsersAmong(
    db,
    organisationId,
    steps.flatMap((s) => (s.userId ? [s.userId] : [])),
  );
  return steps.map((s) => ({
    ...s,
    role: s.role as never,
    userName: s.userId ? (names.get(s.userId) ?? null) : null,
  }));
}

export async function getChain({ db, actor }: SafeguardingContext): Promise<EscalationChain> {
  const chain = await readChain(db, actor.organisationId);
  return { steps: await withNames(db, actor.organisationId, chain.steps), isDefault: chain.isDefault };
}

export async function setChain(context: SafeguardingContext, body: PutChainBody): Promise<EscalationChain> {
  const { db, actor, clock } = context;
  return db.transaction(async (tx) => {
    const named = body.steps.flatMap((s) => (s.userId ? [s.userId] : []));
    const known = await activeUsersAmong(tx, actor.organisationId, named);
    const problems = body.steps.flatMap((s, i) =>
      s.userId && !known.has(s.userId)
        ? [
            {
              field: `steps.${i}.userId`,
              message: 'Choose a person in your organisation whose account is active.',
            },
          ]
        : [],
    );
    if (problems.length > 0) throw validationFailed(problems);
    await tx
      .delete(safeguardingEscalationSteps)
      .where(eq(safeguardingEscalationSteps.organisationId, actor.organisationId));
    const now = clock.now();
    await tx.insert(safeguardingEscalationSteps).values(
      body.steps.map((s, position) => ({
        id: newId(),
        organisationId: actor.organisationId,
        position,
        label: s.label,
        role: s.role,
        userId: s.userId,
        deadlineHours: s.deadlineHours,
        updatedAt: now,
      })),
    );
    await recordAudit(tx, auditOf(context), {
      action: 'safeguarding.chain_update',
      entityType: 'safeguarding_chain',
      entityIds: named,
    });
    return getChain({ ...context, db: tx });
  });
}

/** Everyone a step reaches is added to those who may see the concern and told in the app. */
async function reachStep(
  db: Db,
  clock: Clock,
  concern: { id: string; organisationId: string; siteId: string; caseId: string; raisedBy: string },
  localCaseId: string,
  step: ChainStep,
  message: string,
) {
  const reached = await usersForStep(db, concern, step);
  await addViewers(db, concern.id, reached, clock.now());
  for (const userId of reached)
    if (userId !== concern.raisedBy)
      await notify(db, clock, {
        organisationId: concern.organisationId,
        siteId: concern.siteId,
        userId,
        kind: 'safeguarding_concern',
        caseId: concern.caseId,
        message: `${message} Case ${localCaseId}: respond within ${step.deadlineHours} hours (${step.label}).`,
      });
  return reached;
}

async function addEvent(
  db: Db,
  clock: Clock,
  concern: { id: string; organisationId: string },
  event: { kind: string; actorUserId: string | null; step: number; note?: string | null },
) {
  await db.insert(safeguardingConcernEvents).values({
    id: newId(),
    concernId: concern.id,
    organisationId: concern.organisationId,
    occurredAt: clock.now(),
    kind: event.kind,
    actorUserId: event.actorUserId,
    step: event.step,
    note: event.note ?? null,
  });
}

export async function raiseConcern(
  context: SafeguardingContext,
  body: RaiseConcernBody,
): Promise<ConcernDetail> {
  const { db, actor, clock } = context;
  return db.transaction(async (tx) => {
    // Anyone working on the case may raise a concern about it; a case out of their scope is not found.
    const found = await findCaseInScope(tx, actor, body.caseId);
    if (!found) throw notFound('case');
    if (body.contactId) {
      const [contact] = await tx
        .select({ id: contacts.id })
        .from(contacts)
        .where(and(eq(contacts.id, body.contactId), eq(contacts.caseId, body.caseId)));
      if (!contact)
        throw validationFailed([{ field: 'contactId', message: 'Choose a contact recorded on this case.' }]);
    }
    const { steps } = await readChain(tx, actor.organisationId);
    const first = steps[0] as ChainStep;
    const now = clock.now();
    const concern = {
      id: newId(),
      organisationId: actor.organisationId,
      siteId: found.case.siteId,
      caseId: body.caseId,
      contactId: body.contactId ?? null,
      raisedBy: actor.userId,
      raisedAt: now,
      summary: body.summary,
      status: 'open',
      chain: steps,
      step: 0,
      stepDeadlineAt: deadlineAfter(now, first.deadlineHours),
    };
    await tx.insert(safeguardingConcerns).values(concern);
    await addViewers(tx, concern.id, [actor.userId], now);
    await addEvent(tx, clock, concern, { kind: 'raised', actorUserId: actor.userId, step: 0 });
    const reached = await reachStep(
      tx,
      clock,
      concern,
      found.case.localCaseId,
      first,
      'A safeguarding concern has been raised.',
    );
    await recordAudit(tx, auditOf(context), {
      action: 'safeguarding.raise',
      entityType: 'safeguarding_concern',
      entityIds: [concern.id, body.caseId, ...reached],
      siteId: concern.siteId,
    });
    return detailOf(tx, actor, clock, concern.id);
  });
}

function toSummary(row: ConcernRow, now: Date): ConcernSummary {
  const c = row.concern;
  const chain = c.chain;
  return {
    id: c.id,
    siteId: c.siteId,
    caseId: c.caseId,
    localCaseId: row.localCaseId,
    status: c.status as ConcernSummary['status'],
    step: c.step,
    stepLabel: chain[c.step]?.label ?? '',
    stepDeadlineAt: c.stepDeadlineAt?.toISOString() ?? null,
    isOverdue: c.status === 'open' && (c.stepDeadlineAt === null || c.stepDeadlineAt <= now),
    raisedAt: c.raisedAt.toISOString(),
    raisedBy: { userId: c.raisedBy, name: row.raisedByName },
  };
}

async function detailOf(db: Db, actor: Actor, clock: Clock, concernId: string): Promise<ConcernDetail> {
  const row = await findVisibleConcern(db, actor, concernId);
  if (!row) throw notFound('safeguarding concern');
  const c = row.concern;
  const events = await listConcernEvents(db, concernId);
  return {
    ...toSummary(row, clock.now()),
    contactId: c.contactId,
    summary: c.summary,
    chain: await withNames(db, c.organisationId, c.chain),
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    resolution: c.resolution,
    canAct: c.status === 'open' && isReachedStep(c.chain, c.step, actor),
    events: events.map(({ event, actorName }) => ({
      id: event.id,
      kind: event.kind as ConcernDetail['events'][number]['kind'],
      occurredAt: event.occurredAt.toISOString(),
      actor: event.actorUserId ? { userId: event.actorUserId, name: actorName ?? 'Unknown' } : null,
      step: event.step,
      note: event.note,
    })),
  };
}

export async function listConcerns(context: SafeguardingContext, status?: 'open' | 'resolved') {
  const { db, actor, clock } = context;
  return db.transaction(async (tx) => {
    const rows = await listVisibleConcerns(tx, actor, status);
    await recordAudit(tx, auditOf(context), {
      action: 'safeguarding.list',
      entityType: 'safeguarding_concern',
      entityIds: rows.map((r) => r.concern.id),
      query: { status: status ?? null },
    });
    const now = clock.now();
    return { items: rows.map((r) => toSummary(r, now)), total: rows.length };
  });
}

export async function viewConcern(context: SafeguardingContext, concernId: string) {
  const { db, actor, clock } = context;
  return db.transaction(async (tx) => {
    const detail = await detailOf(tx, actor, clock, concernId);
    await recordAudit(tx, auditOf(context), {
      action: 'safeguarding.view',
      entityType: 'safeguarding_concern',
      entityIds: [concernId],
      siteId: detail.siteId,
    });
    return detail;
  });
}

/** Loads a concern the actor may see, locked; `mustAct` also requires them to be a reached step. */
async function lockedConcern(db: Db, actor: Actor, concernId: string, mustAct: boolean) {
  const row = await findVisibleConcern(db, actor, concernId, { forUpdate: true });
  if (!row) throw notFound('safeguarding concern');
  if (row.concern.status !== 'open') throw conflict('This concern is resolved; it can no longer change.');
  if (mustAct && !isReachedStep(row.concern.chain, row.concern.step, actor))
    throw conflict('Only the people its escalation chain has reached can act on this concern.');
  return row;
}

export async function addConcernNote(context: SafeguardingContext, concernId: string, note: string) {
  const { db, actor, clock } = context;
  return db.transaction(async (tx) => {
    const { concern } = await lockedConcern(tx, actor, concernId, false);
    await addEvent(tx, clock, concern, { kind: 'note', actorUserId: actor.userId, step: concern.step, note });
    await recordAudit(tx, auditOf(context), {
      action: 'safeguarding.note',
      entityType: 'safeguarding_concern',
      entityIds: [concernId],
      siteId: concern.siteId,
    });
    return detailOf(tx, actor, clock, concernId);
  });
}

export async function escalateConcern(context: SafeguardingContext, concernId: string, note: string) {
  const { db, actor, clock } = context;
  return db.transaction(async (tx) => {
    const { concern, localCaseId } = await lockedConcern(tx, actor, concernId, true);
    const toStep = concern.step + 1;
    const next = concern.chain[toStep];
    if (!next) throw conflict('This concern is already with the last step of its chain.');
    await moveToStep(tx, clock, concern, localCaseId, toStep, next);
    await addEvent(tx, clock, concern, { kind: 'escalated', actorUserId: actor.userId, step: toStep, note });
    await recordAudit(tx, auditOf(context), {
      action: 'safeguarding.escalate',
      entityType: 'safeguarding_concern',
      entityIds: [concernId],
      siteId: concern.siteId,
      query: { toStep },
    });
    return detailOf(tx, actor, clock, concernId);
  });
}

export async function moveToStep(
  db: Db,
  clock: Clock,
  concern: typeof safeguardingConcerns.$inferSelect,
  localCaseId: string,
  toStep: number,
  step: ChainStep,
) {
  await db
    .update(safeguardingConcerns)
    .set({ step: toStep, stepDeadlineAt: deadlineAfter(clock.now(), step.deadlineHours) })
    .where(eq(safeguardingConcerns.id, concern.id));
  return reachStep(
    db,
    clock,
    concern,
    localCaseId,
    step,
    'A safeguarding concern has been escalated to you.',
  );
}

export async function resolveConcern(context: SafeguardingContext, concernId: string, resolution: string) {
  const { db, actor, clock } = context;
  return db.transaction(async (tx) => {
    const { concern, localCaseId } = await lockedConcern(tx, actor, concernId, true);
    const now = clock.now();
    await tx
      .update(safeguardingConcerns)
      .set({ status: 'resolved', resolvedAt: now, resolution, stepDeadlineAt: null })
      .where(eq(safeguardingConcerns.id, concernId));
    await addEvent(tx, clock, concern, { kind: 'resolved', actorUserId: actor.userId, step: concern.step });
    if (concern.raisedBy !== actor.userId)
      await notify(tx, clock, {
        organisationId: concern.organisationId,
        siteId: concern.siteId,
        userId: concern.raisedBy,
        kind: 'safeguarding_concern',
        caseId: concern.caseId,
        message: `The safeguarding concern you raised on case ${localCaseId} has been resolved.`,
      });
    await recordAudit(tx, auditOf(context), {
      action: 'safeguarding.resolve',
      entityType: 'safeguarding_concern',
      entityIds: [concernId],
      siteId: concern.siteId,
    });
    return detailOf(tx, actor, clock, concernId);
  });
}

/** Aggregates only (no concern, case or person): open by step and overdue, raised and time to resolve. */
export async function safeguardingReport(
  context: SafeguardingContext,
  query: { siteId?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<SafeguardingReport> {
  const { db, actor, clock } = context;
  if (query.siteId && !actor.siteIds.includes(query.siteId))
    throw validationFailed([{ field: 'siteId', message: 'Choose one of your sites.' }]);
  if (query.from && query.to && query.from > query.to)
    throw validationFailed([{ field: 'to', message: 'Enter an end date on or after the start date.' }]);
  return db.transaction(async (tx) => {
    const figures = await concernFigures(
      tx,
      actor.organisationId,
      query.siteId ? [query.siteId] : scopedSiteIds(actor),
      query,
      clock.now(),
    );
    await recordAudit(tx, auditOf(context), {
      action: 'safeguarding.report',
      entityType: 'safeguarding_report',
      query: { ...query },
    });
    const times = timeToResolve(figures.hours);
    return {
      open: figures.open.reduce((s, r) => s + r.count, 0),
      openOverdue: figures.open.reduce((s, r) => s + r.overdue, 0),
      openByStep: figures.open.map((r) => ({ step: r.step, count: r.count })),
      raised: figures.raised,
      resolved: figures.hours.length,
      medianHoursToResolve: times.median,
      meanHoursToResolve: times.mean,
    };
  });
}
