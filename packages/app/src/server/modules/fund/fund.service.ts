import { eq } from 'drizzle-orm';
import { type FundCategory, type FundStatus, fundCategories } from '../../../contract/case-codes.ts';
import type { FundApplication } from '../../../contract/cases.ts';
import type { Actor } from '../../access/actor.ts';
import { scopedSiteIds } from '../../access/scope.ts';
import { ukDateOf } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { conflict, notFound, validationFailed } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { ukLongDate } from '../cases/case.rules.ts';
import { findCaseInScope } from '../cases/cases.repository.ts';
import type { CaseServiceContext } from '../cases/cases.service.ts';
import { type FundRow, findApplication, fundTotals, listApplicationsOfCase } from './fund.repository.ts';
import { fundApplications } from './fund.table.ts';

const person = (userId: string | null, name: string | null) => (userId && name ? { userId, name } : null);

function toApplication(row: FundRow): FundApplication {
  return {
    id: row.id,
    caseId: row.caseId,
    category: row.category as FundCategory,
    amountPence: row.amountPence,
    reason: row.reason,
    status: row.status as FundStatus,
    appliedAt: row.appliedAt.toISOString(),
    appliedBy: person(row.appliedBy, row.appliedByName),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedBy: person(row.decidedBy, row.decidedByName),
    paidOn: row.paidOn,
  };
}

export async function listFundApplications(
  { db, actor, clock, requestId }: CaseServiceContext,
  caseId: string,
) {
  return db.transaction(async (tx) => {
    const found = await findCaseInScope(tx, actor, caseId);
    if (!found) throw notFound('case');
    const rows = await listApplicationsOfCase(tx, caseId);
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'fund.list',
        entityType: 'fund_application',
        entityIds: [caseId, ...rows.map((r) => r.id)],
        siteId: found.case.siteId,
      },
    );
    return { items: rows.map(toApplication), total: rows.length };
  });
}

export async function applyToFund(
  { db, actor, clock, requestId }: CaseServiceContext,
  caseId: string,
  body: { category: FundCategory; amountPence: number; reason: string },
) {
  return db.transaction(async (tx) => {
    const found = await findCaseInScope(tx, actor, caseId);
    if (!found) throw notFound('case');
    if (found.case.status === 'discharged' || found.case.status === 'declined')
      throw conflict('This case is closed. Reopen it before applying to the fund.', [
        { field: 'status', message: 'Reopen the case first.' },
      ]);
    const id = newId();
    await tx.insert(fundApplications).values({
      id,
      organisationId: found.case.organisationId,
      siteId: found.case.siteId,
      caseId,
      category: body.category,
      amountPence: body.amountPence,
      reason: body.reason,
      appliedBy: actor.userId,
      appliedAt: clock.now(),
    });
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'fund.apply',
        entityType: 'fund_application',
        entityIds: [id, caseId],
        siteId: found.case.siteId,
      },
    );
    const row = await findApplication(tx, id);
    if (!row) throw new Error('application vanished after insert');
    return toApplication(row);
  });
}

/** An application is in scope when its case is. */
async function findApplicationInScope(db: Db, actor: Actor, applicationId: string) {
  const row = await findApplication(db, applicationId);
  if (!row) return undefined;
  const found = await findCaseInScope(db, actor, row.caseId, { forUpdate: true });
  return found ? row : undefined;
}

export async function decideFundApplication(
  { db, actor, clock, requestId }: CaseServiceContext,
  applicationId: string,
  decision: 'approved' | 'declined',
) {
  return db.transaction(async (tx) => {
    const row = await findApplicationInScope(tx, actor, applicationId);
    if (!row) throw notFound('application');
    if (row.status !== 'pending')
      throw conflict('This application has been decided already.', [
        { field: 'decision', message: `It was ${row.status}.` },
      ]);
    await tx
      .update(fundApplications)
      .set({ status: decision, decidedBy: actor.userId, decidedAt: clock.now() })
      .where(eq(fundApplications.id, applicationId));
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: `fund.${decision === 'approved' ? 'approve' : 'decline'}`,
        entityType: 'fund_application',
        entityIds: [applicationId, row.caseId],
        siteId: row.siteId,
      },
    );
    return toApplication((await findApplication(tx, applicationId)) as FundRow);
  });
}

export async function recordFundPayment(
  { db, actor, clock, requestId }: CaseServiceContext,
  applicationId: string,
  paidOn: string,
) {
  return db.transaction(async (tx) => {
    const row = await findApplicationInScope(tx, actor, applicationId);
    if (!row) throw notFound('application');
    if (row.status !== 'approved')
      throw conflict('Only an approved application can be paid.', [
        { field: 'paidOn', message: 'Approve it first.' },
      ]);
    const decidedOn = row.decidedAt ? ukDateOf(row.decidedAt) : ukDateOf(row.appliedAt);
    if (paidOn < decidedOn || paidOn > ukDateOf(clock.now()))
      throw validationFailed([
        {
          field: 'paidOn',
          message: `Enter a payment date between the approval (${ukLongDate(decidedOn)}) and today.`,
        },
      ]);
    await tx.update(fundApplications).set({ paidOn }).where(eq(fundApplications.id, applicationId));
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'fund.pay',
        entityType: 'fund_application',
        entityIds: [applicationId, row.caseId],
        siteId: row.siteId,
      },
    );
    return toApplication((await findApplication(tx, applicationId)) as FundRow);
  });
}

/** Totals reveal no person: no audit event, like the other aggregate reports. */
export async function fundTotalsInScope(
  db: Db,
  actor: Actor,
  query: { siteId?: string | undefined; from?: string | undefined; to?: string | undefined },
) {
  if (query.siteId && !actor.siteIds.includes(query.siteId)) throw notFound('site');
  const rows = await fundTotals(
    db,
    actor.organisationId,
    query.siteId ? [query.siteId] : scopedSiteIds(actor),
    query,
  );
  const bySite = new Map<string, { siteId: string; site: string; rows: typeof rows }>();
  for (const row of rows) {
    const entry = bySite.get(row.siteId) ?? { siteId: row.siteId, site: row.site, rows: [] };
    entry.rows.push(row);
    bySite.set(row.siteId, entry);
  }
  return {
    sites: [...bySite.values()].map((s) => ({
      siteId: s.siteId,
      site: s.site,
      categories: fundCategories
        .map((category) => s.rows.find((r) => r.category === category))
        .filter((r) => r !== undefined)
        .map((r) => ({
          category: r.category as FundCategory,
          applications: r.applications,
          approved: r.approved,
          approvedPence: r.approvedPence,
          paidPence: r.paidPence,
        })),
      approvedPence: s.rows.reduce((sum, r) => sum + r.approvedPence, 0),
      paidPence: s.rows.reduce((sum, r) => sum + r.paidPence, 0),
    })),
  };
}
