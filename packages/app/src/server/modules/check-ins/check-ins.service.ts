import { and, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type {
  CaseCheckIns,
  CheckInAlert,
  CheckInColour,
  CheckInDashboard,
  EnrolBody,
  FollowUpBody,
} from '../../../contract/check-ins.ts';
import type { Actor } from '../../access/actor.ts';
import { inCaseScope } from '../../access/scope.ts';
import { type Clock, ukDateOf } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { conflict, notFound, validationFailed } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findCaseInScope, findEligibleWorkers } from '../cases/cases.repository.ts';
import { logContact } from '../contacts/contacts.service.ts';
import { findSiteInScope } from '../sites/sites.repository.ts';
import { monitoredHoursText, phoneKey, responseTimeSummary, ukMoment } from './check-in.rules.ts';
import { optOut } from './check-in-replies.ts';
import {
  type AlertWithCase,
  alertsWhere,
  caseHistory,
  findEnrolmentOfCase,
  saveSiteSettings,
  siteSettingsOf,
  userNamesOf,
} from './check-ins.repository.ts';
import { checkInAlerts, checkInEnrolments, checkIns } from './check-ins.table.ts';
import { defaultGatewayFactory, type GatewayFactory, listOutbox } from './sms-gateway.ts';

export type CheckInContext = {
  db: Db;
  actor: Actor;
  clock: Clock;
  requestId: string;
  gatewayFactory?: GatewayFactory;
};

const dayMs = 86_400_000;

function toAlert(row: AlertWithCase): CheckInAlert {
  return {
    id: row.id,
    caseId: row.caseId,
    localCaseId: row.localCaseId,
    kind: row.kind as CheckInAlert['kind'],
    reason: row.reason,
    raisedAt: row.raisedAt.toISOString(),
    notifyAt: row.notifyAt.toISOString(),
    dueBy: row.dueBy.toISOString(),
    followedUpAt: row.followedUpAt?.toISOString() ?? null,
    followedUpBy:
      row.followedUpBy && row.followedUpByName
        ? { userId: row.followedUpBy, name: row.followedUpByName }
        : null,
    contactId: row.contactId,
  };
}

async function caseCheckInsOf(db: Db, caseId: string, now: Date): Promise<CaseCheckIns> {
  const enrolment = await findEnrolmentOfCase(db, caseId);
  const history = await caseHistory(db, caseId, new Date(now.getTime() - 60 * dayMs));
  const alerts = await alertsWhere(db, and(eq(checkInAlerts.caseId, caseId)), 50);
  const names = await userNamesOf(db, enrolment?.consentRecordedBy ? [enrolment.consentRecordedBy] : []);
  return {
    enrolment: enrolment
      ? {
          status: enrolment.status as 'active' | 'opted_out',
          phone: enrolment.phone,
          times: enrolment.times,
          encouragement: enrolment.encouragement,
          consent: {
            statement: enrolment.consentStatement,
            recordedAt: enrolment.consentRecordedAt.toISOString(),
            recordedBy: enrolment.consentRecordedBy
              ? {
                  userId: enrolment.consentRecordedBy,
                  name: names.get(enrolment.consentRecordedBy) ?? 'Unknown',
                }
              : null,
          },
          optedOutAt: enrolment.optedOutAt?.toISOString() ?? null,
          optedOutVia: enrolment.optedOutVia as 'sms' | 'link' | 'worker' | null,
        }
      : null,
    history: history.map((c) => ({
      id: c.id,
      scheduledFor: c.scheduledFor.toISOString(),
      answer: c.answer as CheckInColour | null,
      answeredAt: c.answeredAt?.toISOString() ?? null,
      answeredVia: c.answeredVia as 'link' | 'sms' | null,
      countsAsRed: c.countsAsRed,
      nudgedAt: c.nudgedAt?.toISOString() ?? null,
      isUnanswered: c.unansweredAt !== null,
    })),
    alerts: alerts.map(toAlert),
  };
}

export async function viewCaseCheckIns({ db, actor, clock, requestId }: CheckInContext, caseId: string) {
  return db.transaction(async (tx) => {
    const found = await findCaseInScope(tx, actor, caseId);
    if (!found) throw notFound('case');
    const result = await caseCheckInsOf(tx, caseId, clock.now());
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'check_in.list',
        entityType: 'check_in',
        entityIds: [caseId, ...result.history.map((h) => h.id)],
        siteId: found.case.siteId,
      },
    );
    return result;
  });
}

/** Opts a person in (or again, after a STOP), recording who took their consent, when, and to what. */
export async function enrolCase(
  { db, actor, clock, requestId }: CheckInContext,
  caseId: string,
  body: EnrolBody,
) {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const found = await findCaseInScope(tx, actor, caseId, { forUpdate: true });
    if (!found) throw notFound('case');
    if (found.case.status === 'discharged')
      throw conflict('A discharged case cannot start check-ins. Reopen the case first.', [
        { field: 'status', message: 'The case is discharged.' },
      ]);
    const values = {
      status: 'active',
      phone: body.phone,
      phoneKey: phoneKey(body.phone),
      times: [...body.times].sort(),
      encouragement: body.encouragement,
      consentStatement: body.consent.statement,
      consentRecordedAt: now,
      consentRecordedBy: actor.userId,
      optedOutAt: null,
      optedOutVia: null,
      updatedAt: now,
    };
    const existing = await findEnrolmentOfCase(tx, caseId, { forUpdate: true });
    if (existing) await tx.update(checkInEnrolments).set(values).where(eq(checkInEnrolments.id, existing.id));
    else
      await tx.insert(checkInEnrolments).values({
        id: newId(),
        organisationId: found.case.organisationId,
        siteId: found.case.siteId,
        caseId,
        createdAt: now,
        ...values,
      });
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: existing ? 'check_in.enrolment_update' : 'check_in.enrol',
        entityType: 'check_in_enrolment',
        entityIds: [caseId],
        siteId: found.case.siteId,
      },
    );
    return caseCheckInsOf(tx, caseId, now);
  });
}

/** A worker records that the person said STOP (on the phone, in person). */
export async function optOutCase(
  { db, actor, clock, requestId, gatewayFactory = defaultGatewayFactory }: CheckInContext,
  caseId: string,
) {
  return db.transaction(async (tx) => {
    const found = await findCaseInScope(tx, actor, caseId, { forUpdate: true });
    if (!found) throw notFound('case');
    const enrolment = await findEnrolmentOfCase(tx, caseId, { forUpdate: true });
    if (enrolment?.status !== 'active')
      throw conflict('This person is not receiving check-ins.', [
        { field: 'status', message: 'There is no active check-in enrolment to stop.' },
      ]);
    await optOut(tx, { clock, gateway: gatewayFactory(tx, clock) }, enrolment, 'worker');
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'check_in.opt_out',
        entityType: 'check_in_enrolment',
        entityIds: [caseId],
        siteId: found.case.siteId,
        query: { via: 'worker' },
      },
    );
    return caseCheckInsOf(tx, caseId, clock.now());
  });
}

/**
 * Follows up an alert: the contact is logged through the contacts service (so a case's contact
 * rules apply, and its audit event, naming the contact and the case, is this request's one event),
 * and the alert itself records who responded, when, and with which contact.
 */
export async function followUpAlert(context: CheckInContext, alertId: string, body: FollowUpBody) {
  const { db, actor, clock, requestId } = context;
  return db.transaction(async (tx) => {
    const [alert] = await tx
      .select()
      .from(checkInAlerts)
      .where(
        and(
          eq(checkInAlerts.id, alertId),
          inCaseScope(actor, {
            organisationId: checkInAlerts.organisationId,
            siteId: checkInAlerts.siteId,
            caseId: checkInAlerts.caseId,
          }),
        ),
      )
      .for('update');
    if (!alert) throw notFound('check-in alert');
    if (alert.followedUpAt)
      throw conflict('Someone has already followed up this alert.', [
        { field: 'alertId', message: 'This alert was already followed up.' },
      ]);
    const contact = await logContact({ db: tx, actor, clock, requestId }, alert.caseId, {
      type: body.type,
      outcome: body.outcome,
      ...(body.note ? { note: body.note } : {}),
    });
    const now = clock.now();
    await tx
      .update(checkInAlerts)
      .set({
        followedUpAt: now,
        followedUpBy: actor.userId,
        contactId: contact.id,
        notifiedAt: alert.notifiedAt ?? now,
      })
      .where(eq(checkInAlerts.id, alertId));
    const [row] = await alertsWhere(tx, and(eq(checkInAlerts.id, alertId)), 1);
    if (!row) throw new Error('alert vanished after follow-up');
    return toAlert(row);
  });
}

async function siteInScopeOrNotFound(db: Db, actor: Actor, siteId: string) {
  const site = await findSiteInScope(db, actor, siteId);
  if (!site) throw notFound('site');
  return site;
}

export async function viewSiteSettings({ db, actor }: CheckInContext, siteId: string) {
  await siteInScopeOrNotFound(db, actor, siteId);
  return siteSettingsOf(db, siteId).then((s) => ({ ...s, monitoredDays: [...s.monitoredDays] }));
}

export async function updateSiteSettings(
  { db, actor, clock, requestId }: CheckInContext,
  siteId: string,
  body: {
    onDutyCoordinatorUserId: string | null;
    responseTargetMinutes: number;
    monitoredDays: number[];
    monitoredFrom: string;
    monitoredTo: string;
    noReplyHours: number;
  },
) {
  return db.transaction(async (tx) => {
    const site = await siteInScopeOrNotFound(tx, actor, siteId);
    if (body.onDutyCoordinatorUserId) {
      const [worker] = await findEligibleWorkers(tx, actor.organisationId, siteId, [
        body.onDutyCoordinatorUserId,
      ]);
      if (worker?.role !== 'coordinator')
        throw validationFailed([
          { field: 'onDutyCoordinatorUserId', message: 'Choose a coordinator who works at this site.' },
        ]);
    }
    const settings = { ...body, monitoredDays: [...body.monitoredDays].sort((a, b) => a - b) };
    await saveSiteSettings(tx, {
      siteId,
      organisationId: site.organisationId,
      updatedAt: clock.now(),
      ...settings,
    });
    await recordAudit(
      tx,
      { actor, clock, requestId },
      { action: 'check_in.settings_update', entityType: 'site', entityIds: [siteId], siteId },
    );
    return settings;
  });
}

/** Today's reds, overdue follow-ups, response times and reply rates (last 14 days) for one site. */
export async function viewDashboard({ db, actor, clock, requestId }: CheckInContext, siteId: string) {
  const now = clock.now();
  return db.transaction(async (tx): Promise<CheckInDashboard> => {
    const site = await siteInScopeOrNotFound(tx, actor, siteId);
    const settings = await siteSettingsOf(tx, siteId);
    const today = ukDateOf(now);
    const startOfToday = ukMoment(today, '00:00');
    const fortnightAgo = new Date(now.getTime() - 14 * dayMs);
    const atSite = eq(checkInAlerts.siteId, siteId);
    const todaysReds = await alertsWhere(
      tx,
      and(atSite, eq(checkInAlerts.kind, 'red'), gte(checkInAlerts.raisedAt, startOfToday)),
    );
    const overdue = await alertsWhere(
      tx,
      and(
        atSite,
        isNull(checkInAlerts.followedUpAt),
        lt(checkInAlerts.dueBy, now),
        eq(checkInAlerts.kind, 'red'),
      ),
    );
    const openOthers = await alertsWhere(
      tx,
      and(
        atSite,
        isNull(checkInAlerts.followedUpAt),
        inArray(checkInAlerts.kind, ['amber', 'no_reply']),
        gte(checkInAlerts.raisedAt, fortnightAgo),
      ),
    );
    const answered = await tx
      .select({ notifyAt: checkInAlerts.notifyAt, followedUpAt: checkInAlerts.followedUpAt })
      .from(checkInAlerts)
      .where(and(atSite, eq(checkInAlerts.kind, 'red'), gte(checkInAlerts.raisedAt, fortnightAgo)));
    const minutes = answered
      .filter((a) => a.followedUpAt)
      .map((a) => Math.max(0, ((a.followedUpAt as Date).getTime() - a.notifyAt.getTime()) / 60_000));
    const [rates] = await tx
      .select({
        sent: sql<number>`count(*)::int`,
        answered: sql<number>`count(${checkIns.answeredAt})::int`,
      })
      .from(checkIns)
      .where(and(eq(checkIns.siteId, siteId), gte(checkIns.sentAt, fortnightAgo)));
    const [enrolled] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(checkInEnrolments)
      .where(and(eq(checkInEnrolments.siteId, siteId), eq(checkInEnrolments.status, 'active')));
    const sent = rates?.sent ?? 0;
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'check_in.dashboard',
        entityType: 'check_in_alert',
        entityIds: [...new Set([...todaysReds, ...overdue, ...openOthers].map((a) => a.id))],
        siteId,
      },
    );
    return {
      site: { id: site.id, name: site.name },
      settings: { ...settings, monitoredDays: [...settings.monitoredDays] },
      monitoredHoursText: monitoredHoursText(settings),
      today,
      enrolled: enrolled?.n ?? 0,
      todaysReds: todaysReds.map(toAlert),
      overdueFollowUps: overdue.map(toAlert),
      openAmberAndNoReply: openOthers.map(toAlert),
      responseMinutes: responseTimeSummary(minutes),
      replyRate: {
        sent,
        answered: rates?.answered ?? 0,
        rate: sent === 0 ? null : Math.round(((rates?.answered ?? 0) / sent) * 1000) / 10,
      },
    };
  });
}

/** Staff read what was sent, but not the links' tokens: a token lets whoever holds it answer as the person. */
const withoutLinkTokens = (body: string) => body.replace(/\/c#[A-Za-z0-9_-]+/g, '/c#…');

/** The texts the outbox gateway has written for a site, newest first. */
export async function viewOutbox({ db, actor, clock, requestId }: CheckInContext, siteId: string) {
  return db.transaction(async (tx) => {
    await siteInScopeOrNotFound(tx, actor, siteId);
    const rows = await listOutbox(tx, actor.organisationId, siteId);
    await recordAudit(
      tx,
      { actor, clock, requestId },
      { action: 'sms_outbox.list', entityType: 'sms_message', entityIds: rows.map((r) => r.id), siteId },
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        direction: 'outbound' as const,
        to: r.toPhone,
        body: withoutLinkTokens(r.body),
        purpose: r.purpose,
        createdAt: r.createdAt.toISOString(),
      })),
      total: rows.length,
    };
  });
}
