import type { IndicatorResult, OutcomesAnalysisResponse } from '../../../contract/outcomes.ts';
import { suppressSmallCount } from './indicator-analysis.rules.ts';

/**
 * Small-number suppression for evaluators: a count from 1 to 7 is withheld, and so is anything it
 * could be worked back from — a share of it, a mean over it, or its partner counts when the total
 * is shown (improved + same + worsened = n; unanswered + unranked = the excluded).
 */
const isSmall = (count: number | null) => count !== null && suppressSmallCount(count) === null;

export function suppressIndicator(r: IndicatorResult): IndicatorResult {
  if (isSmall(r.n) || isSmall(r.invited)) {
    const hidden = { count: null, share: null };
    const none = { points: null, percentOfScale: null };
    return {
      ...r,
      n: null,
      invited: isSmall(r.invited) ? null : r.invited,
      responseRate: null,
      excludedUnanswered: null,
      excludedUnranked: null,
      improved: hidden,
      same: hidden,
      worsened: hidden,
      meanChangeAmongImproved: none,
      meanChangeOverall: r.n === 0 ? r.meanChangeOverall : none,
      meanRankChange: null,
      contribution: { n: null, excludedNoChange: null, mean: null },
      deadweight: { n: null, mean: null },
      isSuppressed: true,
    };
  }
  const split = [r.improved, r.same, r.worsened];
  const splitHidden = split.some((s) => isSmall(s.count));
  const excludedHidden = isSmall(r.excludedUnanswered) || isSmall(r.excludedUnranked);
  const contributionHidden = isSmall(r.contribution.n) || isSmall(r.contribution.excludedNoChange);
  const result: IndicatorResult = {
    ...r,
    excludedUnanswered: excludedHidden ? null : r.excludedUnanswered,
    excludedUnranked: excludedHidden ? null : r.excludedUnranked,
    improved: splitHidden ? { count: null, share: null } : r.improved,
    same: splitHidden ? { count: null, share: null } : r.same,
    worsened: splitHidden ? { count: null, share: null } : r.worsened,
    meanChangeAmongImproved: isSmall(r.improved.count)
      ? { points: null, percentOfScale: null }
      : r.meanChangeAmongImproved,
    contribution: contributionHidden ? { n: null, excludedNoChange: null, mean: null } : r.contribution,
    deadweight: isSmall(r.deadweight.n) ? { n: null, mean: null } : r.deadweight,
    isSuppressed: false,
  };
  result.isSuppressed = JSON.stringify(result) !== JSON.stringify({ ...r, isSuppressed: false });
  return result;
}

export function suppressWaves(waves: OutcomesAnalysisResponse['waves']): OutcomesAnalysisResponse['waves'] {
  return waves.map((w) =>
    isSmall(w.invited) || isSmall(w.completed) || isSmall((w.invited ?? 0) - (w.completed ?? 0))
      ? {
          wave: w.wave,
          invited: isSmall(w.invited) ? null : w.invited,
          completed: null,
          responseRate: null,
        }
      : w,
  );
}
