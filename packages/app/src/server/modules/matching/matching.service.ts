import type { Complexity } from '../../../contract/case-codes.ts';
import type {
  BatchProposal,
  CaseMatches,
  CaseMatchingProfile,
  MatchDecisionBody,
  MatchWeightsBody,
} from '../../../contract/matching.ts';
import { workforceRoleLabels } from '../../../contract/workforce-codes.ts';
import type { Actor } from '../../access/actor.ts';
import { can } from '../../access/role-permissions.ts';
import { type Clock, ukDateOf } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { notFound, validationFailed } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findCaseInScope, listCaseWorkers } from '../cases/cases.repository.ts';
import { allocateCase } from '../cases/cases.service.ts';
import type { cases } from '../cases/cases.table.ts';
import {
  type AllocationCandidate,
  loadAllocationCandidates,
  loadEligibilityRules,
} from '../workforce/allocation-candidates.repository.ts';
import {
  type AllocationBlockerCode,
  allocationBlockers,
  caseloadCapOf,
  maxComplexityOf,
} from '../workforce/allocation-eligibility.ts';
import { proposeBatchAssignment } from './batch-assignment.rules.ts';
import {
  activeAccessLimits,
  listUnallocatedReferrals,
  readProfiles,
  readSiteWeights,
  upsertProfile,
  upsertSiteWeights,
} from './matching.repository.ts';
import {
  livedExperienceForNeeds,
  type MatchCandidate,
  type MatchCase,
  shortlistFor,
} from './matching.rules.ts';

export type MatchingContext = { db: Db; actor: Actor; clock: Clock; requestId: string };
type CaseRow = typeof cases.$inferSelect;
type Profile = CaseMatchingProfile;

const emptyProfile: Profile = { area: null, language: null, kinds: [] };

// The workforce rules' blockers that matching states in its own words (capacity, complexity, role, checks).
const restatedByMatching: AllocationBlockerCode[] = [
  'role_cannot_carry_cases',
  'caseload_full',
  'complexity_above_level',
  'complexity_unknown',
  'dbs_missing',
  'dbs_level_too_low',
  'dbs_out_of_date',
];

function matchCaseOf(row: CaseRow, profile: Profile): MatchCase {
  return {
    id: row.id,
    complexity: row.complexity as Complexity | null,
    genderPreference: row.genderPreference as MatchCase['genderPreference'],
    livedExperienceWanted: livedExperienceForNeeds(row.needs),
    flags: profile.kinds,
    area: profile.area,
    language: profile.language,
  };
}

/**
 * A workforce member as matching's plain input: the workforce rules (allocation-eligibility.ts) decide
 * checks, status, known associates and access limits; matching adds gender preference and case kinds.
 */
function matchCandidateOf(
  c: AllocationCandidate,
  row: CaseRow,
  today: string,
  rules: Awaited<ReturnType<typeof loadEligibilityRules>>,
): MatchCandidate {
  const blockers = allocationBlockers(c.member, c.checks, today, rules, {
    as: 'lead',
    caseId: row.id,
    caseComplexity: row.complexity as Complexity | null,
    isBarredFromCase: c.isBarredFromCase,
  });
  const codes = new Set(blockers.map((b) => b.code));
  return {
    peerId: c.memberId,
    name: c.displayName,
    canCarryCases: !codes.has('role_cannot_carry_cases'),
    roleLabel: workforceRoleLabels[c.member.role],
    areChecksCurrent: !['dbs_missing', 'dbs_level_too_low', 'dbs_out_of_date'].some((code) =>
      codes.has(code as AllocationBlockerCode),
    ),
    capacity: caseloadCapOf(c.member, rules) ?? 0,
    openCases: c.member.currentLeadCases,
    maxComplexity: maxComplexityOf(c.member, rules) ?? 'low',
    gender: c.gender,
    livedExperience: c.livedExperience,
    areas: c.areasCovered,
    languages: c.languages,
    avoidsFlags: c.avoidCaseKinds,
    excludedCaseIds: [],
    otherBlockers: [
      ...blockers.filter((b) => !restatedByMatching.includes(b.code)).map((b) => b.message),
      ...(c.userId ? [] : ['They have no account yet, so cannot be allocated cases']),
    ],
  };
}

/** Lived experience is special category data: only those allowed to see it read it in a reason. */
const visibleReasons = (actor: Actor, reasons: string[]) =>
  can(actor.role, 'workforce:lived_experience')
    ? reasons
    : reasons.filter((r) => !r.startsWith('Shares lived experience'));

async function shortlistOf(db: Db, actor: Actor, clock: Clock, row: CaseRow) {
  const [candidates, rules, weights, profiles] = await Promise.all([
    loadAllocationCandidates(db, row.organisationId, row.siteId, { caseId: row.id }),
    loadEligibilityRules(db, row.organisationId, row.siteId),
    readSiteWeights(db, row.organisationId, row.siteId),
    readProfiles(db, [row.id]),
  ]);
  const stored = profiles.get(row.id);
  const profile: Profile = stored
    ? { area: stored.area, language: stored.language, kinds: stored.kinds as Profile['kinds'] }
    : emptyProfile;
  const today = ukDateOf(clock.now());
  const byMember = new Map(candidates.map((c) => [c.memberId, c]));
  const shortlist = shortlistFor(
    matchCaseOf(row, profile),
    candidates.map((c) => matchCandidateOf(c, row, today, rules)),
    weights,
  );
  return {
    profile,
    weights,
    eligible: shortlist.eligible.map((e) => ({
      memberId: e.peerId,
      userId: byMember.get(e.peerId)?.userId as string,
      name: e.name,
      score: e.score,
      reasons: visibleReasons(actor, e.reasons),
    })),
    ineligible: shortlist.ineligible.map((i) => ({
      memberId: i.peerId,
      userId: byMember.get(i.peerId)?.userId ?? null,
      name: i.name,
      blockers: i.blockers,
    })),
  };
}

export async function caseMatches(context: MatchingContext, caseId: string): Promise<CaseMatches> {
  const { db, actor, clock, requestId } = context;
  return db.transaction(async (tx) => {
    const found = await findCaseInScope(tx, actor, caseId);
    if (!found) throw notFound('case');
    const result = await shortlistOf(tx, actor, clock, found.case);
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'matching.shortlist',
        entityType: 'case',
        // Everyone named in the answer was read: the suggested peers and those shown as not suggested.
        entityIds: [caseId, ...[...result.eligible, ...result.ineligible].map((e) => e.memberId)],
        siteId: found.case.siteId,
      },
    );
    return { caseId, ...result };
  });
}

/**
 * The coordinator's decision: the first suggestion is confirmed; any other eligible peer is an
 * override and needs a reason (audited). A peer who breaks a hard constraint is never allocated.
 * Allocation goes through `allocateCase`, which applies the workforce rules again.
 */
export async function decideMatch(context: MatchingContext, caseId: string, body: MatchDecisionBody) {
  const { db, actor, clock } = context;
  return db.transaction(async (tx) => {
    const found = await findCaseInScope(tx, actor, caseId, { forUpdate: true });
    if (!found) throw notFound('case');
    const { eligible, ineligible } = await shortlistOf(tx, actor, clock, found.case);
    const chosen = eligible.find((e) => e.userId === body.userId);
    if (!chosen) {
      const blocked = ineligible.find((i) => i.userId === body.userId);
      throw validationFailed([
        {
          field: 'userId',
          message: blocked
            ? `They may not take this case: ${blocked.blockers.join('; ')}.`
            : 'Choose a peer from the shortlist for this case.',
        },
      ]);
    }
    const isOverride = eligible[0]?.userId !== body.userId;
    if (isOverride && !body.overrideReason)
      throw validationFailed([
        { field: 'overrideReason', message: 'Say why you chose someone other than the first suggestion.' },
      ]);
    const coWorkerIds = (await listCaseWorkers(tx, caseId))
      .filter((w) => w.role === 'co_worker' && w.userId !== body.userId)
      .map((w) => w.userId);
    // The decision is the allocation's one audit event, with the suggestion and any reason for overriding it.
    return allocateCase(
      { ...context, db: tx },
      caseId,
      { leadUserId: body.userId, coWorkerIds },
      {
        action: isOverride ? 'matching.override' : 'matching.confirm',
        query: {
          suggestedUserId: eligible[0]?.userId ?? null,
          score: chosen.score,
          ...(isOverride ? { overrideReason: body.overrideReason } : {}),
        },
      },
    );
  });
}

export async function setCaseMatchingProfile(context: MatchingContext, caseId: string, profile: Profile) {
  const { db, actor, clock, requestId } = context;
  return db.transaction(async (tx) => {
    const found = await findCaseInScope(tx, actor, caseId, { forUpdate: true });
    if (!found) throw notFound('case');
    await upsertProfile(
      tx,
      { caseId, organisationId: found.case.organisationId, siteId: found.case.siteId },
      { ...profile, kinds: [...new Set(profile.kinds)] },
      clock.now(),
    );
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'matching.profile_update',
        entityType: 'case',
        entityIds: [caseId],
        siteId: found.case.siteId,
      },
    );
    return { ...profile, kinds: [...new Set(profile.kinds)] };
  });
}

const siteCheck = (actor: Actor, siteId: string) => {
  if (!actor.siteIds.includes(siteId)) throw notFound('site');
};

export async function getSiteWeights({ db, actor }: MatchingContext, siteId: string) {
  siteCheck(actor, siteId);
  return readSiteWeights(db, actor.organisationId, siteId);
}

export async function setSiteWeights(context: MatchingContext, siteId: string, weights: MatchWeightsBody) {
  const { db, actor, clock, requestId } = context;
  siteCheck(actor, siteId);
  return db.transaction(async (tx) => {
    await upsertSiteWeights(
      tx,
      { organisationId: actor.organisationId, siteId },
      weights,
      actor.userId,
      clock.now(),
    );
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'matching.weights_update',
        entityType: 'site',
        entityIds: [siteId],
        siteId,
        query: { ...weights },
      },
    );
    return weights;
  });
}

/** Each chosen id must be a referral waiting at this site that the caller may see, named once. */
function refuseUnknownChoices(caseIds: readonly string[], waiting: ReadonlySet<string>) {
  const seen = new Set<string>();
  const problems = caseIds.flatMap((id, i) => {
    const message = seen.has(id)
      ? 'Choose each referral only once.'
      : waiting.has(id)
        ? null
        : 'Choose a referral waiting at this site: this one is not waiting for a lead peer here.';
    seen.add(id);
    return message ? [{ field: `caseIds.${i}`, message }] : [];
  });
  if (problems.length > 0) throw validationFailed(problems);
}

async function proposalFor(db: Db, actor: Actor, clock: Clock, siteId: string, caseIds?: string[]) {
  const referrals = await listUnallocatedReferrals(db, actor, siteId, caseIds);
  if (caseIds) refuseUnknownChoices(caseIds, new Set(referrals.map((r) => r.id)));
  const [candidates, rules, weights, profiles] = await Promise.all([
    loadAllocationCandidates(db, actor.organisationId, siteId),
    loadEligibilityRules(db, actor.organisationId, siteId),
    readSiteWeights(db, actor.organisationId, siteId),
    readProfiles(
      db,
      referrals.map((r) => r.id),
    ),
  ]);
  const today = ukDateOf(clock.now());
  const byMember = new Map(candidates.map((c) => [c.memberId, c]));
  const matchCases = referrals.map((r) => {
    const p = profiles.get(r.id);
    return matchCaseOf(
      r,
      p ? { area: p.area, language: p.language, kinds: p.kinds as Profile['kinds'] } : emptyProfile,
    );
  });
  // Known associates and access limits depend on the case: each becomes the peer's list of excluded cases
  // (the workforce rules are asked with a neutral case, and matching applies complexity itself).
  const barred = await activeAccessLimits(
    db,
    actor.organisationId,
    referrals.map((r) => r.id),
  );
  const neutral = { ...(referrals[0] as CaseRow), id: '', complexity: 'low' } as CaseRow;
  const peers = candidates.map((c) => ({
    ...matchCandidateOf({ ...c, isBarredFromCase: false }, neutral, today, rules),
    excludedCaseIds: referrals
      .filter(
        (r) =>
          c.member.knownAssociateCaseIds.includes(r.id) || (c.userId && barred.has(`${c.userId}:${r.id}`)),
      )
      .map((r) => r.id),
  }));
  const proposal = proposeBatchAssignment(matchCases, peers, weights);
  const localIds = new Map(referrals.map((r) => [r.id, r.localCaseId]));
  return { referrals, byMember, proposal, localIds };
}

/**
 * Proposes placements for the site's waiting referrals, or for exactly `caseIds` (the coordinator's
 * choice): the assignment is solved for that set alone, so a peer not needed by a left-out referral
 * can serve another. A choice that is not a waiting referral here is refused before anything is written.
 */
export async function proposeBatch(
  context: MatchingContext,
  siteId: string,
  caseIds?: string[],
): Promise<BatchProposal> {
  const { db, actor, clock, requestId } = context;
  siteCheck(actor, siteId);
  return db.transaction(async (tx) => {
    const { byMember, proposal, localIds, referrals } = await proposalFor(tx, actor, clock, siteId, caseIds);
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'matching.batch_propose',
        entityType: 'case',
        entityIds: referrals.map((r) => r.id),
        siteId,
      },
    );
    return {
      placements: proposal.placements.map((p) => ({
        caseId: p.caseId,
        localCaseId: localIds.get(p.caseId) ?? '',
        userId: byMember.get(p.peerId)?.userId as string,
        name: byMember.get(p.peerId)?.displayName ?? '',
        score: p.score,
        reasons: visibleReasons(actor, p.reasons),
      })),
      unplaced: proposal.unplacedCaseIds.map((caseId) => ({
        caseId,
        localCaseId: localIds.get(caseId) ?? '',
        reason: proposal.unplacedReasons[caseId] ?? '',
      })),
      totalScore: proposal.totalScore,
    };
  });
}

/**
 * Publishes an approved proposal: every placement is checked against the case's shortlist at this
 * moment and allocated, all in one transaction, so either every case is allocated or none is.
 */
export async function approveBatch(
  context: MatchingContext,
  siteId: string,
  placements: { caseId: string; userId: string }[],
) {
  const { db, actor, clock, requestId } = context;
  siteCheck(actor, siteId);
  const seen = new Set<string>();
  placements.forEach((p, i) => {
    if (seen.has(p.caseId))
      throw validationFailed([{ field: `placements.${i}.caseId`, message: 'Place each case only once.' }]);
    seen.add(p.caseId);
  });
  return db.transaction(async (tx) => {
    const inner = { ...context, db: tx };
    for (const [i, p] of placements.entries()) {
      const found = await findCaseInScope(tx, actor, p.caseId, { forUpdate: true });
      if (!found || found.case.siteId !== siteId)
        throw validationFailed([
          { field: `placements.${i}.caseId`, message: 'Choose a referral at this site.' },
        ]);
      const { eligible } = await shortlistOf(tx, actor, clock, found.case);
      if (!eligible.some((e) => e.userId === p.userId))
        throw validationFailed([
          {
            field: `placements.${i}.userId`,
            message: `They may no longer take case ${found.case.localCaseId}: propose again.`,
          },
        ]);
      await allocateCase(inner, p.caseId, { leadUserId: p.userId, coWorkerIds: [] }, 'caller');
    }
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'matching.batch_approve',
        entityType: 'case',
        entityIds: placements.flatMap((p) => [p.caseId, p.userId]),
        siteId,
      },
    );
    return { allocated: placements.length };
  });
}
