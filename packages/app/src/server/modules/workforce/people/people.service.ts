import { and, eq, isNull } from 'drizzle-orm';
import type { Complexity } from '../../../../contract/case-codes.ts';
import type {
  CreateWorkforceBody,
  StatusChangeBody,
  UpdateWorkforceBody,
  WorkforceDetail,
  WorkforceSettingsBody,
  WorkforceSummary,
} from '../../../../contract/workforce.ts';
import type {
  CaseCaution,
  LeftDestination,
  LivedExperienceArea,
  WorkforceRole,
  WorkforceStatus,
} from '../../../../contract/workforce-codes.ts';
import type { Actor } from '../../../access/actor.ts';
import { can } from '../../../access/role-permissions.ts';
import { type Clock, ukDateOf } from '../../../clock.ts';
import type { Db } from '../../../db/database.ts';
import { newId } from '../../../db/ids.ts';
import { conflict, notFound, validationFailed } from '../../../http/app-error.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { localCaseIdsOf } from '../../cases/cases.repository.ts';
import { dbsRecheckDueOn, dbsState } from '../safety/dbs.rules.ts';
import {
  certificatesOf,
  courseTitles,
  findMemberInScope,
  findMemberOfUser,
  listMembersInScope,
  type MemberFacts,
  type MemberRow,
  memberFacts,
  userNamesOf,
  userWorksAt,
} from './people.repository.ts';
import { workforceMembers, workforcePauses, workforceRoleHistory } from './people.table.ts';
import {
  hoursAgainstExpected,
  internReadiness,
  type RolePeriod,
  roleChangeRefusal,
  supervisionDue,
  timeLimitOf,
} from './progression.rules.ts';
import { saveWorkforceSettings, type WorkforceSettings, workforceSettingsOf } from './settings.repository.ts';

export type WorkforceContext = { db: Db; actor: Actor; clock: Clock; requestId: string };

function summaryOf(
  row: MemberRow,
  facts: MemberFacts,
  settings: WorkforceSettings,
  today: string,
): WorkforceSummary {
  const role = row.role as WorkforceRole;
  const history = facts.history as RolePeriod[];
  const current = [...history].reverse().find((h) => h.role === role && h.endedOn === null);
  const isPaused = row.status === 'paused';
  const dbs = dbsState(facts.dbs[0] ?? null, today, {
    recheckMonths: settings.dbsRecheckMonths,
    requiredLevel: settings.requiredDbsLevel,
  });
  return {
    id: row.id,
    siteId: row.siteId,
    siteIds: row.siteIds,
    userId: row.userId,
    displayName: row.displayName,
    role,
    status: row.status as WorkforceStatus,
    roleSince: current?.startedOn ?? null,
    timeLimit: row.status === 'left' ? null : timeLimitOf(role, history, facts.pauses, today, settings),
    nextStep: row.nextStep,
    nextStepTargetOn: row.nextStepTargetOn,
    dbs: { state: dbs.state, dueOn: dbs.dueOn },
    supervision: {
      lastHeldOn: facts.lastSupervisionOn,
      ...supervisionDue(
        facts.lastSupervisionOn,
        current?.startedOn ?? ukDateOf(row.createdAt),
        settings.supervisionEveryDays,
        today,
        isPaused || row.status === 'left',
      ),
    },
    hours: hoursAgainstExpected(role, facts.approvedMinutes28, 4, settings),
    pendingHours: facts.pendingHours,
  };
}

export async function listWorkforce(
  { db, actor, clock, requestId }: WorkforceContext,
  filter: {
    siteId?: string | undefined;
    status?: WorkforceStatus | undefined;
    role?: WorkforceRole | undefined;
  },
) {
  return db.transaction(async (tx) => {
    const today = ukDateOf(clock.now());
    const rows = await listMembersInScope(tx, actor, filter);
    const facts = await memberFacts(
      tx,
      rows.map((r) => r.id),
      today,
    );
    const settings = await workforceSettingsOf(tx, actor.organisationId);
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'workforce.list',
        entityType: 'workforce_member',
        entityIds: rows.map((r) => r.id),
        query: { ...filter },
      },
    );
    const items = rows.map((r) => summaryOf(r, facts.get(r.id) as MemberFacts, settings, today));
    return { items, total: items.length };
  });
}

async function detailOf(db: Db, actor: Actor, row: MemberRow, today: string): Promise<WorkforceDetail> {
  const facts = (await memberFacts(db, [row.id], today)).get(row.id) as MemberFacts;
  const settings = await workforceSettingsOf(db, actor.organisationId);
  const names = await userNamesOf(
    db,
    actor.organisationId,
    row.supervisorUserId ? [row.supervisorUserId] : [],
  );
  const role = row.role as WorkforceRole;
  return {
    ...summaryOf(row, facts, settings, today),
    leftOn: row.leftOn,
    leftReason: row.leftReason,
    leftDestination: row.leftDestination as LeftDestination | null,
    gender: row.gender as WorkforceDetail['gender'],
    languages: row.languages,
    interests: row.interests,
    areasCovered: row.areasCovered,
    availability: row.availability,
    livedExperience: can(actor.role, 'workforce:lived_experience')
      ? (row.livedExperience as LivedExperienceArea[])
      : null,
    maxComplexity: row.maxComplexity as Complexity | null,
    caseloadCap: row.caseloadCap,
    avoidCaseKinds: row.avoidCaseKinds as CaseCaution[],
    knownAssociateCaseIds: row.knownAssociateCaseIds,
    knownAssociates: await localCaseIdsOf(db, actor, row.knownAssociateCaseIds),
    supervisor: row.supervisorUserId
      ? { userId: row.supervisorUserId, name: names.get(row.supervisorUserId) ?? 'Unknown' }
      : null,
    loneWorking: {
      isPermitted: row.loneWorkingPermitted,
      reason: row.loneWorkingReason,
      decidedOn: row.loneWorkingDecidedOn,
    },
    roleHistory: facts.history.map((h) => ({ ...h, role: h.role as WorkforceRole })),
    pauses: facts.pauses,
    dbsChecks: facts.dbs.map((d) => ({ ...d, recheckDueOn: dbsRecheckDueOn(d, settings.dbsRecheckMonths) })),
    internReadiness:
      role === 'new_volunteer'
        ? internReadiness(
            {
              completedCourseIds: facts.completedCourseIds,
              approvedShadowingSessions: facts.approvedShadowing,
            },
            settings,
            await courseTitles(db, actor.organisationId),
          )
        : null,
    certificates: (await certificatesOf(db, row.id)).map((c) => ({
      courseTitle: c.course_title,
      issuedOn: c.issued_on,
      renewalDueOn: c.renewal_due_on,
    })),
  };
}

export async function viewWorkforceMember(
  { db, actor, clock, requestId }: WorkforceContext,
  memberId: string,
) {
  return db.transaction(async (tx) => {
    const row = await findMemberInScope(tx, actor, memberId);
    if (!row) throw notFound('workforce record');
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: can(actor.role, 'workforce:lived_experience')
          ? 'workforce.view_with_lived_experience'
          : 'workforce.view',
        entityType: 'workforce_member',
        entityIds: [memberId],
        siteId: row.siteId,
      },
    );
    return detailOf(tx, actor, row, ukDateOf(clock.now()));
  });
}

async function profileProblems(
  db: Db,
  actor: Actor,
  input: Partial<CreateWorkforceBody>,
  current: { siteId: string; siteIds: string[]; id?: string },
) {
  const problems: { field: string; message: string }[] = [];
  const siteIds = input.siteIds ?? current.siteIds;
  const homeSiteId = input.siteId ?? current.siteId;
  siteIds.forEach((id, i) => {
    if (!actor.siteIds.includes(id))
      problems.push({ field: `siteIds.${i}`, message: 'Choose one of your sites.' });
  });
  if (!siteIds.includes(homeSiteId))
    problems.push({ field: 'siteId', message: 'The home site must be one of the sites they work at.' });
  if (input.userId) {
    if (!(await userWorksAt(db, actor.organisationId, input.userId, siteIds)))
      problems.push({
        field: 'userId',
        message: 'Choose a user account of this organisation working at one of these sites.',
      });
    else {
      const other = await findMemberOfUser(db, actor.organisationId, input.userId);
      if (other && other.id !== current.id)
        problems.push({ field: 'userId', message: 'That user account already has a workforce record.' });
    }
  }
  if (
    input.supervisorUserId &&
    !(await userWorksAt(db, actor.organisationId, input.supervisorUserId, siteIds))
  )
    problems.push({
      field: 'supervisorUserId',
      message: 'Choose a supervisor working at one of these sites.',
    });
  if (
    input.livedExperience &&
    input.livedExperience.length > 0 &&
    !can(actor.role, 'workforce:lived_experience')
  )
    problems.push({ field: 'livedExperience', message: 'Only coordinators record lived experience.' });
  return problems;
}

export async function createWorkforceMember(
  { db, actor, clock, requestId }: WorkforceContext,
  input: CreateWorkforceBody,
) {
  const today = ukDateOf(clock.now());
  if (input.startedOn > today)
    throw validationFailed([
      { field: 'startedOn', message: 'Enter a start date that is not in the future.' },
    ]);
  return db.transaction(async (tx) => {
    const problems = await profileProblems(tx, actor, input, {
      siteId: input.siteId,
      siteIds: input.siteIds,
    });
    if (problems.length > 0) throw validationFailed(problems);
    const now = clock.now();
    const id = newId();
    const { startedOn, siteIds, ...fields } = input;
    await tx.insert(workforceMembers).values({
      ...fields,
      id,
      organisationId: actor.organisationId,
      siteIds: [...new Set(siteIds)],
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(workforceRoleHistory).values({
      id: newId(),
      memberId: id,
      organisationId: actor.organisationId,
      siteId: input.siteId,
      role: input.role,
      startedOn,
      recordedBy: actor.userId,
      recordedAt: now,
    });
    await recordAudit(
      tx,
      { actor, clock, requestId },
      { action: 'workforce.create', entityType: 'workforce_member', entityIds: [id], siteId: input.siteId },
    );
    const row = await findMemberInScope(tx, actor, id);
    if (!row) throw new Error('created workforce record is out of its creator’s scope');
    return detailOf(tx, actor, row, today);
  });
}

export async function updateWorkforceMember(
  { db, actor, clock, requestId }: WorkforceContext,
  memberId: string,
  input: UpdateWorkforceBody,
) {
  return db.transaction(async (tx) => {
    const row = await findMemberInScope(tx, actor, memberId, { forUpdate: true });
    if (!row) throw notFound('workforce record');
    const problems = await profileProblems(tx, actor, input, row);
    if (problems.length > 0) throw validationFailed(problems);
    const { siteIds, ...fields } = input;
    await tx
      .update(workforceMembers)
      .set({ ...fields, ...(siteIds ? { siteIds: [...new Set(siteIds)] } : {}), updatedAt: clock.now() })
      .where(eq(workforceMembers.id, memberId));
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'workforce.update',
        entityType: 'workforce_member',
        entityIds: [memberId],
        siteId: row.siteId,
        query: { fields: Object.keys(input) },
      },
    );
    const updated = (await findMemberInScope(tx, actor, memberId)) as MemberRow;
    return detailOf(tx, actor, updated, ukDateOf(clock.now()));
  });
}

export async function changeRole(
  { db, actor, clock, requestId }: WorkforceContext,
  memberId: string,
  body: { role: WorkforceRole; startedOn: string; note?: string | undefined },
) {
  const today = ukDateOf(clock.now());
  return db.transaction(async (tx) => {
    const row = await findMemberInScope(tx, actor, memberId, { forUpdate: true });
    if (!row) throw notFound('workforce record');
    if (row.status === 'left') throw conflict('They have left: record their return before changing role.');
    const facts = (await memberFacts(tx, [memberId], today)).get(memberId) as MemberFacts;
    const current = facts.history.find((h) => h.endedOn === null);
    if (body.startedOn > today || (current && body.startedOn < current.startedOn))
      throw validationFailed([
        { field: 'startedOn', message: 'Enter a date between the start of their current role and today.' },
      ]);
    const settings = await workforceSettingsOf(tx, actor.organisationId);
    const readiness = internReadiness(
      { completedCourseIds: facts.completedCourseIds, approvedShadowingSessions: facts.approvedShadowing },
      settings,
      await courseTitles(tx, actor.organisationId),
    );
    const refusal = roleChangeRefusal(row.role as WorkforceRole, body.role, readiness);
    if (refusal) throw conflict(refusal, [{ field: 'role', message: refusal }]);
    const now = clock.now();
    await tx
      .update(workforceRoleHistory)
      .set({ endedOn: body.startedOn })
      .where(and(eq(workforceRoleHistory.memberId, memberId), isNull(workforceRoleHistory.endedOn)));
    await tx.insert(workforceRoleHistory).values({
      id: newId(),
      memberId,
      organisationId: row.organisationId,
      siteId: row.siteId,
      role: body.role,
      startedOn: body.startedOn,
      note: body.note ?? null,
      recordedBy: actor.userId,
      recordedAt: now,
    });
    await tx
      .update(workforceMembers)
      .set({ role: body.role, updatedAt: now })
      .where(eq(workforceMembers.id, memberId));
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'workforce.change_role',
        entityType: 'workforce_member',
        entityIds: [memberId],
        siteId: row.siteId,
        query: { from: row.role, to: body.role },
      },
    );
    return detailOf(tx, actor, (await findMemberInScope(tx, actor, memberId)) as MemberRow, today);
  });
}

const allowedFrom: Record<StatusChangeBody['action'], WorkforceStatus[]> = {
  activate: ['applicant', 'in_training'],
  pause: ['active', 'in_training'],
  resume: ['paused'],
  leave: ['applicant', 'in_training', 'active', 'paused'],
};

/**
 * Pausing keeps everything (role, history, checks) and stops the 18-month clock; resuming returns to
 * the status held before. Leaving records where they went (often a job: a good outcome).
 */
export async function changeStatus(
  { db, actor, clock, requestId }: WorkforceContext,
  memberId: string,
  body: StatusChangeBody,
) {
  const today = ukDateOf(clock.now());
  return db.transaction(async (tx) => {
    const row = await findMemberInScope(tx, actor, memberId, { forUpdate: true });
    if (!row) throw notFound('workforce record');
    if (!allowedFrom[body.action].includes(row.status as WorkforceStatus))
      throw conflict(`A record that is ${row.status.replace('_', ' ')} cannot ${body.action}.`, [
        { field: 'action', message: `Not possible while ${row.status.replace('_', ' ')}.` },
      ]);
    if (body.on > today)
      throw validationFailed([{ field: 'on', message: 'Enter a date that is not in the future.' }]);
    const now = clock.now();
    const [openPause] = await tx
      .select()
      .from(workforcePauses)
      .where(and(eq(workforcePauses.memberId, memberId), isNull(workforcePauses.endedOn)));
    if (openPause && body.on < openPause.startedOn)
      throw validationFailed([{ field: 'on', message: 'Enter a date on or after the pause began.' }]);
    let status: WorkforceStatus = row.status as WorkforceStatus;
    if (body.action === 'activate') status = 'active';
    if (body.action === 'pause') {
      status = 'paused';
      await tx.insert(workforcePauses).values({
        id: newId(),
        memberId,
        organisationId: row.organisationId,
        siteId: row.siteId,
        startedOn: body.on,
        resumeStatus: row.status,
        recordedBy: actor.userId,
        recordedAt: now,
      });
    }
    if ((body.action === 'resume' || body.action === 'leave') && openPause) {
      await tx.update(workforcePauses).set({ endedOn: body.on }).where(eq(workforcePauses.id, openPause.id));
      if (body.action === 'resume') status = openPause.resumeStatus as WorkforceStatus;
    }
    if (body.action === 'resume' && !openPause) status = 'active';
    if (body.action === 'leave') {
      status = 'left';
      await tx
        .update(workforceRoleHistory)
        .set({ endedOn: body.on })
        .where(and(eq(workforceRoleHistory.memberId, memberId), isNull(workforceRoleHistory.endedOn)));
    }
    await tx
      .update(workforceMembers)
      .set({
        status,
        ...(body.action === 'leave'
          ? { leftOn: body.on, leftDestination: body.destination, leftReason: body.reason ?? null }
          : {}),
        updatedAt: now,
      })
      .where(eq(workforceMembers.id, memberId));
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: `workforce.${body.action}`,
        entityType: 'workforce_member',
        entityIds: [memberId],
        siteId: row.siteId,
        query: { from: row.status, to: status },
      },
    );
    return detailOf(tx, actor, (await findMemberInScope(tx, actor, memberId)) as MemberRow, today);
  });
}

/** The signed-in person's own workforce summary (404 when they have no record). */
export async function myWorkforce({ db, actor, clock, requestId }: WorkforceContext) {
  return db.transaction(async (tx) => {
    const row = await findMemberOfUser(tx, actor.organisationId, actor.userId);
    if (!row) throw notFound('workforce record');
    const today = ukDateOf(clock.now());
    const facts = (await memberFacts(tx, [row.id], today)).get(row.id) as MemberFacts;
    const summary = summaryOf(row, facts, await workforceSettingsOf(tx, actor.organisationId), today);
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'workforce.view_own',
        entityType: 'workforce_member',
        entityIds: [row.id],
        siteId: row.siteId,
      },
    );
    return {
      memberId: row.id,
      displayName: row.displayName,
      role: summary.role,
      status: summary.status,
      timeLimit: summary.timeLimit,
      nextStep: summary.nextStep,
      nextStepTargetOn: summary.nextStepTargetOn,
      hours: summary.hours,
      supervision: summary.supervision,
    };
  });
}

export async function readWorkforceSettings({ db, actor }: WorkforceContext) {
  return workforceSettingsOf(db, actor.organisationId);
}

export async function updateWorkforceSettings(
  { db, actor, clock, requestId }: WorkforceContext,
  body: WorkforceSettingsBody,
) {
  const problems: { field: string; message: string }[] = [];
  if (body.alertAtMonths > Math.min(body.volunteerMonthsMax, body.paidPeerMonthsMax))
    problems.push({ field: 'alertAtMonths', message: 'Alert at or before the shorter of the two limits.' });
  for (const [role, range] of Object.entries(body.expectedWeeklyHours))
    if (range && range.min > range.max)
      problems.push({
        field: `expectedWeeklyHours.${role}.min`,
        message: 'The minimum must not exceed the maximum.',
      });
  if (problems.length > 0) throw validationFailed(problems);
  return db.transaction(async (tx) => {
    const titles = await courseTitles(tx, actor.organisationId);
    body.requiredCourseIds.forEach((id, i) => {
      if (!titles.has(id))
        problems.push({
          field: `requiredCourseIds.${i}`,
          message: 'Choose one of this organisation’s courses.',
        });
    });
    if (problems.length > 0) throw validationFailed(problems);
    await saveWorkforceSettings(tx, actor.organisationId, body, { userId: actor.userId, at: clock.now() });
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'workforce.settings_update',
        entityType: 'workforce_settings',
        entityIds: [actor.organisationId],
      },
    );
    return workforceSettingsOf(tx, actor.organisationId);
  });
}
