// `npm run bench:check-ins`: the check-in job's one-minute tick with 10,000 people enrolled
// (BENCH_PEOPLE changes it) on PostgreSQL, in the worst case: everyone chose 9am, so one tick sends
// every check-in (a row and a text each). Then the ticks that follow: the next minute (nothing new to
// send, the scan alone), and four hours later (every check-in unanswered: a reminder each).
//
// A fresh database is created on the server (PEERPATH_BENCH_DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/postgres), migrated with the app's migrations, filled with
// `insert … select generate_series`, and dropped at the end.
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openDatabase } from '../src/server/db/database.ts';
import { runCheckIns } from '../src/server/modules/check-ins/check-ins.job.ts';
import { createOrganisation } from '../src/server/modules/organisations/organisations.service.ts';

const adminUrl = process.env.PEERPATH_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const people = Number(process.env.BENCH_PEOPLE ?? 10_000);
const name = `peerpath_bench_check_ins_${randomBytes(4).toString('hex')}`;
const databaseUrl = (() => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
})();
const log = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  log(`Check-in job benchmark: ${people.toLocaleString('en-GB')} people enrolled, database ${name}`);
  log(
    `Machine: ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), Node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const database = await openDatabase({ databaseUrl, poolSize: 2 });
  const loader = new pg.Client({ connectionString: databaseUrl });
  try {
    await database.migrate();
    await loader.connect();
    const { organisation, sites } = await database.db.transaction((tx) =>
      createOrganisation(tx, { name: 'Benchmark Trust', siteNames: ['North', 'South'] }),
    );
    const [north, south] = sites.map((s) => s.id) as [string, string];
    // Half the people at each site; every one checks in at 9am (the worst minute).
    await loader.query(
      `insert into cases (id, organisation_id, site_id, local_case_id, referral_source, referred_on, status, created_at, updated_at)
       select gen_random_uuid(), $1, case when i % 2 = 0 then $2::uuid else $3::uuid end, 'B-' || i, 'court',
         '2026-01-05', 'active', now(), now()
       from generate_series(1, $4) i`,
      [organisation.id, north, south, people],
    );
    await loader.query(
      `insert into check_in_enrolments (id, organisation_id, site_id, case_id, phone, phone_key, times,
         encouragement, consent_statement, consent_recorded_at, created_at, updated_at)
       select gen_random_uuid(), c.organisation_id, c.site_id, c.id,
         '07700 9' || lpad((row_number() over ())::text, 5, '0'), '4477009' || lpad((row_number() over ())::text, 5, '0'),
         '{09:00}', 'Keep going.', 'Agreed to daily texts.', '2026-01-05', '2026-01-05', '2026-01-05'
       from cases c`,
    );
    await loader.query('vacuum analyse');
    const tick = async (label: string, at: string) => {
      const clock = { now: () => new Date(at) };
      const start = performance.now();
      const result = await runCheckIns({ db: database.db, clock, publicUrl: 'https://peerpath.example' });
      const ms = performance.now() - start;
      log(`| ${label} | ${JSON.stringify(result)} | ${(ms / 1000).toFixed(2)} s |`);
    };
    log('| Tick | Result | Time |');
    log('| --- | --- | ---: |');
    // 20 November 2026 is a Friday (GMT): 09:00 UK is 09:00 UTC.
    await tick('09:00, everyone due', '2026-11-20T09:00:00Z');
    await tick('09:01, nothing new', '2026-11-20T09:01:00Z');
    await tick('09:02, nothing new', '2026-11-20T09:02:00Z');
    await tick('13:00, no replies: a reminder each', '2026-11-20T13:00:00Z');
    await tick('13:01, nothing new', '2026-11-20T13:01:00Z');
  } finally {
    await loader.end().catch(() => undefined);
    await database.close();
    await admin.query(`drop database if exists ${name}`);
    await admin.end();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
