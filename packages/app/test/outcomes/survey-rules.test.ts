import { fc, test as propertyTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  type IndicatorResult,
  type InstrumentContent,
  instrumentContent,
} from '../../src/contract/outcomes.ts';
import { indicatorResultOf } from '../../src/server/modules/outcomes/analysis.service.ts';
import { suppressIndicator, suppressWaves } from '../../src/server/modules/outcomes/suppression.rules.ts';
import {
  answerProblems,
  type IndicatorDef,
  indicatorAnswerRows,
  instrumentProblems,
} from '../../src/server/modules/outcomes/survey.rules.ts';
import { surveyTemplates, templateContent } from '../../src/server/modules/outcomes/templates/template.ts';

const serviceUser = templateContent(surveyTemplates[0] as (typeof surveyTemplates)[number]);
const item = (key: string) => serviceUser.items.find((i) => i.key === key) as IndicatorDef;

describe('the shipped templates', () => {
  it('are valid instruments whose attribution and counterfactual questions name real indicators', () => {
    for (const template of surveyTemplates) {
      const content = templateContent(template);
      expect(instrumentProblems(content), template.key).toEqual([]);
      expect(content.citation, template.key).not.toBe('');
    }
  });

  it('ask ONS4 in the ONS wording with anxiety reverse-keyed', () => {
    const ons4 = templateContent(
      surveyTemplates.find((t) => t.key === 'ons4') as (typeof surveyTemplates)[number],
    );
    expect(ons4.items.map((i) => i.text)).toEqual([
      'Overall, how satisfied are you with your life nowadays?',
      'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
      'Overall, how happy did you feel yesterday?',
      'On a scale where 0 is “not at all anxious” and 10 is “completely anxious”, overall, how anxious did you feel yesterday?',
    ]);
    expect(ons4.items.map((i) => i.type === 'scale' && i.isReverseKeyed)).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });
});

describe('instrument problems', () => {
  it('names a repeated key, a repeated answer and an attribution for a missing indicator', () => {
    const content: InstrumentContent = instrumentContent.parse({
      name: 'Broken',
      items: [
        { type: 'yes_no', key: 'a', text: 'One?' },
        { type: 'yes_no', key: 'a', text: 'Two?' },
        { type: 'single_choice', key: 'b', text: 'Pick', options: ['x', 'x'] },
        { type: 'attribution', key: 'c', text: 'Why?', indicatorKeys: ['nowhere'] },
      ],
    });
    expect(instrumentProblems(content).map((p) => p.field)).toEqual([
      'content.items.1.key',
      'content.items.2',
      'content.items.3.indicatorKeys.0',
    ]);
  });
});

describe('answers', () => {
  it('accept a retrospective pair, an unranked answer and a contribution key', () => {
    expect(
      answerProblems(
        serviceUser,
        {
          resilience: { before: 8, now: 3 },
          living_situation: { before: 'Sofa surfing', now: 'I would prefer not to say' },
          resilience_contribution: 'completely',
          counterfactual: 'improved_slightly',
        },
        { isSubmitting: true },
      ),
    ).toEqual([]);
  });

  it('name each wrong answer by its question', () => {
    expect(
      answerProblems(
        serviceUser,
        { resilience: 7, self_esteem: { before: 11, now: 2 }, meetings: 2.5, unknown_question: 1 },
        { isSubmitting: false },
      ).map((p) => p.field),
    ).toEqual(['answers.resilience', 'answers.self_esteem', 'answers.meetings', 'answers.unknown_question']);
  });

  it('require required questions only on submission', () => {
    const content = instrumentContent.parse({
      name: 'Required',
      items: [{ type: 'yes_no', key: 'agree', text: 'Agree?', isRequired: true }],
    });
    expect(answerProblems(content, {}, { isSubmitting: false })).toEqual([]);
    expect(answerProblems(content, {}, { isSubmitting: true })).toEqual([
      { field: 'answers.agree', message: 'Answer this question before submitting.' },
    ]);
  });

  it('become one compact row per indicator with its contribution and the instrument-wide counterfactual', () => {
    const rows = indicatorAnswerRows(serviceUser, {
      resilience: { before: 8, now: 3 },
      resilience_contribution: 'some',
      counterfactual: 'stayed_the_same',
    });
    expect(rows.find((r) => r.indicatorKey === 'resilience')).toEqual({
      indicatorKey: 'resilience',
      beforeAnswer: '8',
      nowAnswer: '3',
      nowNumber: 3,
      contribution: 'some',
      counterfactual: 'stayed_the_same',
    });
    expect(rows.find((r) => r.indicatorKey === 'employment')).toMatchObject({
      beforeAnswer: null,
      nowAnswer: null,
      contribution: null,
      counterfactual: 'stayed_the_same',
    });
  });
});

/*
 * Hand-computed fixture (resilience is negatively worded, so answers reverse: 10 − answer).
 *   A 8→3 = 2→7, +5, completely (1),     stayed the same (0)
 *   B 6→4 = 4→6, +2, some (0.5),          improved slightly (0.5)
 *   C 5→5 = 5→5,  0, no change (excluded), improved significantly (1)
 *   D 3→6 = 7→4, −3, a little (0.25),     worsened slightly (0)
 *   E –→2: unanswered "before", no contribution, no counterfactual
 * n 4 of 6 invited; improved 2 (50%), same 1, worsened 1; mean among improved 3.5 points (35%),
 * overall (5 + 2 + 0 − 3) / 4 = 1 point (10%); contribution (1 + 0.5 + 0.25) / 3 = 0.5833;
 * deadweight (0 + 0.5 + 1 + 0) / 4 = 0.375.
 */
export const resilienceFixture = [
  { before: '8', now: '3', contribution: 'completely', counterfactual: 'stayed_the_same' },
  { before: '6', now: '4', contribution: 'some', counterfactual: 'improved_slightly' },
  { before: '5', now: '5', contribution: 'no_change', counterfactual: 'improved_significantly' },
  { before: '3', now: '6', contribution: 'a_little', counterfactual: 'worsened_slightly' },
  { before: null, now: '2', contribution: null, counterfactual: null },
];

describe('an indicator’s figures on a hand-computed fixture', () => {
  it('reverse a negatively worded item and give distance travelled, contribution and deadweight', () => {
    const result = indicatorResultOf(
      item('resilience'),
      resilienceFixture.map((r) => ({ indicatorKey: 'resilience', ...r, count: 1 })),
      6,
      undefined,
    );
    expect(result).toMatchObject({
      n: 4,
      invited: 6,
      excludedUnanswered: 1,
      excludedUnranked: 0,
      improved: { count: 2, share: 0.5 },
      same: { count: 1, share: 0.25 },
      worsened: { count: 1, share: 0.25 },
      meanChangeAmongImproved: { points: 3.5, percentOfScale: 35 },
      meanChangeOverall: { points: 1, percentOfScale: 10 },
      meanRankChange: null,
      contribution: { n: 3, excludedNoChange: 1 },
      deadweight: { n: 4, mean: 0.375 },
    });
    expect(result.responseRate).toBeCloseTo(4 / 6);
    expect(result.contribution.mean).toBeCloseTo(1.75 / 3);
  });

  it('count the same answers grouped with a count exactly as one by one', () => {
    const one = indicatorResultOf(
      item('resilience'),
      [...resilienceFixture, ...resilienceFixture].map((r) => ({
        indicatorKey: 'resilience',
        ...r,
        count: 1,
      })),
      12,
      undefined,
    );
    const grouped = indicatorResultOf(
      item('resilience'),
      resilienceFixture.map((r) => ({ indicatorKey: 'resilience', ...r, count: 2 })),
      12,
      undefined,
    );
    expect(grouped).toEqual(one);
  });

  it('exclude and count an unranked answer on ordered categories and give the mean rank change', () => {
    // Rough sleeping → own place (+4), temporary → temporary (0), sofa surfing → prefer not to say
    // (unranked), with family → temporary (−1): n 3, mean rank change 1 (25% of 4 steps).
    const result = indicatorResultOf(
      item('living_situation'),
      [
        ['Rough sleeping', 'In my own place'],
        ['Temporary accommodation', 'Temporary accommodation'],
        ['Sofa surfing', 'I would prefer not to say'],
        ['Living with family/ friends', 'Temporary accommodation'],
      ].map(([before, now]) => ({
        indicatorKey: 'living_situation',
        before: before as string,
        now: now as string,
        contribution: null,
        counterfactual: null,
        count: 1,
      })),
      4,
      {
        ...{ worsened_significantly: 0, worsened_slightly: 0, stayed_the_same: 0 },
        improved_slightly: 0.2,
        improved_significantly: 0.9,
      },
    );
    expect(result).toMatchObject({
      n: 3,
      excludedUnranked: 1,
      improved: { count: 1 },
      worsened: { count: 1 },
      meanRankChange: 1,
      meanChangeOverall: { points: 1, percentOfScale: 25 },
    });
  });

  it('take deadweight from the counterfactual question’s own mapping', () => {
    const result = indicatorResultOf(
      item('resilience'),
      [
        {
          indicatorKey: 'resilience',
          before: '5',
          now: '5',
          contribution: null,
          counterfactual: 'improved_slightly',
          count: 3,
        },
      ],
      3,
      {
        worsened_significantly: 0,
        worsened_slightly: 0,
        stayed_the_same: 0,
        improved_slightly: 0.2,
        improved_significantly: 0.9,
      },
    );
    expect(result.deadweight.n).toBe(3);
    expect(result.deadweight.mean).toBeCloseTo(0.2);
  });
});

const resultWith = (counts: { improved: number; same: number; worsened: number }): IndicatorResult => {
  const n = counts.improved + counts.same + counts.worsened;
  return {
    key: 'k',
    text: 't',
    outcomeArea: '',
    kind: 'scale',
    isReverseKeyed: false,
    n,
    invited: n + 10,
    responseRate: n / (n + 10),
    excludedUnanswered: 0,
    excludedUnranked: 0,
    improved: { count: counts.improved, share: n ? counts.improved / n : null },
    same: { count: counts.same, share: n ? counts.same / n : null },
    worsened: { count: counts.worsened, share: n ? counts.worsened / n : null },
    meanChangeAmongImproved: { points: 2, percentOfScale: 20 },
    meanChangeOverall: { points: 1, percentOfScale: 10 },
    meanRankChange: null,
    contribution: { n, excludedNoChange: 0, mean: 0.5 },
    deadweight: { n, mean: 0.1 },
    isSuppressed: false,
  };
};

describe('small-number suppression for evaluators', () => {
  it('withholds everything about an indicator answered by 1 to 7 people', () => {
    const shown = suppressIndicator(resultWith({ improved: 3, same: 2, worsened: 2 }));
    expect(shown).toMatchObject({
      n: null,
      improved: { count: null, share: null },
      meanChangeOverall: { points: null },
      contribution: { mean: null },
      deadweight: { mean: null },
      isSuppressed: true,
    });
  });

  it('withholds the whole split when one part is small, so it cannot be worked back from the total', () => {
    const shown = suppressIndicator(resultWith({ improved: 20, same: 3, worsened: 10 }));
    expect(shown.n).toBe(33);
    expect([shown.improved, shown.same, shown.worsened]).toEqual([
      { count: null, share: null },
      { count: null, share: null },
      { count: null, share: null },
    ]);
    expect(shown.isSuppressed).toBe(true);
  });

  it('shows zero and eight or more as they are', () => {
    const result = resultWith({ improved: 8, same: 0, worsened: 12 });
    expect(suppressIndicator(result)).toEqual(result);
  });

  propertyTest.prop([fc.nat(40), fc.nat(40), fc.nat(40)])(
    'never shows a count from 1 to 7 anywhere',
    (improved, same, worsened) => {
      const shown = suppressIndicator(resultWith({ improved, same, worsened }));
      const counts = [
        shown.n,
        shown.improved.count,
        shown.same.count,
        shown.worsened.count,
        shown.contribution.n,
        shown.deadweight.n,
      ];
      expect(counts.every((c) => c === null || c === 0 || c >= 8)).toBe(true);
    },
  );

  it('withholds a wave’s completed count when it or the people who did not reply number 1 to 7', () => {
    expect(
      suppressWaves([
        { wave: 'baseline', invited: 20, completed: 15, responseRate: 0.75 },
        { wave: 'exit', invited: 30, completed: 10, responseRate: 1 / 3 },
      ]),
    ).toEqual([
      { wave: 'baseline', invited: 20, completed: null, responseRate: null },
      { wave: 'exit', invited: 30, completed: 10, responseRate: 1 / 3 },
    ]);
  });
});
