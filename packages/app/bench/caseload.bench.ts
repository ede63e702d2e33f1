// `npm run bench:caseload`: the caseload report (Table 1 of the review) on 1,000,000 referrals and
// about 10,000,000 contacts in PostgreSQL, for one site-year and for everything, through the
// repository (`caseloadReportForSites`: one SQL statement, then rounding in TypeScript) and beside
// one hand-written SQL statement that computes the same figures, rounding included. The two answers
// are compared before anything is timed.
//
// A fresh database is created on the server (PEERPATH_BENCH_DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/postgres), migrated with the app's own migrations, filled with
// `insert … select generate_series` (foreign-key triggers are skipped while loading: the generator
// only makes valid references), vacuumed and analysed, timed, and dropped at the end (kept with BENCH_KEEP=1, to
// look at plans; BENCH_DATABASE=<name> times a kept database again without loading it). BENCH_CASES changes the number of referrals (contacts follow, about 10 per case).
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { CaseloadReport } from '../src/contract/reports.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { createOrganisation } from '../src/server/modules/organisations/organisations.service.ts';
import { caseloadReportForSites } from '../src/server/modules/reports/reports.service.ts';

const adminUrl = process.env.PEERPATH_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const caseCount = Number(process.env.BENCH_CASES ?? 1_000_000);
const siteCount = 20;
const years = 6; // referrals from 2020-01-01 to 2025-12-31
const runs = 5;

/** BENCH_DATABASE names a database kept by an earlier run (BENCH_KEEP=1): time it again, skip the load. */
const reused = process.env.BENCH_DATABASE;
const name = reused ?? `peerpath_bench_caseload_${randomBytes(4).toString('hex')}`;
const databaseUrl = (() => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
})();

const log = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  log(`  ${label}: ${seconds(performance.now() - start)}`);
  return result;
}

/**
 * Cases spread evenly over the sites and six years; about 10 contacts each (1 to 19), 10% of them
 * attempts. Rows go in in the order the app would have written them (cases by referral date, contacts
 * by contact date), with time-ordered ids as the app's UUIDv7, so the tables are laid out as a real
 * database's would be: one case's contacts are scattered over the table, not stored together.
 */
async function generate(client: pg.Client, organisationId: string, siteIds: string[]) {
  await client.query('set session_replication_role = replica'); // skip FK triggers while loading
  await client.query(`set maintenance_work_mem = '512MB'`);
  await client.query('set synchronous_commit = off');
  await client.query('select setseed(0.42)');
  // A UUIDv7 as the app makes them: 48 bits of milliseconds, then random bits.
  await client.query(`
    create function pg_temp.v7(at timestamptz) returns uuid language sql volatile as $$
      select (lpad(to_hex((extract(epoch from at) * 1000)::bigint), 12, '0') || '7'
        || substr(md5(random()::text), 1, 3) || '8' || substr(md5(random()::text), 1, 15))::uuid
    $$`);
  await timed(`${caseCount.toLocaleString('en-GB')} cases`, () =>
    client.query(
      `insert into cases (id, organisation_id, site_id, local_case_id, referral_source, referred_on,
         status, engagement, discharged_on, discharge_reason, date_of_birth, created_at, updated_at)
       select pg_temp.v7(r.referred_on + time '09:00'), $1, ($2::uuid[])[1 + r.g % $3], 'B' || r.g,
         (array['police_custody','court','probation','liaison_diversion','self','other'])[1 + r.g % 6],
         r.referred_on,
         case when r.days is null then 'active' else 'discharged' end,
         case when r.e < 0.78 then 'engaged' when r.e < 0.93 then 'declined' else 'no_data' end,
         r.referred_on + r.days,
         case when r.days is null then null else 'goals_met' end,
         date '1960-01-01' + r.born,
         r.referred_on + time '09:00', r.referred_on + time '09:00'
       from (
         select g, date '2020-01-01' + (random() * ($5 * 365 - 1))::int as referred_on, random() as e,
           case when random() < 0.8 then (1 + random() * 240)::int end as days, (random() * 14000)::int as born
         from generate_series(1, $4) g
       ) r
       order by r.referred_on`,
      [organisationId, siteIds, siteCount, caseCount, years],
    ),
  );
  await timed('contacts', () =>
    client.query(
      `insert into contacts (id, organisation_id, site_id, case_id, contacted_on, contacted_at, type, outcome, created_at)
       select pg_temp.v7(x.day + time '12:00'), x.organisation_id, x.site_id, x.case_id, x.day, x.day + time '12:00',
         case when x.t < 0.3 then 'face_to_face' when x.t < 0.8 then 'telephone' else 'other' end,
         case when x.o < 0.9 then 'made' else 'attempted' end,
         x.day + time '12:00'
       from (
         select c.organisation_id, c.site_id, c.id as case_id,
           c.referred_on + ((i - 1) * coalesce(c.discharged_on - c.referred_on, 180) / 19) as day,
           random() as t, random() as o
         from cases c
           cross join lateral generate_series(1, 1 + (hashtext(c.id::text) & 2147483647) % 19) i
       ) x
       order by x.day`,
    ),
  );
  await client.query('set session_replication_role = origin');
  // What autovacuum does to an insert-mostly table soon after a load: statistics and the visibility map.
  await timed('vacuum analyze', () => client.query('vacuum (analyze) cases, contacts'));
}

/** Table 1 written by hand in one statement: per-case counts, then per site and group, rounded in SQL. */
const handWritten = `
  with per_case as (
    select c.site_id, c.engagement, c.referred_on, c.discharged_on,
      count(k.case_id) filter (where k.outcome = 'made' and k.type = 'face_to_face') as f2f,
      count(k.case_id) filter (where k.outcome = 'made' and k.type = 'telephone') as tel,
      count(k.case_id) filter (where k.outcome = 'made' and k.type = 'other') as oth,
      count(k.case_id) filter (where k.outcome = 'made') as made,
      count(k.case_id) filter (where k.outcome = 'attempted') as att
    from cases c left join contacts k on k.case_id = c.id
    where c.organisation_id = $1 and c.site_id = any($2::uuid[])
      and c.referred_on >= coalesce($3::date, '-infinity') and c.referred_on <= coalesce($4::date, 'infinity')
    group by c.id
  ), grouped as (
    select site_id, coalesce(engagement, 'overall') as grp, count(*) as cases,
      sum(f2f) as f2f, sum(tel) as tel, sum(oth) as oth, sum(made) as made, sum(att) as att,
      round(avg(made), 2) as mean_contacts, min(made) as min_contacts, max(made) as max_contacts,
      count(discharged_on) as discharged, round(avg(discharged_on - referred_on), 1) as mean_days,
      min(referred_on) as first_referred, max(referred_on) as last_referred
    from per_case
    group by grouping sets ((site_id, engagement), (site_id))
  )
  select g.*,
    round(100.0 * g.cases / o.cases, 1) as percent_of_cases,
    round(100.0 * g.f2f / nullif(g.made, 0), 1) as f2f_percent,
    round(100.0 * g.tel / nullif(g.made, 0), 1) as tel_percent,
    round(100.0 * g.oth / nullif(g.made, 0), 1) as oth_percent
  from grouped g join grouped o on o.site_id = g.site_id and o.grp = 'overall'
  order by g.site_id, g.grp`;

type HandRow = Record<string, string | number | null> & { site_id: string; grp: string };

/** The hand-written query's rows, checked figure by figure against the repository's report. */
function assertSameFigures(report: CaseloadReport, rows: HandRow[]) {
  const num = (v: unknown) => (v === null ? null : Number(v));
  for (const site of report.sites) {
    const own = rows.filter((r) => r.site_id === site.siteId);
    const overall = own.find((r) => r.grp === 'overall');
    const expected: [string, unknown, unknown][] = [];
    if (!overall) {
      if (site.cases !== 0) throw new Error(`${site.site}: hand-written query found no cases`);
      continue;
    }
    expected.push(['cases', site.cases, num(overall.cases)]);
    expected.push(['contactsTotal', site.contactsTotal, num(overall.made)]);
    expected.push(['attemptsTotal', site.attemptsTotal, num(overall.att)]);
    expected.push(['face_to_face %', site.contactTypes.face_to_face.percent, num(overall.f2f_percent)]);
    expected.push(['telephone %', site.contactTypes.telephone.percent, num(overall.tel_percent)]);
    expected.push(['other %', site.contactTypes.other.percent, num(overall.oth_percent)]);
    for (const grp of ['engaged', 'declined', 'no_data', 'overall'] as const) {
      const r = own.find((x) => x.grp === grp);
      const perCase = site.contactsPerCase[grp];
      const days = site.daysOnBooks[grp];
      expected.push([`${grp} cases`, perCase.count, num(r?.cases ?? 0)]);
      expected.push([`${grp} mean contacts`, perCase.mean, num(r?.mean_contacts ?? null)]);
      expected.push([`${grp} min contacts`, perCase.min, num(r?.min_contacts ?? null)]);
      expected.push([`${grp} max contacts`, perCase.max, num(r?.max_contacts ?? null)]);
      expected.push([`${grp} discharged`, days.count, num(r?.discharged ?? 0)]);
      expected.push([`${grp} mean days`, days.mean, num(r?.mean_days ?? null)]);
      if (grp !== 'overall')
        expected.push([`${grp} %`, site.engagement[grp].percent, num(r?.percent_of_cases ?? 0)]);
    }
    for (const [label, ours, theirs] of expected)
      if (ours !== theirs)
        throw new Error(`${site.site} ${label}: repository ${ours}, hand-written ${theirs}`);
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function main() {
  log(`Caseload report benchmark: database ${name}`);
  log(
    `Machine: ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), Node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  if (!reused) await admin.query(`create database ${name}`);
  const database = await openDatabase({ databaseUrl, poolSize: 2 });
  const loader = new pg.Client({ connectionString: databaseUrl });
  try {
    await database.migrate();
    await loader.connect();
    const { organisation, sites } = reused
      ? {
          organisation: (await loader.query('select id from organisations')).rows[0] as { id: string },
          sites: (await loader.query('select id, name from sites order by name')).rows as {
            id: string;
            name: string;
          }[],
        }
      : await database.db.transaction((tx) =>
          createOrganisation(tx, {
            name: 'Benchmark Trust',
            siteNames: Array.from({ length: siteCount }, (_, i) => `Site ${String(i + 1).padStart(2, '0')}`),
          }),
        );
    if (!reused) {
      log('Generating data:');
      await generate(
        loader,
        organisation.id,
        sites.map((s) => s.id),
      );
    }
    const counts = await loader.query(
      'select (select count(*) from cases) as cases, (select count(*) from contacts) as contacts',
    );
    log(
      `  ${Number(counts.rows[0].cases).toLocaleString('en-GB')} cases, ${Number(counts.rows[0].contacts).toLocaleString('en-GB')} contacts`,
    );

    const firstSite = sites[0] as { id: string; name: string };
    const scenarios = [
      { label: 'one site-year (2024)', sites: [firstSite], range: { from: '2024-01-01', to: '2024-12-31' } },
      { label: 'everything (20 sites, all time)', sites, range: {} as { from?: string; to?: string } },
    ];
    const results: { label: string; repository: number[]; hand: number[] }[] = [];
    for (const scenario of scenarios) {
      const repository = () =>
        caseloadReportForSites(database.db, {
          organisationId: organisation.id,
          sites: scenario.sites,
          range: scenario.range,
        });
      const hand = async () =>
        (
          await loader.query(handWritten, [
            organisation.id,
            scenario.sites.map((s) => s.id),
            scenario.range.from ?? null,
            scenario.range.to ?? null,
          ])
        ).rows as HandRow[];
      // Warm-up, and the check that both compute the same figures.
      assertSameFigures(await repository(), await hand());
      const times = { repository: [] as number[], hand: [] as number[] };
      for (let i = 0; i < runs; i++) {
        // Alternate which goes first, so neither always finds the cache warmed by the other.
        for (const [kind, work] of (i % 2 === 0
          ? [
              ['repository', repository],
              ['hand', hand],
            ]
          : [
              ['hand', hand],
              ['repository', repository],
            ]) as ['repository' | 'hand', () => Promise<unknown>][]) {
          const start = performance.now();
          await work();
          times[kind].push(performance.now() - start);
        }
      }
      results.push({ label: scenario.label, ...times });
      log(`${scenario.label}: figures agree; timed ${runs} runs each`);
    }

    log('');
    log(
      '| Report | Repository runs (ms) | Repository median | Hand-written SQL runs (ms) | Hand-written median | Ratio |',
    );
    log('| --- | --- | ---: | --- | ---: | ---: |');
    for (const r of results) {
      const ours = median(r.repository);
      const theirs = median(r.hand);
      const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
      log(
        `| ${r.label} | ${list(r.repository)} | ${ours.toFixed(0)} ms | ${list(r.hand)} | ${theirs.toFixed(0)} ms | ${(ours / theirs).toFixed(2)}× |`,
      );
    }
    log(
      `Load average at the end: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await loader.end().catch(() => undefined);
    await database.close();
    if (reused || process.env.BENCH_KEEP === '1')
      log(`Kept database ${name} (BENCH_KEEP=1): drop it when done.`);
    else await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main();
