import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../src/server/db/database.ts';
import { newId } from '../src/server/db/ids.ts';
import { createOrganisation } from '../src/server/modules/organisations/organisations.service.ts';
import { analyseInstrument } from '../src/server/modules/outcomes/analysis.service.ts';
import {
  surveyInstruments,
  surveyInstrumentVersions,
} from '../src/server/modules/outcomes/outcomes.table.ts';
import { findTemplate, templateContent } from '../src/server/modules/outcomes/templates/template.ts';
import { openBenchDatabase } from './bench-database.ts';

const runs = Number(process.env.BENCH_RUNS ?? 10);
const log = (line: string) => process.stdout.write(`${line}\n`);
const retrospectiveCases = 110_000;
const waveCases = 50_000;

async function publish(database: Database, organisationId: string, key: string) {
  const template = findTemplate(key);
  if (!template) throw new Error(`no template ${key}`);
  const content = templateContent(template);
  const instrumentId = newId();
  const versionId = newId();
  const now = new Date();
  await database.db
    .insert(surveyInstruments)
    .values({ id: instrumentId, organisationId, name: content.name, createdAt: now });
  await database.db.insert(surveyInstrumentVersions).values({
    id: versionId,
    instrumentId,
    organisationId,
    version: 1,
    status: 'published',
    content,
    createdAt: now,
    publishedAt: now,
  });
  return { instrumentId, versionId };
}

/** Runs an insert over row numbers first..last in chunks, each within the statement timeout. */
async function inChunks(db: Database['db'], first: number, last: number, query: (range: SQL) => SQL) {
  for (let a = first; a <= last; a += 10_000)
    await db.execute(query(sql.raw(`generate_series(${a}, ${Math.min(last, a + 9_999)}) g`)));
}

/** A repeatable spread of whole numbers 0..n-1 from a row number and a salt. */
const spread = (g: string, salt: number, n: number) => sql.raw(`((${g} * 7919 + ${salt} * 104729) % ${n})`);

async function seed(database: Database) {
  const { db } = database;
  const { organisation, sites } = await createOrganisation(db, {
    name: 'Bench outcomes',
    siteNames: ['Bench'],
    twoFactorRequiredRoles: [],
  });
  const org = organisation.id;
  const site = sites[0]?.id as string;
  const su = await publish(database, org, 'service_user_survey');
  const ons4 = await publish(database, org, 'ons4');
  const total = retrospectiveCases + waveCases;
  await inChunks(
    db,
    1,
    total,
    (range) => sql`
    insert into cases (id, organisation_id, site_id, local_case_id, referral_source, referred_on, engagement, created_at, updated_at)
    select md5('case' || g)::uuid, ${org}, ${site}, 'B-' || g, 'court', date '2025-06-01' + (g % 200), 'engaged', now(), now()
    from ${range}`,
  );
  // Retrospective interviews: one in eleven invited but never answered.
  await inChunks(
    db,
    1,
    retrospectiveCases,
    (range) => sql`
    insert into surveys (id, organisation_id, site_id, case_id, instrument_id, instrument_version_id, wave, mode,
      status, invited_on, invited_at, completed_at, updated_at)
    select md5('retro' || g)::uuid, ${org}, ${site}, md5('case' || g)::uuid, ${su.instrumentId}, ${su.versionId},
      'retrospective', 'link', case when g % 11 = 0 then 'invited' else 'completed' end,
      date '2026-01-01' + (g % 90), now(), case when g % 11 = 0 then null else now() end, now()
    from ${range}`,
  );
  const contributions = `(array['not_at_all','a_little','some','quite_a_lot','completely','no_change'])`;
  const counterfactuals = `(array['worsened_significantly','worsened_slightly','stayed_the_same','improved_slightly','improved_significantly'])`;
  const scale = (key: string, salt: number) => (range: SQL) =>
    sql`
    insert into survey_indicator_answers (survey_id, organisation_id, site_id, case_id, instrument_id, wave, invited_on,
      completed_at, indicator_key, before_answer, now_answer, now_number, contribution, counterfactual)
    select md5('retro' || g)::uuid, ${org}, ${site}, md5('case' || g)::uuid, ${su.instrumentId}, 'retrospective',
      date '2026-01-01' + (g % 90), now(), ${key},
      ${spread('g', salt, 8)}::text, least(10, ${spread('g', salt, 8)} + ${spread('g', salt + 1, 5)} - 1)::text,
      least(10, ${spread('g', salt, 8)} + ${spread('g', salt + 1, 5)} - 1)::float8,
      ${sql.raw(contributions)}[1 + ${spread('g', salt + 2, 6)}], ${sql.raw(counterfactuals)}[1 + ${spread('g', 7, 5)}]
    from ${range} where g % 11 <> 0`;
  const ordered = (key: string, ranks: string[], salt: number) => (range: SQL) =>
    sql`
    insert into survey_indicator_answers (survey_id, organisation_id, site_id, case_id, instrument_id, wave, invited_on,
      completed_at, indicator_key, before_answer, now_answer, contribution, counterfactual)
    select md5('retro' || g)::uuid, ${org}, ${site}, md5('case' || g)::uuid, ${su.instrumentId}, 'retrospective',
      date '2026-01-01' + (g % 90), now(), ${key},
      ${sql.raw(`(array[${ranks.map((r) => `'${r.replace(/'/g, "''")}'`).join(',')}])`)}[1 + ${spread('g', salt, ranks.length)}],
      ${sql.raw(`(array[${ranks.map((r) => `'${r.replace(/'/g, "''")}'`).join(',')}])`)}[1 + least(${sql.raw(String(ranks.length - 1))}, ${spread('g', salt, ranks.length)} + ${spread('g', salt + 1, 3)})],
      ${sql.raw(contributions)}[1 + ${spread('g', salt + 2, 6)}], ${sql.raw(counterfactuals)}[1 + ${spread('g', 7, 5)}]
    from ${range} where g % 11 <> 0`;
  await inChunks(db, 1, retrospectiveCases, scale('self_esteem', 1));
  await inChunks(db, 1, retrospectiveCases, scale('relationships', 11));
  await inChunks(db, 1, retrospectiveCases, scale('resilience', 21));
  await inChunks(
    db,
    1,
    retrospectiveCases,
    ordered('substance_use', ['Addicted/dependent', 'Problem use', 'Recreational use', 'Non-user'], 31),
  );
  await inChunks(
    db,
    1,
    retrospectiveCases,
    ordered('training', ['No', 'Yes', 'I would prefer not to say'], 41),
  );
  await inChunks(
    db,
    1,
    retrospectiveCases,
    ordered(
      'employment',
      ['Unemployed', 'Volunteering', 'Part-time job', 'Self-employed', 'Full-time job'],
      51,
    ),
  );
  await inChunks(
    db,
    1,
    retrospectiveCases,
    ordered(
      'living_situation',
      [
        'Rough sleeping',
        'Sofa surfing',
        'Temporary accommodation',
        'Living with family/ friends',
        'In my own place',
      ],
      61,
    ),
  );
  // Two waves of ONS4: baseline and one follow-up per case, every one answered.
  for (const [wave, offset, salt] of [
    ['baseline', 0, 71],
    ['follow_up', 90, 81],
  ] as const) {
    await inChunks(
      db,
      retrospectiveCases + 1,
      total,
      (range) => sql`
      insert into surveys (id, organisation_id, site_id, case_id, instrument_id, instrument_version_id, wave,
        follow_up_number, mode, status, invited_on, invited_at, completed_at, updated_at)
      select md5(${wave}::text || g)::uuid, ${org}, ${site}, md5('case' || g)::uuid, ${ons4.instrumentId}, ${ons4.versionId},
        ${wave}, ${sql.raw(wave === 'follow_up' ? '1' : '0')}, 'interviewer', 'completed', date '2025-10-01' + ${sql.raw(String(offset))} + (g % 30), now(), now(), now()
      from ${range}`,
    );
    for (const [i, key] of ['life_satisfaction', 'worthwhile', 'happiness', 'anxiety'].entries())
      await inChunks(
        db,
        retrospectiveCases + 1,
        total,
        (range) => sql`
        insert into survey_indicator_answers (survey_id, organisation_id, site_id, case_id, instrument_id, wave,
          invited_on, completed_at, indicator_key, now_answer, now_number)
        select md5(${wave}::text || g)::uuid, ${org}, ${site}, md5('case' || g)::uuid, ${ons4.instrumentId}, ${wave},
          date '2025-10-01' + ${sql.raw(String(offset))} + (g % 30), now() + ${sql.raw(`interval '${offset} days'`)}, ${key},
          ${spread('g', salt + i, 11)}::text, ${spread('g', salt + i, 11)}::float8
        from ${range}`,
      );
  }
  // As autovacuum leaves a table after a burst of inserts: statistics and the visibility map, which
  // lets the analysis read its covering indexes alone.
  await db.execute(sql`vacuum analyze survey_indicator_answers`);
  await db.execute(sql`vacuum analyze surveys`);
  return { org, site, su, ons4 };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;

async function main() {
  const { database, label, close } = await openBenchDatabase('outcomes');
  try {
    log(
      `bench:outcomes on ${label}; ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    const seedStart = performance.now();
    const { org, site, su, ons4 } = await seed(database);
    log(`seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    const cases = [
      {
        name: '100,000 retrospective interviews (7 indicators)',
        instrumentId: su.instrumentId,
        design: 'retrospective' as const,
      },
      {
        name: '50,000 baseline + 50,000 follow-up (ONS4, 4 indicators)',
        instrumentId: ons4.instrumentId,
        design: 'waves' as const,
      },
    ];
    if (process.env.BENCH_PROFILE) {
      const { groupedRetrospectiveAnswers, waveCounts } = await import(
        '../src/server/modules/outcomes/analysis.repository.ts'
      );
      const scope = { organisationId: org, siteIds: [site], instrumentId: su.instrumentId };
      for (let i = 0; i < 3; i++) {
        let t = performance.now();
        await waveCounts(database.db, scope);
        const counts = performance.now() - t;
        t = performance.now();
        const grouped = await groupedRetrospectiveAnswers(database.db, scope);
        log(
          `profile: wave counts ${counts.toFixed(0)} ms, grouped answers ${(performance.now() - t).toFixed(0)} ms (${grouped.length} groups)`,
        );
      }
    }
    for (const c of cases) {
      const times: number[] = [];
      let n = 0;
      for (let run = 0; run < runs + 1; run++) {
        const start = performance.now();
        const result = await analyseInstrument(
          database.db,
          { organisationId: org, siteIds: [site], instrumentId: c.instrumentId },
          c.design,
        );
        const elapsed = performance.now() - start;
        if (run > 0) times.push(elapsed); // the first run warms the caches
        n = result?.indicators[0]?.n ?? 0;
      }
      const sorted = times.sort((a, b) => a - b);
      log(
        `${c.name}: n ${n.toLocaleString('en-GB')} on the first indicator; p50 ${percentile(sorted, 0.5).toFixed(0)} ms, p95 ${percentile(sorted, 0.95).toFixed(0)} ms, max ${(sorted.at(-1) as number).toFixed(0)} ms over ${runs} runs`,
      );
    }
  } finally {
    await close();
  }
}

await main();
