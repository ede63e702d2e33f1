import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { rowsOf } from '../../db/rows.ts';

/**
 * The analysis's reads, aggregated in SQL: answers come back grouped by their distinct combination
 * with a count (a 0–10 pair has at most 121 combinations), so 100,000 responses travel as a few
 * hundred rows. Aggregates only: no row names a case.
 */
export type AnalysisScope = {
  organisationId: string;
  siteIds: string[];
  instrumentId: string;
  from?: string | undefined;
  to?: string | undefined;
  referredFrom?: string | undefined;
  referredTo?: string | undefined;
};

export type GroupedAnswers = {
  indicatorKey: string;
  before: string | null;
  now: string | null;
  contribution: string | null;
  counterfactual: string | null;
  count: number;
};

function filters(alias: string, scope: AnalysisScope, { period }: { period: boolean }): SQL {
  const a = sql.raw(alias);
  const parts: SQL[] = [
    sql`${a}.organisation_id = ${scope.organisationId}`,
    sql`${a}.instrument_id = ${scope.instrumentId}`,
    sql`${a}.site_id in (${sql.join(
      scope.siteIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  ];
  if (period && scope.from) parts.push(sql`${a}.invited_on >= ${scope.from}::date`);
  if (period && scope.to) parts.push(sql`${a}.invited_on <= ${scope.to}::date`);
  if (scope.referredFrom || scope.referredTo)
    parts.push(sql`exists (select 1 from cases c where c.id = ${a}.case_id
      and c.referred_on >= coalesce(${scope.referredFrom ?? null}::date, '-infinity'::date)
      and c.referred_on <= coalesce(${scope.referredTo ?? null}::date, 'infinity'::date))`);
  return sql.join(parts, sql` and `);
}

const toGrouped = (rows: GroupedAnswers[]) => rows.map((r) => ({ ...r, count: Number(r.count) }));

/** Retrospective pairs: "before" and "now" from the same interview. */
export async function groupedRetrospectiveAnswers(db: Db, scope: AnalysisScope) {
  const result = await db.execute(sql`
    select a.indicator_key as "indicatorKey", a.before_answer as "before", a.now_answer as "now",
      a.contribution, a.counterfactual, count(*)::int as "count"
    from survey_indicator_answers a
    where ${filters('a', scope, { period: true })} and a.wave = 'retrospective'
    group by a.indicator_key, a.before_answer, a.now_answer, a.contribution, a.counterfactual`);
  return toGrouped(rowsOf<GroupedAnswers>(result));
}

/**
 * Two waves: each person's baseline answer against their latest follow-up or exit answer in the
 * period (the period and cohort select the later survey; the baseline may be older). One pass over
 * the by-case index: each person's answers to an indicator are adjacent, so no join is needed.
 */
export async function groupedWaveAnswers(db: Db, scope: AnalysisScope) {
  const inPeriod = sql.join(
    [
      sql`a.wave <> 'baseline'`,
      ...(scope.from ? [sql`a.invited_on >= ${scope.from}::date`] : []),
      ...(scope.to ? [sql`a.invited_on <= ${scope.to}::date`] : []),
    ],
    sql` and `,
  );
  const latest = (column: string) =>
    sql`(array_agg(${sql.raw(`a.${column}`)} order by a.completed_at desc) filter (where ${inPeriod}))[1]`;
  const result = await db.execute(sql`
    select p."indicatorKey", p."before", p."now", p.contribution, p.counterfactual, count(*)::int as "count"
    from (
      select a.indicator_key as "indicatorKey",
        (array_agg(a.now_answer) filter (where a.wave = 'baseline'))[1] as "before",
        ${latest('now_answer')} as "now", ${latest('contribution')} as contribution,
        ${latest('counterfactual')} as counterfactual
      from survey_indicator_answers a
      where ${filters('a', scope, { period: false })} and a.wave in ('baseline', 'follow_up', 'exit')
      group by a.case_id, a.indicator_key
      having count(*) filter (where ${inPeriod}) > 0
    ) p
    group by 1, 2, 3, 4, 5`);
  return toGrouped(rowsOf<GroupedAnswers>(result));
}

/** Invited and completed per wave (response rates), counting people once per wave. */
export async function waveCounts(db: Db, scope: AnalysisScope) {
  const result = await db.execute(sql`
    select s.wave, count(distinct s.case_id)::int as "invited",
      count(distinct s.case_id) filter (where s.status = 'completed')::int as "completed"
    from surveys s
    where ${filters('s', scope, { period: true })}
    group by s.wave`);
  return rowsOf<{ wave: string; invited: number; completed: number }>(result).map((r) => ({
    wave: r.wave,
    invited: Number(r.invited),
    completed: Number(r.completed),
  }));
}
