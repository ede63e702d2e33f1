import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import { inCaseScope } from '../../access/scope.ts';
import type { Db } from '../../db/database.ts';
import { cases } from '../cases/cases.table.ts';
import { accessLimits } from '../workforce/access-limits/access-limits.table.ts';
import { defaultMatchWeights, type MatchWeights } from './matching.rules.ts';
import { caseMatchingProfiles, matchingSiteWeights } from './matching.table.ts';

export async function readSiteWeights(db: Db, organisationId: string, siteId: string): Promise<MatchWeights> {
  const [row] = await db
    .select()
    .from(matchingSiteWeights)
    .where(
      and(eq(matchingSiteWeights.siteId, siteId), eq(matchingSiteWeights.organisationId, organisationId)),
    );
  return row
    ? { livedExperience: row.livedExperience, area: row.area, language: row.language, capacity: row.capacity }
    : defaultMatchWeights;
}

export async function upsertSiteWeights(
  db: Db,
  where: { organisationId: string; siteId: string },
  weights: MatchWeights,
  by: string,
  at: Date,
) {
  await db
    .insert(matchingSiteWeights)
    .values({ ...where, ...weights, updatedAt: at, updatedBy: by })
    .onConflictDoUpdate({
      target: matchingSiteWeights.siteId,
      set: { ...weights, updatedAt: at, updatedBy: by },
    });
}

export async function readProfiles(db: Db, caseIds: string[]) {
  if (caseIds.length === 0) return new Map<string, typeof caseMatchingProfiles.$inferSelect>();
  const rows = await db
    .select()
    .from(caseMatchingProfiles)
    .where(inArray(caseMatchingProfiles.caseId, caseIds));
  return new Map(rows.map((r) => [r.caseId, r]));
}

export async function upsertProfile(
  db: Db,
  where: { caseId: string; organisationId: string; siteId: string },
  profile: { area: string | null; language: string | null; kinds: string[] },
  at: Date,
) {
  await db
    .insert(caseMatchingProfiles)
    .values({ ...where, ...profile, updatedAt: at })
    .onConflictDoUpdate({ target: caseMatchingProfiles.caseId, set: { ...profile, updatedAt: at } });
}

/**
 * A site's referrals nobody leads yet, within the actor's scope, oldest first; with `caseIds`, only
 * those of them (an id that is not such a referral is simply not returned).
 */
export async function listUnallocatedReferrals(db: Db, actor: Actor, siteId: string, caseIds?: string[]) {
  return db
    .select()
    .from(cases)
    .where(
      and(
        inCaseScope(actor, { organisationId: cases.organisationId, siteId: cases.siteId, caseId: cases.id }),
        eq(cases.siteId, siteId),
        caseIds ? inArray(cases.id, caseIds) : undefined,
        eq(cases.status, 'referred'),
        sql`not exists (select 1 from case_workers cw where cw.case_id = ${cases.id} and cw.role = 'lead')`,
      ),
    )
    .orderBy(asc(cases.referredOn), asc(cases.id))
    .limit(500);
}

/** Active access limits on some cases, as "userId:caseId" keys (a barred person is never matched). */
export async function activeAccessLimits(db: Db, organisationId: string, caseIds: string[]) {
  if (caseIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ userId: accessLimits.userId, caseId: accessLimits.caseId })
    .from(accessLimits)
    .where(
      and(
        eq(accessLimits.organisationId, organisationId),
        inArray(accessLimits.caseId, caseIds),
        isNull(accessLimits.liftedAt),
      ),
    );
  return new Set(rows.map((r) => `${r.userId}:${r.caseId}`));
}
