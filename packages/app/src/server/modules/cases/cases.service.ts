import { eq } from 'drizzle-orm';
import type {
  CaseStatus,
  Complexity,
  ContactType,
  DischargeReason,
  Engagement,
  ReferralSource,
} from '../../../contract/case-codes.ts';
import type { CaseActionBody, CaseDetail, CreateCaseBody } from '../../../contract/cases.ts';
import type { Actor } from '../../access/actor.ts';
import { can } from '../../access/role-permissions.ts';
import { caseloadScopedRoles } from '../../access/scope.ts';
import { type Clock, ukDateOf } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { conflict, notFound, validationFailed } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { workforceAllocationProblems } from '../workforce/allocation-check.ts';
import {
  type ActionInput,
  applyCaseAction,
  availableCaseActions,
  type CaseState,
  type Refusal,
  ukLongDate,
} from './case.rules.ts';
import {
  type CaseFilter,
  type CaseWithDerived,
  findCaseByLocalId,
  findCaseInScope,
  findEligibleWorkers,
  lastContactTypeOf,
  listCasesInScope,
  listCaseWorkers,
  replaceCaseWorkers,
  userNames,
} from './cases.repository.ts';
import { cases } from './cases.table.ts';

export type CaseServiceContext = { db: Db; actor: Actor; clock: Clock; requestId: string };

export function caseStateOf(row: CaseWithDerived): CaseState {
  return {
    status: row.case.status as CaseStatus,
    engagement: row.case.engagement as Engagement,
    referredOn: row.case.referredOn,
    dischargedOn: row.case.dischargedOn,
    dischargeReason: row.case.dischargeReason as DischargeReason | null,
    lastContactOn: row.lastContactOn,
  };
}

/** A rule's refusal as an API error: a state that forbids the action is a conflict, a bad date is invalid input. */
export function refusalError(refusal: Refusal) {
  return refusal.field === 'status' ? conflict(refusal.message, [refusal]) : validationFailed([refusal]);
}

export function toCaseSummary(row: CaseWithDerived) {
  const c = row.case;
  return {
    id: c.id,
    siteId: c.siteId,
    localCaseId: c.localCaseId,
    personName: c.personName,
    referralSource: c.referralSource as ReferralSource,
    referredOn: c.referredOn,
    status: c.status as CaseStatus,
    engagement: c.engagement as Engagement,
    complexity: c.complexity as Complexity | null,
    lead: row.leadUserId && row.leadName ? { userId: row.leadUserId, name: row.leadName } : null,
    firstContactOn: row.firstContactOn,
    lastContactOn: row.lastContactOn,
    dischargedOn: c.dischargedOn,
  };
}

async function toCaseDetail(db: Db, actor: Actor, clock: Clock, row: CaseWithDerived): Promise<CaseDetail> {
  const c = row.case;
  const workers = await listCaseWorkers(db, c.id);
  const names = await userNames(db, c.consentRecordedBy ? [c.consentRecordedBy] : []);
  const context = { role: actor.role, today: ukDateOf(clock.now()) };
  const actions = can(actor.role, 'cases:write')
    ? availableCaseActions(caseStateOf(row), context).filter(
        (a) => a !== 'allocate' || can(actor.role, 'cases:allocate'),
      )
    : [];
  return {
    ...toCaseSummary(row),
    referralSourceOther: c.referralSourceOther,
    dateOfBirth: c.dateOfBirth,
    gender: c.gender as CaseDetail['gender'],
    phone: c.phone,
    needs: c.needs as CaseDetail['needs'],
    consent:
      c.consentScope && c.consentRecordedOn
        ? {
            scope: c.consentScope,
            recordedOn: c.consentRecordedOn,
            recordedBy: c.consentRecordedBy
              ? { userId: c.consentRecordedBy, name: names.get(c.consentRecordedBy) ?? 'Unknown' }
              : null,
          }
        : null,
    genderPreference: c.genderPreference as CaseDetail['genderPreference'],
    dischargeReason: c.dischargeReason as DischargeReason | null,
    isClosedAutomatically: c.isClosedAutomatically,
    steppedDownAt: c.steppedDownAt?.toISOString() ?? null,
    workers: workers.map((w) => ({ userId: w.userId, name: w.name, role: w.role as 'lead' | 'co_worker' })),
    availableActions: actions,
    contactDefaults: { type: ((await lastContactTypeOf(db, actor.userId)) ?? 'face_to_face') as ContactType },
  };
}

export async function listCases({ db, actor, clock, requestId }: CaseServiceContext, filter: CaseFilter) {
  return db.transaction(async (tx) => {
    const { items, total } = await listCasesInScope(tx, actor, filter);
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: filter.search ? 'case.search' : 'case.list',
        entityType: 'case',
        entityIds: items.map((r) => r.case.id),
        query: { ...filter },
      },
    );
    return { items: items.map(toCaseSummary), total };
  });
}

export async function viewCase({ db, actor, clock, requestId }: CaseServiceContext, caseId: string) {
  return db.transaction(async (tx) => {
    const row = await findCaseInScope(tx, actor, caseId);
    if (!row) throw notFound('case');
    await recordAudit(
      tx,
      { actor, clock, requestId },
      { action: 'case.view', entityType: 'case', entityIds: [caseId], siteId: row.case.siteId },
    );
    return toCaseDetail(tx, actor, clock, row);
  });
}

function personDateProblems(
  input: {
    referredOn?: string | undefined;
    dateOfBirth?: string | null | undefined;
    consent?: { recordedOn: string } | null | undefined;
  },
  today: string,
): Refusal[] {
  const problems: Refusal[] = [];
  if (input.referredOn && input.referredOn > today)
    problems.push({ field: 'referredOn', message: 'Enter a referral date that is not in the future.' });
  if (input.dateOfBirth && (input.dateOfBirth > today || input.dateOfBirth < '1900-01-01'))
    problems.push({ field: 'dateOfBirth', message: 'Enter a date of birth in the past, after 1900.' });
  if (input.consent && input.consent.recordedOn > today)
    problems.push({
      field: 'consent.recordedOn',
      message: 'Enter the date consent was given, not a future date.',
    });
  return problems;
}

export async function createCase({ db, actor, clock, requestId }: CaseServiceContext, input: CreateCaseBody) {
  const today = ukDateOf(clock.now());
  if (!actor.siteIds.includes(input.siteId))
    throw validationFailed([{ field: 'siteId', message: 'Choose one of your sites.' }]);
  const problems = personDateProblems(input, today);
  if (input.referralSource === 'other' && !input.referralSourceOther)
    problems.push({ field: 'referralSourceOther', message: 'Say what the other source of referral was.' });
  if (problems.length > 0) throw validationFailed(problems);
  return db.transaction(async (tx) => {
    if (await findCaseByLocalId(tx, input.siteId, input.localCaseId))
      throw conflict('Another case at this site already has that case ID.', [
        { field: 'localCaseId', message: 'Use the case ID no other case at this site has.' },
      ]);
    const now = clock.now();
    const id = newId();
    await tx.insert(cases).values({
      id,
      organisationId: actor.organisationId,
      siteId: input.siteId,
      localCaseId: input.localCaseId,
      referralSource: input.referralSource,
      referralSourceOther: input.referralSource === 'other' ? (input.referralSourceOther ?? null) : null,
      referredOn: input.referredOn,
      personName: input.personName ?? null,
      dateOfBirth: input.dateOfBirth ?? null,
      gender: input.gender ?? null,
      phone: input.phone ?? null,
      needs: [...new Set(input.needs)],
      complexity: input.complexity ?? null,
      consentScope: input.consent?.scope ?? null,
      consentRecordedOn: input.consent?.recordedOn ?? null,
      consentRecordedBy: input.consent ? actor.userId : null,
      genderPreference: input.genderPreference ?? null,
      createdAt: now,
      updatedAt: now,
    });
    // A peer who takes a referral leads it; otherwise they could not see the case they just made.
    if (caseloadScopedRoles.includes(actor.role))
      await replaceCaseWorkers(
        tx,
        { id, organisationId: actor.organisationId, siteId: input.siteId },
        [{ userId: actor.userId, role: 'lead' }],
        now,
      );
    await recordAudit(
      tx,
      { actor, clock, requestId },
      { action: 'case.create', entityType: 'case', entityIds: [id], siteId: input.siteId },
    );
    const row = await findCaseInScope(tx, actor, id);
    if (!row) throw new Error('created case is out of its creator’s scope');
    return toCaseDetail(tx, actor, clock, row);
  });
}

export type CaseUpdate = Partial<{
  referralSource: ReferralSource;
  referralSourceOther: string | null;
  referredOn: string;
  personName: string | null;
  dateOfBirth: string | null;
  gender: string | null;
  phone: string | null;
  needs: string[];
  complexity: string | null;
  consent: { scope: string; recordedOn: string } | null;
  genderPreference: string | null;
}>;

export async function updateCase(
  { db, actor, clock, requestId }: CaseServiceContext,
  caseId: string,
  input: CaseUpdate,
) {
  const today = ukDateOf(clock.now());
  return db.transaction(async (tx) => {
    const row = await findCaseInScope(tx, actor, caseId, { forUpdate: true });
    if (!row) throw notFound('case');
    const problems = personDateProblems(input, today);
    if (input.referredOn) {
      const earliest = [row.firstContactOn, row.case.dischargedOn]
        .filter((d): d is string => d !== null)
        .sort()[0];
      if (earliest && input.referredOn > earliest)
        problems.push({
          field: 'referredOn',
          message: `Enter a referral date on or before the first contact or discharge (${ukLongDate(earliest)}).`,
        });
    }
    const source = input.referralSource ?? row.case.referralSource;
    const sourceOther =
      input.referralSourceOther !== undefined ? input.referralSourceOther : row.case.referralSourceOther;
    if (source === 'other' && !sourceOther)
      problems.push({ field: 'referralSourceOther', message: 'Say what the other source of referral was.' });
    if (problems.length > 0) throw validationFailed(problems);
    const { consent, needs, ...fields } = input;
    await tx
      .update(cases)
      .set({
        ...fields,
        referralSourceOther: source === 'other' ? sourceOther : null,
        ...(needs ? { needs: [...new Set(needs)] } : {}),
        ...(consent !== undefined
          ? {
              consentScope: consent?.scope ?? null,
              consentRecordedOn: consent?.recordedOn ?? null,
              consentRecordedBy: consent ? actor.userId : null,
            }
          : {}),
        updatedAt: clock.now(),
      })
      .where(eq(cases.id, caseId));
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'case.update',
        entityType: 'case',
        entityIds: [caseId],
        siteId: row.case.siteId,
        query: { fields: Object.keys(input) },
      },
    );
    const updated = await findCaseInScope(tx, actor, caseId);
    if (!updated) throw notFound('case');
    return toCaseDetail(tx, actor, clock, updated);
  });
}

export async function performCaseAction(
  { db, actor, clock, requestId }: CaseServiceContext,
  caseId: string,
  body: CaseActionBody,
) {
  return db.transaction(async (tx) => {
    const row = await findCaseInScope(tx, actor, caseId, { forUpdate: true });
    if (!row) throw notFound('case');
    const result = applyCaseAction(caseStateOf(row), body as ActionInput, {
      role: actor.role,
      today: ukDateOf(clock.now()),
    });
    if (!result.ok) throw refusalError(result.refusal);
    const { next } = result;
    const now = clock.now();
    await tx
      .update(cases)
      .set({
        status: next.status,
        engagement: next.engagement,
        dischargedOn: next.dischargedOn,
        dischargeReason: next.dischargeReason,
        ...(result.isSteppingDown ? { steppedDownAt: now } : {}),
        ...(body.action === 'reopen' ? { isClosedAutomatically: false } : {}),
        updatedAt: now,
      })
      .where(eq(cases.id, caseId));
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: `case.${body.action}`,
        entityType: 'case',
        entityIds: [caseId],
        siteId: row.case.siteId,
        query: { from: row.case.status, to: next.status },
      },
    );
    const updated = await findCaseInScope(tx, actor, caseId);
    if (!updated) throw notFound('case');
    return toCaseDetail(tx, actor, clock, updated);
  });
}

/**
 * `audit` lets a caller that allocates on a decision of its own (matching) record that decision as the
 * one audit event instead ('caller': the caller records one event for a whole batch).
 */
export async function allocateCase(
  { db, actor, clock, requestId }: CaseServiceContext,
  caseId: string,
  body: { leadUserId: string | null; coWorkerIds: string[] },
  audit: { action: string; query?: Record<string, unknown> } | 'caller' = { action: 'case.allocate' },
) {
  return db.transaction(async (tx) => {
    const row = await findCaseInScope(tx, actor, caseId, { forUpdate: true });
    if (!row) throw notFound('case');
    const result = applyCaseAction(
      caseStateOf(row),
      { action: 'allocate' },
      {
        role: actor.role,
        today: ukDateOf(clock.now()),
      },
    );
    if (!result.ok) throw refusalError(result.refusal);
    const coWorkerIds = [...new Set(body.coWorkerIds)].filter((id) => id !== body.leadUserId);
    const wanted = [...(body.leadUserId ? [body.leadUserId] : []), ...coWorkerIds];
    const eligible = new Map(
      (await findEligibleWorkers(tx, actor.organisationId, row.case.siteId, wanted)).map((w) => [
        w.id,
        w.role,
      ]),
    );
    const problems: Refusal[] = [];
    if (body.leadUserId && !eligible.has(body.leadUserId))
      problems.push({
        field: 'leadUserId',
        message: 'Choose a coordinator, peer supporter or volunteer working at this case’s site.',
      });
    coWorkerIds.forEach((id, i) => {
      if (!eligible.has(id))
        problems.push({
          field: `coWorkerIds.${i}`,
          message: 'Choose a coordinator, peer supporter or volunteer working at this case’s site.',
        });
    });
    if (problems.length === 0)
      problems.push(
        ...(await workforceAllocationProblems(tx, row.case, clock, {
          leadUserId: body.leadUserId,
          coWorkerIds,
          roles: eligible,
        })),
      );
    if (problems.length > 0) throw validationFailed(problems);
    await replaceCaseWorkers(
      tx,
      row.case,
      [
        ...(body.leadUserId ? [{ userId: body.leadUserId, role: 'lead' as const }] : []),
        ...coWorkerIds.map((userId) => ({ userId, role: 'co_worker' as const })),
      ],
      clock.now(),
    );
    if (audit !== 'caller')
      await recordAudit(
        tx,
        { actor, clock, requestId },
        {
          action: audit.action,
          entityType: 'case',
          entityIds: [caseId, ...wanted],
          siteId: row.case.siteId,
          ...(audit.query ? { query: audit.query } : {}),
        },
      );
    const updated = await findCaseInScope(tx, actor, caseId);
    if (!updated) throw notFound('case');
    return toCaseDetail(tx, actor, clock, updated);
  });
}
