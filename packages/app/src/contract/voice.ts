import { z } from 'zod';
import { isoDate } from './case-codes.ts';
import { isoDateTime, uuid } from './common.ts';

export const voiceKinds = ['idea', 'concern'] as const;
export const voiceKind = z.enum(voiceKinds);
export const voiceStatuses = ['open', 'under_review', 'acted_upon', 'not_taken_forward'] as const;
export const voiceStatus = z.enum(voiceStatuses);
export type VoiceStatus = z.infer<typeof voiceStatus>;
export const voiceStatusLabels: Record<VoiceStatus, string> = {
  open: 'Open',
  under_review: 'Under review',
  acted_upon: 'Acted upon',
  not_taken_forward: 'Not taken forward',
};

export const submitVoiceBody = z.strictObject({
  siteId: uuid,
  kind: voiceKind,
  title: z.string().trim().min(1, 'Give it a short title').max(120, 'Keep the title to 120 characters'),
  body: z.string().trim().min(1, 'Say what you would change, or what worries you').max(4000),
  isAnonymous: z.boolean().default(false),
});
export type SubmitVoiceBody = z.infer<typeof submitVoiceBody>;

/** A status change; acted upon needs what changed, not taken forward needs why. */
export const voiceStatusBody = z.strictObject({
  status: voiceStatus,
  outcome: z.string().trim().min(1).max(4000).optional(),
});
export type VoiceStatusBody = z.infer<typeof voiceStatusBody>;

export const voiceItem = z.object({
  id: uuid,
  siteId: uuid,
  kind: voiceKind,
  title: z.string(),
  body: z.string(),
  isAnonymous: z.boolean(),
  /** Null when put forward anonymously and the reader is not the person who did. */
  submittedBy: z.object({ userId: uuid, name: z.string() }).nullable(),
  isMine: z.boolean(),
  submittedAt: isoDateTime,
  status: voiceStatus,
  outcome: z.string().nullable(),
  decidedAt: isoDateTime.nullable(),
});
export type VoiceItem = z.infer<typeof voiceItem>;
export const voiceItemsResponse = z.object({ items: z.array(voiceItem), total: z.number().int() });
export const listVoiceQuery = z.strictObject({ status: voiceStatus.optional(), siteId: uuid.optional() });

export const voiceReportQuery = z.strictObject({
  siteId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
/** "You said, we did": what was acted upon, with what changed, and counts by status. */
export const voiceReport = z.object({
  byStatus: z.record(voiceStatus, z.number().int()),
  actedUpon: z.array(
    z.object({ id: uuid, kind: voiceKind, title: z.string(), outcome: z.string(), decidedOn: isoDate }),
  ),
});
export type VoiceReport = z.infer<typeof voiceReport>;
