import { z } from 'zod';
import { isoDate } from './case-codes.ts';
import { isoDateTime, uuid } from './common.ts';
import { role } from './roles.ts';

const text = (max: number, message: string) => z.string().trim().min(1, message).max(max);

/** One step of an escalation chain: a role at the concern's site or one named person, with a deadline. */
export const chainStepInput = z
  .strictObject({
    label: text(80, 'Name the step, like "Safeguarding lead"'),
    role: role.nullable().default(null),
    userId: uuid.nullable().default(null),
    deadlineHours: z
      .number()
      .int('Enter whole hours')
      .min(1, 'Give each step at least 1 hour')
      .max(720, 'Give each step at most 720 hours (30 days)'),
  })
  .refine((s) => (s.role === null) !== (s.userId === null), {
    message: 'Name either a role or one person for each step, not both',
    path: ['role'],
  });
export const chainStep = z.object({
  label: z.string(),
  role: role.nullable(),
  userId: uuid.nullable(),
  userName: z.string().nullable(),
  deadlineHours: z.number().int(),
});
export const escalationChain = z.object({ steps: z.array(chainStep), isDefault: z.boolean() });
export type EscalationChain = z.infer<typeof escalationChain>;
export const putChainBody = z.strictObject({
  steps: z.array(chainStepInput).min(1, 'A chain needs at least one step').max(6, 'Use at most 6 steps'),
});
export type PutChainBody = z.infer<typeof putChainBody>;

export const concernStatus = z.enum(['open', 'resolved']);
export const concernEventKind = z.enum([
  'raised',
  'note',
  'escalated',
  'escalated_automatically',
  'overdue',
  'resolved',
]);

export const raiseConcernBody = z.strictObject({
  caseId: uuid,
  /** Set when the concern arose from one contact with the person. */
  contactId: uuid.optional(),
  summary: text(4000, 'Say what the concern is'),
});
export type RaiseConcernBody = z.infer<typeof raiseConcernBody>;
export const concernNoteBody = z.strictObject({ note: text(4000, 'Write the note') });
export const resolveConcernBody = z.strictObject({
  resolution: text(4000, 'Say how the concern was resolved'),
});

const person = z.object({ userId: uuid, name: z.string() });

export const concernSummary = z.object({
  id: uuid,
  siteId: uuid,
  caseId: uuid,
  localCaseId: z.string(),
  status: concernStatus,
  step: z.number().int(),
  stepLabel: z.string(),
  stepDeadlineAt: isoDateTime.nullable(),
  isOverdue: z.boolean(),
  raisedAt: isoDateTime,
  raisedBy: person,
});
export type ConcernSummary = z.infer<typeof concernSummary>;
export const concernsResponse = z.object({ items: z.array(concernSummary), total: z.number().int() });
export const listConcernsQuery = z.strictObject({ status: concernStatus.optional() });

export const concernEvent = z.object({
  id: uuid,
  kind: concernEventKind,
  occurredAt: isoDateTime,
  actor: person.nullable(),
  step: z.number().int(),
  note: z.string().nullable(),
});
export const concernDetail = concernSummary.extend({
  contactId: uuid.nullable(),
  summary: z.string(),
  chain: z.array(chainStep),
  resolvedAt: isoDateTime.nullable(),
  resolution: z.string().nullable(),
  canAct: z.boolean(),
  events: z.array(concernEvent),
});
export type ConcernDetail = z.infer<typeof concernDetail>;

export const safeguardingReportQuery = z.strictObject({
  siteId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export const safeguardingReport = z.object({
  open: z.number().int(),
  openOverdue: z.number().int(),
  openByStep: z.array(z.object({ step: z.number().int(), count: z.number().int() })),
  raised: z.number().int(),
  resolved: z.number().int(),
  medianHoursToResolve: z.number().nullable(),
  meanHoursToResolve: z.number().nullable(),
});
export type SafeguardingReport = z.infer<typeof safeguardingReport>;
