import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/peerpath.js', import.meta.url));

describe('the peerpath command', { timeout: 120_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'peerpath-cli-'));
  const env = {
    ...process.env,
    PEERPATH_DATA_DIR: dataDir,
    PEERPATH_TEST_DATABASE_URL: '',
    DATABASE_URL: '',
  };
  const peerpath = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
    run(process.execPath, [bin, ...args], { env: { ...env, ...extra }, timeout: 60_000 });

  it('explains its subcommands with --help', async () => {
    const { stdout } = await peerpath(['--help']);
    for (const command of ['migrate', 'seed', 'org', 'user']) expect(stdout).toContain(command);
  });

  it('migrates, creates an organisation and a user, and refuses a duplicate e-mail', async () => {
    expect((await peerpath(['migrate'])).stdout).toMatch(/up to date/);
    expect((await peerpath(['org', 'create', '--name', 'CLI Trust', '--site', 'Leeds'])).stdout).toMatch(
      /1 site/,
    );
    const args = ['user', 'create', '--org', 'CLI Trust', '--site', 'Leeds', '--email', 'cli@peerpath.test'];
    const created = await peerpath([...args, '--name', 'Cli Person', '--role', 'coordinator'], {
      PEERPATH_NEW_PASSWORD: 'a-long-enough-password',
    });
    expect(created.stdout).toMatch(/Created user .+ \(coordinator\)/);
    await expect(
      peerpath([...args, '--name', 'Cli Person', '--role', 'coordinator'], {
        PEERPATH_NEW_PASSWORD: 'a-long-enough-password',
      }),
    ).rejects.toMatchObject({ stderr: expect.stringMatching(/already signs in/) });
  });

  it('rejects an unknown role with the list of roles', async () => {
    await expect(
      peerpath([
        'user',
        'create',
        '--org',
        'x',
        '--site',
        'y',
        '--email',
        'a@b.test',
        '--name',
        'n',
        '--role',
        'boss',
      ]),
    ).rejects.toMatchObject({ stderr: expect.stringMatching(/admin, coordinator/) });
  });
});
