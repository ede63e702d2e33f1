import type { Complexity } from '../../../contract/case-codes.ts';
import { type Clock, ukDateOf } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { barredUserIds } from './access-limits/barred.repository.ts';
import {
  loadAllocationCandidates,
  loadEligibilityRules,
  workforceUserIds,
} from './allocation-candidates.repository.ts';
import { allocationBlockers } from './allocation-eligibility.ts';

type Problem = { field: string; message: string };

/**
 * The workforce rules applied when a case is allocated (issue 6, items 1, 5 and 7):
 * - someone with a workforce record is held to it: only intern volunteers and paid peers lead,
 *   within their cap and complexity level, and nobody is allocated without a current DBS check or
 *   with a lapsed certificate of a required course;
 * - a peer supporter or volunteer user with no workforce record is refused, naming the fix;
 * - a coordinator with no workforce record may still be allocated (they coordinate; the hybrid model
 *   gives them no caseload, but a small service's coordinator sometimes holds a case);
 * - nobody an access limit bars from the case can be allocated it.
 */
export async function workforceAllocationProblems(
  db: Db,
  theCase: { id: string; organisationId: string; siteId: string; complexity: string | null },
  clock: Clock,
  request: { leadUserId: string | null; coWorkerIds: string[]; roles: Map<string, string> },
): Promise<Problem[]> {
  const wanted = [
    ...(request.leadUserId ? [{ userId: request.leadUserId, as: 'lead' as const, field: 'leadUserId' }] : []),
    ...request.coWorkerIds.map((userId, i) => ({
      userId,
      as: 'co_worker' as const,
      field: `coWorkerIds.${i}`,
    })),
  ];
  if (wanted.length === 0) return [];
  const userIds = wanted.map((w) => w.userId);
  const [withRecord, barred, candidates, rules] = [
    await workforceUserIds(db, theCase.organisationId, userIds),
    await barredUserIds(db, theCase.id, userIds),
    await loadAllocationCandidates(db, theCase.organisationId, theCase.siteId, {
      caseId: theCase.id,
      userIds,
    }),
    await loadEligibilityRules(db, theCase.organisationId, theCase.siteId),
  ];
  const today = ukDateOf(clock.now());
  const problems: Problem[] = [];
  for (const w of wanted) {
    if (barred.has(w.userId)) {
      problems.push({
        field: w.field,
        message: 'An access limit bars this person from this case: choose someone else.',
      });
      continue;
    }
    if (!withRecord.has(w.userId)) {
      if (request.roles.get(w.userId) !== 'coordinator')
        problems.push({
          field: w.field,
          message:
            'This person has no workforce record: add them to the workforce (role, status and a current DBS check) before allocating cases.',
        });
      continue;
    }
    const candidate = candidates.find((c) => c.userId === w.userId);
    if (!candidate) {
      problems.push({
        field: w.field,
        message: 'Their workforce record does not list this site, or says they have left: update it first.',
      });
      continue;
    }
    const blockers = allocationBlockers(candidate.member, candidate.checks, today, rules, {
      as: w.as,
      caseId: theCase.id,
      caseComplexity: theCase.complexity as Complexity | null,
      isBarredFromCase: candidate.isBarredFromCase,
    });
    if (blockers.length > 0)
      problems.push({ field: w.field, message: blockers.map((b) => b.message).join(' ') });
  }
  return problems;
}

/**
 * Whether someone may take over a leaving worker's caseload (issue 6): the same person-level rules as
 * allocation (role, status, a current DBS check; no workforce record only for a coordinator), but not
 * the cap or complexity, which the caseload board flags case by case after a handover.
 */
export async function caseloadHandoverProblem(
  db: Db,
  place: { organisationId: string; siteId: string },
  clock: Clock,
  user: { id: string; role: string },
): Promise<string | null> {
  const withRecord = await workforceUserIds(db, place.organisationId, [user.id]);
  if (!withRecord.has(user.id))
    return user.role === 'coordinator'
      ? null
      : 'This person has no workforce record: add them to the workforce (role, status and a current DBS check) first.';
  const [candidate] = await loadAllocationCandidates(db, place.organisationId, place.siteId, {
    userIds: [user.id],
  });
  if (!candidate)
    return 'Their workforce record does not list this site, or says they have left: update it first.';
  const rules = await loadEligibilityRules(db, place.organisationId, place.siteId);
  const personLevel = new Set([
    'role_cannot_carry_cases',
    'not_active',
    'dbs_missing',
    'dbs_level_too_low',
    'dbs_out_of_date',
    'certificate_lapsed',
  ]);
  const blockers = allocationBlockers(candidate.member, candidate.checks, ukDateOf(clock.now()), rules, {
    as: 'lead',
    caseComplexity: 'low',
  }).filter((b) => personLevel.has(b.code));
  return blockers.length > 0 ? blockers.map((b) => b.message).join(' ') : null;
}
