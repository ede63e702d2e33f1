import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALLOWED_KEYS } from '../src/validate.ts';

const schema = JSON.parse(
  readFileSync(new URL('../schema/impact-model.schema.json', import.meta.url), 'utf8'),
);

describe('the JSON Schema', () => {
  it('allows exactly the keys the validator allows, part by part', () => {
    const parts: Record<keyof typeof ALLOWED_KEYS, Record<string, unknown>> = {
      model: schema.properties,
      settings: schema.$defs.settings.properties,
      outcome: schema.$defs.outcome.properties,
      input: schema.$defs.input.properties,
      outcomeChanges: schema.$defs.outcomeChanges.properties,
      scenario: schema.$defs.scenario.properties,
    };
    for (const [part, properties] of Object.entries(parts)) {
      const allowed = ALLOWED_KEYS[part as keyof typeof ALLOWED_KEYS];
      expect(Object.keys(properties).sort(), part).toEqual([...allowed].sort());
    }
  });

  it('rejects unknown keys everywhere', () => {
    expect(schema.additionalProperties).toBe(false);
    for (const name of [
      'settings',
      'stakeholder',
      'proxy',
      'outcome',
      'input',
      'scenario',
      'outcomeChanges',
    ]) {
      expect(schema.$defs[name].additionalProperties, name).toBe(false);
    }
  });
});
