import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { users } from '../../auth/auth.table.ts';
import type { Db } from '../../db/database.ts';
import { sites } from '../sites/sites.table.ts';
import { fundApplications } from './fund.table.ts';

export type FundRow = typeof fundApplications.$inferSelect & {
  appliedByName: string | null;
  decidedByName: string | null;
};

const applicant = alias(users, 'applicant');
const decider = alias(users, 'decider');

function selectApplications(db: Db) {
  return db
    .select({ application: fundApplications, appliedByName: applicant.name, decidedByName: decider.name })
    .from(fundApplications)
    .leftJoin(applicant, eq(applicant.id, fundApplications.appliedBy))
    .leftJoin(decider, eq(decider.id, fundApplications.decidedBy));
}

const flatten = (r: {
  application: typeof fundApplications.$inferSelect;
  appliedByName: string | null;
  decidedByName: string | null;
}): FundRow => ({
  ...r.application,
  appliedByName: r.appliedByName,
  decidedByName: r.decidedByName,
});

export async function listApplicationsOfCase(db: Db, caseId: string): Promise<FundRow[]> {
  const rows = await selectApplications(db)
    .where(eq(fundApplications.caseId, caseId))
    .orderBy(asc(fundApplications.appliedAt));
  return rows.map(flatten);
}

export async function findApplication(db: Db, applicationId: string): Promise<FundRow | undefined> {
  const [row] = await selectApplications(db).where(eq(fundApplications.id, applicationId));
  return row ? flatten(row) : undefined;
}

/** Totals per site and category of applications made in [from, to] (UK dates). */
export async function fundTotals(
  db: Db,
  organisationId: string,
  siteIds: string[],
  range: { from?: string | undefined; to?: string | undefined },
) {
  const conditions = [
    eq(fundApplications.organisationId, organisationId),
    inArray(fundApplications.siteId, siteIds),
  ];
  const appliedOn = sql`(${fundApplications.appliedAt} at time zone 'Europe/London')::date`;
  if (range.from) conditions.push(gte(appliedOn, range.from));
  if (range.to) conditions.push(lt(appliedOn, sql`${range.to}::date + 1`));
  return db
    .select({
      siteId: fundApplications.siteId,
      site: sites.name,
      category: fundApplications.category,
      applications: sql<number>`count(*)::int`,
      approved: sql<number>`(count(*) filter (where ${fundApplications.status} = 'approved'))::int`,
      approvedPence: sql<number>`coalesce(sum(${fundApplications.amountPence}) filter (where ${fundApplications.status} = 'approved'), 0)::int`,
      paidPence: sql<number>`coalesce(sum(${fundApplications.amountPence}) filter (where ${fundApplications.paidOn} is not null), 0)::int`,
    })
    .from(fundApplications)
    .innerJoin(sites, eq(sites.id, fundApplications.siteId))
    .where(and(...conditions))
    .groupBy(fundApplications.siteId, sites.name, fundApplications.category)
    .orderBy(asc(sites.name), asc(fundApplications.category));
}
