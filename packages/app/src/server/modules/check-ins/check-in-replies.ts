import { eq } from 'drizzle-orm';
import type { CheckInColour } from '../../../contract/check-ins.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import {
  amberAlertTiming,
  decideAnswer,
  noReplyAlertTiming,
  optedOutText,
  type PastAnswer,
  redAlertTiming,
  replyText,
} from './check-in.rules.ts';
import {
  type AlertRow,
  type CheckInRow,
  caseForAlert,
  claimAnswer,
  type EnrolmentRow,
  earlierAnswers,
  insertAlert,
  lockEnrolment,
  siteSettingsOf,
} from './check-ins.repository.ts';
import { checkInAlerts, checkInEnrolments, checkIns } from './check-ins.table.ts';
import type { SmsGateway } from './sms-gateway.ts';

const systemActor = (organisationId: string) => ({ organisationId, userId: null, role: 'system' as const });

/**
 * Tells staff about an alert whose time has come: a red goes to the lead worker and the site's
 * on-duty coordinator; an amber or a missed reply to the lead worker (or, with no lead, the on-duty
 * coordinator). Messages name the case by its local case ID only.
 */
export async function deliverAlert(db: Db, clock: Clock, alert: AlertRow): Promise<void> {
  const found = await caseForAlert(db, alert.caseId);
  const settings = await siteSettingsOf(db, alert.siteId);
  const localCaseId = found?.localCaseId ?? 'unknown';
  const recipients = new Set<string>();
  if (found?.leadUserId) recipients.add(found.leadUserId);
  if (settings.onDutyCoordinatorUserId && (alert.kind === 'red' || recipients.size === 0))
    recipients.add(settings.onDutyCoordinatorUserId);
  const due = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: 'numeric',
    minute: '2-digit',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(alert.dueBy);
  const message =
    alert.kind === 'red'
      ? `Red check-in on case ${localCaseId}${alert.reason === 'three_ambers' ? ' (three ambers in a row)' : ''}: contact the person by ${due}.`
      : alert.kind === 'amber'
        ? `Amber check-in on case ${localCaseId}: get in touch today, by ${due}.`
        : `No reply to a check-in on case ${localCaseId}, even after a reminder: try to reach the person today.`;
  for (const userId of recipients)
    await notify(db, clock, {
      organisationId: alert.organisationId,
      siteId: alert.siteId,
      userId,
      kind: `check_in_${alert.kind}`,
      caseId: alert.caseId,
      message,
    });
  await db.update(checkInAlerts).set({ notifiedAt: clock.now() }).where(eq(checkInAlerts.id, alert.id));
}

/** Raises an alert, and tells staff at once if it is already time to. */
export async function raiseAlert(
  db: Db,
  clock: Clock,
  checkIn: CheckInRow,
  alert: { kind: 'red' | 'amber' | 'no_reply'; reason: string; notifyAt: Date; dueBy: Date },
) {
  const now = clock.now();
  const row = await insertAlert(db, {
    id: newId(),
    organisationId: checkIn.organisationId,
    siteId: checkIn.siteId,
    caseId: checkIn.caseId,
    checkInId: checkIn.id,
    kind: alert.kind,
    reason: alert.reason,
    raisedAt: now,
    notifyAt: alert.notifyAt,
    dueBy: alert.dueBy,
  });
  if (row && row.notifyAt.getTime() <= now.getTime()) await deliverAlert(db, clock, row);
  return row;
}

export async function raiseNoReplyAlert(db: Db, clock: Clock, checkIn: CheckInRow) {
  const settings = await siteSettingsOf(db, checkIn.siteId);
  return raiseAlert(db, clock, checkIn, {
    kind: 'no_reply',
    reason: 'no_reply',
    ...noReplyAlertTiming(settings, clock.now()),
  });
}

export type AnswerResult = { message: string; effective: CheckInColour } | null;

/**
 * Records a person's answer to a check-in (by link or by text) and acts on it. Answers for one
 * person are serialised on their enrolment row, and the check-in is claimed with a conditional
 * update, so two replies at the same moment store one answer. Returns null when the check-in can no
 * longer be answered (answered, expired, opted out).
 */
export async function recordAnswer(
  db: Db,
  { clock, gateway }: { clock: Clock; gateway: SmsGateway },
  checkIn: CheckInRow,
  answer: CheckInColour,
  via: 'link' | 'sms',
): Promise<AnswerResult> {
  const now = clock.now();
  const enrolment = await lockEnrolment(db, checkIn.enrolmentId);
  if (enrolment?.status !== 'active') return null;
  const claimed = await claimAnswer(db, checkIn.id, { answer, answeredVia: via, answeredAt: now });
  if (!claimed) return null;
  const earlier = (await earlierAnswers(db, enrolment.id, checkIn.id)) as PastAnswer[];
  const decision = decideAnswer(answer, earlier);
  const settings = await siteSettingsOf(db, checkIn.siteId);
  if (decision.countsAsRed) {
    await db.update(checkIns).set({ countsAsRed: true }).where(eq(checkIns.id, checkIn.id));
  }
  if (decision.effective === 'red')
    await raiseAlert(db, clock, claimed, {
      kind: 'red',
      reason: decision.reason,
      ...redAlertTiming(settings, now),
    });
  else if (decision.effective === 'amber')
    await raiseAlert(db, clock, claimed, {
      kind: 'amber',
      reason: 'amber',
      ...amberAlertTiming(settings, now),
    });
  const message = replyText(decision, { encouragement: enrolment.encouragement, rules: settings, now });
  // A text reply is answered by text; a link reply sees the answer on the page.
  if (via === 'sms')
    await gateway.send(enrolment.phone, message, {
      organisationId: enrolment.organisationId,
      siteId: enrolment.siteId,
      purpose: `reply_${decision.effective}`,
    });
  await recordAudit(
    db,
    { actor: systemActor(checkIn.organisationId), requestId: null, clock },
    {
      action: 'check_in.answer',
      entityType: 'check_in',
      entityIds: [checkIn.id, checkIn.caseId],
      siteId: checkIn.siteId,
      query: { via, effective: decision.effective },
    },
  );
  return { message, effective: decision.effective };
}

/** STOP: no more check-ins. Recorded with when and how, and confirmed by text. */
export async function optOut(
  db: Db,
  { clock, gateway }: { clock: Clock; gateway: SmsGateway },
  enrolment: EnrolmentRow,
  via: 'sms' | 'link' | 'worker',
): Promise<void> {
  if (enrolment.status !== 'active') return;
  const now = clock.now();
  await db
    .update(checkInEnrolments)
    .set({ status: 'opted_out', optedOutAt: now, optedOutVia: via, updatedAt: now })
    .where(eq(checkInEnrolments.id, enrolment.id));
  await gateway.send(enrolment.phone, optedOutText, {
    organisationId: enrolment.organisationId,
    siteId: enrolment.siteId,
    purpose: 'opted_out',
  });
  // A worker's opt-out is audited by the staff service with the worker as actor.
  if (via !== 'worker')
    await recordAudit(
      db,
      { actor: systemActor(enrolment.organisationId), requestId: null, clock },
      {
        action: 'check_in.opt_out',
        entityType: 'check_in_enrolment',
        entityIds: [enrolment.caseId],
        siteId: enrolment.siteId,
        query: { via },
      },
    );
}
