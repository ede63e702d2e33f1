import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { rowsOf } from '../../db/rows.ts';
import type { CaseloadGroupRow, ReportRange } from './caseload-report.rules.ts';

/**
 * Which cases a report covers: one organisation's sites (already checked against the caller's scope
 * by the service) and an optional referral date range. Reports never see a name: they read only
 * the site, engagement, dates and contact counts of each case.
 */
export type ReportSelection = { organisationId: string; siteIds: string[] } & ReportRange;

const siteList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

/** The WHERE clause of the cases a selection covers, on the `cases` table aliased `c`. */
export function selectedCases({ organisationId, siteIds, from, to }: ReportSelection): SQL {
  const conditions = [sql`c.organisation_id = ${organisationId}`, sql`c.site_id in (${siteList(siteIds)})`];
  if (from) conditions.push(sql`c.referred_on >= ${from}`);
  if (to) conditions.push(sql`c.referred_on <= ${to}`);
  return sql.join(conditions, sql` and `);
}

/**
 * Table 1 of the review, as sums per site and engagement group, in one statement: contacts are
 * counted per case first (a case with no contacts counts 0, so it weighs in every mean and minimum),
 * then per group. Contacts made and attempts are counted apart; contacts at any date count.
 * Whole-number results only: rounding and empty groups are the rules' job (caseload-report.rules.ts).
 */
export async function caseloadGroups(db: Db, selection: ReportSelection): Promise<CaseloadGroupRow[]> {
  if (selection.siteIds.length === 0) return [];
  const result = await db.execute(sql`
    select per_case.site_id as "siteId", per_case.engagement,
      count(*)::int as cases,
      sum(per_case.face_to_face)::float8 as "faceToFace",
      sum(per_case.telephone)::float8 as telephone,
      sum(per_case.other)::float8 as other,
      sum(per_case.attempts)::float8 as attempts,
      sum(per_case.made)::float8 as "contactsMade",
      min(per_case.made)::int as "minContacts",
      max(per_case.made)::int as "maxContacts",
      count(per_case.discharged_on)::int as discharged,
      coalesce(sum(per_case.discharged_on - per_case.referred_on), 0)::float8 as "daysOnBooks",
      min(per_case.referred_on)::text as "firstReferredOn",
      max(per_case.referred_on)::text as "lastReferredOn"
    from (
      select c.site_id, c.engagement, c.referred_on, c.discharged_on,
        count(*) filter (where k.outcome = 'made' and k.type = 'face_to_face') as face_to_face,
        count(*) filter (where k.outcome = 'made' and k.type = 'telephone') as telephone,
        count(*) filter (where k.outcome = 'made' and k.type = 'other') as other,
        count(*) filter (where k.outcome = 'made') as made,
        count(*) filter (where k.outcome = 'attempted') as attempts
      from cases c
        left join contacts k on k.case_id = c.id
      where ${selectedCases(selection)}
      group by c.id
    ) per_case
    group by per_case.site_id, per_case.engagement`);
  return rowsOf<CaseloadGroupRow>(result);
}
