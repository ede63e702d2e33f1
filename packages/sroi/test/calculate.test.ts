import { describe, expect, it } from 'vitest';
import { calculate, DISCOUNT_SCHEDULES, discountFactors, InvalidModelError } from '../src/index.ts';
import { buildModel, loadExpected, loadModel } from './load-fixture.ts';

interface Expected {
  presentValue: number;
  inputsValue: number;
  netPresentValue: number;
  ratio: number;
  netRatio: number;
  paybackMonths: number | null;
  valuePerParticipant: number | null;
  outcomes: { id: string; presentValue: number; values: number[] }[];
  stakeholders?: { id: string; presentValue: number }[];
}

const FIXTURES = [
  'single-outcome',
  'single-outcome-first-year-undiscounted',
  'several-outcomes',
  'several-outcomes-first-year-undiscounted',
];

describe('calculate on hand-computed fixtures', () => {
  for (const name of FIXTURES) {
    it(`reproduces the hand-computed figures for ${name}`, () => {
      const result = calculate(loadModel(name));
      const expected = loadExpected<Expected>(name);
      expect(result.presentValue).toBeCloseTo(expected.presentValue, 6);
      expect(result.inputsValue).toBeCloseTo(expected.inputsValue, 6);
      expect(result.netPresentValue).toBeCloseTo(expected.netPresentValue, 6);
      expect(result.ratio).toBeCloseTo(expected.ratio, 9);
      expect(result.netRatio).toBeCloseTo(expected.netRatio, 9);
      expect(result.paybackMonths).toBeCloseTo(expected.paybackMonths as number, 9);
      if (expected.valuePerParticipant === null) expect(result.valuePerParticipant).toBeNull();
      else expect(result.valuePerParticipant).toBeCloseTo(expected.valuePerParticipant, 6);
      expect(result.outcomes.map((o) => o.id)).toEqual(expected.outcomes.map((o) => o.id));
      result.outcomes.forEach((outcome, i) => {
        const want = expected.outcomes[i];
        expect(outcome.presentValue).toBeCloseTo(want?.presentValue as number, 6);
        expect(outcome.values).toHaveLength(want?.values.length as number);
        outcome.values.forEach((v, t) => {
          expect(v).toBeCloseTo(want?.values[t] as number, 9);
        });
      });
      for (const want of expected.stakeholders ?? []) {
        expect(result.stakeholders.find((s) => s.id === want.id)?.presentValue).toBeCloseTo(
          want.presentValue,
          6,
        );
      }
    });
  }

  it('states the year-1 convention on every result', () => {
    expect(calculate(loadModel('single-outcome')).conventions).toMatchObject({
      firstYearDiscounted: true,
      discountRate: 0.035,
    });
    const undiscounted = calculate(loadModel('single-outcome-first-year-undiscounted')).conventions;
    expect(undiscounted.firstYearDiscounted).toBe(false);
    expect(undiscounted.statement).toMatch(/Year 1 not discounted/);
  });

  it('defaults to the SROI guide convention of discounting year 1 at 3.5%', () => {
    const { settings: _none, ...model } = buildModel();
    const result = calculate(model);
    expect(result.conventions.firstYearDiscounted).toBe(true);
    expect(result.discountFactors[0]).toBeCloseTo(1 / 1.035, 12);
  });

  it('throws a typed error carrying the issues when the model is invalid', () => {
    const model = buildModel();
    (model.outcomes[0] as { deadweight: number }).deadweight = 1.2;
    try {
      calculate(model);
      expect.unreachable('calculate should throw');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidModelError);
      expect((error as InvalidModelError).issues[0]).toMatchObject({
        path: 'outcomes[0].deadweight',
        code: 'out_of_range',
      });
    }
  });

  it('gives a null payback when the annual impact is not positive', () => {
    const model = buildModel();
    (model.outcomes[0] as { proxy: { value: number } }).proxy.value = -1000;
    expect(calculate(model).paybackMonths).toBeNull();
  });
});

describe('drop-off streams', () => {
  it('applies drop-off from the second year of the outcome: impact × (1 − dropOff)^(k − 1)', () => {
    const model = buildModel();
    Object.assign(model.outcomes[0] as object, {
      quantity: 1,
      proxy: { value: 1000, source: 's' },
      deadweight: 0,
      attribution: 0,
      dropOff: 0.5,
      duration: 4,
    });
    expect(calculate(model).outcomes[0]?.values).toEqual([1000, 500, 250, 125]);
  });

  it('puts a leading zero before an outcome that starts in the period after the activity', () => {
    const model = buildModel();
    Object.assign(model.outcomes[0] as object, {
      quantity: 1,
      proxy: { value: 100, source: 's' },
      deadweight: 0,
      attribution: 0,
      dropOff: 0.2,
      duration: 2,
      start: 2,
    });
    const outcome = calculate(model).outcomes[0];
    expect(outcome?.values).toEqual([0, 100, 80]);
    // Discounted over 2 and 3 years: 100 / 1.035² + 80 / 1.035³.
    expect(outcome?.presentValue).toBeCloseTo(100 / 1.035 ** 2 + 80 / 1.035 ** 3, 9);
  });

  it('keeps the full value every year when there is no drop-off', () => {
    const model = buildModel({ settings: { discountRate: 0 } });
    Object.assign(model.outcomes[0] as object, { dropOff: 0, duration: 5 });
    const result = calculate(model);
    expect(result.outcomes[0]?.values).toEqual([12000, 12000, 12000, 12000, 12000]);
    expect(result.presentValue).toBe(60000);
  });
});

describe('discounting', () => {
  it('discounts inputs in later years and leaves year-1 inputs at face value', () => {
    const model = buildModel({
      inputs: [
        { id: 'a', name: 'Year 1 grant', amount: 1000 },
        { id: 'b', name: 'Year 3 grant', amount: 1000, year: 3 },
      ],
    });
    const inputs = calculate(model).inputs;
    expect(inputs[0]?.presentValue).toBe(1000);
    expect(inputs[1]?.presentValue).toBeCloseTo(1000 / 1.035 ** 2, 9);
  });

  it('multiplies the Green Book schedule rates year by year, stepping down after year 30', () => {
    const factors = discountFactors({ discountSchedule: 'green-book-standard' }, 32);
    expect(factors[30]).toBeCloseTo(1 / 1.035 ** 30, 12);
    expect(factors[31]).toBeCloseTo(1 / (1.035 ** 30 * 1.03), 12);
    expect(factors[32]).toBeCloseTo(1 / (1.035 ** 30 * 1.03 ** 2), 12);
  });

  it('holds the schedules as versioned data', () => {
    expect(DISCOUNT_SCHEDULES['green-book-health'].bands[0]?.rate).toBe(0.015);
    expect(DISCOUNT_SCHEDULES['green-book-standard'].version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('names the schedule and its version in the conventions', () => {
    const result = calculate(buildModel({ settings: { discountSchedule: 'green-book-health' } }));
    expect(result.conventions.discountSchedule?.name).toBe('green-book-health');
    expect(result.discountFactors[1]).toBeCloseTo(1 / 1.015 ** 2, 12);
  });
});
