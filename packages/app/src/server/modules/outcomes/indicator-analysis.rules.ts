/**
 * Distance travelled for one indicator, from retrospective pairs ("before the service" and "now"
 * asked in the same interview) or from two waves. Pure functions: the outcomes module reads the
 * answers, these turn them into the figures of the review's appendix 4 (BRIEF §4).
 *
 * Conventions:
 * - A 0–10 item may be negatively worded ("it takes me a long time to get back to normal"); its
 *   answers are reversed (max + min − answer) before anything else, so "up" always means better.
 * - Ordered categories are ranked worst → best; answers outside the ranks ("prefer not to say") are
 *   excluded and counted, never treated as a rank.
 * - Change as a percentage is of the scale's range (10 points on a 0–10 item; ranks − 1 for categories).
 */

export type ScaleItem = { kind: 'scale'; min: number; max: number; isReverseKeyed: boolean };
export type OrderedItem = { kind: 'ordered'; ranks: readonly string[] };
export type IndicatorItem = ScaleItem | OrderedItem;

/** One person's two answers; null when not answered. `count` stands for that many identical pairs (default 1). */
export type AnswerPair = { before: number | string | null; now: number | string | null; count?: number };

type Share = { count: number; share: number | null };
type Change = { points: number | null; percentOfScale: number | null };

export type IndicatorAnalysis = {
  /** People whose both answers could be used. */
  n: number;
  invited: number;
  /** n ÷ invited, or null when nobody was invited. */
  responseRate: number | null;
  excluded: { unanswered: number; unranked: number };
  improved: Share;
  same: Share;
  worsened: Share;
  meanChangeAmongImproved: Change;
  meanChangeOverall: Change;
};

const share = (count: number, of: number): Share => ({ count, share: of > 0 ? count / of : null });
const mean = (values: number[]) =>
  values.length > 0 ? values.reduce((sum, v) => sum + v, 0) / values.length : null;

/** The answer as a position on the item's scale, better is higher; null if it cannot be used. */
function positionOf(item: IndicatorItem, answer: number | string | null): number | 'unanswered' | 'unranked' {
  if (answer === null || answer === '') return 'unanswered';
  if (item.kind === 'scale') {
    if (typeof answer !== 'number' || !Number.isFinite(answer) || answer < item.min || answer > item.max)
      return 'unranked';
    return item.isReverseKeyed ? item.max + item.min - answer : answer;
  }
  const rank = typeof answer === 'string' ? item.ranks.indexOf(answer) : -1;
  return rank >= 0 ? rank : 'unranked';
}

const rangeOf = (item: IndicatorItem) =>
  item.kind === 'scale' ? item.max - item.min : item.ranks.length - 1;

/** Improved / same / worsened and the mean change, over the pairs where both answers are usable. */
export function analyseIndicator(
  item: IndicatorItem,
  pairs: readonly AnswerPair[],
  { invited }: { invited: number } = { invited: pairs.length },
): IndicatorAnalysis {
  // Sums rather than lists, so grouped answers (a pair with a count) cost no more than one pair.
  let n = 0;
  let total = 0;
  let improvedCount = 0;
  let improvedTotal = 0;
  let sameCount = 0;
  let unanswered = 0;
  let unranked = 0;
  for (const pair of pairs) {
    const weight = pair.count ?? 1;
    const before = positionOf(item, pair.before);
    const now = positionOf(item, pair.now);
    if (before === 'unanswered' || now === 'unanswered') unanswered += weight;
    else if (before === 'unranked' || now === 'unranked') unranked += weight;
    else {
      const change = now - before;
      n += weight;
      total += change * weight;
      if (change > 0) {
        improvedCount += weight;
        improvedTotal += change * weight;
      } else if (change === 0) sameCount += weight;
    }
  }
  const range = rangeOf(item);
  const asChange = (points: number | null): Change => ({
    points,
    percentOfScale: points === null || range <= 0 ? null : (points / range) * 100,
  });
  return {
    n,
    invited,
    responseRate: invited > 0 ? n / invited : null,
    excluded: { unanswered, unranked },
    improved: share(improvedCount, n),
    same: share(sameCount, n),
    worsened: share(n - improvedCount - sameCount, n),
    meanChangeAmongImproved: asChange(improvedCount > 0 ? improvedTotal / improvedCount : null),
    meanChangeOverall: asChange(n > 0 ? total / n : null),
  };
}

/** The attribution item's answers (the survey asks the share due to the service). */
export const contributionAnswers: Record<
  'not_at_all' | 'a_little' | 'some' | 'quite_a_lot' | 'completely' | 'no_change',
  number | null
> = {
  not_at_all: 0,
  a_little: 0.25,
  some: 0.5,
  quite_a_lot: 0.75,
  completely: 1,
  no_change: null,
};
export type ContributionAnswer = keyof typeof contributionAnswers;

/**
 * The mean share of the change due to the service, excluding "no change" (which says nothing about
 * contribution). The engine's `serviceContribution` takes this; attribution is 1 − it.
 */
export function meanServiceContribution(answers: readonly ContributionAnswer[]) {
  const values = answers.map((a) => contributionAnswers[a]).filter((v): v is number => v !== null);
  return { n: values.length, excludedNoChange: answers.length - values.length, mean: mean(values) };
}

export const counterfactualAnswers = [
  'worsened_significantly',
  'worsened_slightly',
  'stayed_the_same',
  'improved_slightly',
  'improved_significantly',
] as const;
export type CounterfactualAnswer = (typeof counterfactualAnswers)[number];

/**
 * How much of the change would have happened anyway, per answer to "without the service, how would
 * things have changed?". An organisation may set its own mapping; this is the default.
 */
export const defaultDeadweightMapping: Record<CounterfactualAnswer, number> = {
  worsened_significantly: 0,
  worsened_slightly: 0,
  stayed_the_same: 0,
  improved_slightly: 0.5,
  improved_significantly: 1,
};

export function deadweightFrom(
  answers: readonly CounterfactualAnswer[],
  mapping: Record<CounterfactualAnswer, number> = defaultDeadweightMapping,
) {
  return { n: answers.length, mean: mean(answers.map((a) => mapping[a])) };
}

/** Counts from 1 to 7 could identify people in a small service: evaluators see them suppressed. */
export const smallestShownCount = 8;

export function suppressSmallCount(count: number): number | null {
  return count >= 1 && count < smallestShownCount ? null : count;
}
