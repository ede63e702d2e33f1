import { describe, expect, it } from 'vitest';
import { type ImpactModel, listEstimates, ratioWithEstimate, sensitivity } from '../src/index.ts';
import { buildModel, loadModel } from './load-fixture.ts';

/** Independent numerical check: bisection on the ratio itself, over [low, high]. */
function bisectRatio(model: ImpactModel, path: string, low: number, high: number): number | null {
  const f = (x: number) => ratioWithEstimate(model, path, x) - 1;
  let a = low;
  let b = high;
  if (f(a) * f(b) > 0) return null;
  for (let i = 0; i < 80; i++) {
    const mid = (a + b) / 2;
    if (f(a) * f(mid) <= 0) b = mid;
    else a = mid;
  }
  return (a + b) / 2;
}

const SEARCH_RANGE: Record<string, [number, number]> = {
  'proxy.value': [-1e6, 1e6],
  quantity: [0, 1e4],
  deadweight: [0, 1],
  displacement: [0, 1],
  attribution: [0, 1],
  serviceContribution: [0, 1],
  amount: [0, 1e7],
  hours: [0, 1e7],
  rate: [0, 1e5],
};

describe('break-even', () => {
  it('solves the single outcome by hand: deadweight, proxy and inputs', () => {
    // PV = 30,443.0016 at deadweight 0.2 → PV per unit of (1 − deadweight) = 38,053.752; inputs 10,000.
    // Break-even: 1 − d = 10,000 / 38,053.752 → d = 0.737215; proxy = 1,000 × 10,000 / 30,443.0016 = 328.4893.
    const { breakEvens } = sensitivity(loadModel('single-outcome'));
    const at = (path: string) => breakEvens.find((b) => b.path === path);
    expect(at('outcomes.housing.deadweight')?.breakEven).toBeCloseTo(
      1 - 10000 / (30443.001561601057 / 0.8),
      9,
    );
    expect(at('outcomes.housing.proxy.value')?.breakEven).toBeCloseTo((1000 * 10000) / 30443.001561601057, 6);
    expect(at('inputs.contract.amount')?.breakEven).toBeCloseTo(30443.001561601057, 6);
    expect(at('outcomes.housing.duration')).toMatchObject({ reachable: false });
  });

  it('agrees with numerical search for every linear estimate', () => {
    const model = loadModel('several-outcomes');
    const { breakEvens } = sensitivity(model);
    for (const b of breakEvens.filter((x) => x.method === 'closed-form')) {
      const [low, high] = SEARCH_RANGE[b.field] ?? [0, 1];
      const searched = bisectRatio(model, b.path, low, high);
      if (b.reachable) expect(b.breakEven, b.path).toBeCloseTo(searched as number, 5);
      else expect(searched, b.path).toBeNull();
    }
  });

  it('finds drop-off by bisection and it gives a ratio of exactly 1:1', () => {
    const model = loadModel('several-outcomes');
    const b = sensitivity(model).breakEvens.find((x) => x.path === 'outcomes.housing.dropOff');
    expect(b?.method).toBe('bisection');
    expect(ratioWithEstimate(model, 'outcomes.housing.dropOff', b?.breakEven as number)).toBeCloseTo(1, 9);
  });

  it('reports the smallest whole duration that keeps the ratio at 1:1 or more', () => {
    const model = buildModel({ inputs: [{ id: 'contract', name: 'Contract', amount: 25000 }] });
    const b = sensitivity(model).breakEvens.find((x) => x.path === 'outcomes.housing.duration');
    // Year values 12,000, 10,800, 9,720 discounted: 11,594 + 10,082 = 21,676 < 25,000 ≤ 30,443 → 3 years.
    expect(b).toMatchObject({ reachable: true, breakEven: 3, method: 'whole-year search' });
  });

  it('says why a break-even cannot be reached', () => {
    // A second outcome worth more than the inputs on its own keeps the ratio above 1:1 whatever housing does.
    const model = buildModel({ inputs: [{ id: 'contract', name: 'Contract', amount: 1000 }] });
    model.outcomes.push({
      ...(model.outcomes[0] as ImpactModel['outcomes'][number]),
      id: 'wellbeing',
      name: 'Wellbeing',
    });
    const { breakEvens } = sensitivity(model);
    const deadweight = breakEvens.find((x) => x.path === 'outcomes.housing.deadweight');
    expect(deadweight).toMatchObject({ reachable: false, breakEven: null });
    expect(deadweight?.reason).toMatch(/deadweight would have to exceed 100%/);
    const dropOff = breakEvens.find((x) => x.path === 'outcomes.housing.dropOff');
    expect(dropOff?.reason).toMatch(/stays above 1:1 even with 100% drop-off/);
  });

  it('covers every estimate: each proxy, quantity, rate, duration and input', () => {
    const model = loadModel('several-outcomes');
    expect(sensitivity(model).breakEvens.map((b) => b.path)).toEqual(listEstimates(model).map((e) => e.path));
    expect(listEstimates(model)).toHaveLength(3 * 7 + 1 + 1 + 2);
  });
});

describe('tornado swings', () => {
  it('gives low and high ratios for ±20% and sorts by swing size', () => {
    const { tornado } = sensitivity(loadModel('several-outcomes'));
    const sizes = tornado.map((s) => s.swing);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const proxy = tornado.find((s) => s.path === 'outcomes.housing.proxy.value');
    expect(proxy).toMatchObject({ lowValue: 800, highValue: 1200 });
  });

  it('uses the configured swing and keeps rates within 0..1', () => {
    const { tornado, swing } = sensitivity(buildModel(), { swing: 0.5 });
    expect(swing).toBe(0.5);
    const attribution = tornado.find((s) => s.path === 'outcomes.housing.attribution');
    expect(attribution?.lowValue).toBeCloseTo(0.125, 12);
    expect(attribution?.highValue).toBeCloseTo(0.375, 12);
    const durations = tornado.find((s) => s.path === 'outcomes.housing.duration');
    expect([durations?.lowValue, durations?.highValue]).toEqual([2, 5]);
  });
});
