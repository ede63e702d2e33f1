import { addDays, format, parseISO } from 'date-fns';
import type { WorkforceRole } from '../../../../contract/workforce-codes.ts';
import { type PausePeriod, type RolePeriod, timeLimitOf } from '../people/progression.rules.ts';
import type { WorkforceSettings } from '../people/settings.repository.ts';
import { type DbsCheck, dbsDueSoonDays, dbsState } from './dbs.rules.ts';

/** Days before a certificate's renewal date when the reminder goes (as the alerts list: 30). */
export const certificateDueSoonDays = 30;

export type ReminderKind = 'dbs_recheck' | 'certificate_renewal' | 'time_limit';
export type Reminder = {
  kind: ReminderKind;
  /** With kind and due date, what makes the reminder unique: 'dbs', a course id, or the clock. */
  item: string;
  dueOn: string;
  /** The message for their coordinators, naming the person. */
  about: (name: string) => string;
  /** The message for the person themselves. */
  toPerson: string;
};

export type ReminderFacts = {
  role: WorkforceRole;
  status: string;
  history: readonly RolePeriod[];
  pauses: readonly PausePeriod[];
  latestDbs: DbsCheck | null;
  /** The latest certificate of each course, with its renewal date (null: it does not expire). */
  certificates: readonly { courseId: string; courseTitle: string; renewalDueOn: string | null }[];
};

const longDate = (iso: string) => format(parseISO(iso), 'd MMMM yyyy');
const isDue = (dueOn: string, today: string, warningDays: number) =>
  dueOn <= format(addDays(parseISO(today), warningDays), 'yyyy-MM-dd');

/**
 * The renewal reminders due for one person on a day (issue 6): a DBS recheck due within 30 days or
 * overdue, a certificate renewal due within 30 days or overdue, and a role time limit that has
 * reached the organisation's alert month (15 of 18 by default). Nobody who has left; no time-limit
 * reminder while someone is paused (their clock has stopped, so its end date moves each day).
 */
export function dueReminders(facts: ReminderFacts, today: string, settings: WorkforceSettings): Reminder[] {
  if (facts.status === 'left') return [];
  const reminders: Reminder[] = [];
  const dbs = dbsState(facts.latestDbs, today, {
    recheckMonths: settings.dbsRecheckMonths,
    requiredLevel: settings.requiredDbsLevel,
  });
  if (dbs.dueOn && isDue(dbs.dueOn, today, dbsDueSoonDays)) {
    const dueOn = dbs.dueOn;
    const tense = dueOn <= today ? 'was due' : 'is due';
    reminders.push({
      kind: 'dbs_recheck',
      item: 'dbs',
      dueOn,
      about: (name) =>
        `${name}’s DBS recheck ${tense} on ${longDate(dueOn)}. Record the recheck when it is done.`,
      toPerson: `Your DBS recheck ${tense} on ${longDate(dueOn)}. Your coordinator will arrange it.`,
    });
  }
  for (const c of facts.certificates) {
    if (c.renewalDueOn === null || !isDue(c.renewalDueOn, today, certificateDueSoonDays)) continue;
    const dueOn = c.renewalDueOn;
    const tense = dueOn <= today ? 'was due' : 'is due';
    reminders.push({
      kind: 'certificate_renewal',
      item: c.courseId,
      dueOn,
      about: (name) => `${name}’s “${c.courseTitle}” certificate ${tense} for renewal on ${longDate(dueOn)}.`,
      toPerson: `Your “${c.courseTitle}” certificate ${tense} for renewal on ${longDate(dueOn)}.`,
    });
  }
  if (facts.status !== 'paused') {
    const limit = timeLimitOf(facts.role, facts.history, facts.pauses, today, settings);
    if (limit && limit.state !== 'ok') {
      const what = limit.clock === 'volunteer' ? 'volunteering' : 'as a paid peer supporter';
      reminders.push({
        kind: 'time_limit',
        item: limit.clock,
        dueOn: limit.limitOn,
        about: (name) =>
          `${name} has used ${limit.monthsUsed.toLocaleString('en-GB')} of ${limit.monthsMax} months ${what}; the limit is reached on ${longDate(limit.limitOn)}. Plan the next step.`,
        toPerson: `You have used ${limit.monthsUsed.toLocaleString('en-GB')} of ${limit.monthsMax} months ${what}; the limit is reached on ${longDate(limit.limitOn)}. Talk to your coordinator about your next step.`,
      });
    }
  }
  return reminders;
}
