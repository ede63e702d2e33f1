import { and, eq, isNotNull, lte } from 'drizzle-orm';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { cases } from '../cases/cases.table.ts';
import { notify } from '../notifications/notifications.service.ts';
import { usersForStep } from './safeguarding.repository.ts';
import { escalationDue } from './safeguarding.rules.ts';
import { moveToStep } from './safeguarding.service.ts';
import { safeguardingConcernEvents, safeguardingConcerns } from './safeguarding.table.ts';

/**
 * A concern whose step's deadline has passed moves to the next step by itself; at the last step, the
 * last step is told it is overdue (once: the deadline is then cleared). Idempotent, and safe from
 * several processes at once: due rows are locked and skipped by the others.
 */
export async function escalateOverdueConcerns({
  db,
  clock,
}: {
  db: Db;
  clock: Clock;
}): Promise<{ escalated: string[]; overdue: string[] }> {
  return db.transaction(async (tx) => {
    const now = clock.now();
    const due = await tx
      .select({ concern: safeguardingConcerns, localCaseId: cases.localCaseId })
      .from(safeguardingConcerns)
      .innerJoin(cases, eq(cases.id, safeguardingConcerns.caseId))
      .where(
        and(
          eq(safeguardingConcerns.status, 'open'),
          isNotNull(safeguardingConcerns.stepDeadlineAt),
          lte(safeguardingConcerns.stepDeadlineAt, now),
        ),
      )
      .for('update', { of: safeguardingConcerns, skipLocked: true });
    const escalated: string[] = [];
    const overdue: string[] = [];
    for (const { concern, localCaseId } of due) {
      const decision = escalationDue({ ...concern, status: 'open', chainLength: concern.chain.length }, now);
      if (decision.kind === 'none') continue;
      const system = {
        actor: { organisationId: concern.organisationId, userId: null, role: 'system' as const },
        requestId: null,
        clock,
      };
      if (decision.kind === 'escalate') {
        const step = concern.chain[decision.toStep];
        if (!step) continue;
        const reached = await moveToStep(tx, clock, concern, localCaseId, decision.toStep, step);
        await tx.insert(safeguardingConcernEvents).values({
          id: newId(),
          concernId: concern.id,
          organisationId: concern.organisationId,
          occurredAt: now,
          kind: 'escalated_automatically',
          actorUserId: null,
          step: decision.toStep,
          note: null,
        });
        await recordAudit(tx, system, {
          action: 'safeguarding.escalate_automatically',
          entityType: 'safeguarding_concern',
          entityIds: [concern.id, ...reached],
          siteId: concern.siteId,
          query: { toStep: decision.toStep },
        });
        escalated.push(concern.id);
        continue;
      }
      await tx
        .update(safeguardingConcerns)
        .set({ stepDeadlineAt: null })
        .where(eq(safeguardingConcerns.id, concern.id));
      await tx.insert(safeguardingConcernEvents).values({
        id: newId(),
        concernId: concern.id,
        organisationId: concern.organisationId,
        occurredAt: now,
        kind: 'overdue',
        actorUserId: null,
        step: concern.step,
        note: null,
      });
      const last = concern.chain[concern.step];
      const told = last ? await usersForStep(tx, concern, last) : [];
      for (const userId of told)
        await notify(tx, clock, {
          organisationId: concern.organisationId,
          siteId: concern.siteId,
          userId,
          kind: 'safeguarding_concern',
          caseId: concern.caseId,
          message: `The safeguarding concern on case ${localCaseId} is overdue at the last step of its chain.`,
        });
      await recordAudit(tx, system, {
        action: 'safeguarding.overdue',
        entityType: 'safeguarding_concern',
        entityIds: [concern.id],
        siteId: concern.siteId,
      });
      overdue.push(concern.id);
    }
    return { escalated, overdue };
  });
}
