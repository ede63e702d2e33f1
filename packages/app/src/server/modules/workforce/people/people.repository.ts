import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../access/actor.ts';
import { inActorScope } from '../../../access/scope.ts';
import type { Db } from '../../../db/database.ts';
import { rowsOf } from '../../../db/rows.ts';
import type { DbsCheck } from '../safety/dbs.rules.ts';
import { dbsChecks } from '../safety/safety.table.ts';
import { workforceMembers, workforcePauses, workforceRoleHistory } from './people.table.ts';

export type MemberRow = typeof workforceMembers.$inferSelect;

export const memberInScope = (actor: Actor) =>
  inActorScope(actor, { organisationId: workforceMembers.organisationId, siteId: workforceMembers.siteId });

export async function listMembersInScope(
  db: Db,
  actor: Actor,
  filter: { siteId?: string | undefined; status?: string | undefined; role?: string | undefined },
) {
  const conditions: SQL[] = [memberInScope(actor)];
  if (filter.siteId) conditions.push(sql`${filter.siteId}::uuid = any(${workforceMembers.siteIds})`);
  if (filter.status) conditions.push(eq(workforceMembers.status, filter.status));
  if (filter.role) conditions.push(eq(workforceMembers.role, filter.role));
  return db
    .select()
    .from(workforceMembers)
    .where(and(...conditions))
    .orderBy(asc(workforceMembers.displayName))
    .limit(1000);
}

export async function findMemberInScope(
  db: Db,
  actor: Actor,
  memberId: string,
  options: { forUpdate?: boolean } = {},
) {
  const query = db
    .select()
    .from(workforceMembers)
    .where(and(memberInScope(actor), eq(workforceMembers.id, memberId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** A person's own record, found by their user account (no site scope: it is theirs). */
export async function findMemberOfUser(db: Db, organisationId: string, userId: string) {
  const [row] = await db
    .select()
    .from(workforceMembers)
    .where(and(eq(workforceMembers.organisationId, organisationId), eq(workforceMembers.userId, userId)));
  return row;
}

export type MemberFacts = {
  history: { role: string; startedOn: string; endedOn: string | null; note: string | null }[];
  pauses: { startedOn: string; endedOn: string | null }[];
  dbs: (DbsCheck & { id: string })[];
  lastSupervisionOn: string | null;
  approvedMinutes28: number;
  pendingHours: number;
  approvedShadowing: number;
  completedCourseIds: string[];
};

/** What the summaries derive from, for many people at once (a handful of statements, not one per person). */
export async function memberFacts(
  db: Db,
  memberIds: string[],
  today: string,
): Promise<Map<string, MemberFacts>> {
  const facts = new Map<string, MemberFacts>(
    memberIds.map((id) => [
      id,
      {
        history: [],
        pauses: [],
        dbs: [],
        lastSupervisionOn: null,
        approvedMinutes28: 0,
        pendingHours: 0,
        approvedShadowing: 0,
        completedCourseIds: [],
      },
    ]),
  );
  if (memberIds.length === 0) return facts;
  const get = (id: string) => facts.get(id) as MemberFacts;
  for (const h of await db
    .select()
    .from(workforceRoleHistory)
    .where(inArray(workforceRoleHistory.memberId, memberIds))
    .orderBy(asc(workforceRoleHistory.startedOn), asc(workforceRoleHistory.recordedAt)))
    get(h.memberId).history.push({ role: h.role, startedOn: h.startedOn, endedOn: h.endedOn, note: h.note });
  for (const p of await db
    .select()
    .from(workforcePauses)
    .where(inArray(workforcePauses.memberId, memberIds))
    .orderBy(asc(workforcePauses.startedOn)))
    get(p.memberId).pauses.push({ startedOn: p.startedOn, endedOn: p.endedOn });
  for (const d of await db
    .select()
    .from(dbsChecks)
    .where(inArray(dbsChecks.memberId, memberIds))
    .orderBy(sql`${dbsChecks.certificateOn} desc, ${dbsChecks.recordedAt} desc`))
    get(d.memberId).dbs.push({
      id: d.id,
      level: d.level as DbsCheck['level'],
      certificateOn: d.certificateOn,
      isOnUpdateService: d.isOnUpdateService,
      updateServiceCheckedOn: d.updateServiceCheckedOn,
    });
  const ids = sql.join(
    memberIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  for (const r of rowsOf<{
    member_id: string;
    last_supervision: string | null;
    approved_minutes: number;
    pending: number;
    shadowing: number;
    courses: string[] | null;
  }>(
    await db.execute(sql`
      select m.id as member_id,
        (select max(s.held_on)::text from supervision_sessions s where s.member_id = m.id) as last_supervision,
        (select coalesce(sum(h.minutes), 0)::int from hours_logs h where h.member_id = m.id and h.status = 'approved'
          and h.worked_on > ${today}::date - 28 and h.worked_on <= ${today}::date) as approved_minutes,
        (select count(*)::int from hours_logs h where h.member_id = m.id and h.status = 'pending') as pending,
        (select count(*)::int from hours_logs h where h.member_id = m.id and h.status = 'approved'
          and h.activity = 'shadowing') as shadowing,
        (select array_agg(distinct c.course_id::text) from training_enrolments e
          join training_cohorts c on c.id = e.cohort_id where e.member_id = m.id and e.status = 'completed') as courses
      from workforce_members m where m.id in (${ids})`),
  )) {
    const f = get(r.member_id);
    f.lastSupervisionOn = r.last_supervision;
    f.approvedMinutes28 = r.approved_minutes;
    f.pendingHours = r.pending;
    f.approvedShadowing = r.shadowing;
    f.completedCourseIds = r.courses ?? [];
  }
  return facts;
}

export async function userNamesOf(db: Db, organisationId: string, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, string>();
  const rows = rowsOf<{ id: string; name: string }>(
    await db.execute(
      sql`select id, name from users where organisation_id = ${organisationId} and id in (${sql.join(
        userIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    ),
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The user is in the organisation, enabled, and works at one of these sites. */
export async function userWorksAt(db: Db, organisationId: string, userId: string, siteIds: string[]) {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`select u.id from users u where u.id = ${userId} and u.organisation_id = ${organisationId}
      and not u.is_disabled and exists (select 1 from user_sites us where us.user_id = u.id and us.site_id in (${sql.join(
        siteIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}))`),
  );
  return rows.length > 0;
}

export async function courseTitles(db: Db, organisationId: string) {
  const rows = rowsOf<{ id: string; title: string }>(
    await db.execute(sql`select id, title from training_courses where organisation_id = ${organisationId}`),
  );
  return new Map(rows.map((r) => [r.id, r.title]));
}

export async function certificatesOf(db: Db, memberId: string) {
  return rowsOf<{ course_title: string; issued_on: string; renewal_due_on: string | null }>(
    await db.execute(sql`select c.title as course_title, t.issued_on::text as issued_on, t.renewal_due_on::text as renewal_due_on
      from training_certificates t join training_courses c on c.id = t.course_id
      where t.member_id = ${memberId} order by t.issued_on desc`),
  );
}
