import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.ts';
import { fixturePath, loadExpected } from './load-fixture.ts';

const BIN = fileURLToPath(new URL('../bin/sroi.js', import.meta.url));

/** Spawn the real executable: slow (tsx starts each time), so kept to the checks that need a process. */
function sroi(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same CLI in-process: what it would print and its exit code. */
function sroiInProcess(...args: string[]) {
  return run(args);
}

function tempFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sroi-cli-')), name);
  writeFileSync(file, text);
  return file;
}

const several = fixturePath('several-outcomes.impact-map.json');

describe('the sroi command', () => {
  it('prints the calculation as JSON alone on standard output, with the conventions', () => {
    const { code, stdout } = sroi('calculate', several, '--format', 'json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    const expected = loadExpected<{
      presentValue: number;
      ratio: number;
      outcomes: { id: string; values: number[] }[];
    }>('several-outcomes');
    expect(result.presentValue).toBeCloseTo(expected.presentValue, 6);
    expect(result.ratio).toBeCloseTo(expected.ratio, 9);
    for (const key of [
      'inputsValue',
      'netPresentValue',
      'netRatio',
      'paybackMonths',
      'conventions',
      'warnings',
    ]) {
      expect(result).toHaveProperty(key);
    }
    expect(result.outcomes[1]).toMatchObject({ id: 'peer-employment', values: [0, 5250, 2625] });
    expect(result.conventions.firstYearDiscounted).toBe(true);
  });

  it('prints a table that fits 80 columns, in UK number style, with the convention', () => {
    const { code, stdout } = sroiInProcess('calculate', several);
    expect(code).toBe(0);
    expect(stdout).toContain('£32,880.61');
    expect(stdout).toContain('£1 : £2.12');
    expect(stdout).toContain('Year 1 discounted');
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('keeps JSON output parseable for every command', () => {
    const ld = fixturePath('ld-review.impact-map.json');
    for (const command of ['validate', 'calculate', 'scenarios', 'sensitivity', 'simulate']) {
      const { code, stdout } = sroiInProcess(command, ld, '--format', 'json', '--iterations', '200');
      expect(code, command).toBe(0);
      expect(() => JSON.parse(stdout), command).not.toThrow();
    }
  });

  it('gives identical simulation results for the same seed', () => {
    const model = tempFile(
      'uncertain.json',
      JSON.stringify({
        stakeholders: [{ id: 'p', name: 'People' }],
        outcomes: [
          {
            id: 'o',
            stakeholder: 'p',
            name: 'O',
            quantity: 10,
            proxy: { value: 100, source: 's' },
            deadweight: 0,
            attribution: 0,
            duration: 1,
          },
        ],
        inputs: [{ id: 'i', name: 'I', amount: 800 }],
        uncertainty: { 'outcomes.o.proxy.value': { type: 'pert', min: 50, mode: 100, max: 200 } },
      }),
    );
    const a = sroiInProcess('simulate', model, '--seed', '9', '--iterations', '2000', '--format', 'json');
    const b = sroiInProcess('simulate', model, '--seed', '9', '--iterations', '2000', '--format', 'json');
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout).ratio).toEqual(JSON.parse(b.stdout).ratio);
    expect(JSON.parse(a.stdout).ratio.histogram).toHaveLength(20);
    const table = sroiInProcess('simulate', model, '--seed', '9', '--iterations', '2000');
    expect(table.stdout).toContain('Distribution of the ratio (share of draws):');
    expect(table.stdout).toMatch(/#{40}/);
  });

  it('prints scenarios side by side, and CSV when asked', () => {
    const table = sroiInProcess('scenarios', fixturePath('ld-review.impact-map.json'));
    expect(table.stdout).toContain('£1 : £2.29');
    const csv = sroiInProcess('scenarios', fixturePath('ld-review.impact-map.json'), '--format', 'csv');
    expect(csv.stdout.split('\n')[0]).toBe('scenario,present_value,inputs_value,net_present_value,ratio');
  });

  it('exits 1 and prints each error with its path for an invalid model', () => {
    const bad = tempFile(
      'bad.json',
      JSON.stringify({
        stakeholders: [{ id: 'p', name: 'People' }],
        outcomes: [
          {
            id: 'o',
            stakeholder: 'p',
            name: 'O',
            quantity: 1,
            proxy: { value: 1 },
            deadweight: 1.2,
            duration: 1,
          },
        ],
        inputs: [{ id: 'i', name: 'I', amount: 1 }],
      }),
    );
    const text = sroi('calculate', bad);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('outcomes[0].deadweight: deadweight must be between 0 and 1; got 1.2');
    const json = sroi('validate', bad, '--format', 'json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).errors[0]).toMatchObject({
      path: 'outcomes[0].deadweight',
      code: 'out_of_range',
    });
  });

  it('exits 2 naming the file, line and column for bad JSON', () => {
    const broken = tempFile('broken.json', '{\n  "outcomes": [,]\n}\n');
    const { code, stdout, stderr } = sroi('validate', broken, '--format', 'json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/broken\.json:2:\d+: not valid JSON/);
  });

  it('exits 2 for an unreadable file or a usage error', () => {
    expect(sroiInProcess('calculate', '/nonexistent/model.json').code).toBe(2);
    expect(sroiInProcess('calculate', '/nonexistent/model.json').stderr).toContain('/nonexistent/model.json');
    expect(sroiInProcess('explain', several).code).toBe(2);
    expect(sroiInProcess('calculate', several, '--format', 'xml').code).toBe(2);
    expect(sroiInProcess('calculate').code).toBe(2);
    expect(sroiInProcess('calculate', several, '--bogus').code).toBe(2);
  });

  it('prints help and exits 0', () => {
    const { code, stdout } = sroi('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('sroi <command> <model.json>');
  });
});
