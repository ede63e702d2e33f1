import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useDemoDatabase } from '../support/demo-database.ts';

describe('the demo safeguarding, register and voice', () => {
  const { query } = useDemoDatabase();

  it('has a safeguarding concern in progress that escalated itself to the named lead', async () => {
    const [concern] = await query<{ status: string; step: number; kinds: string[] }>(sql`
      select c.status, c.step, array_agg(e.kind order by e.occurred_at) as kinds
      from safeguarding_concerns c join safeguarding_concern_events e on e.concern_id = c.id
      group by c.id`);
    expect(concern).toMatchObject({ status: 'open', step: 1 });
    expect(concern?.kinds).toEqual(['raised', 'note', 'escalated_automatically']);
  });

  it('has a register at every site with relationships held by one worker only', async () => {
    const rows = await query<{ site_id: string; single: number; shared: number }>(sql`
      select pc.site_id,
        count(*) filter (where (select count(*) from relationship_holders h where h.partner_contact_id = pc.id and h.status = 'active') = 1)::int as single,
        count(*) filter (where (select count(*) from relationship_holders h where h.partner_contact_id = pc.id and h.status = 'active') >= 2)::int as shared
      from partner_contacts pc group by pc.site_id`);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row.single).toBeGreaterThan(0);
      expect(row.shared).toBeGreaterThan(0);
    }
  });

  it('has voice items in every status, with what changed or why not when decided', async () => {
    const rows = await query<{ status: string; outcome: string | null }>(
      sql`select status, outcome from voice_items`,
    );
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(['open', 'under_review', 'acted_upon', 'not_taken_forward']),
    );
    for (const r of rows.filter((x) => x.status === 'acted_upon' || x.status === 'not_taken_forward'))
      expect(r.outcome).toBeTruthy();
  });
});
