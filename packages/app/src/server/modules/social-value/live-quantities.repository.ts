import { sql } from 'drizzle-orm';
import type { LiveQuantitySource } from '../../../contract/social-value.ts';
import type { Db } from '../../db/database.ts';
import { rowsOf } from '../../db/rows.ts';
import type { LiveCounts } from './social-value.rules.ts';

/**
 * Counts from service records for a map's sites (one, or a programme's several) and period, computed in SQL when a report is made, so a
 * linked quantity follows the records as they arrive. Aggregates only: no row of a case leaves the
 * database. Periods are inclusive UK calendar dates.
 *
 * Extension point: a new `quantitySource` (issue 5's survey-based distance travelled, contribution
 * and deadweight) adds its column here and its label in the contract.
 */
export async function countLiveQuantities(
  db: Db,
  where: { organisationId: string; siteIds: readonly string[]; from: string; to: string },
): Promise<LiveCounts> {
  const { organisationId, from, to } = where;
  const siteIds = sql`array[${sql.join(
    where.siteIds.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
  const caseScope = sql`c.organisation_id = ${organisationId} and c.site_id = any(${siteIds})`;
  const fundScope = sql`f.organisation_id = ${organisationId} and f.site_id = any(${siteIds}) and f.status = 'approved'
    and (f.applied_at at time zone 'Europe/London')::date between ${from}::date and ${to}::date`;
  const result = await db.execute(sql`
    select
      (select count(*)::int from cases c where ${caseScope}
         and c.referred_on between ${from}::date and ${to}::date and c.engagement = 'engaged') as "engagedCases",
      (select count(*)::int from cases c where ${caseScope}
         and c.discharged_on between ${from}::date and ${to}::date and c.discharge_reason = 'goals_met') as "goalsMet",
      (select count(*)::int from cases c where ${caseScope}
         and c.referred_on between ${from}::date and ${to}::date) as "referred",
      (select count(*)::int from fund_applications f where ${fundScope}) as "fundApproved",
      (select coalesce(sum(f.amount_pence), 0)::float8 from fund_applications f where ${fundScope}) as "fundPence",
      -- Peer workforce (issue 6): volunteer hours a coordinator approved, worked in the period.
      (select coalesce(sum(h.minutes), 0)::float8 / 60 from hours_logs h join workforce_members m on m.id = h.member_id
         where h.organisation_id = ${organisationId} and h.site_id = any(${siteIds}) and h.status = 'approved'
           and m.role in ('new_volunteer', 'intern_volunteer')
           and h.worked_on between ${from}::date and ${to}::date) as "volunteerHours"`);
  const row = rowsOf(result)[0] as {
    engagedCases: number;
    goalsMet: number;
    referred: number;
    fundApproved: number;
    fundPence: number;
    volunteerHours: number;
  };
  const counts: Record<LiveQuantitySource, number> = {
    engaged_cases: Number(row.engagedCases),
    cases_discharged_goals_met: Number(row.goalsMet),
    cases_referred: Number(row.referred),
    fund_applications_approved: Number(row.fundApproved),
  };
  return {
    counts,
    fundApprovedPence: Number(row.fundPence),
    approvedVolunteerHours: Number(row.volunteerHours),
  };
}
