import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { rowsOf } from '../../db/rows.ts';

/** Everyone in a casework role at the site, with how many open cases they lead and co-work. */
export async function workerCaseloads(db: Db, organisationId: string, siteId: string) {
  return rowsOf<{ user_id: string; name: string; role: string; lead_cases: number; co_worker_cases: number }>(
    await db.execute(sql`
      select u.id as user_id, u.name, u.role,
        (count(c.id) filter (where cw.role = 'lead'))::int as lead_cases,
        (count(c.id) filter (where cw.role = 'co_worker'))::int as co_worker_cases
      from users u
      join user_sites us on us.user_id = u.id and us.site_id = ${siteId}
      left join case_workers cw on cw.user_id = u.id and cw.site_id = ${siteId}
      left join cases c on c.id = cw.case_id and c.status in ('referred', 'active', 'stepped_down')
      where u.organisation_id = ${organisationId} and not u.is_disabled
        and u.role in ('coordinator', 'peer_supporter', 'volunteer')
      group by u.id, u.name, u.role
      order by lead_cases desc, u.name`),
  );
}

/** Engaged cases in full support with no lead worker, longest waiting first. */
export async function waitingList(db: Db, siteId: string) {
  return rowsOf<{ id: string; local_case_id: string; referred_on: string; complexity: string | null }>(
    await db.execute(sql`
      select c.id, c.local_case_id, c.referred_on::text as referred_on, c.complexity
      from cases c
      where c.site_id = ${siteId} and c.status = 'active'
        and not exists (select 1 from case_workers cw where cw.case_id = c.id and cw.role = 'lead')
      order by c.referred_on, c.local_case_id
      limit 500`),
  );
}

/** Open cases whose latest contact (or referral, if none) is at least `days` before `today`. */
export async function casesWithoutRecentContact(db: Db, siteId: string, today: string, days: number) {
  return rowsOf<{
    id: string;
    local_case_id: string;
    lead_name: string | null;
    last_contact_on: string | null;
    since: string;
  }>(
    await db.execute(sql`
      select c.id, c.local_case_id, lead.name as lead_name, last.on_day::text as last_contact_on,
        coalesce(last.on_day, c.referred_on)::text as since
      from cases c
      left join lateral (select max(ct.contacted_on) as on_day from contacts ct where ct.case_id = c.id) last on true
      left join lateral (
        select u.name from case_workers cw join users u on u.id = cw.user_id
        where cw.case_id = c.id and cw.role = 'lead') lead on true
      where c.site_id = ${siteId} and c.status in ('referred', 'active')
        and coalesce(last.on_day, c.referred_on) <= ${today}::date - ${days}::int
      order by coalesce(last.on_day, c.referred_on), c.local_case_id
      limit 500`),
  );
}

/**
 * Moves every open case at a site from one worker to another, keeping each one's role there. When the
 * new worker already co-works a case the old one led, they become its lead.
 */
export async function moveCaseload(db: Db, siteId: string, fromUserId: string, toUserId: string, now: Date) {
  const open = sql`(select id from cases where site_id = ${siteId} and status in ('referred', 'active', 'stepped_down'))`;
  const moved = rowsOf<{ case_id: string }>(
    await db.execute(sql`
      select case_id from case_workers where user_id = ${fromUserId} and site_id = ${siteId} and case_id in ${open}`),
  ).map((r) => r.case_id);
  if (moved.length === 0) return moved;
  // Where the new worker is already on the case, drop their old row and let them take the leaving worker's role.
  await db.execute(sql`
    delete from case_workers mine
    where mine.user_id = ${toUserId} and mine.case_id in (
      select case_id from case_workers where user_id = ${fromUserId} and site_id = ${siteId} and case_id in ${open})`);
  await db.execute(sql`
    update case_workers set user_id = ${toUserId}, assigned_at = ${now.toISOString()}::timestamptz
    where user_id = ${fromUserId} and site_id = ${siteId} and case_id in ${open}`);
  return moved;
}
