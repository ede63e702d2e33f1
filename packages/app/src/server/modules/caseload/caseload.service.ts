import { and, eq } from 'drizzle-orm';
import type { CaseloadBoard } from '../../../contract/caseload.ts';
import type { Role } from '../../../contract/roles.ts';
import type { Actor } from '../../access/actor.ts';
import { type Clock, ukDateOf } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { notFound, validationFailed } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findEligibleWorkers } from '../cases/cases.repository.ts';
import { findSiteInScope } from '../sites/sites.repository.ts';
import { sites } from '../sites/sites.table.ts';
import { caseloadHandoverProblem } from '../workforce/allocation-check.ts';
import {
  casesWithoutRecentContact,
  moveCaseload,
  waitingList,
  workerCaseloads,
} from './caseload.repository.ts';
import { caseloadLevel, daysBetween } from './caseload.rules.ts';

type Context = { db: Db; actor: Actor; clock: Clock; requestId: string };

const settingsOf = (site: typeof sites.$inferSelect) => ({
  caseloadTarget: site.caseloadTarget,
  caseloadWarning: site.caseloadWarning,
  caseloadAlert: site.caseloadAlert,
  stepDownCloseAfterMonths: site.stepDownCloseAfterMonths,
  noContactFlagDays: site.noContactFlagDays,
});

export async function viewCaseloadBoard(
  { db, actor, clock, requestId }: Context,
  siteId: string,
): Promise<CaseloadBoard> {
  return db.transaction(async (tx) => {
    const site = await findSiteInScope(tx, actor, siteId);
    if (!site) throw notFound('site');
    const today = ukDateOf(clock.now());
    const settings = settingsOf(site);
    const workers = await workerCaseloads(tx, actor.organisationId, siteId);
    const waiting = await waitingList(tx, siteId);
    const quiet = await casesWithoutRecentContact(tx, siteId, today, site.noContactFlagDays);
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'caseload.view',
        entityType: 'case',
        entityIds: [...waiting.map((c) => c.id), ...quiet.map((c) => c.id)],
        siteId,
      },
    );
    return {
      site: { id: site.id, name: site.name, ...settings },
      workers: workers.map((w) => ({
        userId: w.user_id,
        name: w.name,
        role: w.role as Role,
        leadCases: w.lead_cases,
        coWorkerCases: w.co_worker_cases,
        level: caseloadLevel(w.lead_cases, settings),
      })),
      waitingList: waiting.map((c) => ({
        caseId: c.id,
        localCaseId: c.local_case_id,
        referredOn: c.referred_on,
        complexity: c.complexity as CaseloadBoard['waitingList'][number]['complexity'],
        daysWaiting: daysBetween(c.referred_on, today),
      })),
      noRecentContact: quiet.map((c) => ({
        caseId: c.id,
        localCaseId: c.local_case_id,
        leadName: c.lead_name,
        lastContactOn: c.last_contact_on,
        daysWithoutContact: daysBetween(c.since, today),
      })),
    };
  });
}

/** One action when someone leaves: all their open cases at a site go to a colleague. */
export async function reassignCaseload(
  { db, actor, clock, requestId }: Context,
  body: { siteId: string; fromUserId: string; toUserId: string },
) {
  return db.transaction(async (tx) => {
    const site = await findSiteInScope(tx, actor, body.siteId);
    if (!site) throw notFound('site');
    if (body.fromUserId === body.toUserId)
      throw validationFailed([
        { field: 'toUserId', message: 'Choose a different person to take the caseload.' },
      ]);
    const [to] = await findEligibleWorkers(tx, actor.organisationId, body.siteId, [body.toUserId]);
    if (!to)
      throw validationFailed([
        {
          field: 'toUserId',
          message: 'Choose a coordinator, peer supporter or volunteer working at this site.',
        },
      ]);
    // Peer workforce (issue 6): the same person-level rules as allocating a case.
    const handover = await caseloadHandoverProblem(
      tx,
      { organisationId: actor.organisationId, siteId: body.siteId },
      clock,
      to,
    );
    if (handover) throw validationFailed([{ field: 'toUserId', message: handover }]);
    const moved = await moveCaseload(tx, body.siteId, body.fromUserId, body.toUserId, clock.now());
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'caseload.reassign',
        entityType: 'case',
        entityIds: moved,
        siteId: body.siteId,
        query: { fromUserId: body.fromUserId, toUserId: body.toUserId },
      },
    );
    return { moved: moved.length };
  });
}

export async function updateCaseloadSettings(
  { db, actor, clock, requestId }: Context,
  siteId: string,
  settings: ReturnType<typeof settingsOf>,
) {
  return db.transaction(async (tx) => {
    const site = await findSiteInScope(tx, actor, siteId);
    if (!site) throw notFound('site');
    const [updated] = await tx
      .update(sites)
      .set(settings)
      .where(and(eq(sites.id, siteId), eq(sites.organisationId, actor.organisationId)))
      .returning();
    if (!updated) throw notFound('site');
    await recordAudit(
      tx,
      { actor, clock, requestId },
      { action: 'site.caseload_settings', entityType: 'site', entityIds: [siteId], siteId, query: settings },
    );
    return settingsOf(updated);
  });
}
