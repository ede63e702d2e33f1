import { z } from 'zod';
import { complexity, gender, isoDate } from './case-codes.ts';
import { isoDateTime, uuid } from './common.ts';
import {
  caseCaution,
  dbsLevel,
  leftDestination,
  livedExperienceArea,
  workforceRole,
  workforceStatus,
} from './workforce-codes.ts';

const text = (max: number, message: string) => z.string().trim().min(1, message).max(max);
const tags = (max: number) => z.array(z.string().trim().min(1).max(60)).max(max);

export const dbsSummary = z.object({
  state: z.enum(['missing', 'level_too_low', 'overdue', 'due_soon', 'current']),
  dueOn: isoDate.nullable(),
});

export const timeLimit = z.object({
  clock: z.enum(['volunteer', 'paid_peer']),
  monthsUsed: z.number(),
  monthsMax: z.number().int(),
  state: z.enum(['ok', 'alert', 'over']),
  limitOn: isoDate,
});

export const hoursAgainstExpected = z.object({
  expected: z.object({ min: z.number(), max: z.number() }).nullable(),
  averageWeekly: z.number(),
  state: z.enum(['no_expectation', 'below', 'within', 'above']),
});

export const workforceSummary = z.object({
  id: uuid,
  siteId: uuid,
  siteIds: z.array(uuid),
  userId: uuid.nullable(),
  displayName: z.string(),
  role: workforceRole,
  status: workforceStatus,
  roleSince: isoDate.nullable(),
  timeLimit: timeLimit.nullable(),
  nextStep: z.string().nullable(),
  nextStepTargetOn: isoDate.nullable(),
  dbs: dbsSummary,
  supervision: z.object({ lastHeldOn: isoDate.nullable(), dueOn: isoDate, isOverdue: z.boolean() }),
  hours: hoursAgainstExpected,
  pendingHours: z.number().int(),
});
export type WorkforceSummary = z.infer<typeof workforceSummary>;
export const workforceListResponse = z.object({ items: z.array(workforceSummary), total: z.number().int() });
/** Lists that may be narrowed to one of the reader's sites. */
export const siteQuery = z.strictObject({ siteId: uuid.optional() });
export const listWorkforceQuery = z.strictObject({
  siteId: uuid.optional(),
  status: workforceStatus.optional(),
  role: workforceRole.optional(),
});

export const roleHistoryEntry = z.object({
  role: workforceRole,
  startedOn: isoDate,
  endedOn: isoDate.nullable(),
  note: z.string().nullable(),
});
export const pauseEntry = z.object({ startedOn: isoDate, endedOn: isoDate.nullable() });
export const dbsCheck = z.object({
  id: uuid,
  level: dbsLevel,
  certificateOn: isoDate,
  isOnUpdateService: z.boolean(),
  updateServiceCheckedOn: isoDate.nullable(),
  recheckDueOn: isoDate,
});

export const workforceDetail = workforceSummary.extend({
  leftOn: isoDate.nullable(),
  leftReason: z.string().nullable(),
  leftDestination: leftDestination.nullable(),
  gender: gender.nullable(),
  languages: z.array(z.string()),
  interests: z.array(z.string()),
  areasCovered: z.array(z.string()),
  availability: z.string().nullable(),
  /** Null unless the reader may see lived experience (coordinators). */
  livedExperience: z.array(livedExperienceArea).nullable(),
  maxComplexity: complexity.nullable(),
  caseloadCap: z.number().int().nullable(),
  avoidCaseKinds: z.array(caseCaution),
  knownAssociateCaseIds: z.array(uuid),
  /** The known associates' local case IDs, for the cases the reader can see (no names). */
  knownAssociates: z.array(z.object({ caseId: uuid, localCaseId: z.string() })),
  supervisor: z.object({ userId: uuid, name: z.string() }).nullable(),
  loneWorking: z.object({
    isPermitted: z.boolean(),
    reason: z.string().nullable(),
    decidedOn: isoDate.nullable(),
  }),
  roleHistory: z.array(roleHistoryEntry),
  pauses: z.array(pauseEntry),
  dbsChecks: z.array(dbsCheck),
  internReadiness: z.object({ isReady: z.boolean(), missing: z.array(z.string()) }).nullable(),
  certificates: z.array(
    z.object({ courseTitle: z.string(), issuedOn: isoDate, renewalDueOn: isoDate.nullable() }),
  ),
});
export type WorkforceDetail = z.infer<typeof workforceDetail>;

const profileFields = {
  displayName: text(120, 'Enter the name they go by.'),
  siteIds: z.array(uuid).min(1, 'Choose at least one site they work at.').max(20),
  userId: uuid.nullable(),
  gender: gender.nullable(),
  languages: tags(20),
  interests: tags(30),
  areasCovered: tags(30),
  availability: z.string().trim().max(500).nullable(),
  livedExperience: z.array(livedExperienceArea).max(livedExperienceArea.options.length),
  maxComplexity: complexity.nullable(),
  caseloadCap: z.number().int().min(0).max(50).nullable(),
  avoidCaseKinds: z.array(caseCaution).max(caseCaution.options.length),
  knownAssociateCaseIds: z.array(uuid).max(50),
  supervisorUserId: uuid.nullable(),
  nextStep: z.string().trim().max(300).nullable(),
  nextStepTargetOn: isoDate.nullable(),
};

export const createWorkforceBody = z.strictObject({
  ...profileFields,
  /** The home site (one of siteIds): whose coordinators manage the record. */
  siteId: uuid,
  role: workforceRole,
  status: z.enum(['applicant', 'in_training', 'active']),
  startedOn: isoDate,
  languages: tags(20).default([]),
  interests: tags(30).default([]),
  areasCovered: tags(30).default([]),
  livedExperience: z.array(livedExperienceArea).max(10).default([]),
  avoidCaseKinds: z.array(caseCaution).max(5).default([]),
  knownAssociateCaseIds: z.array(uuid).max(50).default([]),
  userId: uuid.nullable().default(null),
  gender: gender.nullable().default(null),
  availability: z.string().trim().max(500).nullable().default(null),
  maxComplexity: complexity.nullable().default(null),
  caseloadCap: z.number().int().min(0).max(50).nullable().default(null),
  supervisorUserId: uuid.nullable().default(null),
  nextStep: z.string().trim().max(300).nullable().default(null),
  nextStepTargetOn: isoDate.nullable().default(null),
});
export type CreateWorkforceBody = z.infer<typeof createWorkforceBody>;

export const updateWorkforceBody = z
  .strictObject(profileFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'Change at least one field.' });
export type UpdateWorkforceBody = z.infer<typeof updateWorkforceBody>;

export const changeRoleBody = z.strictObject({
  role: workforceRole,
  startedOn: isoDate,
  note: z.string().trim().max(500).optional(),
});

export const statusChangeBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('activate'), on: isoDate }),
  z.strictObject({ action: z.literal('pause'), on: isoDate }),
  z.strictObject({ action: z.literal('resume'), on: isoDate }),
  z.strictObject({
    action: z.literal('leave'),
    on: isoDate,
    destination: leftDestination,
    reason: z.string().trim().max(500).optional(),
  }),
]);
export type StatusChangeBody = z.infer<typeof statusChangeBody>;

export const recordDbsBody = z.strictObject({
  level: dbsLevel,
  certificateOn: isoDate,
  isOnUpdateService: z.boolean(),
  updateServiceCheckedOn: isoDate.nullable().default(null),
});

export const loneWorkingBody = z.strictObject({
  isPermitted: z.boolean(),
  reason: text(500, 'Say why: lone working needs a recorded reason either way.'),
});

export const safetyAlert = z.object({
  memberId: uuid,
  displayName: z.string(),
  siteId: uuid,
  kind: z.enum(['dbs_missing', 'dbs_due_soon', 'dbs_overdue', 'dbs_level_too_low', 'certificate_due']),
  dueOn: isoDate.nullable(),
  detail: z.string(),
});
export const safetyAlertsResponse = z.object({ items: z.array(safetyAlert) });

export const workforceSettingsBody = z.strictObject({
  shadowingSessionsToIntern: z.number().int().min(0).max(100),
  requiredCourseIds: z.array(uuid).max(20),
  internCaseloadCap: z.number().int().min(0).max(20),
  internMaxComplexity: complexity,
  volunteerMonthsMax: z.number().int().min(1).max(60),
  paidPeerMonthsMax: z.number().int().min(1).max(60),
  alertAtMonths: z.number().int().min(1).max(60),
  supervisionEveryDays: z.number().int().min(1).max(180),
  dbsRecheckMonths: z.number().int().min(1).max(120),
  requiredDbsLevel: dbsLevel,
  expectedWeeklyHours: z.partialRecord(
    workforceRole,
    z.object({ min: z.number().min(0).max(80), max: z.number().min(0).max(80) }),
  ),
});
export type WorkforceSettingsBody = z.infer<typeof workforceSettingsBody>;

export const meWorkforceResponse = z.object({
  memberId: uuid,
  displayName: z.string(),
  role: workforceRole,
  status: workforceStatus,
  timeLimit: timeLimit.nullable(),
  nextStep: z.string().nullable(),
  nextStepTargetOn: isoDate.nullable(),
  hours: hoursAgainstExpected,
  supervision: z.object({ lastHeldOn: isoDate.nullable(), dueOn: isoDate, isOverdue: z.boolean() }),
});

export const accessLimit = z.object({
  id: uuid,
  siteId: uuid,
  user: z.object({ id: uuid, name: z.string() }),
  caseId: uuid,
  localCaseId: z.string(),
  reason: z.string(),
  reviewOn: isoDate,
  isReviewDue: z.boolean(),
  setBy: z.object({ id: uuid, name: z.string() }),
  setAt: isoDateTime,
});
export const accessLimitsResponse = z.object({ items: z.array(accessLimit) });
export const listAccessLimitsQuery = z.strictObject({ dueForReview: z.enum(['true', 'false']).optional() });

/** One named person and one named case: there is deliberately no field for a role or group. */
export const createAccessLimitBody = z.strictObject({
  userId: uuid,
  reason: text(1000, 'Record the identifiable risk that makes this limit necessary.'),
  reviewOn: isoDate,
});
export const reviewAccessLimitBody = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('keep'),
    reviewOn: isoDate,
    reason: text(1000, 'Say why it is still needed.'),
  }),
  z.strictObject({ decision: z.literal('lift'), reason: text(1000, 'Say why the limit is lifted.') }),
]);
