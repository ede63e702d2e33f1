import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { demoAccounts } from '../../src/server/demo/demo-accounts.ts';
import { useDemoDatabase } from '../support/demo-database.ts';

describe('the demo service records', () => {
  const { query } = useDemoDatabase();

  it('gives each demo site a year of referrals engaged in the review’s proportions', async () => {
    const rows = await query<{ site: string; cases: number; engaged: number; declined: number }>(sql`
      select s.name as site, count(*)::int as cases,
        (count(*) filter (where c.engagement = 'engaged'))::int as engaged,
        (count(*) filter (where c.engagement = 'declined'))::int as declined,
        min(c.referred_on) >= current_date - 366 as within_year
      from cases c join sites s on s.id = c.site_id group by s.name order by s.name`);
    const bySite = Object.fromEntries(rows.map((r) => [r.site, r]));
    expect(bySite.Wiltshire).toMatchObject({ cases: 158, engaged: 133, declined: 17, within_year: true });
    expect(bySite['Birmingham & Solihull']).toMatchObject({ cases: 107, engaged: 79, declined: 28 });
  });

  it('sees Birmingham & Solihull face to face more often, and Wiltshire’s engaged clients more often', async () => {
    const rows = await query<{ site: string; face_share: number; per_engaged: number }>(sql`
      select s.name as site,
        avg((ct.type = 'face_to_face')::int)::float as face_share,
        (count(*) filter (where c.engagement = 'engaged'))::float
          / count(distinct c.id) filter (where c.engagement = 'engaged') as per_engaged
      from contacts ct join cases c on c.id = ct.case_id join sites s on s.id = c.site_id
      group by s.name`);
    const bySite = Object.fromEntries(rows.map((r) => [r.site, r]));
    expect(bySite['Birmingham & Solihull']?.face_share).toBeGreaterThan(
      bySite.Wiltshire?.face_share as number,
    );
    expect(bySite.Wiltshire?.per_engaged).toBeGreaterThan(
      bySite['Birmingham & Solihull']?.per_engaged as number,
    );
  });

  it('obeys the case rules: no contact before referral or after discharge, no discharge before referral', async () => {
    const [broken] = await query<{ early: number; late: number; backwards: number }>(sql`
      select
        (select count(*) from contacts ct join cases c on c.id = ct.case_id where ct.contacted_on < c.referred_on)::int as early,
        (select count(*) from contacts ct join cases c on c.id = ct.case_id where ct.contacted_on > c.discharged_on)::int as late,
        (select count(*) from cases where discharged_on < referred_on)::int as backwards`);
    expect(broken).toEqual({ early: 0, late: 0, backwards: 0 });
  });

  it('has step-downs, fund applications, and a caseload for the demo peer and volunteer', async () => {
    const [counts] = await query<{ stepped_down: number; fund: number }>(sql`
      select (select count(*) from cases where status = 'stepped_down')::int as stepped_down,
        (select count(*) from fund_applications)::int as fund`);
    expect(counts?.stepped_down).toBeGreaterThan(3);
    expect(counts?.fund).toBeGreaterThan(20);
    for (const role of ['peer_supporter', 'volunteer']) {
      const email = demoAccounts.find((a) => a.role === role)?.email as string;
      const [mine] = await query<{ total: number }>(sql`
        select count(*)::int as total from case_workers cw join users u on u.id = cw.user_id where u.email = ${email}`);
      expect(mine?.total, role).toBeGreaterThan(0);
    }
  });
});
