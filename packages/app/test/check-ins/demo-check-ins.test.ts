import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useDemoDatabase } from '../support/demo-database.ts';

describe('the demo check-ins', () => {
  const { query } = useDemoDatabase();

  it('gives five demo cases a fortnight of daily check-ins with greens, ambers, reds and missed days', async () => {
    const [totals] = await query<{
      cases: number;
      days: number;
      green: number;
      amber: number;
      red: number;
      missed: number;
    }>(sql`
      select count(distinct case_id)::int as cases,
        count(distinct (scheduled_for at time zone 'Europe/London')::date)::int as days,
        (count(*) filter (where answer = 'green'))::int as green,
        (count(*) filter (where answer = 'amber'))::int as amber,
        (count(*) filter (where answer = 'red'))::int as red,
        (count(*) filter (where unanswered_at is not null))::int as missed
      from check_ins`);
    expect(totals?.cases).toBe(5);
    expect(totals?.days).toBeGreaterThanOrEqual(14);
    expect(totals?.green).toBeGreaterThan(totals?.amber as number);
    expect(totals?.amber).toBeGreaterThan(0);
    expect(totals?.red).toBeGreaterThan(0);
    expect(totals?.missed).toBeGreaterThan(0);
  });

  it('has one red waiting for its follow-up and answered reds logged as contacts on their own case', async () => {
    const [alerts] = await query<{ open_reds: number; answered_reds: number; orphans: number }>(sql`
      select (count(*) filter (where a.kind = 'red' and a.followed_up_at is null))::int as open_reds,
        (count(*) filter (where a.kind = 'red' and a.followed_up_at is not null))::int as answered_reds,
        (count(*) filter (where a.followed_up_at is not null and not exists (
          select 1 from contacts c where c.id = a.contact_id and c.case_id = a.case_id)))::int as orphans
      from check_in_alerts a`);
    expect(alerts?.open_reds).toBe(1);
    expect(alerts?.answered_reds).toBeGreaterThan(0);
    expect(alerts?.orphans).toBe(0);
  });

  it('keeps no usable link: the outbox holds no token and each check-in only a hash', async () => {
    const [outbox] = await query<{ with_token: number; total: number }>(sql`
      select (count(*) filter (where body ~ '/c#[A-Za-z0-9_-]{20,}'))::int as with_token, count(*)::int as total
      from sms_outbox`);
    expect(outbox?.total).toBeGreaterThan(0);
    expect(outbox?.with_token).toBe(0);
  });
});
