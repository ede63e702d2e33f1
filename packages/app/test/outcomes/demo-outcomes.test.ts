import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { analyseInstrument } from '../../src/server/modules/outcomes/analysis.service.ts';
import { useDemoDatabase } from '../support/demo-database.ts';

describe('the demo survey data', () => {
  const { database, query } = useDemoDatabase();

  it('publishes the three shipped templates as the demo organisation’s instruments', async () => {
    const rows = await query<{ template_key: string; status: string }>(sql`
      select i.template_key, v.status from survey_instruments i
      join survey_instrument_versions v on v.instrument_id = i.id order by i.template_key`);
    expect(rows).toEqual([
      { template_key: 'ons4@1', status: 'published' },
      { template_key: 'peer_supporter_survey@1', status: 'published' },
      { template_key: 'service_user_survey@1', status: 'published' },
    ]);
  });

  it('gives each site baseline, follow-up and retrospective surveys, some still unanswered', async () => {
    const rows = await query<{ site: string; wave: string; invited: number; completed: number }>(sql`
      select st.name as site, s.wave, count(*)::int as invited,
        (count(*) filter (where s.status = 'completed'))::int as completed
      from surveys s join sites st on st.id = s.site_id group by 1, 2 order by 1, 2`);
    for (const site of ['Wiltshire', 'Birmingham & Solihull'])
      for (const wave of ['baseline', 'follow_up', 'retrospective']) {
        const row = rows.find((r) => r.site === site && r.wave === wave);
        expect(row?.completed, `${site} ${wave}`).toBeGreaterThan(8);
      }
    expect(rows.some((r) => r.completed < r.invited)).toBe(true);
  });

  it('gives Wiltshire’s retrospective service-user survey figures to analyse', async () => {
    const [wiltshire] = await query<{ id: string; organisation_id: string }>(
      sql`select id, organisation_id from sites where name = 'Wiltshire'`,
    );
    const [instrument] = await query<{ id: string }>(
      sql`select id from survey_instruments where template_key = 'service_user_survey@1'`,
    );
    const analysis = await analyseInstrument(
      database().db,
      {
        organisationId: wiltshire?.organisation_id as string,
        siteIds: [wiltshire?.id as string],
        instrumentId: instrument?.id as string,
      },
      'retrospective',
    );
    const resilience = analysis?.indicators.find((i) => i.key === 'resilience');
    expect(resilience?.n).toBeGreaterThan(8);
    expect(resilience?.improved.share).toBeGreaterThan(0.3);
    expect(resilience?.contribution.mean).toBeGreaterThan(0);
  });
});
