import { z } from 'zod';
import { isoDate } from './case-codes.ts';
import { uuid } from './common.ts';

export const partnerKinds = [
  'housing',
  'health',
  'substance_use_service',
  'criminal_justice',
  'local_authority',
  'voluntary_sector',
  'employment',
  'other',
] as const;
export const partnerKind = z.enum(partnerKinds);
export type PartnerKind = z.infer<typeof partnerKind>;
export const partnerKindLabels: Record<PartnerKind, string> = {
  housing: 'Housing',
  health: 'Health',
  substance_use_service: 'Substance use service',
  criminal_justice: 'Criminal justice',
  local_authority: 'Local authority',
  voluntary_sector: 'Voluntary sector',
  employment: 'Employment and training',
  other: 'Other',
};
export const strengths = ['weak', 'moderate', 'strong'] as const;
export const strength = z.enum(strengths);
export type Strength = z.infer<typeof strength>;

const name = (what: string) => z.string().trim().min(1, `Enter the ${what}`).max(120);

export const createPartnerBody = z.strictObject({
  siteId: uuid,
  name: name('organisation’s name'),
  kind: partnerKind,
});
export const createPartnerContactBody = z.strictObject({
  name: name('person’s name'),
  jobTitle: z.string().trim().min(1).max(120).nullable().default(null),
});
export const addHolderBody = z.strictObject({
  memberId: uuid,
  strength,
  lastInteractionOn: isoDate.nullable().default(null),
});
export const updateHolderBody = z.strictObject({ strength, lastInteractionOn: isoDate.nullable() });
/** A worker no longer holds a relationship (added by mistake, or they lost touch); others may still. */
export const endHolderBody = z.strictObject({
  reason: z.string().trim().min(1, 'Say why they no longer hold this relationship').max(500),
});

export const holder = z.object({
  id: uuid,
  memberId: uuid,
  name: z.string(),
  strength,
  lastInteractionOn: isoDate.nullable(),
});
export const partnerContact = z.object({
  id: uuid,
  name: z.string(),
  jobTitle: z.string().nullable(),
  holders: z.array(holder),
  /** Held by one worker only: lost if they leave (the review's warning). */
  isSuccessionRisk: z.boolean(),
  /** Held by nobody now (its holder left without passing it on). */
  isLost: z.boolean(),
});
export const partner = z.object({
  id: uuid,
  siteId: uuid,
  name: z.string(),
  kind: partnerKind,
  contacts: z.array(partnerContact),
});
export type Partner = z.infer<typeof partner>;
export const partnersResponse = z.object({ items: z.array(partner), total: z.number().int() });
export const partnersQuery = z.strictObject({ siteId: uuid.optional() });

export const heldRelationship = z.object({
  holderId: uuid,
  partnerName: z.string(),
  contactName: z.string(),
  strength,
  otherHolders: z.number().int(),
});
export const handoverResponse = z.object({ memberId: uuid, relationships: z.array(heldRelationship) });
export const handoverBody = z.strictObject({
  items: z
    .array(
      z.discriminatedUnion('action', [
        z.strictObject({ holderId: uuid, action: z.literal('pass_on'), toMemberId: uuid }),
        z.strictObject({
          holderId: uuid,
          action: z.literal('lost'),
          note: z.string().trim().min(1, 'Say why it could not be passed on').max(1000),
        }),
      ]),
    )
    .max(500),
});
export type HandoverBody = z.infer<typeof handoverBody>;

export const coverageQuery = z.strictObject({ siteId: uuid });
export const coverage = z.object({
  siteId: uuid,
  contacts: z.number().int(),
  heldByTwoOrMore: z.number().int(),
  heldByOne: z.number().int(),
  lost: z.number().int(),
  /** Share of relationships held by two or more people, 0–1; null with none recorded. */
  coverage: z.number().nullable(),
});
export type Coverage = z.infer<typeof coverage>;
