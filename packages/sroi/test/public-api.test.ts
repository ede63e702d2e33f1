import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.ts';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(`${dir}${entry.name}/`)
      : entry.name.endsWith('.ts')
        ? [`${dir}${entry.name}`]
        : [],
  );
}

describe('the public API', () => {
  it('documents every exported value with an example', () => {
    const all = sourceFiles(SRC)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const missing = Object.keys(api).filter((name) => {
      const declaration = new RegExp(
        `/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export (?:const|function|class) ${name}\\b`,
      );
      const doc = declaration.exec(all)?.[1] ?? '';
      return !doc.includes('@example');
    });
    expect(missing).toEqual([]);
  });

  it('documents every exported type with an example too', () => {
    const index = readFileSync(`${SRC}index.ts`, 'utf8');
    const inline = [...index.matchAll(/\btype (\w+)/g)].map((m) => m[1] as string);
    const blocks = [...index.matchAll(/export type \{([^}]*)\}/g)].flatMap(
      (m) => (m[1] as string).match(/\w+/g) ?? [],
    );
    const typeNames = [...inline.filter((name) => name !== 'from'), ...blocks];
    const all = sourceFiles(SRC)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    expect(typeNames.length).toBeGreaterThan(30);
    const missing = typeNames.filter((name) => {
      const declaration = new RegExp(
        `/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export (?:interface|type) ${name}\\b`,
      );
      return !(declaration.exec(all)?.[1] ?? '').includes('@example');
    });
    expect(missing).toEqual([]);
  });

  it('keeps I/O and Node modules out of the library (only the CLI reads files)', () => {
    for (const file of sourceFiles(SRC).filter((f) => !f.includes('/cli/'))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from 'node:|require\(|process\./);
    }
  });

  it('imports nothing from outside the package', () => {
    for (const file of sourceFiles(SRC)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
        const specifier = match[1] as string;
        expect(specifier.startsWith('.') || specifier.startsWith('node:'), `${file}: ${specifier}`).toBe(
          true,
        );
      }
    }
  });
});
