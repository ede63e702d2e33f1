import {
  applyScenario,
  calculate,
  type ImpactModel,
  type Input,
  type Issue,
  type Outcome,
  type Scenario,
  type SroiResult,
  sensitivity,
  simulate,
  type UncertaintySpec,
  validateModel,
} from '@peerpath/sroi';
import {
  type CostCategory,
  costCategoryLabels,
  type DeflatorSeries,
  type FinancialProxy,
  type ImpactMap,
  type LiveQuantitySource,
  type ProxyRef,
  type PublishedCheck,
  type PublishedFigure,
  quantitySourceLabels,
  type ReportScenario,
  type ScenarioKey,
  type SocialValueReport,
  scenarioLabels,
  sitesLabel,
  type ValueMapRow,
} from '../../../contract/social-value.ts';
import {
  formatCalendarDate,
  formatCount,
  formatMoment,
  formatPercent,
  formatPounds,
  formatPoundsPence,
  formatRatio,
  formatRatioNumber,
} from './report-format.ts';

/**
 * The social value rules: from an impact map, its proxies and the live counts to the engine's model,
 * and from the engine's results to the commissioner report. Pure: no database, no clock.
 */

// ——— Reference data ———

export type Uprating = { value: number; factor: number; isUprated: boolean; problem: string | null };

/**
 * A value in one year's prices in another year's, by the ratio of the deflator indices
 * (Green Book practice: real values in a common price base). Where either year is outside the series
 * the value is left as it is and the problem says so.
 */
export function uprate(value: number, fromYear: number, toYear: number, series: DeflatorSeries): Uprating {
  if (fromYear === toYear) return { value, factor: 1, isUprated: false, problem: null };
  const from = series.values.find((v) => v.year === fromYear)?.index;
  const to = series.values.find((v) => v.year === toYear)?.index;
  if (from === undefined || to === undefined) {
    const missing = from === undefined ? fromYear : toYear;
    const first = series.values[0]?.year;
    const last = series.values.at(-1)?.year;
    return {
      value,
      factor: 1,
      isUprated: false,
      problem: `${missing} is outside the deflator series (${first}–${last}), so a ${fromYear} value is used in ${toYear} prices without uprating`,
    };
  }
  const factor = to / from;
  return { value: value * factor, factor, isUprated: true, problem: null };
}

/** The National Living Wage in force on a date (rates start on 1 April), or undefined before the first. */
export function livingWageOn(
  isoDate: string,
  rates: readonly { from: string; ratePence: number }[],
): { from: string; ratePence: number } | undefined {
  let found: { from: string; ratePence: number } | undefined;
  for (const rate of rates) if (rate.from <= isoDate) found = rate;
  return found;
}

export const proxyRefKey = (ref: ProxyRef): string =>
  ref.kind === 'library' ? `library:${ref.key}` : `organisation:${ref.id}`;

// ——— Published figures ———

const round2 = (n: number) => Math.round(n * 100 + 1e-9) / 100;
const truncate2 = (n: number) => Math.floor(n * 100 + 1e-9) / 100;

/**
 * Does a published ratio follow from its own published cost and value? Rounded to 2 dp it should;
 * truncated is a small slip; anything else contradicts its own inputs (BRIEF §5: the L&D review's
 * Table 3 gives £1 : £2.08 from a value and cost that give £1 : £1.58).
 */
export function checkPublishedFigure(
  figure: PublishedFigure,
  recomputedRatio: number | null,
): PublishedCheck {
  const cost = figure.totalCostPence / 100;
  const value = figure.valueCreatedPence / 100;
  const ownRatio = cost > 0 ? value / cost : 0;
  const verdict =
    round2(ownRatio) === figure.ratio
      ? 'consistent'
      : truncate2(ownRatio) === figure.ratio
        ? 'truncated'
        : 'inconsistent';
  const own = `its own value (${formatPounds(value)}) over its own cost (${formatPounds(cost)}) is ${ownRatio.toFixed(4)}`;
  const recomputed =
    recomputedRatio === null
      ? ''
      : ` Recomputed here from the map’s inputs: ${formatRatio(recomputedRatio)}.`;
  const message =
    verdict === 'consistent'
      ? `${figure.label} publishes ${formatRatio(figure.ratio)}, which follows from its own cost and value.${recomputed}`
      : verdict === 'truncated'
        ? `${figure.label} publishes ${formatRatio(figure.ratio)}; ${own}, which rounds to ${formatRatioNumber(round2(ownRatio))} — the published ratio was truncated, not rounded.${recomputed}`
        : `${figure.label} publishes ${formatRatio(figure.ratio)}, but ${own} (${formatRatio(ownRatio)}): the published ratio contradicts its own inputs.${recomputed}`;
  return {
    scenario: figure.scenario,
    label: figure.label,
    publishedCost: cost,
    publishedValue: value,
    publishedRatio: figure.ratio,
    ownRatio,
    recomputedRatio,
    verdict,
    message,
  };
}

// ——— Roll-out costing ———

/**
 * The annual cost of a wider roll-out: cost per person served in the period × the target population
 * (the review's £4–7 million a year came from uncertainty in the population). Assumes each person in
 * the target population is served once a year at this site's cost per person.
 */
export function rolloutCost(input: {
  cost: number;
  costWithVolunteerTime: number;
  peopleServed: number | null;
  populationLow: number | null;
  populationHigh: number | null;
}): SocialValueReport['rollout'] {
  const { peopleServed, populationLow, populationHigh } = input;
  if (!peopleServed || peopleServed <= 0 || populationLow === null || populationHigh === null) return null;
  const costPerPerson = input.cost / peopleServed;
  const costPerPersonWithVolunteerTime = input.costWithVolunteerTime / peopleServed;
  return {
    costPerPerson,
    costPerPersonWithVolunteerTime,
    populationLow,
    populationHigh,
    annualCostLow: costPerPerson * populationLow,
    annualCostHigh: costPerPerson * populationHigh,
    annualCostLowWithVolunteerTime: costPerPersonWithVolunteerTime * populationLow,
    annualCostHighWithVolunteerTime: costPerPersonWithVolunteerTime * populationHigh,
  };
}

// ——— From map to model ———

export type LiveCounts = {
  counts: Record<LiveQuantitySource, number>;
  /** Personalisation Fund grants approved in the period, in pence (a cost line may link to it). */
  fundApprovedPence: number;
  /** Peer workforce (issue 6): volunteer hours approved by a coordinator in the period. */
  approvedVolunteerHours?: number;
  /** Outcomes (issue 5): per outcome id, the survey indicator it follows. */
  surveyIndicators?: Record<string, SurveyIndicatorFigures>;
};

/** A survey indicator's analysis for the map's site and period (see survey-indicators.repository.ts). */
export type SurveyIndicatorFigures = {
  /** Instrument and indicator, or null when the instrument or indicator is gone. */
  label: string | null;
  n: number;
  improvedShare: number | null;
  contribution: number | null;
  deadweight: number | null;
};

export type ReportInput = {
  map: ImpactMap;
  /** Every proxy the map names, by `proxyRefKey`. */
  proxies: ReadonlyMap<string, FinancialProxy>;
  live: LiveCounts;
  dataAsOf: Date;
  deflators: DeflatorSeries;
  livingWage: readonly { from: string; ratePence: number }[];
  /** Monte Carlo draws per run (two runs: without and with volunteer time). */
  iterations?: number;
};

export const SIMULATION_SEED = 20181001;
export const DEFAULT_ITERATIONS = 10_000;
const TORNADO_SWING = 0.2;
const SHARE_SPREAD = 0.1;
const SMALL_SAMPLE = 30;

type Warning = SocialValueReport['warnings'][number];

type Prepared = {
  model: ImpactModel;
  volunteerInputs: Input[];
  optimisticValues: Record<string, number>;
  uncertainty: UncertaintySpec;
  valueMap: ValueMapRow[];
  costLines: SocialValueReport['costs']['lines'];
  costs: { withoutVolunteerTime: number; volunteerTime: number };
  livingWage: { from: string; ratePence: number } | null;
  peopleServed: number | null;
  problems: { path: string; message: string }[];
  warnings: Warning[];
};

function prepare(input: ReportInput): Prepared {
  const { map, proxies, live, deflators } = input;
  const problems: Prepared['problems'] = [];
  const warnings: Warning[] = [];
  const stakeholderName = new Map(map.stakeholders.map((s) => [s.key, s.name]));

  const uprated = (proxy: FinancialProxy, path: string) => {
    const result = uprate(proxy.valuePence / 100, proxy.priceYear, map.priceYear, deflators);
    if (result.problem)
      warnings.push({ code: 'not_uprated', message: `“${proxy.name}”: ${result.problem}.`, path });
    return result.value;
  };

  const outcomes: Outcome[] = [];
  const valueMap: ValueMapRow[] = [];
  const optimisticValues: Record<string, number> = {};
  const uncertainty: UncertaintySpec = {};
  map.outcomes.forEach((o, index) => {
    const path = `outcomes[${index}]`;
    const proxy = proxies.get(proxyRefKey(o.proxy));
    if (!proxy) {
      problems.push({
        path: `${path}.proxy`,
        message: `“${o.name}”: its financial proxy no longer exists; choose another.`,
      });
      return;
    }
    const sign = o.isHarm ? -1 : 1;
    const value = sign * uprated(proxy, `${path}.proxy`);
    const optimistic = o.optimisticProxy ? proxies.get(proxyRefKey(o.optimisticProxy)) : undefined;
    if (o.optimisticProxy && !optimistic)
      problems.push({
        path: `${path}.optimisticProxy`,
        message: `“${o.name}”: its optimistic proxy no longer exists; choose another.`,
      });
    const optimisticValue = optimistic ? sign * uprated(optimistic, `${path}.optimisticProxy`) : null;
    if (optimisticValue !== null) optimisticValues[o.id] = optimisticValue;
    // Outcomes (issue 5): people improved = the share improved among respondents × the engaged cases.
    const survey = o.quantitySource === 'outcomes_indicator' ? live.surveyIndicators?.[o.id] : undefined;
    const count =
      o.quantitySource === 'manual'
        ? null
        : o.quantitySource === 'outcomes_indicator'
          ? (survey?.improvedShare ?? 0) * live.counts.engaged_cases
          : live.counts[o.quantitySource];
    const quantity = count === null ? (o.manualQuantity ?? 0) : count * o.quantityFactor;
    const sampleSize = survey ? (survey.n > 0 ? survey.n : null) : o.sampleSize;
    const attribution = survey?.contribution != null ? 1 - survey.contribution : o.attribution;
    const deadweight = survey?.deadweight != null ? survey.deadweight : o.deadweight;
    if (o.quantitySource === 'outcomes_indicator' && !survey?.label)
      problems.push({
        path: `${path}.surveyIndicator`,
        message: `“${o.name}” follows a survey indicator that no longer exists or has no published version; choose another.`,
      });
    if (count === 0)
      warnings.push({
        code: 'no_live_records',
        message: `“${o.name}” is linked to “${quantitySourceLabels[o.quantitySource]}”, but none were found for this site and period, so it adds no value.`,
        path: `${path}.quantity`,
      });
    if (!proxy.isShippable || (optimistic && !optimistic.isShippable))
      warnings.push({
        code: 'organisation_proxy',
        message: `“${o.name}” uses your organisation’s own proxy “${(proxy.isShippable ? optimistic : proxy)?.name}” (${(proxy.isShippable ? optimistic : proxy)?.licence}); it stays in your organisation’s data and is never part of Peerpath’s library.`,
        path: `${path}.proxy`,
      });
    if (sampleSize !== null && sampleSize < SMALL_SAMPLE)
      warnings.push({
        code: 'small_sample',
        message: `“${o.name}” rests on a sample of ${sampleSize}: treat it with caution and report a range.`,
        path: `${path}.sampleSize`,
      });
    outcomes.push({
      id: o.id,
      stakeholder: o.stakeholderKey,
      name: o.name,
      ...(o.indicator ? { indicator: o.indicator } : {}),
      quantity,
      ...(sampleSize !== null ? { sampleSize: sampleSize } : {}),
      proxy: { value, source: `${proxy.sourceTitle} (${proxy.licence})`, priceYear: map.priceYear },
      deadweight,
      displacement: o.displacement,
      attribution,
      dropOff: o.dropOff,
      duration: o.duration,
      start: o.startYear,
    });
    // Monte Carlo: the proxy between its conservative and optimistic values, shares ±10 points.
    const ends = [value * map.conservativeProxyScale, value, optimisticValue ?? value];
    uncertainty[`outcomes.${o.id}.proxy.value`] = {
      type: 'triangular',
      min: Math.min(...ends),
      mode: value,
      max: Math.max(...ends),
    };
    for (const field of ['deadweight', 'attribution', 'dropOff'] as const) {
      const share = field === 'deadweight' ? deadweight : field === 'attribution' ? attribution : o[field];
      if (share > 0 && share < 1)
        uncertainty[`outcomes.${o.id}.${field}`] = {
          type: 'uniform',
          min: Math.max(0, share - SHARE_SPREAD),
          max: Math.min(1, share + SHARE_SPREAD),
        };
    }
    valueMap.push({
      outcomeId: o.id,
      stakeholder: stakeholderName.get(o.stakeholderKey) ?? '',
      isIntended: o.isIntended,
      inputs: '',
      outputs: o.outputs,
      outcome: o.name,
      indicator: o.indicator,
      quantitySource: o.quantitySource,
      quantitySourceLabel: quantitySourceLabels[o.quantitySource],
      quantityNote: o.quantityNote,
      sampleSize: sampleSize,
      count,
      quantityFactor: o.quantityFactor,
      quantity,
      duration: o.duration,
      proxyName: proxy.name,
      proxyUnit: proxy.unit,
      proxyOriginalValue: (sign * proxy.valuePence) / 100,
      proxyPriceYear: proxy.priceYear,
      proxyValue: value,
      optimisticProxyValue: optimisticValue,
      proxySource: proxy.sourceUrl ? `${proxy.sourceTitle} — ${proxy.sourceUrl}` : proxy.sourceTitle,
      proxyLicence: proxy.licence,
      isShippable: proxy.isShippable,
      deadweight,
      displacement: o.displacement,
      attribution,
      dropOff: o.dropOff,
      impact: 0,
    });
  });

  const rate = livingWageOn(map.periodFrom, input.livingWage) ?? null;
  const inputs: Input[] = [];
  const volunteerInputs: Input[] = [];
  const costLines: Prepared['costLines'] = [];
  let withoutVolunteerTime = 0;
  let volunteerTime = 0;
  map.costs.forEach((c, index) => {
    const line = (amount: number, detail: string, isLive: boolean) =>
      costLines.push({
        category: c.category,
        categoryLabel: costCategoryLabels[c.category as CostCategory],
        description: c.description,
        amount,
        detail,
        isVolunteerTime: c.category === 'volunteer_time',
        isLive,
      });
    if (c.category === 'volunteer_time') {
      const ratePence = c.volunteerRatePence ?? rate?.ratePence;
      if (ratePence === undefined) {
        problems.push({
          path: `costs[${index}].volunteerRatePence`,
          message: `“${c.description}”: no National Living Wage is held for ${formatCalendarDate(map.periodFrom)}; enter a rate.`,
        });
        return;
      }
      const isLiveHours = c.amountSource === 'approved_volunteer_hours';
      const hours = isLiveHours ? (live.approvedVolunteerHours ?? 0) : (c.volunteerHours ?? 0);
      const amount = (hours * ratePence) / 100;
      volunteerTime += amount;
      volunteerInputs.push({
        id: c.id,
        name: c.description,
        kind: 'volunteer-time',
        hours,
        rate: ratePence / 100,
      });
      const basis =
        c.volunteerRatePence === null && rate
          ? `the National Living Wage from ${formatCalendarDate(rate.from)}`
          : 'a rate entered for this map';
      line(
        amount,
        `${formatCount(hours)} ${isLiveHours ? 'approved volunteer hours' : 'hours'} × ${formatPoundsPence(ratePence / 100)} (${basis})`,
        isLiveHours,
      );
      return;
    }
    const isLive = c.amountSource === 'fund_applications_approved';
    const amount = (isLive ? live.fundApprovedPence : (c.amountPence ?? 0)) / 100;
    withoutVolunteerTime += amount;
    inputs.push({
      id: c.id,
      name: c.description,
      kind: c.category === 'in_kind' ? 'in-kind' : 'cash',
      amount,
    });
    line(
      amount,
      isLive ? 'Personalisation Fund grants approved in the period (live)' : 'Entered by hand',
      isLive,
    );
  });

  const peopleServed =
    map.peopleServedSource === 'manual' ? map.peopleServedManual : live.counts[map.peopleServedSource];

  if (valueMap[0])
    valueMap[0].inputs = `Service costs ${formatPounds(withoutVolunteerTime)}${volunteerTime > 0 ? `; volunteer time ${formatPounds(volunteerTime)}` : ''}`;

  const model: ImpactModel = {
    title: map.title,
    settings: {
      discountRate: map.discountRate,
      firstYearDiscounted: map.firstYearDiscounted,
      ...(peopleServed && peopleServed > 0 ? { participants: peopleServed } : {}),
    },
    stakeholders: map.stakeholders.map((s) => ({ id: s.key, name: s.name })),
    outcomes,
    inputs,
  };
  return {
    model,
    volunteerInputs,
    optimisticValues,
    uncertainty,
    valueMap,
    costLines,
    costs: { withoutVolunteerTime, volunteerTime },
    livingWage: rate,
    peopleServed,
    problems,
    warnings,
  };
}

/** The report's scenarios as engine scenarios: the review's four, each without and with volunteer time. */
export function standardScenarios(
  map: Pick<ImpactMap, 'conservativeProxyScale'>,
  volunteerInputs: Input[],
  optimisticValues: Record<string, number>,
): { key: ScenarioKey; scenario: Scenario }[] {
  const scale = map.conservativeProxyScale;
  const base: { key: ScenarioKey; scenario: Scenario }[] = [
    {
      key: 'central',
      scenario: { name: scenarioLabels.central, description: 'Every proxy at its central value' },
    },
    {
      key: 'conservative',
      scenario: {
        name: scenarioLabels.conservative,
        description: `Every financial proxy × ${formatCount(scale)}${scale === 0.5 ? ' (halved, as the review did)' : ''}`,
        proxyScale: scale,
      },
    },
  ];
  if (Object.keys(optimisticValues).length > 0)
    base.push({
      key: 'optimistic',
      scenario: {
        name: scenarioLabels.optimistic,
        description: 'Higher, alternative proxies where the map gives them',
        proxyValues: optimisticValues,
      },
    });
  if (volunteerInputs.length === 0) return base;
  return base.flatMap(({ key, scenario }) => [
    { key, scenario },
    {
      key: `${key}_volunteers` as ScenarioKey,
      scenario: {
        ...scenario,
        name: scenarioLabels[`${key}_volunteers` as ScenarioKey],
        description: `${scenario.description}; volunteer time counted as an input`,
        addInputs: volunteerInputs,
      },
    },
  ]);
}

/** Where an engine issue is, in people's words: the outcome's or cost's name instead of an index. */
function describeIssue(issue: Issue, map: ImpactMap, model: ImpactModel): string {
  const outcome = /^outcomes\[(\d+)\]/.exec(issue.path);
  if (outcome) return `“${model.outcomes[Number(outcome[1])]?.name ?? 'An outcome'}”: ${issue.message}.`;
  const input = /^inputs\[(\d+)\]/.exec(issue.path);
  if (input) return `“${model.inputs[Number(input[1])]?.name ?? 'A cost'}”: ${issue.message}.`;
  if (issue.code === 'no_inputs' || issue.code === 'zero_inputs')
    return `Add the costs of the service (${map.costs.length === 0 ? 'there are none yet' : 'they come to £0'}).`;
  if (issue.path === 'outcomes') return 'Add at least one outcome.';
  return `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}.`;
}

function scenarioResult(
  key: ScenarioKey,
  scenario: Scenario,
  model: ImpactModel,
  simulation: ReportScenario['simulation'],
): { row: ReportScenario; result: SroiResult } {
  const varied = key === 'central' ? model : applyScenario(model, scenario);
  const result = calculate(varied);
  const outcomeStakeholder = new Map(model.outcomes.map((o) => [o.id, o.stakeholder]));
  const stakeholderName = new Map(model.stakeholders.map((s) => [s.id, s.name]));
  const { breakEvens, tornado, swing } = sensitivity(varied, { swing: TORNADO_SWING });
  return {
    result,
    row: {
      key,
      name: scenario.name,
      description: scenario.description ?? '',
      presentValue: result.presentValue,
      inputsValue: result.inputsValue,
      netPresentValue: result.netPresentValue,
      ratio: result.ratio,
      valuePerPerson: result.valuePerParticipant,
      byStakeholder: result.stakeholders.map((s) => ({
        id: s.id,
        name: s.name,
        presentValue: s.presentValue,
        share: s.share,
      })),
      byOutcome: result.outcomes.map((o) => ({
        id: o.id,
        name: o.name,
        stakeholder: stakeholderName.get(outcomeStakeholder.get(o.id) ?? '') ?? '',
        presentValue: o.presentValue,
        share: result.presentValue !== 0 ? o.presentValue / result.presentValue : null,
      })),
      breakEvens: breakEvens.map((b) => ({
        path: b.path,
        label: b.label,
        current: b.current,
        breakEven: b.breakEven,
        reachable: b.reachable,
        reason: b.reason,
      })),
      tornado: tornado.map((t) => ({ ...t })),
      swing,
      simulation,
    },
  };
}

/**
 * The commissioner report for one map. When the map cannot be calculated yet (no outcomes, no costs,
 * a missing proxy) it says why in `problems`, with everything that can be shown without a ratio.
 */
export function buildReport(input: ReportInput): SocialValueReport {
  const { map, dataAsOf } = input;
  const prepared = prepare(input);
  const { model, volunteerInputs, optimisticValues, costs, peopleServed } = prepared;
  const validation = validateModel(model);
  const problems = [
    ...prepared.problems,
    ...validation.errors.map((issue) => ({ path: issue.path, message: describeIssue(issue, map, model) })),
  ];
  const warnings = [
    ...prepared.warnings,
    ...validation.warnings.map((issue) => ({
      code: issue.code,
      message: describeIssue(issue, map, model),
      path: issue.path,
    })),
  ];
  const base = {
    mapId: map.id,
    title: map.title,
    description: map.description,
    siteId: map.siteId,
    siteName: map.siteName,
    sites: map.sites,
    periodFrom: map.periodFrom,
    periodTo: map.periodTo,
    priceYear: map.priceYear,
    dataAsOf: dataAsOf.toISOString(),
    valueMap: prepared.valueMap,
    costs: {
      lines: prepared.costLines,
      withoutVolunteerTime: costs.withoutVolunteerTime,
      withVolunteerTime: costs.withoutVolunteerTime + costs.volunteerTime,
      volunteerTime: costs.volunteerTime,
      livingWage: prepared.livingWage,
    },
    peopleServed: { count: peopleServed, source: map.peopleServedSource },
    rollout: rolloutCost({
      cost: costs.withoutVolunteerTime,
      costWithVolunteerTime: costs.withoutVolunteerTime + costs.volunteerTime,
      peopleServed,
      populationLow: map.rolloutPopulationLow,
      populationHigh: map.rolloutPopulationHigh,
    }),
  };
  const notes = methodNotes(input, prepared, null);
  if (problems.length > 0)
    return {
      ...base,
      isComplete: false,
      problems,
      headline: null,
      scenarios: [],
      publishedChecks: map.publishedFigures.map((f) => checkPublishedFigure(f, null)),
      methodNotes: notes,
      warnings,
    };

  const iterations = input.iterations ?? DEFAULT_ITERATIONS;
  const simulationOf = (m: ImpactModel): ReportScenario['simulation'] => {
    const s = simulate(m, { iterations, seed: SIMULATION_SEED, uncertainty: prepared.uncertainty });
    return {
      iterations: s.iterations,
      seed: s.seed,
      varied: s.varied,
      ratio: s.ratio,
      presentValue: s.presentValue,
      probabilityRatioAboveOne: s.probabilityRatioAboveOne,
    };
  };
  const withoutVolunteers = simulationOf(model);
  const withVolunteers =
    volunteerInputs.length > 0
      ? simulationOf({ ...model, inputs: [...model.inputs, ...volunteerInputs] })
      : withoutVolunteers;

  const scenarios = standardScenarios(map, volunteerInputs, optimisticValues).map(({ key, scenario }) =>
    scenarioResult(key, scenario, model, key.endsWith('_volunteers') ? withVolunteers : withoutVolunteers),
  );
  const central = scenarios[0] as (typeof scenarios)[number];
  for (const row of prepared.valueMap)
    row.impact = central.result.outcomes.find((o) => o.id === row.outcomeId)?.impact ?? 0;
  const ratios = scenarios.map((s) => s.row.ratio);
  const lowRatio = Math.min(...ratios);
  const highRatio = Math.max(...ratios);
  const ratioOf = (key: ScenarioKey) => scenarios.find((s) => s.row.key === key)?.row.ratio ?? null;
  return {
    ...base,
    isComplete: true,
    problems: [],
    headline: {
      lowRatio,
      highRatio,
      centralRatio: central.row.ratio,
      text: `For every £1 invested, £${formatRatioNumber(lowRatio)} to £${formatRatioNumber(highRatio)} of social value`,
    },
    scenarios: scenarios.map((s) => s.row),
    publishedChecks: map.publishedFigures.map((f) => checkPublishedFigure(f, ratioOf(f.scenario))),
    methodNotes: methodNotes(input, prepared, central.result),
    warnings,
  };
}

function methodNotes(
  input: ReportInput,
  prepared: Prepared,
  central: SroiResult | null,
): SocialValueReport['methodNotes'] {
  const { map, deflators, dataAsOf } = input;
  const linked = map.outcomes.filter((o) => o.quantitySource !== 'manual');
  const liveCosts = map.costs.filter((c) => c.amountSource !== 'manual');
  const period = `${formatCalendarDate(map.periodFrom)} to ${formatCalendarDate(map.periodTo)}`;
  const dataDates = [
    ...(linked.length > 0 || liveCosts.length > 0 || map.peopleServedSource !== 'manual'
      ? [
          `Live counts from ${sitesLabel(map.sites)}’s service records for ${period}, taken ${formatMoment(dataAsOf)}: ${[
            ...new Set([
              ...linked.map((o) => quantitySourceLabels[o.quantitySource].toLowerCase()),
              ...(map.peopleServedSource !== 'manual'
                ? [`people served (${quantitySourceLabels[map.peopleServedSource].toLowerCase()})`]
                : []),
              ...(liveCosts.length > 0 ? ['Personalisation Fund grants approved'] : []),
            ]),
          ].join('; ')}.`,
        ]
      : []),
    ...map.outcomes
      .filter((o) => o.quantitySource === 'manual')
      .map(
        (o) =>
          `“${o.name}”: entered by hand${o.quantityNote ? ` — ${o.quantityNote}` : ' (no source given)'}.`,
      ),
  ];
  const sampleSizes = map.outcomes.map((o) =>
    o.sampleSize === null
      ? `“${o.name}”: ${o.quantitySource === 'manual' ? 'no sample size given' : 'every record counted (not a sample)'}.`
      : `“${o.name}”: sample of ${formatCount(o.sampleSize)}.`,
  );
  const rate = prepared.livingWage;
  return {
    conventions: central?.conventions.statement ?? '',
    inputsStatement: central?.conventions.inputsStatement ?? '',
    discountSchedule: (central?.discountFactors ?? []).map((factor, i) => ({ year: i + 1, factor })),
    priceYear: `All values in ${map.priceYear} prices: each financial proxy is uprated from its own price year by the GDP deflator; costs are taken as entered.`,
    deflator: `${deflators.title}, ${deflators.release}; ${deflators.licence}. ${deflators.sourceUrl}`,
    livingWage: rate
      ? `Volunteer time is valued at the National Living Wage in force on ${formatCalendarDate(map.periodFrom)}: ${formatPoundsPence(rate.ratePence / 100)} an hour from ${formatCalendarDate(rate.from)} (GOV.UK; Open Government Licence v3.0), unless a line gives its own rate.`
      : 'No National Living Wage is held for the start of this period; volunteer lines need their own rate.',
    scenarios: [
      `Conservative: every financial proxy × ${formatCount(map.conservativeProxyScale)}.`,
      'Optimistic: the alternative (higher) proxies given for some outcomes; the others as central.',
      'Each is shown without and with volunteer time as an input, as the L&D review did.',
      `Break-even: the value of each estimate at which the ratio is £1 : £1. Tornado: each estimate ±${TORNADO_SWING * 100}% with the rest as modelled.`,
    ],
    simulation: `Monte Carlo: ${formatCount(input.iterations ?? DEFAULT_ITERATIONS)} draws (seed ${SIMULATION_SEED}), without and with volunteer time. Each financial proxy is drawn from a triangular distribution between its conservative and optimistic values (mode at the central value); each deadweight, attribution and drop-off between 0% and 100% (exclusive) varies uniformly by ±${SHARE_SPREAD * 100} percentage points. Percentiles p5, p50 and p95 of the ratio are shown.`,
    dataDates,
    sampleSizes,
  };
}

/** Percent share for a sentence, or a dash. */
export const shareText = (share: number | null): string => (share === null ? '–' : formatPercent(share));
