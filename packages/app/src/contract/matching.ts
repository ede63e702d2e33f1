import { z } from 'zod';
import { uuid } from './common.ts';
import { caseCaution } from './workforce-codes.ts';

const weight = z.number().int('Enter a whole number').min(0, 'Use 0 to 100').max(100, 'Use 0 to 100');
export const matchWeights = z.strictObject({
  livedExperience: weight,
  area: weight,
  language: weight,
  capacity: weight,
});
export type MatchWeightsBody = z.infer<typeof matchWeights>;

/** What matching knows about a case beyond the referral. */
export const caseMatchingProfile = z.strictObject({
  area: z.string().trim().min(1).max(80).nullable(),
  language: z.string().trim().min(1).max(40).nullable(),
  kinds: z.array(caseCaution).max(10),
});
export type CaseMatchingProfile = z.infer<typeof caseMatchingProfile>;

export const suggestion = z.object({
  memberId: uuid,
  userId: uuid,
  name: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
});
export type Suggestion = z.infer<typeof suggestion>;
export const notSuggested = z.object({
  memberId: uuid,
  userId: uuid.nullable(),
  name: z.string(),
  blockers: z.array(z.string()),
});
export const caseMatches = z.object({
  caseId: uuid,
  profile: caseMatchingProfile,
  weights: matchWeights,
  eligible: z.array(suggestion),
  ineligible: z.array(notSuggested),
});
export type CaseMatches = z.infer<typeof caseMatches>;

/** Confirm the first suggestion, or choose another eligible peer with the reason why. */
export const matchDecisionBody = z.strictObject({
  userId: uuid,
  overrideReason: z.string().trim().min(1, 'Say why you chose someone else').max(1000).optional(),
});
export type MatchDecisionBody = z.infer<typeof matchDecisionBody>;

export const batchPlacement = z.object({
  caseId: uuid,
  localCaseId: z.string(),
  userId: uuid,
  name: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
});
export const batchProposal = z.object({
  placements: z.array(batchPlacement),
  unplaced: z.array(z.object({ caseId: uuid, localCaseId: z.string(), reason: z.string() })),
  totalScore: z.number(),
});
export type BatchProposal = z.infer<typeof batchProposal>;
/**
 * What to propose for. With no body (or no `caseIds`) every referral waiting at the site; with
 * `caseIds`, exactly those referrals, placed as well as they can be on their own. Fastify validates an
 * absent body as `null`, so null means "no body" too.
 */
export const batchProposalBody = z
  .strictObject({
    caseIds: z
      .array(uuid)
      .min(1, 'Choose at least one referral')
      .max(500, 'Choose at most 500 referrals at once')
      .optional(),
  })
  .nullish();
export type BatchProposalBody = z.infer<typeof batchProposalBody>;
export const batchApprovalBody = z.strictObject({
  placements: z
    .array(z.strictObject({ caseId: uuid, userId: uuid }))
    .min(1, 'Approve at least one placement')
    .max(500, 'Approve at most 500 placements at once'),
});
export const batchApproval = z.object({ allocated: z.number().int() });
