import { eq, sql } from 'drizzle-orm';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  catchUpMinutes,
  checkInText,
  dueSlots,
  noReplyStep,
  nudgeText,
  replyWindowHours,
  serviceTimeZone,
} from './check-in.rules.ts';
import { deliverAlert, raiseNoReplyAlert } from './check-in-replies.ts';
import { linkFor, newLinkToken } from './check-in-tokens.ts';
import { type CheckInRow, type SiteSettings, siteSettingsOf } from './check-ins.repository.ts';
import { checkInAlerts, checkIns } from './check-ins.table.ts';
import { defaultGatewayFactory, type GatewayFactory } from './sms-gateway.ts';

export type CheckInJobDeps = {
  db: Db;
  clock: Clock;
  /** The address people reach Peerpath at, for the links in texts. */
  publicUrl?: string | undefined;
  gatewayFactory?: GatewayFactory;
};

const hour = 3_600_000;
const hhmm = new Intl.DateTimeFormat('en-GB', {
  timeZone: serviceTimeZone,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The UK wall-clock minutes of the last hour: enrolments with a time among them may be due. */
function recentLocalTimes(now: Date): string[] {
  const times = new Set<string>();
  for (let m = 0; m < catchUpMinutes; m++) times.add(hhmm.format(new Date(now.getTime() - m * 60_000)));
  return [...times];
}

const rowsOf = <T>(result: unknown) => (result as { rows?: T[] }).rows ?? (result as T[]);

type DueEnrolment = {
  id: string;
  organisation_id: string;
  site_id: string;
  case_id: string;
  phone: string;
  times: string[];
  created_at: Date | string;
};

/**
 * Sends every check-in that is due, by link and by text. Safe from several processes: a slot is
 * unique per enrolment, so only the process whose insert wins sends the text (no lock is held on
 * the enrolments, which a minute-by-minute scan of thousands of rows would make costly).
 */
export async function sendDueCheckIns({
  db,
  clock,
  publicUrl = '',
  gatewayFactory = defaultGatewayFactory,
}: CheckInJobDeps) {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const gateway = gatewayFactory(tx, clock);
    const candidates = recentLocalTimes(now);
    const enrolments = rowsOf<DueEnrolment>(
      await tx.execute(sql`
        select e.id, e.organisation_id, e.site_id, e.case_id, e.phone, e.times, e.created_at
        from check_in_enrolments e join cases c on c.id = e.case_id
        where e.status = 'active' and c.status <> 'discharged'
          and e.times && ${`{${candidates.join(',')}}`}::text[]`),
    );
    const settingsBySite = new Map<string, SiteSettings>();
    const sentBySite = new Map<string, { organisationId: string; ids: string[] }>();
    for (const enrolment of enrolments) {
      const slots = dueSlots(enrolment.times, now, new Date(enrolment.created_at));
      if (slots.length === 0) continue;
      let settings = settingsBySite.get(enrolment.site_id);
      if (!settings) {
        settings = await siteSettingsOf(tx, enrolment.site_id);
        settingsBySite.set(enrolment.site_id, settings);
      }
      for (const slot of slots) {
        const { token, tokenHash } = newLinkToken();
        const [inserted] = await tx
          .insert(checkIns)
          .values({
            id: newId(),
            organisationId: enrolment.organisation_id,
            siteId: enrolment.site_id,
            caseId: enrolment.case_id,
            enrolmentId: enrolment.id,
            scheduledFor: slot,
            sentAt: now,
            tokenHash,
            expiresAt: new Date(now.getTime() + replyWindowHours * hour),
          })
          .onConflictDoNothing()
          .returning({ id: checkIns.id });
        if (!inserted) continue;
        await gateway.send(enrolment.phone, checkInText(linkFor(publicUrl, token), settings), {
          organisationId: enrolment.organisation_id,
          siteId: enrolment.site_id,
          purpose: 'check_in',
        });
        const site = sentBySite.get(enrolment.site_id) ?? {
          organisationId: enrolment.organisation_id,
          ids: [],
        };
        site.ids.push(inserted.id);
        sentBySite.set(enrolment.site_id, site);
      }
    }
    for (const [siteId, { organisationId, ids }] of sentBySite)
      await recordAudit(
        tx,
        { actor: { organisationId, userId: null, role: 'system' }, requestId: null, clock },
        { action: 'check_in.send', entityType: 'check_in', entityIds: ids, siteId },
      );
    return { sent: [...sentBySite.values()].reduce((n, s) => n + s.ids.length, 0) };
  });
}

/** No reply within the site's N hours: one reminder (with a fresh link), then the worker is told. */
export async function chaseUnansweredCheckIns({
  db,
  clock,
  publicUrl = '',
  gatewayFactory = defaultGatewayFactory,
}: CheckInJobDeps) {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const gateway = gatewayFactory(tx, clock);
    const open = rowsOf<{ id: string; phone: string }>(
      await tx.execute(sql`
        select ci.id, e.phone from check_ins ci join check_in_enrolments e on e.id = ci.enrolment_id
        where ci.answered_at is null and ci.unanswered_at is null and e.status = 'active'
          and ci.sent_at <= ${new Date(now.getTime() - hour).toISOString()}
          and ci.sent_at > ${new Date(now.getTime() - 2 * replyWindowHours * hour).toISOString()}
        for update of ci skip locked`),
    );
    let nudged = 0;
    let flagged = 0;
    for (const { id, phone } of open) {
      const [checkIn] = (await tx.select().from(checkIns).where(eq(checkIns.id, id))) as CheckInRow[];
      if (!checkIn) continue;
      const settings = await siteSettingsOf(tx, checkIn.siteId);
      const step = noReplyStep(checkIn, settings.noReplyHours, now);
      const actor = { organisationId: checkIn.organisationId, userId: null, role: 'system' as const };
      if (step === 'nudge') {
        // The first link stops working: the reminder carries the one link that does.
        const { token, tokenHash } = newLinkToken();
        await tx
          .update(checkIns)
          .set({ nudgedAt: now, tokenHash, expiresAt: new Date(now.getTime() + replyWindowHours * hour) })
          .where(eq(checkIns.id, id));
        await gateway.send(phone, nudgeText(linkFor(publicUrl, token), settings), {
          organisationId: checkIn.organisationId,
          siteId: checkIn.siteId,
          purpose: 'reminder',
        });
        await recordAudit(
          tx,
          { actor, requestId: null, clock },
          {
            action: 'check_in.nudge',
            entityType: 'check_in',
            entityIds: [id, checkIn.caseId],
            siteId: checkIn.siteId,
          },
        );
        nudged++;
      } else if (step === 'flag') {
        await tx.update(checkIns).set({ unansweredAt: now }).where(eq(checkIns.id, id));
        await raiseNoReplyAlert(tx, clock, checkIn);
        await recordAudit(
          tx,
          { actor, requestId: null, clock },
          {
            action: 'check_in.no_reply',
            entityType: 'check_in',
            entityIds: [id, checkIn.caseId],
            siteId: checkIn.siteId,
          },
        );
        flagged++;
      }
    }
    return { nudged, flagged };
  });
}

/** Alerts held until monitored hours (or an amber's next working day) are delivered when their time comes. */
export async function deliverDueAlerts({ db, clock }: CheckInJobDeps) {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const due = rowsOf<{ id: string }>(
      await tx.execute(sql`
        select id from check_in_alerts
        where notified_at is null and notify_at <= ${now.toISOString()}
        for update skip locked`),
    );
    for (const { id } of due) {
      const [alert] = await tx.select().from(checkInAlerts).where(eq(checkInAlerts.id, id));
      if (alert) await deliverAlert(tx, clock, alert);
    }
    return { delivered: due.length };
  });
}

/** The scheduled job: send what is due, chase what is unanswered, deliver alerts whose time has come. */
export async function runCheckIns(deps: CheckInJobDeps) {
  const { sent } = await sendDueCheckIns(deps);
  const { nudged, flagged } = await chaseUnansweredCheckIns(deps);
  const { delivered } = await deliverDueAlerts(deps);
  return { sent, nudged, flagged, delivered };
}
