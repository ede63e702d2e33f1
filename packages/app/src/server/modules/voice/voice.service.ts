import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type {
  SubmitVoiceBody,
  VoiceItem,
  VoiceReport,
  VoiceStatus,
  VoiceStatusBody,
} from '../../../contract/voice.ts';
import { voiceStatuses } from '../../../contract/voice.ts';
import type { Actor } from '../../access/actor.ts';
import { can } from '../../access/role-permissions.ts';
import { inActorScope } from '../../access/scope.ts';
import { users } from '../../auth/auth.table.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { conflict, notFound, validationFailed } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { voiceStatusProblem } from './voice.rules.ts';
import { voiceItems } from './voice.table.ts';

export type VoiceContext = { db: Db; actor: Actor; clock: Clock; requestId: string };
type Row = { item: typeof voiceItems.$inferSelect; submitterName: string };

const scope = (actor: Actor) =>
  inActorScope(actor, { organisationId: voiceItems.organisationId, siteId: voiceItems.siteId });

/** Managers see every item at their sites; everyone else sees the items they put forward. */
const visibleTo = (actor: Actor) =>
  can(actor.role, 'voice:manage')
    ? scope(actor)
    : (and(scope(actor), eq(voiceItems.submittedBy, actor.userId)) as SQL);

function toItem(actor: Actor, { item, submitterName }: Row): VoiceItem {
  const isMine = item.submittedBy === actor.userId;
  return {
    id: item.id,
    siteId: item.siteId,
    kind: item.kind as VoiceItem['kind'],
    title: item.title,
    body: item.body,
    isAnonymous: item.isAnonymous,
    submittedBy: item.isAnonymous && !isMine ? null : { userId: item.submittedBy, name: submitterName },
    isMine,
    submittedAt: item.submittedAt.toISOString(),
    status: item.status as VoiceStatus,
    outcome: item.outcome,
    decidedAt: item.decidedAt?.toISOString() ?? null,
  };
}

const selectRows = (db: Db) =>
  db
    .select({ item: voiceItems, submitterName: users.name })
    .from(voiceItems)
    .innerJoin(users, eq(users.id, voiceItems.submittedBy));

export async function submitVoice(context: VoiceContext, body: SubmitVoiceBody) {
  const { db, actor, clock, requestId } = context;
  if (!actor.siteIds.includes(body.siteId))
    throw validationFailed([{ field: 'siteId', message: 'Choose one of your sites.' }]);
  return db.transaction(async (tx) => {
    const now = clock.now();
    const id = newId();
    await tx.insert(voiceItems).values({
      id,
      organisationId: actor.organisationId,
      siteId: body.siteId,
      kind: body.kind,
      title: body.title,
      body: body.body,
      isAnonymous: body.isAnonymous,
      submittedBy: actor.userId,
      submittedAt: now,
      status: 'open',
      updatedAt: now,
    });
    await recordAudit(
      tx,
      { actor, clock, requestId },
      { action: 'voice.submit', entityType: 'voice_item', entityIds: [id], siteId: body.siteId },
    );
    const [row] = await selectRows(tx).where(eq(voiceItems.id, id));
    return toItem(actor, row as Row);
  });
}

export async function listVoice(
  context: VoiceContext,
  filter: { status?: VoiceStatus | undefined; siteId?: string | undefined },
) {
  const { db, actor, clock, requestId } = context;
  return db.transaction(async (tx) => {
    const conditions: SQL[] = [visibleTo(actor)];
    if (filter.status) conditions.push(eq(voiceItems.status, filter.status));
    if (filter.siteId) conditions.push(eq(voiceItems.siteId, filter.siteId));
    const rows = await selectRows(tx)
      .where(and(...conditions))
      .orderBy(desc(voiceItems.submittedAt))
      .limit(200);
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'voice.list',
        entityType: 'voice_item',
        entityIds: rows.map((r) => r.item.id),
        query: { ...filter },
      },
    );
    return { items: rows.map((r) => toItem(actor, r)), total: rows.length };
  });
}

export async function decideVoice(context: VoiceContext, itemId: string, body: VoiceStatusBody) {
  const { db, actor, clock, requestId } = context;
  return db.transaction(async (tx) => {
    const [row] = await selectRows(tx)
      .where(and(eq(voiceItems.id, itemId), scope(actor)))
      .for('update', { of: voiceItems });
    if (!row) throw notFound('item');
    const problem = voiceStatusProblem(row.item.status as VoiceStatus, body.status, body.outcome);
    if (problem)
      throw problem.field === 'status' ? conflict(problem.message, [problem]) : validationFailed([problem]);
    const isDecision = body.status === 'acted_upon' || body.status === 'not_taken_forward';
    const now = clock.now();
    await tx
      .update(voiceItems)
      .set({
        status: body.status,
        outcome: isDecision ? (body.outcome ?? null) : null,
        decidedBy: isDecision ? actor.userId : null,
        decidedAt: isDecision ? now : null,
        updatedAt: now,
      })
      .where(eq(voiceItems.id, itemId));
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'voice.status',
        entityType: 'voice_item',
        entityIds: [itemId],
        siteId: row.item.siteId,
        query: { from: row.item.status, to: body.status },
      },
    );
    const [updated] = await selectRows(tx).where(eq(voiceItems.id, itemId));
    return toItem(actor, updated as Row);
  });
}

/** What was acted upon at the actor's sites ("you said, we did"), with no one's name, and counts. */
export async function voiceReport(
  context: VoiceContext,
  query: { siteId?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<VoiceReport> {
  const { db, actor, clock, requestId } = context;
  if (query.siteId && !actor.siteIds.includes(query.siteId))
    throw validationFailed([{ field: 'siteId', message: 'Choose one of your sites.' }]);
  if (query.from && query.to && query.from > query.to)
    throw validationFailed([{ field: 'to', message: 'Enter an end date on or after the start date.' }]);
  const day = sql`(${voiceItems.submittedAt} at time zone 'Europe/London')::date`;
  const conditions: SQL[] = [scope(actor)];
  if (query.siteId) conditions.push(eq(voiceItems.siteId, query.siteId));
  if (query.from) conditions.push(sql`${day} >= ${query.from}::date`);
  if (query.to) conditions.push(sql`${day} <= ${query.to}::date`);
  return db.transaction(async (tx) => {
    const counts = await tx
      .select({ status: voiceItems.status, count: sql<number>`count(*)::int` })
      .from(voiceItems)
      .where(and(...conditions))
      .groupBy(voiceItems.status);
    const acted = await tx
      .select({
        id: voiceItems.id,
        kind: voiceItems.kind,
        title: voiceItems.title,
        outcome: voiceItems.outcome,
        decidedOn: sql<string>`(${voiceItems.decidedAt} at time zone 'Europe/London')::date::text`,
      })
      .from(voiceItems)
      .where(and(...conditions, eq(voiceItems.status, 'acted_upon')))
      .orderBy(desc(voiceItems.decidedAt))
      .limit(200);
    await recordAudit(
      tx,
      { actor, clock, requestId },
      { action: 'voice.report', entityType: 'voice_report', query: { ...query } },
    );
    const byStatus = Object.fromEntries(voiceStatuses.map((s) => [s, 0])) as Record<VoiceStatus, number>;
    for (const c of counts) byStatus[c.status as VoiceStatus] = c.count;
    return {
      byStatus,
      actedUpon: acted.map((a) => ({
        id: a.id,
        kind: a.kind as 'idea' | 'concern',
        title: a.title,
        outcome: a.outcome ?? '',
        decidedOn: a.decidedOn,
      })),
    };
  });
}
