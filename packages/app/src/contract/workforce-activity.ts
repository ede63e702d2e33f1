import { z } from 'zod';
import { isoDate } from './case-codes.ts';
import { isoDateTime, uuid } from './common.ts';
import { courseMode, enrolmentStatus, hoursActivity, hoursStatus } from './workforce-codes.ts';

const text = (max: number, message: string) => z.string().trim().min(1, message).max(max);

// Hours

export const hoursEntry = z.object({
  id: uuid,
  memberId: uuid,
  displayName: z.string(),
  workedOn: isoDate,
  activity: hoursActivity,
  minutes: z.number().int(),
  note: z.string().nullable(),
  status: hoursStatus,
  returnReason: z.string().nullable(),
  loggedAt: isoDateTime,
});
export type HoursEntry = z.infer<typeof hoursEntry>;
export const hoursListResponse = z.object({ items: z.array(hoursEntry) });
export const listHoursQuery = z.strictObject({
  siteId: uuid.optional(),
  status: hoursStatus.optional(),
});

export const logHoursBody = z.strictObject({
  workedOn: isoDate,
  activity: hoursActivity,
  minutes: z
    .number()
    .int('Enter whole minutes.')
    .min(15, 'Log at least 15 minutes.')
    .max(16 * 60, 'Log at most 16 hours for one day.'),
  note: z.string().trim().max(500).optional(),
});
export type LogHoursBody = z.infer<typeof logHoursBody>;

const returnReasonRequired =
  'Enter the reason for returning these hours, so the volunteer knows what to change.';
/** Shown to the volunteer beside the returned hours. */
const returnReason = z
  .string({ error: returnReasonRequired })
  .trim()
  .min(1, returnReasonRequired)
  .max(500, 'Keep the reason for returning hours to 500 characters or fewer.');
export const hoursDecisionBody = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('approve') }),
  z.strictObject({ decision: z.literal('return'), reason: returnReason }),
]);

// Training

export const courseBody = z.strictObject({
  title: text(200, 'Enter the course title.'),
  mode: courseMode,
  awardingBody: z.string().trim().min(1).max(200).optional(),
  level: z.string().trim().min(1).max(40).optional(),
  certificateValidMonths: z.number().int().min(1).max(120).optional(),
  modules: z.array(text(200, 'Enter each module’s title.')).max(60).default([]),
});
export const course = z.object({
  id: uuid,
  title: z.string(),
  mode: courseMode,
  awardingBody: z.string().nullable(),
  level: z.string().nullable(),
  certificateValidMonths: z.number().int().nullable(),
  modules: z.array(z.string()),
});
export const coursesResponse = z.object({ items: z.array(course) });

export const cohortBody = z.strictObject({
  siteId: uuid,
  name: text(120, 'Name the cohort, e.g. “Spring 2026”.'),
  startsOn: isoDate,
  endsOn: isoDate,
});

export const funnel = z.object({
  registered: z.number().int(),
  completed: z.number().int(),
  placement: z.number().int(),
  employment: z.number().int(),
  droppedOut: z.number().int(),
  dropOutRate: z.number().nullable(),
});

export const enrolment = z.object({
  id: uuid,
  memberId: uuid,
  displayName: z.string(),
  status: enrolmentStatus,
  dropOutReason: z.string().nullable(),
  completedOn: isoDate.nullable(),
  placementOn: isoDate.nullable(),
  employmentOn: isoDate.nullable(),
});
export const cohort = z.object({
  id: uuid,
  courseId: uuid,
  courseTitle: z.string(),
  siteId: uuid,
  name: z.string(),
  startsOn: isoDate,
  endsOn: isoDate,
  funnel,
});
export const cohortDetail = cohort.extend({ enrolments: z.array(enrolment) });
export const cohortsResponse = z.object({ items: z.array(cohort), overall: funnel });

export const enrolBody = z.strictObject({ memberId: uuid });
export const updateEnrolmentBody = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('registered') }),
  z.strictObject({ status: z.literal('attending') }),
  z.strictObject({
    status: z.literal('completed'),
    completedOn: isoDate,
    placementOn: isoDate.nullable().default(null),
    employmentOn: isoDate.nullable().default(null),
  }),
  z.strictObject({ status: z.literal('dropped_out'), reason: text(500, 'Say why they left the course.') }),
]);
export type UpdateEnrolmentBody = z.infer<typeof updateEnrolmentBody>;

// Supervision and wellbeing (private to the person and their supervisor)

export const supervisionSession = z.object({
  id: uuid,
  heldOn: isoDate,
  supervisor: z.object({ userId: uuid, name: z.string() }),
  notes: z.string(),
  agreedActions: z.string().nullable(),
});
export const supervisionResponse = z.object({ items: z.array(supervisionSession) });
export const supervisionBody = z.strictObject({
  heldOn: isoDate,
  notes: text(10_000, 'Write a note of the session.'),
  agreedActions: z.string().trim().max(2_000).optional(),
});

export const wellbeingPlan = z.object({
  earlySigns: z.string().nullable(),
  whatHelps: z.string().nullable(),
  steppingBack: z.string().nullable(),
  whoToContact: z.string().nullable(),
  updatedAt: isoDateTime.nullable(),
});
const planField = z.string().trim().max(4_000).nullable();
export const wellbeingPlanBody = z.strictObject({
  earlySigns: planField,
  whatHelps: planField,
  steppingBack: planField,
  whoToContact: planField,
});
