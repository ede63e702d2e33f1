import { sql } from 'drizzle-orm';
import type { WorkforceRole } from '../../../../contract/workforce-codes.ts';
import { type Clock, ukDateOf } from '../../../clock.ts';
import type { Db } from '../../../db/database.ts';
import { newId } from '../../../db/ids.ts';
import { rowsOf } from '../../../db/rows.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { notify } from '../../notifications/notifications.service.ts';
import { memberFacts } from '../people/people.repository.ts';
import type { RolePeriod } from '../people/progression.rules.ts';
import { type WorkforceSettings, workforceSettingsOf } from '../people/settings.repository.ts';
import { dueReminders } from './renewal-reminders.rules.ts';

type MemberRow = {
  id: string;
  organisation_id: string;
  site_id: string;
  user_id: string | null;
  display_name: string;
  role: string;
  status: string;
  supervisor_user_id: string | null;
};

/**
 * Renewal reminders (issue 6): once a day in effect, though it runs hourly — each reminder (person ×
 * DBS recheck, certificate or time limit × due date) is claimed by inserting its row into
 * `renewal_reminders_sent`, and only the run whose insert succeeded sends it. Everyone told: the
 * coordinators of the person's home site, their supervisor, and the person if they have an account.
 * Nothing for people who have left.
 */
export async function sendRenewalReminders({
  db,
  clock,
}: {
  db: Db;
  clock: Clock;
}): Promise<{ sent: { memberId: string; kind: string; dueOn: string }[] }> {
  return db.transaction(async (tx) => {
    const today = ukDateOf(clock.now());
    const members = rowsOf<MemberRow>(
      await tx.execute(sql`select id, organisation_id, site_id, user_id, display_name, role, status,
        supervisor_user_id from workforce_members where status <> 'left'`),
    );
    if (members.length === 0) return { sent: [] };
    const ids = members.map((m) => m.id);
    const facts = await memberFacts(tx, ids, today);
    const certificates = rowsOf<{
      member_id: string;
      course_id: string;
      title: string;
      renewal_due_on: string | null;
    }>(
      await tx.execute(sql`select distinct on (t.member_id, t.course_id) t.member_id, t.course_id, c.title,
          t.renewal_due_on::text as renewal_due_on
        from training_certificates t join training_courses c on c.id = t.course_id
        join workforce_members m on m.id = t.member_id and m.status <> 'left'
        order by t.member_id, t.course_id, t.issued_on desc, t.recorded_at desc`),
    );
    const coordinators = rowsOf<{ user_id: string; site_id: string }>(
      await tx.execute(sql`select u.id as user_id, us.site_id from users u
        join user_sites us on us.user_id = u.id
        where u.role = 'coordinator' and not u.is_disabled`),
    );
    const settingsOf = new Map<string, WorkforceSettings>();
    const sent: { memberId: string; kind: string; dueOn: string }[] = [];
    const remindedByOrganisation = new Map<string, Set<string>>();
    for (const m of members) {
      let settings = settingsOf.get(m.organisation_id);
      if (!settings) {
        settings = await workforceSettingsOf(tx, m.organisation_id);
        settingsOf.set(m.organisation_id, settings);
      }
      const own = facts.get(m.id);
      const reminders = dueReminders(
        {
          role: m.role as WorkforceRole,
          status: m.status,
          history: (own?.history ?? []) as RolePeriod[],
          pauses: own?.pauses ?? [],
          latestDbs: own?.dbs[0] ?? null,
          certificates: certificates
            .filter((c) => c.member_id === m.id)
            .map((c) => ({ courseId: c.course_id, courseTitle: c.title, renewalDueOn: c.renewal_due_on })),
        },
        today,
        settings,
      );
      for (const reminder of reminders) {
        const claimed = rowsOf<{ id: string }>(
          await tx.execute(sql`insert into renewal_reminders_sent
              (id, organisation_id, member_id, kind, item, due_on, sent_at)
            values (${newId()}, ${m.organisation_id}, ${m.id}, ${reminder.kind}, ${reminder.item},
              ${reminder.dueOn}::date, ${clock.now().toISOString()}::timestamptz)
            on conflict on constraint renewal_reminders_sent_item do nothing returning id`),
        );
        if (claimed.length === 0) continue;
        const staff = new Set(coordinators.filter((c) => c.site_id === m.site_id).map((c) => c.user_id));
        if (m.supervisor_user_id) staff.add(m.supervisor_user_id);
        if (m.user_id) staff.delete(m.user_id);
        const base = { organisationId: m.organisation_id, siteId: m.site_id, caseId: null };
        const kind = `renewal_${reminder.kind}`;
        for (const userId of staff)
          await notify(tx, clock, { ...base, userId, kind, message: reminder.about(m.display_name) });
        if (m.user_id)
          await notify(tx, clock, { ...base, userId: m.user_id, kind, message: reminder.toPerson });
        sent.push({ memberId: m.id, kind: reminder.kind, dueOn: reminder.dueOn });
        const reminded = remindedByOrganisation.get(m.organisation_id) ?? new Set<string>();
        reminded.add(m.id);
        remindedByOrganisation.set(m.organisation_id, reminded);
      }
    }
    for (const [organisationId, memberIds] of remindedByOrganisation)
      await recordAudit(
        tx,
        { actor: { organisationId, userId: null, role: 'system' }, requestId: null, clock },
        { action: 'workforce.renewal_reminders', entityType: 'workforce_member', entityIds: [...memberIds] },
      );
    return { sent };
  });
}
