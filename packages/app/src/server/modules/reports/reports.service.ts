import type { CaseloadReport } from '../../../contract/reports.ts';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../http/app-error.ts';
import { listSitesInScope } from '../sites/sites.repository.ts';
import { type ReportRange, type ReportSite, shapeCaseloadReport } from './caseload-report.rules.ts';
import { caseloadGroups } from './reports.repository.ts';

/**
 * The sites an actor asks for, in their scope; all of their sites when none are named. A site out of
 * scope (another organisation's, or one they do not work at) is not found, like any record.
 */
export async function sitesForActor(db: Db, actor: Actor, siteIds: string[] | undefined) {
  const { items } = await listSitesInScope(db, actor);
  if (!siteIds) return { sites: items };
  const wanted = new Set(siteIds);
  const sites = items.filter((s) => wanted.has(s.id));
  if (sites.length !== wanted.size) throw notFound('site');
  return { sites };
}

/**
 * The caseload report (Table 1 of the review) for sites of one organisation. It holds counts and
 * means only, no record of any one case, so reading it is not audited.
 */
export async function caseloadReportForSites(
  db: Db,
  { organisationId, sites, range }: { organisationId: string; sites: ReportSite[]; range: ReportRange },
): Promise<CaseloadReport> {
  const rows = await caseloadGroups(db, { organisationId, siteIds: sites.map((s) => s.id), ...range });
  return shapeCaseloadReport(sites, rows, range);
}

export async function caseloadReport(
  { db, actor }: { db: Db; actor: Actor },
  { siteIds, ...range }: { siteIds?: string[] | undefined } & ReportRange,
): Promise<CaseloadReport> {
  const { sites } = await sitesForActor(db, actor, siteIds);
  return caseloadReportForSites(db, { organisationId: actor.organisationId, sites, range });
}
