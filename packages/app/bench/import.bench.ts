// `npm run bench:import`: 100,000 referrals and 1,000,000 contacts imported through the MDS import service
// into a fresh PostgreSQL database (127.0.0.1:5432 unless PEERPATH_BENCH_DATABASE_URL says otherwise),
// timing each phase. The target is under 2 minutes in all. A script, not a test: figures go in
// docs/benchmarks.md.
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { systemClock } from '../src/server/clock.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { importMds, type MdsImportProgress } from '../src/server/modules/imports/mds-import.service.ts';
import { createOrganisation } from '../src/server/modules/organisations/organisations.service.ts';
import { writeSyntheticMds } from '../test/imports/mds-files.ts';

const adminUrl = process.env.PEERPATH_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const cases = Number(process.env.BENCH_REFERRALS ?? 100_000);
const contactsPerCase = Number(process.env.BENCH_CONTACTS_PER_REFERRAL ?? 10);
const siteName = 'Bench site';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000)).toLocaleString('en-GB');
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'peerpath-import-bench-'));
  const paths = { referrals: join(dir, 'referrals.csv'), contacts: join(dir, 'contacts.csv') };
  const name = `peerpath_bench_import_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${name}`;
  try {
    let started = performance.now();
    await writeSyntheticMds(paths, { cases, contactsPerCase, site: siteName });
    const generateMs = performance.now() - started;

    await admin.query(`create database ${name}`);
    const database = await openDatabase({ databaseUrl: databaseUrl.toString(), poolSize: 2 });
    try {
      await database.migrate();
      const { organisation, sites } = await database.db.transaction((tx) =>
        createOrganisation(tx, { name: 'Bench Trust', siteNames: [siteName] }),
      );
      const site = sites[0];
      if (!site) throw new Error('no site created');

      const phaseStarts: Record<string, number> = {};
      let lastPrinted = 0;
      const onProgress = (progress: MdsImportProgress) => {
        phaseStarts[progress.phase] ??= performance.now();
        if (performance.now() - lastPrinted > 5_000) {
          lastPrinted = performance.now();
          process.stderr.write(
            `  ${progress.phase}: ${progress.rowsRead.toLocaleString('en-GB')} rows read${
              progress.phase === 'writing' ? `, ${progress.rowsWritten.toLocaleString('en-GB')} written` : ''
            }\n`,
          );
        }
      };
      const run = async (label: string) => {
        for (const key of Object.keys(phaseStarts)) delete phaseStarts[key];
        started = performance.now();
        const result = await importMds({
          db: database.db,
          clock: systemClock,
          site: { id: site.id, organisationId: organisation.id, name: site.name },
          files: {
            referrals: { name: 'referrals.csv', open: () => createReadStream(paths.referrals) },
            contacts: { name: 'contacts.csv', open: () => createReadStream(paths.contacts) },
          },
          audit: {
            actor: { organisationId: organisation.id, userId: null, role: 'system' },
            requestId: null,
          },
          onProgress,
        });
        const ended = performance.now();
        if (!result.ok)
          throw new Error(`the import was refused: ${JSON.stringify(result.errors.slice(0, 5))}`);
        const writingStart = phaseStarts.writing ?? ended;
        const validateMs = writingStart - started;
        const writeMs = ended - writingStart;
        const rows = result.rowsRead;
        console.log(`\n${label}`);
        console.log(
          `  read and check (both files, incl. reading the site's cases): ${seconds(validateMs)} (${perSecond(rows, validateMs)} rows/s)`,
        );
        console.log(
          `  write (one transaction):                                     ${seconds(writeMs)} (${perSecond(rows, writeMs)} rows/s)`,
        );
        console.log(
          `  total:                                                       ${seconds(ended - started)} (${perSecond(rows, ended - started)} rows/s)`,
        );
        console.log(`  counts: ${JSON.stringify(result.counts)}`);
        return ended - started;
      };

      console.log(
        `Import benchmark: ${cases.toLocaleString('en-GB')} referrals (${mib(statSync(paths.referrals).size)}), ` +
          `${(cases * contactsPerCase).toLocaleString('en-GB')} contacts (${mib(statSync(paths.contacts).size)}) ` +
          `into PostgreSQL (${new URL(adminUrl).host}).`,
      );
      console.log(
        `Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average before: ${loadavg()
          .map((n) => n.toFixed(2))
          .join(' ')}`,
      );
      console.log(`Generating the files took ${seconds(generateMs)}.`);
      const first = await run('First import (everything new):');
      const again = await run('Same files again (nothing changes):');
      console.log(
        `\nLoad average after: ${loadavg()
          .map((n) => n.toFixed(2))
          .join(' ')}`,
      );
      console.log(`Peak memory of this process (max RSS): ${mib(process.resourceUsage().maxRSS * 1024)}.`);
      console.log(
        `Target: under 120 s for the first import. ${first < 120_000 ? 'Met' : 'NOT met'} (${seconds(first)}); re-import ${seconds(again)}.`,
      );
    } finally {
      await database.close();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
