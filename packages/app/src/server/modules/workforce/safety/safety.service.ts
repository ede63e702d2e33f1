import { eq, sql } from 'drizzle-orm';
import type { DbsLevel } from '../../../../contract/workforce-codes.ts';
import { ukDateOf } from '../../../clock.ts';
import { newId } from '../../../db/ids.ts';
import { rowsOf } from '../../../db/rows.ts';
import { notFound, validationFailed } from '../../../http/app-error.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findMemberInScope, listMembersInScope, memberFacts } from '../people/people.repository.ts';
import type { WorkforceContext } from '../people/people.service.ts';
import { workforceMembers } from '../people/people.table.ts';
import { workforceSettingsOf } from '../people/settings.repository.ts';
import { dbsDueSoonDays, dbsState } from './dbs.rules.ts';
import { certificateDueSoonDays } from './renewal-reminders.rules.ts';
import { dbsChecks } from './safety.table.ts';

export async function recordDbsCheck(
  { db, actor, clock, requestId }: WorkforceContext,
  memberId: string,
  body: {
    level: DbsLevel;
    certificateOn: string;
    isOnUpdateService: boolean;
    updateServiceCheckedOn: string | null;
  },
) {
  const today = ukDateOf(clock.now());
  const problems: { field: string; message: string }[] = [];
  if (body.certificateOn > today)
    problems.push({ field: 'certificateOn', message: 'Enter the certificate’s date, not a future date.' });
  if (body.updateServiceCheckedOn && !body.isOnUpdateService)
    problems.push({
      field: 'updateServiceCheckedOn',
      message: 'Only someone on the update service has a status check.',
    });
  if (
    body.updateServiceCheckedOn &&
    (body.updateServiceCheckedOn > today || body.updateServiceCheckedOn < body.certificateOn)
  )
    problems.push({
      field: 'updateServiceCheckedOn',
      message: 'Enter a status check date between the certificate’s date and today.',
    });
  if (problems.length > 0) throw validationFailed(problems);
  return db.transaction(async (tx) => {
    const member = await findMemberInScope(tx, actor, memberId);
    if (!member) throw notFound('workforce record');
    const id = newId();
    await tx.insert(dbsChecks).values({
      id,
      memberId,
      organisationId: member.organisationId,
      siteId: member.siteId,
      ...body,
      recordedBy: actor.userId,
      recordedAt: clock.now(),
    });
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'safety.dbs_record',
        entityType: 'workforce_member',
        entityIds: [memberId],
        siteId: member.siteId,
      },
    );
    const settings = await workforceSettingsOf(tx, actor.organisationId);
    return dbsState(body, today, {
      recheckMonths: settings.dbsRecheckMonths,
      requiredLevel: settings.requiredDbsLevel,
    });
  });
}

export async function setLoneWorking(
  { db, actor, clock, requestId }: WorkforceContext,
  memberId: string,
  body: { isPermitted: boolean; reason: string },
) {
  return db.transaction(async (tx) => {
    const member = await findMemberInScope(tx, actor, memberId, { forUpdate: true });
    if (!member) throw notFound('workforce record');
    const now = clock.now();
    await tx
      .update(workforceMembers)
      .set({
        loneWorkingPermitted: body.isPermitted,
        loneWorkingReason: body.reason,
        loneWorkingDecidedOn: ukDateOf(now),
        updatedAt: now,
      })
      .where(eq(workforceMembers.id, memberId));
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'safety.lone_working',
        entityType: 'workforce_member',
        entityIds: [memberId],
        siteId: member.siteId,
        query: { isPermitted: body.isPermitted },
      },
    );
    return { ok: true as const };
  });
}

type Alert = {
  memberId: string;
  displayName: string;
  siteId: string;
  kind: 'dbs_missing' | 'dbs_due_soon' | 'dbs_overdue' | 'dbs_level_too_low' | 'certificate_due';
  dueOn: string | null;
  detail: string;
};

/** DBS checks missing, due within 30 days or overdue, and training certificates due within 30 days. */
export async function safetyAlerts({ db, actor, clock, requestId }: WorkforceContext, siteId?: string) {
  return db.transaction(async (tx) => {
    const today = ukDateOf(clock.now());
    const members = (await listMembersInScope(tx, actor, { siteId })).filter((m) => m.status !== 'left');
    const facts = await memberFacts(
      tx,
      members.map((m) => m.id),
      today,
    );
    const settings = await workforceSettingsOf(tx, actor.organisationId);
    const alerts: Alert[] = [];
    for (const m of members) {
      const dbs = dbsState(facts.get(m.id)?.dbs[0] ?? null, today, {
        recheckMonths: settings.dbsRecheckMonths,
        requiredLevel: settings.requiredDbsLevel,
      });
      const base = { memberId: m.id, displayName: m.displayName, siteId: m.siteId, dueOn: dbs.dueOn };
      if (dbs.state === 'missing')
        alerts.push({ ...base, kind: 'dbs_missing', detail: 'No DBS check recorded.' });
      if (dbs.state === 'overdue')
        alerts.push({ ...base, kind: 'dbs_overdue', detail: 'DBS recheck overdue.' });
      if (dbs.state === 'due_soon')
        alerts.push({
          ...base,
          kind: 'dbs_due_soon',
          detail: `DBS recheck due within ${dbsDueSoonDays} days.`,
        });
      if (dbs.state === 'level_too_low')
        alerts.push({ ...base, kind: 'dbs_level_too_low', detail: 'DBS level below what cases require.' });
    }
    const ids = members.map((m) => m.id);
    if (ids.length > 0)
      for (const c of rowsOf<{ member_id: string; title: string; renewal_due_on: string }>(
        await tx.execute(sql`select t.member_id, c.title, t.renewal_due_on::text as renewal_due_on
          from training_certificates t join training_courses c on c.id = t.course_id
          where t.renewal_due_on is not null and t.renewal_due_on <= ${today}::date + ${certificateDueSoonDays}::int
            and t.member_id in (${sql.join(
              ids.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`),
      )) {
        const m = members.find((x) => x.id === c.member_id);
        if (m)
          alerts.push({
            memberId: m.id,
            displayName: m.displayName,
            siteId: m.siteId,
            kind: 'certificate_due',
            dueOn: c.renewal_due_on,
            detail: `${c.title}: certificate renewal due.`,
          });
      }
    alerts.sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'safety.alerts',
        entityType: 'workforce_member',
        entityIds: [...new Set(alerts.map((a) => a.memberId))],
        query: { siteId: siteId ?? null },
      },
    );
    return { items: alerts };
  });
}
