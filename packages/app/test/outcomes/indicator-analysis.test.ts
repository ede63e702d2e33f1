import { fc, test as propertyTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  type AnswerPair,
  analyseIndicator,
  deadweightFrom,
  meanServiceContribution,
  suppressSmallCount,
} from '../../src/server/modules/outcomes/indicator-analysis.rules.ts';

const scale = { kind: 'scale', min: 0, max: 10, isReverseKeyed: false } as const;
const living = {
  kind: 'ordered',
  ranks: ['rough_sleeping', 'sofa_surfing', 'temporary', 'with_family_or_friends', 'own_place'],
} as const;

describe('distance travelled on a 0–10 item', () => {
  // Hand computed: changes +4, +2, 0, −2, +3 over five people, one more did not answer "before".
  const pairs: AnswerPair[] = [
    { before: 2, now: 6 },
    { before: 5, now: 7 },
    { before: 6, now: 6 },
    { before: 8, now: 6 },
    { before: 1, now: 4 },
    { before: null, now: 9 },
  ];

  it('shares people into improved, same and worsened over those who answered both', () => {
    const result = analyseIndicator(scale, pairs, { invited: 10 });
    expect(result).toMatchObject({
      n: 5,
      invited: 10,
      responseRate: 0.5,
      excluded: { unanswered: 1, unranked: 0 },
      improved: { count: 3, share: 0.6 },
      same: { count: 1, share: 0.2 },
      worsened: { count: 1, share: 0.2 },
    });
  });

  it('gives the mean change among those who improved and over everyone, in points and % of the scale', () => {
    const result = analyseIndicator(scale, pairs);
    expect(result.meanChangeAmongImproved.points).toBeCloseTo(3, 10); // (4 + 2 + 3) / 3
    expect(result.meanChangeAmongImproved.percentOfScale).toBeCloseTo(30, 10);
    expect(result.meanChangeOverall.points).toBeCloseTo(1.4, 10); // 7 / 5
    expect(result.meanChangeOverall.percentOfScale).toBeCloseTo(14, 10);
  });

  it('reverses a negatively worded item, so a lower answer now counts as an improvement', () => {
    const result = analyseIndicator({ ...scale, isReverseKeyed: true }, [{ before: 9, now: 3 }]);
    expect(result.improved.count).toBe(1);
    expect(result.meanChangeOverall.points).toBe(6);
  });

  it('reports no figures, not a division by zero, when nobody answered', () => {
    const result = analyseIndicator(scale, [], { invited: 0 });
    expect(result).toMatchObject({
      n: 0,
      responseRate: null,
      improved: { count: 0, share: null },
      meanChangeOverall: { points: null, percentOfScale: null },
    });
  });

  propertyTest.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })))])(
    'always splits the people it counts into exactly improved, same and worsened',
    (answers) => {
      const result = analyseIndicator(
        scale,
        answers.map(([before, now]) => ({ before, now })),
      );
      expect(result.improved.count + result.same.count + result.worsened.count).toBe(result.n);
      expect(result.n).toBe(answers.length);
    },
  );

  propertyTest.prop([
    fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })), { minLength: 1 }),
  ])('turns improvements into deteriorations when the item is reverse-keyed', (answers) => {
    const pairs = answers.map(([before, now]) => ({ before, now }));
    const plain = analyseIndicator(scale, pairs);
    const reversed = analyseIndicator({ ...scale, isReverseKeyed: true }, pairs);
    expect(reversed.improved.count).toBe(plain.worsened.count);
    expect(reversed.meanChangeOverall.points).toBeCloseTo(-(plain.meanChangeOverall.points as number), 10);
  });
});

describe('distance travelled on ordered categories', () => {
  it('counts moves up and down the ranks and leaves out "prefer not to say", counting it', () => {
    const result = analyseIndicator(living, [
      { before: 'rough_sleeping', now: 'temporary' }, // +2
      { before: 'sofa_surfing', now: 'own_place' }, // +3
      { before: 'own_place', now: 'with_family_or_friends' }, // −1
      { before: 'temporary', now: 'temporary' }, // 0
      { before: 'prefer_not_to_say', now: 'own_place' },
    ]);
    expect(result).toMatchObject({
      n: 4,
      excluded: { unanswered: 0, unranked: 1 },
      improved: { count: 2, share: 0.5 },
      worsened: { count: 1, share: 0.25 },
    });
    expect(result.meanChangeOverall.points).toBeCloseTo(1, 10); // mean rank change (2 + 3 − 1 + 0) / 4
    expect(result.meanChangeOverall.percentOfScale).toBeCloseTo(25, 10); // of 4 steps
  });
});

describe('contribution and deadweight', () => {
  it('averages the share due to the service, leaving out "no change"', () => {
    expect(meanServiceContribution(['completely', 'some', 'a_little', 'no_change'])).toEqual({
      n: 3,
      excludedNoChange: 1,
      mean: (1 + 0.5 + 0.25) / 3,
    });
    expect(meanServiceContribution(['no_change']).mean).toBeNull();
  });

  it('maps the counterfactual answers to deadweight, with a mapping an organisation can change', () => {
    const answers = [
      'stayed_the_same',
      'improved_slightly',
      'worsened_slightly',
      'improved_significantly',
    ] as const;
    expect(deadweightFrom(answers).mean).toBeCloseTo(0.375, 10);
    const strict = {
      worsened_significantly: 0,
      worsened_slightly: 0,
      stayed_the_same: 0,
      improved_slightly: 0.25,
      improved_significantly: 0.5,
    };
    expect(deadweightFrom(answers, strict).mean).toBeCloseTo(0.1875, 10);
  });
});

describe('small-number suppression for evaluators', () => {
  it('hides counts from 1 to 7 and shows 0 and 8 upwards', () => {
    expect([0, 1, 7, 8, 120].map(suppressSmallCount)).toEqual([0, null, null, 8, 120]);
  });
});
