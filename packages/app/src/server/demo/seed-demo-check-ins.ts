import { sql } from 'drizzle-orm';
import type { CheckInColour } from '../../contract/check-ins.ts';
import { ukDateOf } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { rowsOf } from '../db/rows.ts';
import {
  amberAlertTiming,
  checkInText,
  decideAnswer,
  defaultSiteRules,
  type PastAnswer,
  redAlertTiming,
  replyText,
  replyWindowHours,
  ukMoment,
} from '../modules/check-ins/check-in.rules.ts';
import { newLinkToken } from '../modules/check-ins/check-in-tokens.ts';
import {
  checkInAlerts,
  checkInEnrolments,
  checkInSiteSettings,
  checkIns,
  smsOutbox,
} from '../modules/check-ins/check-ins.table.ts';
import { contacts } from '../modules/contacts/contacts.table.ts';
import { seededRandom } from './demo-random.ts';

const minute = 60_000;
const hour = 60 * minute;
const dayMs = 24 * hour;

const encouragements = [
  'You walked to the shop on your own last week. You can do today too.',
  'Remember what Sam said: one day at a time, and today counts.',
  'Your sister is proud of you. So are we.',
  'Put the kettle on and sit in the garden for ten minutes.',
  'You got through a harder week than this one.',
];

type DemoCase = { id: string; site_id: string; organisation_id: string; lead_user_id: string };

/**
 * A fortnight of daily check-ins for five demo cases at the first site, from a fixed seed: mostly
 * greens, some ambers and reds, a missed day or two, reds followed up as contacts, and one red from
 * today still waiting for its follow-up. Phone numbers are from Ofcom's drama range (07700 900xxx).
 */
export async function seedDemoCheckIns(
  db: Db,
  { siteId, coordinatorUserId, now }: { siteId: string; coordinatorUserId: string; now: Date },
): Promise<void> {
  const random = seededRandom(20_020_202);
  const result = await db.execute(sql`
    select c.id, c.site_id, c.organisation_id, cw.user_id as lead_user_id
    from cases c join case_workers cw on cw.case_id = c.id and cw.role = 'lead'
    where c.site_id = ${siteId} and c.status = 'active'
      and c.referred_on <= ${ukDateOf(new Date(now.getTime() - 16 * dayMs))}
    order by c.local_case_id limit 5`);
  const demoCases = rowsOf<DemoCase>(result);
  const first = demoCases[0];
  if (!first) return;
  const rules = defaultSiteRules;
  await db.insert(checkInSiteSettings).values({
    siteId,
    organisationId: first.organisation_id,
    onDutyCoordinatorUserId: coordinatorUserId,
    updatedAt: now,
  });
  const today = ukDateOf(now);
  // Today's 9am check-in exists once it is 20 minutes past; before then, the first case's open red is yesterday's.
  const hasToday = ukMoment(today, '09:00').getTime() <= now.getTime() - 20 * minute;

  for (const [index, demoCase] of demoCases.entries()) {
    const place = { organisationId: demoCase.organisation_id, siteId: demoCase.site_id, caseId: demoCase.id };
    const enrolmentId = newId();
    const phone = `07700 900${String(101 + index)}`;
    const encouragement = encouragements[index % encouragements.length] as string;
    const startedAt = new Date(now.getTime() - 15 * dayMs);
    await db.insert(checkInEnrolments).values({
      id: enrolmentId,
      ...place,
      phone,
      phoneKey: `447700900${String(101 + index)}`,
      times: ['09:00'],
      encouragement,
      consentStatement:
        'Agreed to a daily text at 9am, and to a call from the team after a red or three ambers.',
      consentRecordedAt: startedAt,
      consentRecordedBy: demoCase.lead_user_id,
      createdAt: startedAt,
      updatedAt: startedAt,
    });
    const earlier: PastAnswer[] = [];
    for (let daysAgo = 14; daysAgo >= 0; daysAgo--) {
      const date = ukDateOf(new Date(now.getTime() - daysAgo * dayMs));
      const sentAt = ukMoment(date, '09:00');
      const isToday = date === today;
      // Today only the first case has checked in, and only once it is past 9am.
      if (isToday && (index !== 0 || !hasToday)) continue;
      const isOpenRed = index === 0 && (isToday || (daysAgo === 1 && !hasToday));
      // The second case had a red three days ago that was followed up.
      const roll: CheckInColour | null = isOpenRed
        ? 'red'
        : index === 1 && daysAgo === 3
          ? 'red'
          : random.weighted<CheckInColour | null>([
              ['green', 0.6],
              ['amber', 0.22],
              ['red', 0.08],
              [null, 0.1],
            ]);
      const checkInId = newId();
      const answeredAt = roll
        ? new Date(Math.min(sentAt.getTime() + random.int(3, 90) * minute, now.getTime() - 5 * minute))
        : null;
      const decision = roll ? decideAnswer(roll, earlier) : null;
      const nudgedAt = roll ? null : new Date(sentAt.getTime() + rules.noReplyHours * hour);
      await db.insert(checkIns).values({
        id: checkInId,
        ...place,
        enrolmentId,
        scheduledFor: sentAt,
        sentAt,
        // The demo keeps no link that works: only hashes of tokens thrown away at once.
        tokenHash: newLinkToken().tokenHash,
        expiresAt: new Date(sentAt.getTime() + replyWindowHours * hour),
        answer: roll,
        answeredAt,
        answeredVia: roll ? (random.next() < 0.7 ? 'sms' : 'link') : null,
        countsAsRed: decision?.countsAsRed ?? false,
        nudgedAt,
        unansweredAt: nudgedAt ? new Date(nudgedAt.getTime() + rules.noReplyHours * hour) : null,
      });
      await db.insert(smsOutbox).values({
        id: newId(),
        ...{ organisationId: place.organisationId, siteId: place.siteId },
        toPhone: phone,
        body: checkInText('/c#…', rules),
        purpose: 'check_in',
        createdAt: sentAt,
      });
      if (roll && decision) earlier.unshift({ answer: roll, countsAsRed: decision.countsAsRed });
      if (!decision || !answeredAt) continue;
      await db.insert(smsOutbox).values({
        id: newId(),
        organisationId: place.organisationId,
        siteId: place.siteId,
        toPhone: phone,
        body: replyText(decision, { encouragement, rules, now: answeredAt }),
        purpose: `reply_${decision.effective}`,
        createdAt: answeredAt,
      });
      if (decision.effective === 'green') continue;
      const timing =
        decision.effective === 'red'
          ? redAlertTiming(rules, answeredAt)
          : amberAlertTiming(rules, answeredAt);
      const respondedAt = new Date(
        timing.notifyAt.getTime() + random.around(decision.effective === 'red' ? 9 : 120, 2, 240) * minute,
      );
      const followedUpAt = isOpenRed || respondedAt.getTime() > now.getTime() ? null : respondedAt;
      const contactId = followedUpAt ? newId() : null;
      if (followedUpAt && contactId)
        await db.insert(contacts).values({
          id: contactId,
          ...place,
          contactedOn: ukDateOf(followedUpAt),
          contactedAt: followedUpAt,
          type: 'telephone',
          outcome: 'made',
          madeByUserId: demoCase.lead_user_id,
          madeByKind: 'staff',
          note: 'Followed up a check-in.',
          createdAt: followedUpAt,
        });
      await db.insert(checkInAlerts).values({
        id: newId(),
        ...place,
        checkInId,
        kind: decision.effective,
        reason: decision.reason,
        raisedAt: answeredAt,
        notifyAt: timing.notifyAt,
        notifiedAt: timing.notifyAt.getTime() <= now.getTime() ? timing.notifyAt : null,
        dueBy: timing.dueBy,
        followedUpAt,
        followedUpBy: followedUpAt ? demoCase.lead_user_id : null,
        contactId,
      });
    }
  }
}
