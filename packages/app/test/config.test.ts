import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, configSpec, loadConfig } from '../src/server/config.ts';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

describe('configuration', () => {
  it('is documented in the README exactly as config.ts declares it', () => {
    const section = readme.slice(readme.indexOf('## Configuration'));
    const rows = [...section.matchAll(/^\| `([A-Z_]+)` \| (.+?) \| `(.+?)` \|$/gm)].map((m) => [
      m[1],
      m[2],
      m[3],
    ]);
    const declared = Object.entries(configSpec).map(([name, spec]) => [name, spec.doc, spec.default]);
    expect(rows).toEqual(declared);
  });

  it('uses embedded PGlite in ./data with no configuration at all', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe('./data');
    expect(config.port).toBe(3000);
    expect(config.isDemoEnabled).toBe(true);
  });

  it('refuses demo mode in production', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', PEERPATH_DEMO: 'true', PEERPATH_AUTH_SECRET: 'x'.repeat(40) }),
    ).toThrow(ConfigError);
    expect(loadConfig({ NODE_ENV: 'production', PEERPATH_AUTH_SECRET: 'x'.repeat(40) }).isDemoEnabled).toBe(
      false,
    );
  });

  it('requires an auth secret in production and names the variable when a value is wrong', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PEERPATH_AUTH_SECRET/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
