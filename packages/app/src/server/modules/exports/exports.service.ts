import { mdsColumns, pseudonymisedColumns } from '../../../contract/reports.ts';
import type { Actor } from '../../access/actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findSiteInScope } from '../sites/sites.repository.ts';
import { listMdsRows, listPseudonymisedRows } from './exports.repository.ts';
import { caseKey, monthBounds, newExtractKey, toCsv } from './exports.rules.ts';

export type ExportContext = { db: Db; actor: Actor; clock: Clock; requestId: string };
export type CsvFile = { csv: string; filename: string; rowCount: number };

/**
 * The monthly NHS England Liaison and Diversion peer support return for one site: one row per case
 * active in the month, with its contacts made in the month by type.
 */
export async function exportMonthlyReturn(
  { db, actor, clock, requestId }: ExportContext,
  { siteId, month }: { siteId: string; month: string },
): Promise<CsvFile> {
  const { first, last } = monthBounds(month);
  return db.transaction(async (tx) => {
    if (!(await findSiteInScope(tx, actor, siteId))) throw notFound('site');
    const rows = await listMdsRows(tx, actor, { siteId, first, last });
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'export.mds',
        entityType: 'case',
        entityIds: rows.map((r) => r.caseId),
        query: { siteId, month },
        siteId,
      },
    );
    const csv = toCsv(
      mdsColumns,
      rows.map((r) => ({
        local_case_id: r.localCaseId,
        referral_source: r.referralSource,
        date_referred: r.referredOn,
        engaged: r.engagement === 'engaged' ? 'yes' : 'no',
        contacts_face_to_face: r.faceToFace,
        contacts_telephone: r.telephone,
        contacts_other: r.other,
        date_first_contact: r.firstContactOn,
        date_discharged: r.dischargedOn,
      })),
    );
    return { csv, filename: `peer-support-return-${month}.csv`, rowCount: rows.length };
  });
}

/**
 * The extract for evaluators: one row per case referred in the range, each case known only by a
 * keyed hash whose key is made for this extract and forgotten, so two extracts cannot be joined.
 */
export async function exportPseudonymised(
  { db, actor, clock, requestId }: ExportContext,
  { siteId, from, to }: { siteId: string; from?: string | undefined; to?: string | undefined },
): Promise<CsvFile> {
  return db.transaction(async (tx) => {
    if (!(await findSiteInScope(tx, actor, siteId))) throw notFound('site');
    const rows = await listPseudonymisedRows(tx, actor, { siteId, from, to });
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'export.pseudonymised',
        entityType: 'case',
        entityIds: rows.map((r) => r.caseId),
        query: { siteId, from: from ?? null, to: to ?? null },
        siteId,
      },
    );
    const key = newExtractKey();
    const keyed = rows.map((r) => ({
      case_key: caseKey(key, r.caseId),
      site: r.site,
      referral_source: r.referralSource,
      date_referred: r.referredOn,
      engagement: r.engagement,
      status: r.status,
      needs: r.needs,
      complexity: r.complexity,
      gender: r.gender,
      birth_year: r.birthYear,
      date_discharged: r.dischargedOn,
      discharge_reason: r.dischargeReason,
      contacts_face_to_face: r.faceToFace,
      contacts_telephone: r.telephone,
      contacts_other: r.other,
      days_on_books: r.daysOnBooks,
    }));
    // Within a day, order by the pseudonym, so row order says nothing about when a case was created.
    keyed.sort((a, b) =>
      a.date_referred === b.date_referred
        ? a.case_key.localeCompare(b.case_key)
        : a.date_referred.localeCompare(b.date_referred),
    );
    const range = `${from ?? 'start'}-to-${to ?? 'now'}`;
    return {
      csv: toCsv(pseudonymisedColumns, keyed),
      filename: `pseudonymised-extract-${range}.csv`,
      rowCount: rows.length,
    };
  });
}
