import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseloadReport } from '../../src/contract/reports.ts';
import { openDatabase } from '../../src/server/db/database.ts';
import { seedOrganisation } from '../support/test-app.ts';
import { eastNoCases, insertFixture, north2026, northAllTime, southAllTime } from './caseload-fixture.ts';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/peerpath.js', import.meta.url));

describe('peerpath report caseload', { timeout: 120_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'peerpath-report-cli-'));
  const env = {
    ...process.env,
    PEERPATH_DATA_DIR: dataDir,
    PEERPATH_TEST_DATABASE_URL: '',
    DATABASE_URL: '',
  };
  const peerpath = (args: string[]) =>
    run(process.execPath, [bin, 'report', 'caseload', ...args], { env, timeout: 60_000 });

  beforeAll(async () => {
    // The command opens the same PGlite folder afterwards; only one process may hold it at a time.
    const database = await openDatabase({ dataDir });
    await database.migrate();
    const a = await seedOrganisation(database, {
      name: 'Report Trust',
      sites: ['North', 'South', 'East'],
      users: [],
    });
    const b = await seedOrganisation(database, { name: 'Other Trust', sites: ['North'], users: [] });
    await insertFixture(database.db, a.organisation.id, a.siteIds);
    await insertFixture(database.db, b.organisation.id, b.siteIds);
    await database.close();
  }, 120_000);

  const withoutIds = (json: string) =>
    caseloadReport.parse(JSON.parse(json)).sites.map(({ siteId: _siteId, ...rest }) => rest);

  it('prints the JSON of the report for the sites and range given', async () => {
    const { stdout } = await peerpath([
      '--org',
      'Report Trust',
      '--site',
      'North',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--format',
      'json',
    ]);
    expect(withoutIds(stdout)).toEqual([north2026]);
  });

  it('needs no --org when only one organisation has the sites named, and reports all time by default', async () => {
    const { stdout } = await peerpath(['--site', 'South', '--site', 'North', '--format', 'json']);
    // North is a site of both organisations, but only Report Trust has North and South.
    expect(withoutIds(stdout)).toEqual([northAllTime, southAllTime]);
  });

  it('prints a table laid out like Table 1 of the review, every site of the organisation by default', async () => {
    const { stdout } = await peerpath(['--org', 'Report Trust']);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^Site\s+East\s+North\s+South$/);
    expect(stdout).toMatch(/Number of cases\s+0\s+5\s+3/);
    expect(stdout).toMatch(/ {2}Engaged\s+0\s+3 \(60\.0%\)\s+1 \(33\.3%\)/);
    expect(stdout).toMatch(/ {2}Face to face\s+0\s+4 \(40\.0%\)\s+0 \(0\.0%\)/);
    expect(stdout).toContain('2.33 (0–6)');
    expect(stdout).toContain('32.5 days (2 discharged)');
  });

  it('prints CSV, one row per site', async () => {
    const { stdout } = await peerpath(['--org', 'Report Trust', '--site', 'East', '--format', 'csv']);
    const rows = parse(stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      site: 'East',
      from: '',
      cases: String(eastNoCases.cases),
      engaged_percent: '',
      contacts_per_case_overall_mean: '',
      days_on_books_overall_count: '0',
    });
  });

  it('asks for --org when several organisations could be meant, and refuses bad dates and formats', async () => {
    await expect(peerpath(['--site', 'North'])).rejects.toMatchObject({
      stderr: expect.stringMatching(/Several organisations .*--org/),
    });
    await expect(peerpath([])).rejects.toMatchObject({ stderr: expect.stringMatching(/--org/) });
    await expect(peerpath(['--org', 'Report Trust', '--site', 'West'])).rejects.toMatchObject({
      stderr: expect.stringMatching(/no site called "West"/),
    });
    await expect(peerpath(['--org', 'Report Trust', '--from', '1/1/2026'])).rejects.toMatchObject({
      stderr: expect.stringMatching(/yyyy-mm-dd/),
    });
    await expect(peerpath(['--org', 'Report Trust', '--format', 'xml'])).rejects.toMatchObject({
      stderr: expect.stringMatching(/json, table, csv/),
    });
  });
});
