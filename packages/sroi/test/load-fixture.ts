import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ImpactModel } from '../src/index.ts';

/** Absolute path of a fixture file. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

/** A fixture model, parsed. */
export function loadModel(name: string): ImpactModel {
  return JSON.parse(readFileSync(fixturePath(`${name}.impact-map.json`), 'utf8')) as ImpactModel;
}

/** A fixture's hand-computed expectations. */
export function loadExpected<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(fixturePath(`${name}.expected.json`), 'utf8')) as T;
}

/** A small valid model to vary in tests. */
export function buildModel(overrides: Partial<ImpactModel> = {}): ImpactModel {
  return {
    settings: { discountRate: 0.035 },
    stakeholders: [{ id: 'service-users', name: 'Service users' }],
    outcomes: [
      {
        id: 'housing',
        stakeholder: 'service-users',
        name: 'Improved living situation',
        quantity: 20,
        proxy: { value: 1000, source: 'test' },
        deadweight: 0.2,
        displacement: 0,
        attribution: 0.25,
        dropOff: 0.1,
        duration: 3,
      },
    ],
    inputs: [{ id: 'contract', name: 'Service contract', amount: 10000 }],
    ...overrides,
  };
}
