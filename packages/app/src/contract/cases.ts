import { z } from 'zod';
import {
  caseStatus,
  complexity,
  contactOutcome,
  contactType,
  dischargeReason,
  engagement,
  fundCategory,
  fundStatus,
  gender,
  genderPreference,
  isoDate,
  need,
  otherContactKind,
  referralSource,
} from './case-codes.ts';
import { isoDateTime, pageQuery, uuid } from './common.ts';

const text = (max: number, message: string) => z.string().trim().min(1, message).max(max);
/** UK phone numbers as people type them: digits, spaces, +, brackets and dashes. */
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{6,20}$/, 'Enter a phone number using digits, like 07700 900123');

export const workerRole = z.enum(['lead', 'co_worker']);
export const caseWorker = z.object({ userId: uuid, name: z.string(), role: workerRole });

export const caseAction = z.enum([
  'allocate',
  'engage',
  'decline',
  'step_down',
  'reactivate',
  'discharge',
  'reopen',
]);
export type CaseActionName = z.infer<typeof caseAction>;

export const caseSummary = z.object({
  id: uuid,
  siteId: uuid,
  localCaseId: z.string(),
  personName: z.string().nullable(),
  referralSource,
  referredOn: isoDate,
  status: caseStatus,
  engagement,
  complexity: complexity.nullable(),
  lead: z.object({ userId: uuid, name: z.string() }).nullable(),
  firstContactOn: isoDate.nullable(),
  lastContactOn: isoDate.nullable(),
  dischargedOn: isoDate.nullable(),
});
export type CaseSummary = z.infer<typeof caseSummary>;
export const casesResponse = z.object({ items: z.array(caseSummary), total: z.number().int() });

export const listCasesQuery = pageQuery.extend({
  siteId: uuid.optional(),
  status: caseStatus.optional(),
  /** Only cases the caller works on. */
  mine: z.enum(['true', 'false']).optional(),
});

/**
 * The body of POST /api/cases/search: the list's filters plus free text matched against case IDs
 * and names. Search text goes in a body, never a URL, where proxies and browser history keep it.
 */
export const searchCasesBody = listCasesQuery.extend({
  search: z.string().trim().max(100, 'Search with 100 characters or fewer').optional(),
});

export const consent = z.object({
  scope: z.string(),
  recordedOn: isoDate,
  recordedBy: z.object({ userId: uuid, name: z.string() }).nullable(),
});

export const caseDetail = caseSummary.extend({
  referralSourceOther: z.string().nullable(),
  dateOfBirth: isoDate.nullable(),
  gender: gender.nullable(),
  phone: z.string().nullable(),
  needs: z.array(need),
  consent: consent.nullable(),
  genderPreference: genderPreference.nullable(),
  dischargeReason: dischargeReason.nullable(),
  isClosedAutomatically: z.boolean(),
  steppedDownAt: isoDateTime.nullable(),
  workers: z.array(caseWorker),
  /** What the caller may do to the case now. */
  availableActions: z.array(caseAction),
  /** The caller's usual contact type, to pre-fill the contact form. */
  contactDefaults: z.object({ type: contactType }),
});
export type CaseDetail = z.infer<typeof caseDetail>;

const caseFields = {
  referralSource,
  referralSourceOther: text(200, 'Say what the other source was').optional(),
  referredOn: isoDate,
  personName: text(120, 'Enter a name').optional(),
  dateOfBirth: isoDate.optional(),
  gender: gender.optional(),
  phone: phone.optional(),
  needs: z.array(need).max(5).default([]),
  complexity: complexity.optional(),
  consent: z
    .strictObject({ scope: text(500, 'Say what the person consented to'), recordedOn: isoDate })
    .optional(),
  genderPreference: genderPreference.optional(),
};

export const createCaseBody = z.strictObject({
  siteId: uuid,
  localCaseId: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9/_.-]{0,39}$/,
      'Use up to 40 letters, digits, dashes, dots, slashes or underscores',
    ),
  ...caseFields,
});
export type CreateCaseBody = z.infer<typeof createCaseBody>;

export const updateCaseBody = z.strictObject({
  referralSource: referralSource.optional(),
  referralSourceOther: caseFields.referralSourceOther.nullable(),
  referredOn: isoDate.optional(),
  personName: caseFields.personName.nullable(),
  dateOfBirth: isoDate.nullable().optional(),
  gender: gender.nullable().optional(),
  phone: phone.nullable().optional(),
  needs: z.array(need).max(5).optional(),
  complexity: complexity.nullable().optional(),
  consent: caseFields.consent.nullable(),
  genderPreference: genderPreference.nullable().optional(),
});

export const caseActionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.enum(['engage', 'decline', 'step_down', 'reactivate', 'reopen']) }),
  z.strictObject({ action: z.literal('discharge'), dischargedOn: isoDate, reason: dischargeReason }),
]);
export type CaseActionBody = z.infer<typeof caseActionBody>;

export const allocateBody = z.strictObject({
  leadUserId: uuid.nullable(),
  coWorkerIds: z.array(uuid).max(10).default([]),
});

export const contact = z.object({
  id: uuid,
  caseId: uuid,
  contactedAt: isoDateTime,
  contactedOn: isoDate,
  type: contactType,
  otherKind: otherContactKind.nullable(),
  outcome: contactOutcome,
  madeBy: z.object({ userId: uuid, name: z.string(), kind: z.enum(['staff', 'volunteer']) }).nullable(),
  durationMinutes: z.number().int().nullable(),
  /** Present only for people allowed to read notes (and the note's author); null when there is none. */
  note: z.string().nullable().optional(),
  hasNote: z.boolean(),
});
export type Contact = z.infer<typeof contact>;
export const contactsResponse = z.object({ items: z.array(contact), total: z.number().int() });

export const createContactBody = z.strictObject({
  type: contactType,
  otherKind: otherContactKind.optional(),
  outcome: contactOutcome.default('made'),
  /** Defaults to now. */
  contactedAt: isoDateTime.optional(),
  /** Defaults to the caller. */
  madeByUserId: uuid.optional(),
  durationMinutes: z
    .number()
    .int()
    .min(1, 'Enter minutes from 1 to 1440')
    .max(1440, 'Enter minutes from 1 to 1440')
    .optional(),
  note: z.string().trim().max(2000, 'Keep the note under 2,000 characters').optional(),
});
export type CreateContactBody = z.infer<typeof createContactBody>;

export const fundApplication = z.object({
  id: uuid,
  caseId: uuid,
  category: fundCategory,
  amountPence: z.number().int(),
  reason: z.string(),
  status: fundStatus,
  appliedAt: isoDateTime,
  appliedBy: z.object({ userId: uuid, name: z.string() }).nullable(),
  decidedAt: isoDateTime.nullable(),
  decidedBy: z.object({ userId: uuid, name: z.string() }).nullable(),
  paidOn: isoDate.nullable(),
});
export type FundApplication = z.infer<typeof fundApplication>;
export const fundApplicationsResponse = z.object({
  items: z.array(fundApplication),
  total: z.number().int(),
});

export const createFundApplicationBody = z.strictObject({
  category: fundCategory,
  amountPence: z
    .number()
    .int('Enter the amount in whole pence')
    .min(1, 'Enter an amount above zero')
    .max(10_000_000, 'Enter an amount up to £100,000'),
  reason: text(1000, 'Say what the money is for'),
});
export const fundDecisionBody = z.strictObject({ decision: z.enum(['approved', 'declined']) });
export const fundPaidBody = z.strictObject({ paidOn: isoDate });

export const fundTotalsQuery = z.strictObject({
  siteId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export const fundTotalsResponse = z.object({
  sites: z.array(
    z.object({
      siteId: uuid,
      site: z.string(),
      categories: z.array(
        z.object({
          category: fundCategory,
          applications: z.number().int(),
          approved: z.number().int(),
          approvedPence: z.number().int(),
          paidPence: z.number().int(),
        }),
      ),
      approvedPence: z.number().int(),
      paidPence: z.number().int(),
    }),
  ),
});
