import { sql } from 'drizzle-orm';
import type { Complexity } from '../../../contract/case-codes.ts';
import type {
  CaseCaution,
  DbsLevel,
  LivedExperienceArea,
  WorkforceRole,
  WorkforceStatus,
} from '../../../contract/workforce-codes.ts';
import type { Db } from '../../db/database.ts';
import { rowsOf } from '../../db/rows.ts';
import type {
  EligibilityChecks,
  EligibilityMember,
  EligibilityRules,
  RequiredCertificate,
} from './allocation-eligibility.ts';
import { workforceSettingsOf } from './people/settings.repository.ts';

/** Everything matching needs about one person who could be given a case. */
export type AllocationCandidate = {
  memberId: string;
  /** Cases are allocated to users: null means the person cannot be allocated (no account yet). */
  userId: string | null;
  displayName: string;
  member: EligibilityMember;
  checks: EligibilityChecks;
  gender: string | null;
  languages: string[];
  interests: string[];
  areasCovered: string[];
  availability: string | null;
  /** Special category data: show it only to someone with workforce:lived_experience. */
  livedExperience: LivedExperienceArea[];
  avoidCaseKinds: CaseCaution[];
  /** True when an access limit bars this person's user from the case asked about. */
  isBarredFromCase: boolean;
};

type Row = {
  member_id: string;
  user_id: string | null;
  display_name: string;
  role: string;
  status: string;
  max_complexity: string | null;
  caseload_cap: number | null;
  known_associate_case_ids: string[];
  gender: string | null;
  languages: string[];
  interests: string[];
  areas_covered: string[];
  availability: string | null;
  lived_experience: string[];
  avoid_case_kinds: string[];
  lead_cases: number;
  dbs_level: string | null;
  dbs_certificate_on: string | null;
  dbs_on_update_service: boolean | null;
  dbs_update_checked_on: string | null;
  required_certificates: RequiredCertificate[] | null;
  is_barred: boolean;
};

const uuidList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/**
 * The workforce who work at a site (not left), with their latest DBS check, their latest certificate
 * of each course the organisation requires, the open cases they lead
 * (excluding `caseId`, so re-allocating a case to its lead does not count it twice) and whether an
 * access limit bars them from `caseId`. One statement. Not scoped to an actor: callers check the
 * actor may allocate at this site first (the case was found in their scope).
 */
export async function loadAllocationCandidates(
  db: Db,
  organisationId: string,
  siteId: string,
  options: { caseId?: string; userIds?: readonly string[] } = {},
): Promise<AllocationCandidate[]> {
  const caseId = options.caseId ?? null;
  const userFilter =
    options.userIds === undefined
      ? sql``
      : options.userIds.length === 0
        ? sql`and false`
        : sql`and m.user_id in (${uuidList(options.userIds)})`;
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select m.id as member_id, m.user_id, m.display_name, m.role, m.status, m.max_complexity, m.caseload_cap,
        m.known_associate_case_ids::text[] as known_associate_case_ids, m.gender, m.languages, m.interests,
        m.areas_covered, m.availability, m.lived_experience, m.avoid_case_kinds,
        (select count(*)::int from case_workers cw join cases c on c.id = cw.case_id
          where cw.user_id = m.user_id and cw.role = 'lead'
            and c.status in ('referred', 'active', 'stepped_down')
            and (${caseId}::uuid is null or c.id <> ${caseId}::uuid)) as lead_cases,
        d.level as dbs_level, d.certificate_on::text as dbs_certificate_on,
        d.is_on_update_service as dbs_on_update_service, d.update_service_checked_on::text as dbs_update_checked_on,
        (select json_agg(json_build_object('courseTitle', rc.title, 'renewalDueOn', rc.renewal_due_on))
          from (select distinct on (tc.course_id) co.title, tc.renewal_due_on::text as renewal_due_on
            from training_certificates tc join training_courses co on co.id = tc.course_id
            where tc.member_id = m.id and tc.course_id in (select unnest(ws.required_course_ids)
              from workforce_settings ws where ws.organisation_id = m.organisation_id)
            order by tc.course_id, tc.issued_on desc, tc.recorded_at desc) rc) as required_certificates,
        (${caseId}::uuid is not null and exists (select 1 from access_limits al
          where al.user_id = m.user_id and al.case_id = ${caseId}::uuid and al.lifted_at is null)) as is_barred
      from workforce_members m
      left join lateral (select * from dbs_checks dc where dc.member_id = m.id
        order by dc.certificate_on desc, dc.recorded_at desc limit 1) d on true
      where m.organisation_id = ${organisationId} and ${siteId}::uuid = any(m.site_ids)
        and m.status <> 'left' ${userFilter}
      order by m.display_name`),
  );
  return rows.map((r) => ({
    memberId: r.member_id,
    userId: r.user_id,
    displayName: r.display_name,
    member: {
      role: r.role as WorkforceRole,
      status: r.status as WorkforceStatus,
      maxComplexity: r.max_complexity as Complexity | null,
      caseloadCap: r.caseload_cap,
      currentLeadCases: r.lead_cases,
      knownAssociateCaseIds: r.known_associate_case_ids ?? [],
    },
    checks: {
      latestDbs:
        r.dbs_level && r.dbs_certificate_on
          ? {
              level: r.dbs_level as DbsLevel,
              certificateOn: r.dbs_certificate_on,
              isOnUpdateService: r.dbs_on_update_service ?? false,
              updateServiceCheckedOn: r.dbs_update_checked_on,
            }
          : null,
      requiredCertificates: r.required_certificates ?? [],
    },
    gender: r.gender,
    languages: r.languages ?? [],
    interests: r.interests ?? [],
    areasCovered: r.areas_covered ?? [],
    availability: r.availability,
    livedExperience: (r.lived_experience ?? []) as LivedExperienceArea[],
    avoidCaseKinds: (r.avoid_case_kinds ?? []) as CaseCaution[],
    isBarredFromCase: r.is_barred,
  }));
}

/** The hard rules for a site: the organisation's settings, and the site's usual caseload for paid peers. */
export async function loadEligibilityRules(
  db: Db,
  organisationId: string,
  siteId: string,
): Promise<EligibilityRules> {
  const settings = await workforceSettingsOf(db, organisationId);
  const [site] = rowsOf<{ caseload_target: number }>(
    await db.execute(
      sql`select caseload_target from sites where id = ${siteId} and organisation_id = ${organisationId}`,
    ),
  );
  return {
    internCaseloadCap: settings.internCaseloadCap,
    internMaxComplexity: settings.internMaxComplexity,
    paidPeerCaseloadCap: site?.caseload_target ?? 12,
    dbsRecheckMonths: settings.dbsRecheckMonths,
    requiredDbsLevel: settings.requiredDbsLevel,
  };
}

/** The workforce records of some users (any site), to apply the rules to whoever is being allocated. */
export async function workforceUserIds(db: Db, organisationId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return new Set<string>();
  const rows = rowsOf<{ user_id: string }>(
    await db.execute(sql`select user_id from workforce_members
      where organisation_id = ${organisationId} and user_id in (${uuidList(userIds)})`),
  );
  return new Set(rows.map((r) => r.user_id));
}
