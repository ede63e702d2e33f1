import { and, desc, eq } from 'drizzle-orm';
import {
  waves as allWaves,
  type IndicatorResult,
  type OutcomesAnalysisQuery,
  type OutcomesAnalysisResponse,
  type Wave,
} from '../../../contract/outcomes.ts';
import type { Actor } from '../../access/actor.ts';
import { scopedSiteIds } from '../../access/scope.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  type AnalysisScope,
  type GroupedAnswers,
  groupedRetrospectiveAnswers,
  groupedWaveAnswers,
  waveCounts,
} from './analysis.repository.ts';
import {
  type AnswerPair,
  analyseIndicator,
  type ContributionAnswer,
  type CounterfactualAnswer,
  contributionAnswers,
  counterfactualAnswers,
  defaultDeadweightMapping,
  smallestShownCount,
} from './indicator-analysis.rules.ts';
import type { OutcomesContext } from './instruments.service.ts';
import { findInstrument } from './instruments.service.ts';
import { surveyInstrumentVersions } from './outcomes.table.ts';
import { suppressIndicator, suppressWaves } from './suppression.rules.ts';
import {
  analysisItemOf,
  deadweightMappingFor,
  type IndicatorDef,
  isIndicator,
  storedAnswer,
} from './survey.rules.ts';

/** Roles that see aggregates with small numbers suppressed. */
const suppressedRoles: readonly Actor['role'][] = ['evaluator'];

/** One indicator's figures from its grouped answers: the appendix 4 row. */
export function indicatorResultOf(
  item: IndicatorDef,
  grouped: readonly GroupedAnswers[],
  invited: number,
  mapping: Record<CounterfactualAnswer, number> | undefined,
): IndicatorResult {
  // Grouped answers carry a count: weighted sums, never one object per response.
  const pairs: AnswerPair[] = [];
  const contribution = { n: 0, excludedNoChange: 0, total: 0 };
  const deadweight = { n: 0, total: 0 };
  const weights = mapping ?? defaultDeadweightMapping;
  for (const g of grouped) {
    pairs.push({ before: storedAnswer(item, g.before), now: storedAnswer(item, g.now), count: g.count });
    if (g.contribution && g.contribution in contributionAnswers) {
      const share = contributionAnswers[g.contribution as ContributionAnswer];
      if (share === null) contribution.excludedNoChange += g.count;
      else {
        contribution.n += g.count;
        contribution.total += share * g.count;
      }
    }
    if (g.counterfactual && (counterfactualAnswers as readonly string[]).includes(g.counterfactual)) {
      deadweight.n += g.count;
      deadweight.total += weights[g.counterfactual as CounterfactualAnswer] * g.count;
    }
  }
  const a = analyseIndicator(analysisItemOf(item), pairs, { invited });
  return {
    key: item.key,
    text: item.text,
    outcomeArea: item.outcomeArea,
    kind: item.type,
    isReverseKeyed: item.type === 'scale' && item.isReverseKeyed,
    n: a.n,
    invited: a.invited,
    responseRate: a.responseRate,
    excludedUnanswered: a.excluded.unanswered,
    excludedUnranked: a.excluded.unranked,
    improved: a.improved,
    same: a.same,
    worsened: a.worsened,
    meanChangeAmongImproved: a.meanChangeAmongImproved,
    meanChangeOverall: a.meanChangeOverall,
    meanRankChange: item.type === 'ordered' ? a.meanChangeOverall.points : null,
    contribution: {
      n: contribution.n,
      excludedNoChange: contribution.excludedNoChange,
      mean: contribution.n > 0 ? contribution.total / contribution.n : null,
    },
    deadweight: { n: deadweight.n, mean: deadweight.n > 0 ? deadweight.total / deadweight.n : null },
    isSuppressed: false,
  };
}

/** The newest published content of an instrument: the analysis reads its indicators from it. */
async function publishedContent(db: Db, instrumentId: string) {
  const [version] = await db
    .select({ content: surveyInstrumentVersions.content })
    .from(surveyInstrumentVersions)
    .where(
      and(
        eq(surveyInstrumentVersions.instrumentId, instrumentId),
        eq(surveyInstrumentVersions.status, 'published'),
      ),
    )
    .orderBy(desc(surveyInstrumentVersions.version))
    .limit(1);
  return version?.content;
}

/** The analysis for an organisation's sites, with no auditing or suppression (social value and the route build on it). */
export async function analyseInstrument(
  db: Db,
  scope: AnalysisScope,
  design: 'retrospective' | 'waves',
): Promise<Omit<OutcomesAnalysisResponse, 'suppression'> | null> {
  const instrument = await findInstrument(db, scope.organisationId, scope.instrumentId);
  if (!instrument) return null;
  const content = await publishedContent(db, scope.instrumentId);
  const counts = await waveCounts(db, scope);
  const grouped =
    design === 'retrospective'
      ? await groupedRetrospectiveAnswers(db, scope)
      : await groupedWaveAnswers(db, scope);
  const countOf = (w: Wave) => counts.find((c) => c.wave === w);
  const invited =
    design === 'retrospective'
      ? (countOf('retrospective')?.invited ?? 0)
      : (countOf('follow_up')?.invited ?? 0) + (countOf('exit')?.invited ?? 0);
  const indicators = (content?.items ?? [])
    .filter(isIndicator)
    .filter((item) => design === 'waves' || item.isRetrospective)
    .map((item) =>
      indicatorResultOf(
        item,
        grouped.filter((g) => g.indicatorKey === item.key),
        invited,
        content ? deadweightMappingFor(content, item.key) : undefined,
      ),
    );
  return {
    instrument: { id: instrument.id, name: instrument.name },
    design,
    waves: allWaves
      .map((wave) => {
        const c = countOf(wave) ?? { invited: 0, completed: 0 };
        return {
          wave,
          invited: c.invited,
          completed: c.completed,
          responseRate: c.invited > 0 ? c.completed / c.invited : null,
        };
      })
      .filter((w) => w.invited > 0),
    indicators,
  };
}

/** The analysis route: scoped to the actor's sites, suppressed for evaluators, audited as an aggregate read. */
export async function outcomesAnalysis(
  { db, actor, clock, requestId }: OutcomesContext,
  query: OutcomesAnalysisQuery,
): Promise<OutcomesAnalysisResponse> {
  if (query.siteId && !actor.siteIds.includes(query.siteId)) throw notFound('site');
  const scope: AnalysisScope = {
    organisationId: actor.organisationId,
    siteIds: query.siteId ? [query.siteId] : scopedSiteIds(actor),
    instrumentId: query.instrumentId,
    from: query.from,
    to: query.to,
    referredFrom: query.referredFrom,
    referredTo: query.referredTo,
  };
  return db.transaction(async (tx) => {
    const result = await analyseInstrument(tx, scope, query.design);
    if (!result) throw notFound('instrument');
    const isSuppressed = suppressedRoles.includes(actor.role);
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'outcomes.analysis',
        entityType: 'survey_instrument',
        entityIds: [query.instrumentId],
        siteId: query.siteId ?? null,
        query: { ...query },
      },
    );
    return {
      ...result,
      waves: isSuppressed ? suppressWaves(result.waves) : result.waves,
      indicators: isSuppressed ? result.indicators.map(suppressIndicator) : result.indicators,
      suppression: { isApplied: isSuppressed, smallestShownCount },
    };
  });
}

/** Each instrument with a published version, and the indicators of its newest published version. */
export async function indicatorOptions({ db, actor }: OutcomesContext) {
  const versions = await db
    .select({
      instrumentId: surveyInstrumentVersions.instrumentId,
      version: surveyInstrumentVersions.version,
      content: surveyInstrumentVersions.content,
    })
    .from(surveyInstrumentVersions)
    .where(
      and(
        eq(surveyInstrumentVersions.organisationId, actor.organisationId),
        eq(surveyInstrumentVersions.status, 'published'),
      ),
    )
    .orderBy(desc(surveyInstrumentVersions.version));
  const newest = new Map<string, (typeof versions)[number]>();
  for (const v of versions) if (!newest.has(v.instrumentId)) newest.set(v.instrumentId, v);
  const items = [...newest.values()].map((v) => ({
    instrumentId: v.instrumentId,
    instrumentName: v.content.name,
    indicators: v.content.items
      .filter(isIndicator)
      .map((i) => ({ key: i.key, text: i.text, outcomeArea: i.outcomeArea })),
  }));
  return { items: items.sort((a, b) => a.instrumentName.localeCompare(b.instrumentName)) };
}
