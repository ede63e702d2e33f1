import { describe, expect, it } from 'vitest';
import { applyScenario, calculate, InvalidModelError, runScenarios } from '../src/index.ts';
import { buildModel, loadExpected, loadModel } from './load-fixture.ts';

interface LdExpected {
  scenarios: {
    name: string;
    inputsValue: number;
    presentValue: number;
    ratio: number;
    publishedRatio: number;
    matchesPublished: boolean;
  }[];
  published: { table: number; totalCost: number; valueCreated: number; ratio: number }[];
  valuePerParticipant: number;
}

describe('scenarios', () => {
  it('puts the base case first and one row per scenario', () => {
    const rows = runScenarios(buildModel(), [{ name: 'Proxies halved', proxyScale: 0.5 }]);
    expect(rows.map((r) => r.name)).toEqual(['Base case', 'Proxies halved']);
    expect(rows[1]?.presentValue).toBeCloseTo((rows[0]?.presentValue as number) / 2, 9);
  });

  it('replaces named proxies as written, after scaling the rest', () => {
    const varied = applyScenario(buildModel(), { name: 'x', proxyScale: 2, proxyValues: { housing: 500 } });
    expect(varied.outcomes[0]?.proxy.value).toBe(500);
  });

  it('changes duration, drop-off and deadweight for all outcomes or one', () => {
    const varied = applyScenario(buildModel(), {
      name: 'x',
      allOutcomes: { deadweight: 0.5, duration: 1 },
      outcomeChanges: { housing: { duration: 2, dropOff: 0.5 } },
    });
    expect(varied.outcomes[0]).toMatchObject({ deadweight: 0.5, duration: 2, dropOff: 0.5 });
  });

  it('switches attribution convention when a scenario gives a service contribution', () => {
    const varied = applyScenario(buildModel(), {
      name: 'x',
      outcomeChanges: { housing: { serviceContribution: 0.6 } },
    });
    expect(varied.outcomes[0]?.attribution).toBeUndefined();
    expect(calculate(varied).outcomes[0]?.impact).toBeCloseTo(20 * 1000 * 0.8 * 0.6, 9);
  });

  it('adds and removes inputs such as volunteer time', () => {
    const rows = runScenarios(buildModel(), [
      {
        name: 'With volunteers',
        addInputs: [{ id: 'time', name: 'Volunteer time', kind: 'volunteer-time', hours: 100, rate: 10 }],
      },
      {
        name: 'Unfunded',
        removeInputs: ['contract'],
        addInputs: [{ id: 'gift', name: 'Gift', amount: 5000 }],
      },
    ]);
    expect(rows.map((r) => r.inputsValue)).toEqual([10000, 11000, 5000]);
  });

  it('throws a typed error when a scenario makes the model invalid', () => {
    expect(() => runScenarios(buildModel(), [{ name: 'Broken', allOutcomes: { deadweight: 2 } }])).toThrow(
      InvalidModelError,
    );
  });
});

describe('the L&D review worked example', () => {
  const expected = loadExpected<LdExpected>('ld-review');
  const rows = runScenarios(loadModel('ld-review'));

  it('reproduces the published value and cost of every scenario', () => {
    expect(rows.map((r) => r.name)).toEqual(expected.scenarios.map((s) => s.name));
    rows.forEach((row, i) => {
      const want = expected.scenarios[i];
      expect(row.presentValue).toBeCloseTo(want?.presentValue as number, 6);
      expect(row.inputsValue).toBeCloseTo(want?.inputsValue as number, 6);
    });
  });

  it('recomputes each ratio to 2 dp: 2.29, 2.09, 1.15, 1.04, 3.58, 3.26', () => {
    expect(rows.map((r) => Number(r.ratio.toFixed(2)))).toEqual(expected.scenarios.map((s) => s.ratio));
  });

  it('flags the published ratios that do not follow from their own inputs (Tables 2, 3 and 4)', () => {
    const mismatched = expected.published
      .filter((t) => (t.valueCreated / t.totalCost).toFixed(2) !== t.ratio.toFixed(2))
      .map((t) => t.table);
    expect(mismatched).toEqual([2, 3, 4]);
    // Table 3's value created (£949,785) gives 1.58, not its published 2.08.
    const table3 = expected.published.find((t) => t.table === 3);
    expect(((table3?.valueCreated as number) / (table3?.totalCost as number)).toFixed(2)).toBe('1.58');
    expect(expected.scenarios.filter((s) => !s.matchesPublished).map((s) => s.name)).toEqual([
      'Base case',
      'Central, with volunteer time',
      'Conservative',
    ]);
  });

  it('gives about £2,614 of value per service user', () => {
    expect(calculate(loadModel('ld-review')).valuePerParticipant).toBeCloseTo(
      expected.valuePerParticipant,
      6,
    );
  });
});
