import { z } from 'zod';
import { contactOutcome, contactType, isoDate } from './case-codes.ts';
import { isoDateTime, uuid } from './common.ts';

/**
 * Daily check-ins (after d2 Digital's Evie, source 002): a text a day with three replies,
 * 1 green, 2 amber, 3 red, and a worker following up every red.
 */
export const checkInColour = z.enum(['green', 'amber', 'red']);
export type CheckInColour = z.infer<typeof checkInColour>;
export const checkInColourLabels: Record<CheckInColour, string> = {
  green: '1 Green – doing well',
  amber: '2 Amber – not so good',
  red: '3 Red – need help',
};

export const enrolmentStatus = z.enum(['active', 'opted_out']);
export const optOutChannel = z.enum(['sms', 'link', 'worker']);
export const alertKind = z.enum(['red', 'amber', 'no_reply']);
export type AlertKind = z.infer<typeof alertKind>;
export const alertKindLabels: Record<AlertKind, string> = {
  red: 'Red: contact now',
  amber: 'Amber: contact on the next working day',
  no_reply: 'No reply after a reminder',
};

/** "09:00" to "21:30": a time of day in the site's time zone. */
const timeOfDay = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Enter a time of day as HH:MM, like 09:30');
/** Mobile numbers only: check-ins are texts. */
const mobile = z
  .string()
  .trim()
  .regex(/^(\+44\s?7|07)[0-9 ]{9,12}$/, 'Enter a UK mobile number, like 07700 900123')
  .refine((v) => v.replace(/\D/g, '').length === (v.startsWith('+') ? 12 : 11), {
    message: 'Enter a UK mobile number with 11 digits, like 07700 900123',
  });

export const enrolBody = z.strictObject({
  phone: mobile,
  times: z
    .array(timeOfDay)
    .min(1, 'Choose at least one time of day')
    .max(3, 'Choose at most three times a day')
    .refine((t) => new Set(t).size === t.length, { message: 'Choose each time only once' }),
  encouragement: z
    .string()
    .trim()
    .min(1, 'Enter the message the person wrote for a good day')
    .max(300, 'Keep the message under 300 characters so it fits in two texts'),
  consent: z.strictObject({
    statement: z
      .string()
      .trim()
      .min(10, 'Say what the person agreed to, in a sentence')
      .max(1000, 'Keep the consent statement under 1,000 characters'),
  }),
});
export type EnrolBody = z.infer<typeof enrolBody>;

export const checkInEntry = z.object({
  id: uuid,
  scheduledFor: isoDateTime,
  answer: checkInColour.nullable(),
  answeredAt: isoDateTime.nullable(),
  answeredVia: z.enum(['link', 'sms']).nullable(),
  /** An amber that made three in a row, treated as a red. */
  countsAsRed: z.boolean(),
  nudgedAt: isoDateTime.nullable(),
  isUnanswered: z.boolean(),
});
export type CheckInEntry = z.infer<typeof checkInEntry>;

export const checkInAlert = z.object({
  id: uuid,
  caseId: uuid,
  localCaseId: z.string(),
  kind: alertKind,
  reason: z.string(),
  raisedAt: isoDateTime,
  notifyAt: isoDateTime,
  dueBy: isoDateTime,
  followedUpAt: isoDateTime.nullable(),
  followedUpBy: z.object({ userId: uuid, name: z.string() }).nullable(),
  contactId: uuid.nullable(),
});
export type CheckInAlert = z.infer<typeof checkInAlert>;

export const caseCheckIns = z.object({
  enrolment: z
    .object({
      status: enrolmentStatus,
      phone: z.string(),
      times: z.array(z.string()),
      encouragement: z.string(),
      consent: z.object({
        statement: z.string(),
        recordedAt: isoDateTime,
        recordedBy: z.object({ userId: uuid, name: z.string() }).nullable(),
      }),
      optedOutAt: isoDateTime.nullable(),
      optedOutVia: optOutChannel.nullable(),
    })
    .nullable(),
  history: z.array(checkInEntry),
  alerts: z.array(checkInAlert),
});
export type CaseCheckIns = z.infer<typeof caseCheckIns>;

export const followUpBody = z.strictObject({
  type: contactType,
  outcome: contactOutcome.default('made'),
  note: z.string().trim().max(2000, 'Keep the note under 2,000 characters').optional(),
});
export type FollowUpBody = z.infer<typeof followUpBody>;

export const weekday = z.number().int().min(1, 'Days are 1 (Monday) to 7 (Sunday)').max(7);
export const checkInSettings = z.object({
  onDutyCoordinatorUserId: uuid.nullable(),
  responseTargetMinutes: z.number().int(),
  monitoredDays: z.array(z.number().int()),
  monitoredFrom: z.string(),
  monitoredTo: z.string(),
  noReplyHours: z.number().int(),
});
export type CheckInSettings = z.infer<typeof checkInSettings>;
export const updateCheckInSettingsBody = z
  .strictObject({
    onDutyCoordinatorUserId: uuid.nullable(),
    responseTargetMinutes: z
      .number()
      .int()
      .min(5, 'Enter 5 to 240 minutes')
      .max(240, 'Enter 5 to 240 minutes'),
    monitoredDays: z
      .array(weekday)
      .min(1, 'Choose at least one monitored day')
      .max(7)
      .refine((d) => new Set(d).size === d.length, { message: 'Choose each day only once' }),
    monitoredFrom: timeOfDay,
    monitoredTo: timeOfDay,
    noReplyHours: z.number().int().min(1, 'Enter 1 to 12 hours').max(12, 'Enter 1 to 12 hours'),
  })
  .refine((s) => s.monitoredFrom < s.monitoredTo, {
    path: ['monitoredTo'],
    message: 'Monitored hours must end after they start, on the same day',
  });

export const checkInDashboard = z.object({
  site: z.object({ id: uuid, name: z.string() }),
  settings: checkInSettings,
  /** Monitored hours in words, as the people checking in are told them. */
  monitoredHoursText: z.string(),
  today: isoDate,
  enrolled: z.number().int(),
  todaysReds: z.array(checkInAlert),
  overdueFollowUps: z.array(checkInAlert),
  openAmberAndNoReply: z.array(checkInAlert),
  responseMinutes: z.object({
    count: z.number().int(),
    median: z.number().nullable(),
    p90: z.number().nullable(),
  }),
  replyRate: z.object({ sent: z.number().int(), answered: z.number().int(), rate: z.number().nullable() }),
});
export type CheckInDashboard = z.infer<typeof checkInDashboard>;

export const smsMessage = z.object({
  id: uuid,
  direction: z.literal('outbound'),
  to: z.string(),
  body: z.string(),
  purpose: z.string(),
  createdAt: isoDateTime,
});
export const smsOutboxQuery = z.strictObject({ siteId: uuid });
export const smsOutboxResponse = z.object({ items: z.array(smsMessage), total: z.number().int() });

// Public, token-carrying requests: the token travels in the body, never in a URL.
const linkToken = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, 'The link is not complete');
export const linkTokenBody = z.strictObject({ token: linkToken });
export const linkReplyBody = z.strictObject({ token: linkToken, answer: checkInColour });
export const linkView = z.object({
  monitoredHoursText: z.string(),
  crisisText: z.string(),
});
export const linkReplyResponse = z.object({ message: z.string() });

/** What an SMS gateway posts when a text arrives. */
export const inboundSmsBody = z.strictObject({
  from: z.string().trim().min(6).max(20),
  text: z.string().max(1600),
});
export const inboundSmsResponse = z.object({ outcome: z.enum(['recorded', 'opted_out', 'ignored']) });
