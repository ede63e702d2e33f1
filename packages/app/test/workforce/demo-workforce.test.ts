import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { workforceAllocationProblems } from '../../src/server/modules/workforce/allocation-check.ts';
import { useDemoDatabase } from '../support/demo-database.ts';

describe('the demo workforce', () => {
  const { database, query } = useDemoDatabase();

  it('has people at every stage at each site', async () => {
    const rows = await query<{ site: string; statuses: string[]; roles: string[] }>(sql`
      select s.name as site, array_agg(distinct m.status order by m.status) as statuses,
        array_agg(distinct m.role order by m.role) as roles
      from workforce_members m join sites s on s.id = m.site_id group by s.name order by s.name`);
    for (const row of rows) {
      expect(row.statuses).toEqual(['active', 'applicant', 'in_training', 'left', 'paused']);
      expect(row.roles).toEqual(['intern_volunteer', 'new_volunteer', 'paid_peer']);
    }
    expect(rows).toHaveLength(2);
  });

  it('has a cohort per site, hours waiting for approval and a DBS check due within 30 days', async () => {
    const [facts] = await query<{ cohorts: number; pending: number; due_soon: number }>(sql`
      select (select count(*)::int from training_cohorts) as cohorts,
        (select count(*)::int from hours_logs where status = 'pending') as pending,
        (select count(*)::int from dbs_checks where certificate_on + interval '36 months' between current_date and current_date + 30) as due_soon`);
    expect(facts?.cohorts).toBe(2);
    expect(facts?.pending).toBeGreaterThan(0);
    expect(facts?.due_soon).toBeGreaterThanOrEqual(2);
  });

  it('still lets the demo peers and volunteer be allocated a new low-complexity case', async () => {
    const people = await query<{ id: string; name: string; site_id: string; organisation_id: string }>(sql`
      select u.id, u.name, m.site_id, u.organisation_id from users u join workforce_members m on m.user_id = u.id`);
    expect(people.map((p) => p.name).sort()).toEqual(['Pat Peer', 'Sam Support', 'Val Volunteer']);
    for (const person of people) {
      const problems = await workforceAllocationProblems(
        database().db,
        {
          id: '01890000-0000-7000-8000-000000000001',
          organisationId: person.organisation_id,
          siteId: person.site_id,
          complexity: 'low',
        },
        { now: () => new Date() },
        { leadUserId: person.id, coWorkerIds: [], roles: new Map([[person.id, 'peer_supporter']]) },
      );
      expect(problems, person.name).toEqual([]);
    }
  });
});
