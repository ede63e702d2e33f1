import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { calculate, type ImpactModel, type Outcome, simulate } from '../src/index.ts';

const rate = fc.double({ min: 0, max: 1, noNaN: true });

const outcomeArb = (id: string): fc.Arbitrary<Outcome> =>
  fc.record({
    id: fc.constant(id),
    stakeholder: fc.constant('people'),
    name: fc.constant(`Outcome ${id}`),
    quantity: fc.double({ min: 0, max: 1000, noNaN: true }),
    proxy: fc.record({
      value: fc.double({ min: -5000, max: 20000, noNaN: true }),
      source: fc.constant('test'),
    }),
    deadweight: rate,
    displacement: rate,
    attribution: rate,
    dropOff: rate,
    duration: fc.integer({ min: 1, max: 8 }),
    start: fc.integer({ min: 1, max: 2 }),
  });

const modelArb: fc.Arbitrary<ImpactModel> = fc
  .record({
    discountRate: fc.double({ min: 0, max: 0.1, noNaN: true }),
    firstYearDiscounted: fc.boolean(),
    outcomes: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
    amount: fc.double({ min: 1, max: 1e6, noNaN: true }),
  })
  .chain(({ discountRate, firstYearDiscounted, outcomes, amount }) =>
    fc.tuple(...outcomes.map((_, i) => outcomeArb(`o${i}`))).map((list) => ({
      settings: { discountRate, firstYearDiscounted },
      stakeholders: [{ id: 'people', name: 'People' }],
      outcomes: list,
      inputs: [{ id: 'grant', name: 'Grant', amount }],
    })),
  );

function relativeClose(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

describe('properties of the calculation', () => {
  test.prop([modelArb, rate, rate])(
    'raising deadweight never raises the value of a positive outcome',
    (model, a, b) => {
      const outcome = model.outcomes[0] as Outcome;
      outcome.proxy.value = Math.abs(outcome.proxy.value);
      const [low, high] = a <= b ? [a, b] : [b, a];
      const valueAt = (deadweight: number) =>
        calculate({ ...model, outcomes: [{ ...outcome, deadweight }] }).outcomes[0]?.presentValue as number;
      expect(valueAt(high)).toBeLessThanOrEqual(valueAt(low));
    },
  );

  test.prop([modelArb, fc.double({ min: -10, max: 10, noNaN: true })])(
    'scaling every proxy by k scales present value by k',
    (model, k) => {
      const scaled = {
        ...model,
        outcomes: model.outcomes.map((o) => ({ ...o, proxy: { ...o.proxy, value: o.proxy.value * k } })),
      };
      const base = calculate(model).presentValue;
      expect(relativeClose(calculate(scaled).presentValue, base * k) || Math.abs(base * k) < 1e-6).toBe(true);
    },
  );

  test.prop([modelArb])('with a zero rate, present value equals the undiscounted sum', (model) => {
    const result = calculate({ ...model, settings: { discountRate: 0 } });
    const sum = result.outcomes.reduce((total, o) => total + o.values.reduce((s, v) => s + v, 0), 0);
    expect(relativeClose(result.presentValue, sum) || Math.abs(sum) < 1e-6).toBe(true);
  });
});

describe('properties of the Monte Carlo simulation', () => {
  test.prop([modelArb], { numRuns: 30 })('zero-width distributions return the point estimate', (model) => {
    const outcome = model.outcomes[0] as Outcome;
    const point = calculate(model);
    const result = simulate(model, {
      iterations: 50,
      seed: 7,
      uncertainty: {
        [`outcomes.${outcome.id}.proxy.value`]: {
          type: 'triangular',
          min: outcome.proxy.value,
          mode: outcome.proxy.value,
          max: outcome.proxy.value,
        },
        [`outcomes.${outcome.id}.deadweight`]: {
          type: 'uniform',
          min: outcome.deadweight ?? 0,
          max: outcome.deadweight ?? 0,
        },
        [`outcomes.${outcome.id}.attribution`]: {
          type: 'truncated-normal',
          mean: outcome.attribution ?? 0,
          sd: 0,
        },
        [`outcomes.${outcome.id}.quantity`]: {
          type: 'pert',
          min: outcome.quantity,
          mode: outcome.quantity,
          max: outcome.quantity,
        },
      },
    });
    for (const p of ['p5', 'p50', 'p95', 'mean'] as const) {
      expect(
        relativeClose(result.presentValue[p], point.presentValue) || Math.abs(point.presentValue) < 1e-6,
      ).toBe(true);
      expect(relativeClose(result.ratio[p], point.ratio) || Math.abs(point.ratio) < 1e-9).toBe(true);
    }
  });

  test.prop([modelArb, fc.integer()], { numRuns: 20 })(
    'the same seed gives the same percentiles',
    (model, seed) => {
      const outcome = model.outcomes[0] as Outcome;
      const uncertainty = {
        [`outcomes.${outcome.id}.deadweight`]: { type: 'uniform' as const, min: 0, max: 0.5 },
        [`outcomes.${outcome.id}.dropOff`]: { type: 'pert' as const, min: 0, mode: 0.2, max: 0.9 },
      };
      const a = simulate(model, { iterations: 200, seed, uncertainty });
      const b = simulate(model, { iterations: 200, seed, uncertainty });
      expect(a).toEqual(b);
    },
  );
});
