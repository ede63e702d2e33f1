import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => (m[1] ?? m[2]) as string);
}

/** Files under `from` that import something matching `forbidden`. */
function violations(from: string, forbidden: (specifier: string, file: string) => boolean): string[] {
  return sourceFiles(join(repo, from)).flatMap((file) =>
    importsOf(file)
      .filter((s) => forbidden(s, file))
      .map((s) => `${relative(repo, file)} imports ${s}`),
  );
}

describe('dependency rules (ARCHITECTURE.md)', () => {
  it('keeps the API contract free of everything but zod and itself', () => {
    expect(violations('packages/app/src/contract', (s) => !(s === 'zod' || s.startsWith('./')))).toEqual([]);
  });

  it('never lets the server import the web app', () => {
    expect(violations('packages/app/src/server', (s) => s.includes('/web/'))).toEqual([]);
  });

  it('never lets the web app import the server', () => {
    expect(violations('packages/app/src/web', (s) => s.includes('/server/'))).toEqual([]);
  });

  it('keeps the SROI engine self-contained, with I/O only in its CLI', () => {
    expect(
      violations('packages/sroi/src', (s) => s.startsWith('../..') && !s.startsWith('../../src')),
    ).toEqual([]);
    expect(
      violations(
        'packages/sroi/src',
        (s, file) => s.startsWith('node:') && !relative(repo, file).includes('/cli/'),
      ),
    ).toEqual([]);
    expect(violations('packages/sroi/src', (s) => !s.startsWith('.') && !s.startsWith('node:'))).toEqual([]);
  });
});
