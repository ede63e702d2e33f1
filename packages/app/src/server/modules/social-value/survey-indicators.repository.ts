import type { ImpactMap } from '../../../contract/social-value.ts';
import type { Db } from '../../db/database.ts';
import { analyseInstrument } from '../outcomes/analysis.service.ts';
import type { SurveyIndicatorFigures } from './social-value.rules.ts';

/**
 * Outcomes (issue 5): for each outcome linked to a survey indicator, that indicator's analysis for
 * the map's sites and period — share improved, sample size, mean service contribution and deadweight —
 * read when the report is made, so the values follow responses as they arrive. Aggregates only.
 */
export async function surveyIndicatorFigures(
  db: Db,
  where: {
    organisationId: string;
    siteId: string;
    otherSiteIds: readonly string[];
    periodFrom: string;
    periodTo: string;
  },
  outcomes: ImpactMap['outcomes'],
): Promise<Record<string, SurveyIndicatorFigures>> {
  const figures: Record<string, SurveyIndicatorFigures> = {};
  for (const o of outcomes) {
    const link = o.quantitySource === 'outcomes_indicator' ? o.surveyIndicator : null;
    if (!link) continue;
    const analysis = await analyseInstrument(
      db,
      {
        organisationId: where.organisationId,
        siteIds: [where.siteId, ...where.otherSiteIds],
        instrumentId: link.instrumentId,
        from: where.periodFrom,
        to: where.periodTo,
      },
      link.design,
    );
    const indicator = analysis?.indicators.find((i) => i.key === link.indicatorKey);
    figures[o.id] = {
      label: indicator ? `${analysis?.instrument.name}: ${indicator.text}` : null,
      n: indicator?.n ?? 0,
      improvedShare: indicator?.improved.share ?? null,
      contribution: link.usesContribution ? (indicator?.contribution.mean ?? null) : null,
      deadweight: link.usesDeadweight ? (indicator?.deadweight.mean ?? null) : null,
    };
  }
  return figures;
}
