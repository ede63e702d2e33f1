import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/database.ts';
import { contactsCsv, referralsCsv, syntheticMds } from './mds-files.ts';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/peerpath.js', import.meta.url));

describe('peerpath site create and peerpath import mds', { timeout: 180_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'peerpath-import-cli-'));
  const env = {
    ...process.env,
    PEERPATH_DATA_DIR: dataDir,
    PEERPATH_TEST_DATABASE_URL: '',
    DATABASE_URL: '',
  };
  const peerpath = (args: string[]) =>
    run(process.execPath, [bin, ...args], { env, timeout: 90_000, maxBuffer: 16 * 1024 * 1024 });
  const file = (name: string, content: string) => {
    const path = join(dataDir, name);
    writeFileSync(path, content);
    return path;
  };
  const { referrals, contacts } = syntheticMds({ cases: 4, contactsPerCase: 2, site: 'Leeds' });
  const referralsFile = file('referrals.csv', referralsCsv(referrals));
  const contactsFile = file('contacts.csv', contactsCsv(contacts));
  const importArgs = (...extra: string[]) => [
    'import',
    'mds',
    '--site',
    'Leeds',
    '--referrals',
    referralsFile,
    '--contacts',
    contactsFile,
    ...extra,
  ];

  it('creates the organisation and site, refusing a site name the organisation already uses', async () => {
    await peerpath(['org', 'create', '--name', 'CLI Import Trust']);
    expect(
      (await peerpath(['site', 'create', '--org', 'CLI Import Trust', '--name', 'Leeds'])).stdout,
    ).toMatch(/Created site .+ \("Leeds"\) in "CLI Import Trust"/);
    await expect(
      peerpath(['site', 'create', '--org', 'CLI Import Trust', '--name', 'Leeds']),
    ).rejects.toMatchObject({
      stderr: expect.stringMatching(/already has a site called "Leeds"/),
    });
    await expect(peerpath(['site', 'create', '--org', 'Nobody', '--name', 'Leeds'])).rejects.toMatchObject({
      stderr: expect.stringMatching(/No organisation is called "Nobody"/),
    });
  });

  it('imports the data set and prints the counts; importing it again changes nothing', async () => {
    const first = await peerpath(importArgs());
    expect(first.stdout).toContain('Referrals: 4 new, 0 updated, 0 unchanged, 0 skipped (another site).');
    expect(first.stdout).toContain('Contacts: 8 new, 0 already imported');
    const again = await peerpath(importArgs());
    expect(again.stdout).toContain('Referrals: 0 new, 0 updated, 4 unchanged');
    expect(again.stdout).toContain('Contacts: 0 new, 8 already imported');
  });

  it('lists every bad row on standard error as "file line N: column: reason", exits 1 and imports nothing', async () => {
    const bad = file(
      'bad-referrals.csv',
      referralsCsv([
        {
          ...(referrals[0] as (typeof referrals)[number]),
          local_case_id: 'TST-100001',
          date_referred: '2024-02-30',
        },
        {
          ...(referrals[1] as (typeof referrals)[number]),
          local_case_id: 'TST-100002',
          referral_source: 'police',
        },
      ]),
    );
    const failure = await peerpath([
      'import',
      'mds',
      '--site',
      'Leeds',
      '--referrals',
      bad,
      '--contacts',
      contactsFile,
    ]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    const lines = failure?.stderr.trim().split('\n') ?? [];
    expect(lines).toEqual([
      expect.stringMatching(/^bad-referrals\.csv line 2: date_referred: Write the date as yyyy-mm-dd/),
      'bad-referrals.csv line 3: referral_source: Use one of: police_custody, court, probation, liaison_diversion, self, multi_agency_review_board, other.',
      'peerpath: Nothing was imported: 2 problems (listed above).',
    ]);
  });

  it('needs --org only when several organisations have a site of that name', async () => {
    await peerpath(['org', 'create', '--name', 'Second Trust', '--site', 'Leeds']);
    await expect(peerpath(importArgs())).rejects.toMatchObject({
      stderr: expect.stringMatching(/Several organisations have a site called "Leeds": say which with --org/),
    });
    expect((await peerpath(importArgs('--org', 'CLI Import Trust'))).stdout).toContain('4 unchanged');
    await expect(
      peerpath(['import', 'mds', '--site', 'York', '--referrals', referralsFile, '--contacts', contactsFile]),
    ).rejects.toMatchObject({
      stderr: expect.stringMatching(/No site is called "York".*peerpath site create/),
    });
  });

  it('never adds demo data by itself', async () => {
    const database = await openDatabase({ dataDir });
    try {
      const count = async (table: string) =>
        Number(
          (
            (await database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
              rows: { n: number }[];
            }
          ).rows[0]?.n,
        );
      expect(await count('users')).toBe(0);
      expect(await count('organisations')).toBe(2);
      expect(await count('cases')).toBe(4);
      expect(await count('contacts')).toBe(8);
    } finally {
      await database.close();
    }
  });
});
