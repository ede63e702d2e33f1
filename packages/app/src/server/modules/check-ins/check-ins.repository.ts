import { and, desc, eq, gte, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { users } from '../../auth/auth.table.ts';
import type { Db } from '../../db/database.ts';
import { cases } from '../cases/cases.table.ts';
import { type CheckInSiteRules, defaultSiteRules } from './check-in.rules.ts';
import { checkInAlerts, checkInEnrolments, checkInSiteSettings, checkIns } from './check-ins.table.ts';

export type EnrolmentRow = typeof checkInEnrolments.$inferSelect;
export type CheckInRow = typeof checkIns.$inferSelect;
export type AlertRow = typeof checkInAlerts.$inferSelect;
export type SiteSettings = CheckInSiteRules & { onDutyCoordinatorUserId: string | null };

/** A site's check-in settings, or the defaults (Mon–Fri 9am–5pm, 15 minutes, 4 hours) if none were saved. */
export async function siteSettingsOf(db: Db, siteId: string): Promise<SiteSettings> {
  const [row] = await db.select().from(checkInSiteSettings).where(eq(checkInSiteSettings.siteId, siteId));
  if (!row) return { ...defaultSiteRules, onDutyCoordinatorUserId: null };
  return {
    responseTargetMinutes: row.responseTargetMinutes,
    monitoredDays: row.monitoredDays,
    monitoredFrom: row.monitoredFrom,
    monitoredTo: row.monitoredTo,
    noReplyHours: row.noReplyHours,
    onDutyCoordinatorUserId: row.onDutyCoordinatorUserId,
  };
}

export async function saveSiteSettings(
  db: Db,
  row: { siteId: string; organisationId: string; updatedAt: Date } & SiteSettings,
) {
  const values = { ...row, monitoredDays: [...row.monitoredDays] };
  await db
    .insert(checkInSiteSettings)
    .values(values)
    .onConflictDoUpdate({ target: checkInSiteSettings.siteId, set: values });
}

export async function findEnrolmentOfCase(db: Db, caseId: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(checkInEnrolments).where(eq(checkInEnrolments.caseId, caseId));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function lockEnrolment(db: Db, enrolmentId: string) {
  const [row] = await db
    .select()
    .from(checkInEnrolments)
    .where(eq(checkInEnrolments.id, enrolmentId))
    .for('update');
  return row;
}

/** The check-in a link's token belongs to, if it is still answerable. */
export async function findCheckInByTokenHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ checkIn: checkIns, enrolment: checkInEnrolments })
    .from(checkIns)
    .innerJoin(checkInEnrolments, eq(checkInEnrolments.id, checkIns.enrolmentId))
    .where(eq(checkIns.tokenHash, tokenHash));
  return row;
}

/** The newest check-in still open for a phone number, across the active enrolments that use it. */
export async function findLatestOpenCheckInForPhone(db: Db, phoneKey: string, now: Date) {
  const [row] = await db
    .select({ checkIn: checkIns, enrolment: checkInEnrolments })
    .from(checkIns)
    .innerJoin(checkInEnrolments, eq(checkInEnrolments.id, checkIns.enrolmentId))
    .where(
      and(
        eq(checkInEnrolments.phoneKey, phoneKey),
        eq(checkInEnrolments.status, 'active'),
        isNull(checkIns.answeredAt),
        sql`${checkIns.expiresAt} > ${now.toISOString()}`,
      ),
    )
    .orderBy(desc(checkIns.sentAt))
    .limit(1);
  return row;
}

export async function activeEnrolmentsForPhone(db: Db, phoneKey: string) {
  return db
    .select()
    .from(checkInEnrolments)
    .where(and(eq(checkInEnrolments.phoneKey, phoneKey), eq(checkInEnrolments.status, 'active')))
    .for('update');
}

/** Marks a check-in answered, only if no one answered it first and it has not expired. */
export async function claimAnswer(
  db: Db,
  checkInId: string,
  answer: { answer: string; answeredVia: 'link' | 'sms'; answeredAt: Date },
) {
  const [row] = await db
    .update(checkIns)
    .set(answer)
    .where(
      and(
        eq(checkIns.id, checkInId),
        isNull(checkIns.answeredAt),
        sql`${checkIns.expiresAt} > ${answer.answeredAt.toISOString()}`,
      ),
    )
    .returning();
  return row;
}

/** A person's previous answers, newest first (enough to see a run of ambers). */
export async function earlierAnswers(db: Db, enrolmentId: string, exceptCheckInId: string) {
  return db
    .select({ answer: checkIns.answer, countsAsRed: checkIns.countsAsRed })
    .from(checkIns)
    .where(
      and(
        eq(checkIns.enrolmentId, enrolmentId),
        isNotNull(checkIns.answeredAt),
        ne(checkIns.id, exceptCheckInId),
      ),
    )
    .orderBy(desc(checkIns.answeredAt))
    .limit(2);
}

export async function insertAlert(db: Db, row: typeof checkInAlerts.$inferInsert) {
  const [inserted] = await db.insert(checkInAlerts).values(row).onConflictDoNothing().returning();
  return inserted;
}

/** Who to tell about a case: its lead worker, and its local case ID (never the person's name). */
export async function caseForAlert(db: Db, caseId: string) {
  const [row] = await db
    .select({
      localCaseId: cases.localCaseId,
      leadUserId: sql<
        string | null
      >`(select cw.user_id from case_workers cw where cw.case_id = ${cases.id} and cw.role = 'lead')`,
    })
    .from(cases)
    .where(eq(cases.id, caseId));
  return row;
}

export async function caseHistory(db: Db, caseId: string, since: Date) {
  return db
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.caseId, caseId), gte(checkIns.scheduledFor, since)))
    .orderBy(desc(checkIns.scheduledFor))
    .limit(200);
}

export type AlertWithCase = AlertRow & { localCaseId: string; followedUpByName: string | null };

export async function alertsWhere(
  db: Db,
  where: ReturnType<typeof and>,
  limit = 200,
): Promise<AlertWithCase[]> {
  const rows = await db
    .select({ alert: checkInAlerts, localCaseId: cases.localCaseId, followedUpByName: users.name })
    .from(checkInAlerts)
    .innerJoin(cases, eq(cases.id, checkInAlerts.caseId))
    .leftJoin(users, eq(users.id, checkInAlerts.followedUpBy))
    .where(where)
    .orderBy(desc(checkInAlerts.raisedAt))
    .limit(limit);
  return rows.map((r) => ({ ...r.alert, localCaseId: r.localCaseId, followedUpByName: r.followedUpByName }));
}

export async function userNamesOf(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
