import { TZDate } from '@date-fns/tz';
import type { CheckInColour } from '../../../contract/check-ins.ts';

/**
 * The rules of daily check-ins (after d2 Digital's Evie, source 002): when a check-in is due, what a
 * reply means, when staff are told and by when they must respond. Pure functions of their inputs and
 * of "now", so every rule can be tested with a clock the test controls.
 */

export const serviceTimeZone = 'Europe/London';

export type CheckInSiteRules = {
  responseTargetMinutes: number;
  /** ISO weekdays, 1 Monday … 7 Sunday. */
  monitoredDays: readonly number[];
  monitoredFrom: string;
  monitoredTo: string;
  noReplyHours: number;
};

export const defaultSiteRules: CheckInSiteRules = {
  responseTargetMinutes: 15,
  monitoredDays: [1, 2, 3, 4, 5],
  monitoredFrom: '09:00',
  monitoredTo: '17:00',
  noReplyHours: 4,
};

/** How long a slot may be late and still be sent (a server that was down does not send stale texts). */
export const catchUpMinutes = 60;
/** A check-in's link and SMS reply are accepted for a day. */
export const replyWindowHours = 24;

const minute = 60_000;
const hour = 60 * minute;

type LocalParts = { date: string; isoWeekday: number; minutes: number };

function localParts(at: Date): LocalParts {
  const local = new TZDate(at.getTime(), serviceTimeZone);
  const date = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
  return {
    date,
    isoWeekday: local.getDay() === 0 ? 7 : local.getDay(),
    minutes: local.getHours() * 60 + local.getMinutes(),
  };
}

/** The moment a UK wall-clock time happens on a UK calendar date (across clock changes). */
export function ukMoment(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, h, min, serviceTimeZone).getTime());
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return next.toISOString().slice(0, 10);
}

const isoWeekdayOf = (date: string) => {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
};

const minutesOf = (time: string) => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

export function isWithinMonitoredHours(rules: CheckInSiteRules, at: Date): boolean {
  const local = localParts(at);
  return (
    rules.monitoredDays.includes(local.isoWeekday) &&
    local.minutes >= minutesOf(rules.monitoredFrom) &&
    local.minutes < minutesOf(rules.monitoredTo)
  );
}

/** The next time monitored hours begin, strictly after `at`. */
export function nextMonitoredStart(rules: CheckInSiteRules, at: Date): Date {
  const today = localParts(at).date;
  for (let offset = 0; offset <= 7; offset++) {
    const date = addDays(today, offset);
    if (!rules.monitoredDays.includes(isoWeekdayOf(date))) continue;
    const start = ukMoment(date, rules.monitoredFrom);
    if (start.getTime() > at.getTime()) return start;
  }
  throw new Error('monitored days are empty');
}

/** When staff can be told: now within monitored hours, otherwise when they next begin. */
export function whenStaffAreTold(rules: CheckInSiteRules, at: Date): Date {
  return isWithinMonitoredHours(rules, at) ? at : nextMonitoredStart(rules, at);
}

/** The first monitored day after the day of `at` (a Friday's amber is for Monday). */
export function nextWorkingDay(rules: CheckInSiteRules, at: Date): string {
  const today = localParts(at).date;
  for (let offset = 1; offset <= 7; offset++) {
    const date = addDays(today, offset);
    if (rules.monitoredDays.includes(isoWeekdayOf(date))) return date;
  }
  throw new Error('monitored days are empty');
}

export type AlertTiming = { notifyAt: Date; dueBy: Date };

/** A red: the lead worker and the on-duty coordinator are told at once (or at the next monitored start) and must respond within the target. */
export function redAlertTiming(rules: CheckInSiteRules, at: Date): AlertTiming {
  const notifyAt = whenStaffAreTold(rules, at);
  return { notifyAt, dueBy: new Date(notifyAt.getTime() + rules.responseTargetMinutes * minute) };
}

/** An amber: for the worker's next working day, by the end of its monitored hours. */
export function amberAlertTiming(rules: CheckInSiteRules, at: Date): AlertTiming & { dueOn: string } {
  const dueOn = nextWorkingDay(rules, at);
  return { dueOn, notifyAt: ukMoment(dueOn, rules.monitoredFrom), dueBy: ukMoment(dueOn, rules.monitoredTo) };
}

/** No reply even after the reminder: the lead worker is told, to try within that monitored day. */
export function noReplyAlertTiming(rules: CheckInSiteRules, at: Date): AlertTiming {
  const notifyAt = whenStaffAreTold(rules, at);
  return { notifyAt, dueBy: ukMoment(localParts(notifyAt).date, rules.monitoredTo) };
}

/**
 * The slots due now: each chosen time today (and yesterday, near midnight) that has come within the
 * last hour and is not before the enrolment began. A slot is identified by its moment, so sending is
 * idempotent.
 */
export function dueSlots(times: readonly string[], now: Date, since: Date): Date[] {
  const today = localParts(now).date;
  const slots: Date[] = [];
  for (const date of [addDays(today, -1), today])
    for (const time of times) {
      const slot = ukMoment(date, time);
      const t = slot.getTime();
      if (t <= now.getTime() && t > now.getTime() - catchUpMinutes * minute && t >= since.getTime())
        slots.push(slot);
    }
  return slots.sort((a, b) => a.getTime() - b.getTime());
}

/**
 * Every UK wall-clock minute of the last hour with the moment it last happened: a time a person
 * chose is due at that moment (the same slots as `dueSlots`, for a query to find in one pass).
 */
export function recentSlots(now: Date): { time: string; slot: Date }[] {
  const minuteStart = Math.floor(now.getTime() / minute) * minute;
  const byTime = new Map<string, Date>();
  for (let m = catchUpMinutes - 1; m >= 0; m--) {
    const slot = new Date(minuteStart - m * minute);
    const { minutes } = localParts(slot);
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    byTime.set(time, slot); // the later of two (the hour the clocks go back) wins
  }
  return [...byTime].map(([time, slot]) => ({ time, slot }));
}

export type PastAnswer = { answer: CheckInColour; countsAsRed: boolean };
export type Decision = {
  effective: CheckInColour;
  /** True when an amber made three in a row. */
  countsAsRed: boolean;
  reason: 'green' | 'amber' | 'red' | 'three_ambers';
};

/**
 * What a reply means. `earlier` holds the person's previous answers, newest first (unanswered
 * check-ins are not answers and neither break nor extend a run). Three ambers in a row count as a
 * red; the run then starts again.
 */
export function decideAnswer(answer: CheckInColour, earlier: readonly PastAnswer[]): Decision {
  if (answer !== 'amber') return { effective: answer, countsAsRed: false, reason: answer };
  let run = 1;
  for (const past of earlier) {
    if (past.answer !== 'amber' || past.countsAsRed) break;
    run++;
  }
  return run >= 3
    ? { effective: 'red', countsAsRed: true, reason: 'three_ambers' }
    : { effective: 'amber', countsAsRed: false, reason: 'amber' };
}

export type OpenCheckIn = {
  sentAt: Date;
  nudgedAt: Date | null;
  answeredAt: Date | null;
  unansweredAt: Date | null;
};

/** No reply within N hours: one reminder; still none N hours after it: the worker is told. */
export function noReplyStep(
  checkIn: OpenCheckIn,
  noReplyHours: number,
  now: Date,
): 'none' | 'nudge' | 'flag' {
  if (checkIn.answeredAt || checkIn.unansweredAt) return 'none';
  const wait = noReplyHours * hour;
  if (!checkIn.nudgedAt) return now.getTime() - checkIn.sentAt.getTime() >= wait ? 'nudge' : 'none';
  return now.getTime() - checkIn.nudgedAt.getTime() >= wait ? 'flag' : 'none';
}

/** A reply by text: 1, 2, 3 or STOP, with spaces, a full stop or any letter case forgiven. */
export function parseSmsReply(text: string): CheckInColour | 'stop' | null {
  const cleaned = text
    .trim()
    .replace(/[.!]+$/, '')
    .trim()
    .toLowerCase();
  if (cleaned === '1') return 'green';
  if (cleaned === '2') return 'amber';
  if (cleaned === '3') return 'red';
  if (cleaned === 'stop' || cleaned === 'stop all' || cleaned === 'unsubscribe') return 'stop';
  return null;
}

/** A UK mobile number as digits in international form (447…), to match inbound texts to a person. */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.startsWith('0')) return `44${digits.slice(1)}`;
  return digits;
}

const dayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** UK style: 9am, 5.30pm, 12 noon. */
export function ukTime(time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  if (h === 12 && m === 0) return '12 noon';
  const suffix = h < 12 ? 'am' : 'pm';
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return m === 0 ? `${hour12}${suffix}` : `${hour12}.${String(m).padStart(2, '0')}${suffix}`;
}

function describeDays(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const isRun = sorted.every((d, i) => i === 0 || d === (sorted[i - 1] as number) + 1);
  if (sorted.length === 7) return 'every day';
  if (isRun && sorted.length > 2)
    return `${dayNames[(sorted[0] as number) - 1]} to ${dayNames[(sorted[sorted.length - 1] as number) - 1]}`;
  const names = sorted.map((d) => dayNames[d - 1] as string);
  return names.length === 1 ? (names[0] as string) : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** "Monday to Friday, 9am to 5pm": told to the person in every message and on the link page. */
export function monitoredHoursText(rules: CheckInSiteRules): string {
  return `${describeDays(rules.monitoredDays)}, ${ukTime(rules.monitoredFrom)} to ${ukTime(rules.monitoredTo)}`;
}

/** Where to go in a crisis when no one is watching (NHS 111 option 2 for mental health; 999; Samaritans). */
export const crisisText =
  'If you need help urgently outside these hours, call NHS 111 and choose option 2 for mental health. In an emergency call 999. Samaritans are there day and night on 116 123.';

export function checkInText(link: string, rules: CheckInSiteRules): string {
  return `How are you today? Reply 1 if you are doing well, 2 if things are not so good, 3 if you need help. Or tap ${link} . We read replies ${monitoredHoursText(rules)}. ${crisisText} Reply STOP to stop these texts.`;
}

export function nudgeText(link: string, rules: CheckInSiteRules): string {
  return `A reminder: how are you today? Reply 1, 2 or 3, or tap ${link} . We read replies ${monitoredHoursText(rules)}. ${crisisText}`;
}

export const optedOutText =
  'You will get no more check-in texts. Talk to your worker if you want them again.';

/** What the person is told after replying. A green gets the message they wrote with their worker. */
export function replyText(
  decision: Decision,
  context: { encouragement: string; rules: CheckInSiteRules; now: Date },
): string {
  if (decision.effective === 'green') return context.encouragement;
  const hours = `We read replies ${monitoredHoursText(context.rules)}.`;
  if (decision.effective === 'amber') {
    const day = longDay(nextWorkingDay(context.rules, context.now));
    return `Thank you for telling us. Your worker will be in touch on ${day}. ${hours} ${crisisText}`;
  }
  const when = isWithinMonitoredHours(context.rules, context.now)
    ? `Someone will contact you within ${context.rules.responseTargetMinutes} minutes.`
    : `Someone will contact you when we are next open. ${hours}`;
  return `Thank you for telling us. ${when} ${crisisText}`;
}

function longDay(date: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** The median and 90th percentile (nearest rank) of response times, in minutes. */
export function responseTimeSummary(minutes: readonly number[]): {
  count: number;
  median: number | null;
  p90: number | null;
} {
  if (minutes.length === 0) return { count: 0, median: null, p90: null };
  const sorted = [...minutes].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] as number;
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { count: sorted.length, median: Math.round(median * 10) / 10, p90: Math.round(rank(0.9) * 10) / 10 };
}
