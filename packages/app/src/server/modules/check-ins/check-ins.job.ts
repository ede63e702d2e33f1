import { eq, sql } from 'drizzle-orm';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { rowsOf } from '../../db/rows.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  checkInText,
  defaultSiteRules,
  noReplyStep,
  nudgeText,
  recentSlots,
  replyWindowHours,
} from './check-in.rules.ts';
import { deliverAlert, raiseNoReplyAlert } from './check-in-replies.ts';
import { linkFor, newLinkToken } from './check-in-tokens.ts';
import { type CheckInRow, type SiteSettings, siteSettingsOf } from './check-ins.repository.ts';
import { checkInAlerts, checkIns } from './check-ins.table.ts';
import { defaultGatewayFactory, type GatewayFactory, sendAll } from './sms-gateway.ts';

export type CheckInJobDeps = {
  db: Db;
  clock: Clock;
  /** The address people reach Peerpath at, for the links in texts. */
  publicUrl?: string | undefined;
  gatewayFactory?: GatewayFactory;
};

const hour = 3_600_000;
/** Rows per multi-row insert. */
const batchSize = 500;

const chunks = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / batchSize) }, (_, i) =>
    items.slice(i * batchSize, (i + 1) * batchSize),
  );

type DueSlot = {
  id: string;
  organisation_id: string;
  site_id: string;
  case_id: string;
  phone: string;
  slot: Date | string;
};

async function settingsFor(db: Db, cache: Map<string, SiteSettings>, siteId: string) {
  let settings = cache.get(siteId);
  if (!settings) {
    settings = await siteSettingsOf(db, siteId);
    cache.set(siteId, settings);
  }
  return settings;
}

async function auditBySite(
  db: Db,
  clock: Clock,
  action: string,
  rows: { organisationId: string; siteId: string; id: string }[],
) {
  const bySite = new Map<string, { organisationId: string; ids: string[] }>();
  for (const row of rows) {
    const site = bySite.get(row.siteId) ?? { organisationId: row.organisationId, ids: [] };
    site.ids.push(row.id);
    bySite.set(row.siteId, site);
  }
  for (const [siteId, { organisationId, ids }] of bySite)
    await recordAudit(
      db,
      { actor: { organisationId, userId: null, role: 'system' }, requestId: null, clock },
      { action, entityType: 'check_in', entityIds: ids, siteId },
    );
}

/**
 * Sends every check-in that is due, by link and by text. The query finds the slots of the last hour
 * (`recentSlots`, the same as `dueSlots`) that have no check-in yet. Safe from several processes: a
 * slot is unique per enrolment, so only the process whose insert wins sends the text (no lock is held
 * on the enrolments, which a minute-by-minute scan of thousands of rows would make costly).
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
    const slots = recentSlots(now);
    const due = rowsOf<DueSlot>(
      await tx.execute(sql`
        select e.id, e.organisation_id, e.site_id, e.case_id, e.phone, s.slot
        from check_in_enrolments e
        join cases c on c.id = e.case_id
        join unnest(${`{${slots.map((s) => s.time).join(',')}}`}::text[],
                    ${`{${slots.map((s) => `"${s.slot.toISOString()}"`).join(',')}}`}::timestamptz[])
          as s(time, slot) on s.time = any(e.times)
        where e.status = 'active' and c.status <> 'discharged' and s.slot >= e.created_at
          and not exists (select 1 from check_ins ci where ci.enrolment_id = e.id and ci.scheduled_for = s.slot)`),
    );
    const settingsBySite = new Map<string, SiteSettings>();
    const sent: { organisationId: string; siteId: string; id: string }[] = [];
    for (const batch of chunks(due)) {
      const tokens = new Map<string, string>();
      const values = batch.map((row) => {
        const { token, tokenHash } = newLinkToken();
        tokens.set(row.id, token);
        return {
          id: newId(),
          organisationId: row.organisation_id,
          siteId: row.site_id,
          caseId: row.case_id,
          enrolmentId: row.id,
          scheduledFor: new Date(row.slot),
          sentAt: now,
          tokenHash,
          expiresAt: new Date(now.getTime() + replyWindowHours * hour),
        };
      });
      const inserted = await tx
        .insert(checkIns)
        .values(values)
        .onConflictDoNothing()
        .returning({ id: checkIns.id, enrolmentId: checkIns.enrolmentId });
      const byEnrolment = new Map(batch.map((row) => [row.id, row]));
      const messages = [];
      for (const row of inserted) {
        const enrolment = byEnrolment.get(row.enrolmentId) as DueSlot;
        const settings = await settingsFor(tx, settingsBySite, enrolment.site_id);
        messages.push({
          to: enrolment.phone,
          text: checkInText(linkFor(publicUrl, tokens.get(row.enrolmentId) as string), settings),
          context: {
            organisationId: enrolment.organisation_id,
            siteId: enrolment.site_id,
            purpose: 'check_in',
          },
        });
        sent.push({ organisationId: enrolment.organisation_id, siteId: enrolment.site_id, id: row.id });
      }
      await sendAll(gateway, messages);
    }
    await auditBySite(tx, clock, 'check_in.send', sent);
    return { sent: sent.length };
  });
}

type Unanswered = {
  id: string;
  organisation_id: string;
  site_id: string;
  case_id: string;
  phone: string;
  sent_at: Date | string;
  nudged_at: Date | string | null;
};

/**
 * No reply within the site's N hours: one reminder (with a fresh link), then the worker is told.
 * Only check-ins whose wait is over come back from the query, locked and skipped by other processes.
 */
export async function chaseUnansweredCheckIns({
  db,
  clock,
  publicUrl = '',
  gatewayFactory = defaultGatewayFactory,
}: CheckInJobDeps) {
  const now = clock.now();
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const gateway = gatewayFactory(tx, clock);
    const open = rowsOf<Unanswered>(
      await tx.execute(sql`
        select ci.id, ci.organisation_id, ci.site_id, ci.case_id, e.phone, ci.sent_at, ci.nudged_at
        from check_ins ci
        join check_in_enrolments e on e.id = ci.enrolment_id
        left join check_in_site_settings s on s.site_id = ci.site_id
        where ci.answered_at is null and ci.unanswered_at is null and e.status = 'active'
          and ci.sent_at > ${new Date(now.getTime() - 2 * replyWindowHours * hour).toISOString()}
          and coalesce(ci.nudged_at, ci.sent_at)
            <= ${at}::timestamptz - make_interval(hours => coalesce(s.no_reply_hours, ${defaultSiteRules.noReplyHours}))
        for update of ci skip locked`),
    );
    const settingsBySite = new Map<string, SiteSettings>();
    const nudged: { organisationId: string; siteId: string; id: string }[] = [];
    const flagged: { organisationId: string; siteId: string; id: string }[] = [];
    const messages = [];
    for (const row of open) {
      const settings = await settingsFor(tx, settingsBySite, row.site_id);
      const step = noReplyStep(
        {
          sentAt: new Date(row.sent_at),
          nudgedAt: row.nudged_at ? new Date(row.nudged_at) : null,
          answeredAt: null,
          unansweredAt: null,
        },
        settings.noReplyHours,
        now,
      );
      const place = { organisationId: row.organisation_id, siteId: row.site_id, id: row.id };
      if (step === 'nudge') {
        // The first link stops working: the reminder carries the one link that does.
        const { token, tokenHash } = newLinkToken();
        await tx
          .update(checkIns)
          .set({ nudgedAt: now, tokenHash, expiresAt: new Date(now.getTime() + replyWindowHours * hour) })
          .where(eq(checkIns.id, row.id));
        messages.push({
          to: row.phone,
          text: nudgeText(linkFor(publicUrl, token), settings),
          context: { organisationId: row.organisation_id, siteId: row.site_id, purpose: 'reminder' },
        });
        nudged.push(place);
      } else if (step === 'flag') {
        const [checkIn] = await tx
          .update(checkIns)
          .set({ unansweredAt: now })
          .where(eq(checkIns.id, row.id))
          .returning();
        if (checkIn) await raiseNoReplyAlert(tx, clock, checkIn as CheckInRow);
        flagged.push(place);
      }
    }
    await sendAll(gateway, messages);
    await auditBySite(tx, clock, 'check_in.nudge', nudged);
    await auditBySite(tx, clock, 'check_in.no_reply', flagged);
    return { nudged: nudged.length, flagged: flagged.length };
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
