import { format, parseISO } from 'date-fns';
import type { Complexity } from '../../../contract/case-codes.ts';
import { complexities } from '../../../contract/case-codes.ts';
import {
  caseCarryingRoles,
  type DbsLevel,
  dbsLevelLabels,
  type WorkforceRole,
  type WorkforceStatus,
  workforceRoleLabels,
} from '../../../contract/workforce-codes.ts';
import { type DbsCheck, dbsState } from './safety/dbs.rules.ts';

const longDate = (iso: string | null) => (iso ? format(parseISO(iso), 'd MMMM yyyy') : 'an unknown date');

/**
 * Who may take a case (issue 6, items 1 and 5): pure, so the allocation, the matching shortlist and
 * the batch assignment all apply exactly the same hard rules.
 */

export type EligibilityMember = {
  role: WorkforceRole;
  status: WorkforceStatus;
  /** The person's own ceiling, or null for the role's default. */
  maxComplexity: Complexity | null;
  /** The person's own cap, or null for the role's default. */
  caseloadCap: number | null;
  /** Open cases (referred, active, stepped down) the person leads now, not counting the case in question. */
  currentLeadCases: number;
  knownAssociateCaseIds: readonly string[];
};

/** The latest certificate a person holds for a course the organisation requires before casework. */
export type RequiredCertificate = { courseTitle: string; renewalDueOn: string | null };

export type EligibilityChecks = {
  latestDbs: DbsCheck | null;
  /**
   * Their latest certificate of each required course they hold (workforce settings'
   * `requiredCourseIds`: the training a volunteer needs before carrying cases). One that has passed
   * its renewal date blocks allocation like an out-of-date DBS check.
   */
  requiredCertificates?: readonly RequiredCertificate[];
};

export type EligibilityRules = {
  internCaseloadCap: number;
  internMaxComplexity: Complexity;
  /** Paid peers' default cap: the site's usual caseload. */
  paidPeerCaseloadCap: number;
  dbsRecheckMonths: number;
  requiredDbsLevel: DbsLevel;
};

export const defaultEligibilityRules: EligibilityRules = {
  internCaseloadCap: 3,
  internMaxComplexity: 'moderate',
  paidPeerCaseloadCap: 12,
  dbsRecheckMonths: 36,
  requiredDbsLevel: 'enhanced',
};

export type AllocationRequest = {
  /** Leading carries the case; a co-worker (e.g. a shadowing new volunteer) does not. */
  as: 'lead' | 'co_worker';
  caseId?: string;
  caseComplexity: Complexity | null;
  /** True when an access limit bars this person from this case. */
  isBarredFromCase?: boolean;
};

export type AllocationBlockerCode =
  | 'role_cannot_carry_cases'
  | 'not_active'
  | 'dbs_missing'
  | 'dbs_level_too_low'
  | 'dbs_out_of_date'
  | 'certificate_lapsed'
  | 'caseload_full'
  | 'complexity_unknown'
  | 'complexity_above_level'
  | 'known_associate'
  | 'access_limited';

export type AllocationBlocker = { code: AllocationBlockerCode; message: string };

/** The case cap that applies to a person (null: the role does not carry cases). */
export function caseloadCapOf(
  member: Pick<EligibilityMember, 'role' | 'caseloadCap'>,
  rules: EligibilityRules,
) {
  if (!caseCarryingRoles.includes(member.role)) return null;
  if (member.caseloadCap !== null) return member.caseloadCap;
  return member.role === 'intern_volunteer' ? rules.internCaseloadCap : rules.paidPeerCaseloadCap;
}

/** The highest complexity a person may lead (null: the role does not carry cases). */
export function maxComplexityOf(
  member: Pick<EligibilityMember, 'role' | 'maxComplexity'>,
  rules: EligibilityRules,
): Complexity | null {
  if (!caseCarryingRoles.includes(member.role)) return null;
  if (member.maxComplexity) return member.maxComplexity;
  return member.role === 'intern_volunteer' ? rules.internMaxComplexity : 'high';
}

/** Every reason this person may not take this case now; empty means they may. */
export function allocationBlockers(
  member: EligibilityMember,
  checks: EligibilityChecks,
  today: string,
  rules: EligibilityRules,
  request: AllocationRequest,
): AllocationBlocker[] {
  const blockers: AllocationBlocker[] = [];
  const isLead = request.as === 'lead';
  if (isLead && !caseCarryingRoles.includes(member.role))
    blockers.push({
      code: 'role_cannot_carry_cases',
      message: `${workforceRoleLabels[member.role]}s do not carry cases: only intern volunteers and paid peer supporters lead a case.`,
    });
  const activeEnough = isLead
    ? member.status === 'active'
    : ['active', 'in_training'].includes(member.status);
  if (!activeEnough)
    blockers.push({
      code: 'not_active',
      message:
        member.status === 'paused'
          ? 'They are paused (stepping back): end the pause before allocating cases.'
          : `They are not active (${member.status.replace('_', ' ')}).`,
    });
  const dbs = dbsState(checks.latestDbs, today, {
    recheckMonths: rules.dbsRecheckMonths,
    requiredLevel: rules.requiredDbsLevel,
  });
  if (dbs.state === 'missing')
    blockers.push({ code: 'dbs_missing', message: 'No DBS check is recorded: record a current one first.' });
  else if (dbs.state === 'level_too_low')
    blockers.push({
      code: 'dbs_level_too_low',
      message: `Their DBS check is below the ${dbsLevelLabels[rules.requiredDbsLevel].toLowerCase()} level this organisation requires.`,
    });
  else if (dbs.state === 'overdue')
    blockers.push({
      code: 'dbs_out_of_date',
      message: `Their DBS check was due for renewal on ${longDate(dbs.dueOn)}: record the recheck first.`,
    });
  for (const certificate of checks.requiredCertificates ?? [])
    if (certificate.renewalDueOn !== null && certificate.renewalDueOn <= today)
      blockers.push({
        code: 'certificate_lapsed',
        message: `Their training certificate “${certificate.courseTitle}” lapsed on ${longDate(certificate.renewalDueOn)}: record the renewal first.`,
      });
  if (isLead && caseCarryingRoles.includes(member.role)) {
    const cap = caseloadCapOf(member, rules) ?? 0;
    if (member.currentLeadCases >= cap)
      blockers.push({
        code: 'caseload_full',
        message: `They already lead ${member.currentLeadCases} open cases, their cap is ${cap}.`,
      });
    const ceiling = maxComplexityOf(member, rules) ?? 'low';
    if (ceiling !== 'high' && request.caseComplexity === null)
      blockers.push({
        code: 'complexity_unknown',
        message: `Record the case's complexity first: they may lead only cases up to ${ceiling} complexity.`,
      });
    else if (
      request.caseComplexity !== null &&
      complexities.indexOf(request.caseComplexity) > complexities.indexOf(ceiling)
    )
      blockers.push({
        code: 'complexity_above_level',
        message: `The case is ${request.caseComplexity} complexity; they may lead only up to ${ceiling}.`,
      });
  }
  if (request.caseId && member.knownAssociateCaseIds.includes(request.caseId))
    blockers.push({
      code: 'known_associate',
      message: 'Their record says they know the person on this case.',
    });
  if (request.isBarredFromCase)
    blockers.push({ code: 'access_limited', message: 'An access limit bars them from this case.' });
  return blockers;
}
