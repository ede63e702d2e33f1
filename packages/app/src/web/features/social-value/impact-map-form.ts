import type {
  CostAmountSource,
  CostCategory,
  ImpactMap,
  PeopleServedSource,
  ProxiesResponse,
  ProxyRef,
  QuantitySource,
  UpdateImpactMapBody,
} from '../../../contract/social-value.ts';
import { formatPence } from './social-value-format.ts';

/**
 * The impact map as the edit form holds it: shares as percentages, money in pounds, numbers as the
 * inputs give them (a number, or '' when empty), proxies as one string ("library:wellby-central").
 */
export type NumberValue = number | string;

export type OutcomeValues = {
  id?: string;
  stakeholderKey: string;
  name: string;
  isIntended: boolean;
  isHarm: boolean;
  outputs: string;
  indicator: string;
  quantitySource: QuantitySource;
  manualQuantity: NumberValue;
  quantityFactor: NumberValue;
  quantityNote: string;
  sampleSize: NumberValue;
  /** Outcomes (issue 5): "instrumentId|indicatorKey|design" for an outcome that follows a survey indicator. */
  surveyIndicator: string;
  proxy: string;
  optimisticProxy: string;
  deadweight: NumberValue;
  displacement: NumberValue;
  attribution: NumberValue;
  dropOff: NumberValue;
  duration: NumberValue;
  startYear: string;
};

export type CostValues = {
  id?: string;
  category: CostCategory;
  description: string;
  amountSource: CostAmountSource;
  amount: NumberValue;
  volunteerHours: NumberValue;
  volunteerRate: NumberValue;
};

export type ImpactMapValues = {
  version: number;
  title: string;
  description: string;
  periodFrom: string;
  periodTo: string;
  priceYear: NumberValue;
  discountRate: NumberValue;
  firstYearDiscounted: boolean;
  conservativeProxyScale: NumberValue;
  peopleServedSource: PeopleServedSource;
  peopleServedManual: NumberValue;
  rolloutPopulationLow: NumberValue;
  rolloutPopulationHigh: NumberValue;
  otherSiteIds: string[];
  stakeholders: { key: string; name: string }[];
  outcomes: OutcomeValues[];
  costs: CostValues[];
};

export const proxyKey = (ref: ProxyRef | null): string =>
  ref === null ? '' : ref.kind === 'library' ? `library:${ref.key}` : `organisation:${ref.id}`;
export const proxyRefOf = (key: string): ProxyRef | null => {
  const [kind, ...rest] = key.split(':');
  const value = rest.join(':');
  if (!value) return null;
  return kind === 'library' ? { kind: 'library', key: value } : { kind: 'organisation', id: value };
};

const percent = (share: number) => Number((share * 100).toFixed(4));
const blank = (n: number | null | undefined): NumberValue => (n === null || n === undefined ? '' : n);
const toNumber = (v: NumberValue): number => (typeof v === 'number' ? v : Number(v));
const toNullable = (v: NumberValue): number | null => (v === '' || v === null ? null : toNumber(v));
const share = (v: NumberValue) => Math.round(toNumber(v) * 100) / 10_000;
const pence = (v: NumberValue) => Math.round(toNumber(v) * 100);

let newKey = 0;
export const freshKey = () => `new-${Date.now().toString(36)}-${newKey++}`;

export function valuesOf(map: ImpactMap): ImpactMapValues {
  return {
    version: map.version,
    title: map.title,
    description: map.description,
    periodFrom: map.periodFrom,
    periodTo: map.periodTo,
    priceYear: map.priceYear,
    discountRate: percent(map.discountRate),
    firstYearDiscounted: map.firstYearDiscounted,
    conservativeProxyScale: percent(map.conservativeProxyScale),
    peopleServedSource: map.peopleServedSource,
    peopleServedManual: blank(map.peopleServedManual),
    rolloutPopulationLow: blank(map.rolloutPopulationLow),
    rolloutPopulationHigh: blank(map.rolloutPopulationHigh),
    otherSiteIds: map.sites.slice(1).map((s) => s.id),
    stakeholders: map.stakeholders,
    outcomes: map.outcomes.map((o) => ({
      id: o.id,
      stakeholderKey: o.stakeholderKey,
      name: o.name,
      isIntended: o.isIntended,
      isHarm: o.isHarm,
      outputs: o.outputs,
      indicator: o.indicator,
      quantitySource: o.quantitySource,
      manualQuantity: blank(o.manualQuantity),
      quantityFactor: o.quantityFactor,
      quantityNote: o.quantityNote,
      sampleSize: blank(o.sampleSize),
      surveyIndicator: o.surveyIndicator
        ? `${o.surveyIndicator.instrumentId}|${o.surveyIndicator.indicatorKey}|${o.surveyIndicator.design}`
        : '',
      proxy: proxyKey(o.proxy),
      optimisticProxy: proxyKey(o.optimisticProxy),
      deadweight: percent(o.deadweight),
      displacement: percent(o.displacement),
      attribution: percent(o.attribution),
      dropOff: percent(o.dropOff),
      duration: o.duration,
      startYear: String(o.startYear),
    })),
    costs: map.costs.map((c) => ({
      id: c.id,
      category: c.category,
      description: c.description,
      amountSource: c.amountSource,
      amount: c.amountPence === null ? '' : c.amountPence / 100,
      volunteerHours: blank(c.volunteerHours),
      volunteerRate: c.volunteerRatePence === null ? '' : c.volunteerRatePence / 100,
    })),
  };
}

/** Outcomes (issue 5): the chosen survey indicator, taking contribution and deadweight from the surveys too. */
function surveyIndicatorOf(o: OutcomeValues) {
  if (o.quantitySource !== 'outcomes_indicator' || !o.surveyIndicator) return null;
  const [instrumentId = '', indicatorKey = '', design = 'retrospective'] = o.surveyIndicator.split('|');
  return {
    instrumentId,
    indicatorKey,
    design: design === 'waves' ? ('waves' as const) : ('retrospective' as const),
    usesContribution: true,
    usesDeadweight: true,
  };
}

export function newOutcome(stakeholderKey: string): OutcomeValues {
  return {
    stakeholderKey,
    name: '',
    isIntended: true,
    isHarm: false,
    outputs: '',
    indicator: '',
    quantitySource: 'manual',
    manualQuantity: '',
    quantityFactor: 1,
    quantityNote: '',
    sampleSize: '',
    surveyIndicator: '',
    proxy: '',
    optimisticProxy: '',
    deadweight: 0,
    displacement: 0,
    attribution: 0,
    dropOff: 0,
    duration: 1,
    startYear: '1',
  };
}

export const newCost = (category: CostCategory = 'staff'): CostValues => ({
  category,
  description: '',
  amountSource: 'manual',
  amount: '',
  volunteerHours: '',
  volunteerRate: '',
});

export function bodyOf(values: ImpactMapValues, map: ImpactMap): UpdateImpactMapBody {
  return {
    version: values.version,
    title: values.title,
    description: values.description,
    periodFrom: values.periodFrom,
    periodTo: values.periodTo,
    priceYear: toNumber(values.priceYear),
    discountRate: share(values.discountRate),
    firstYearDiscounted: values.firstYearDiscounted,
    conservativeProxyScale: share(values.conservativeProxyScale),
    peopleServedSource: values.peopleServedSource,
    peopleServedManual: values.peopleServedSource === 'manual' ? toNullable(values.peopleServedManual) : null,
    rolloutPopulationLow: toNullable(values.rolloutPopulationLow),
    rolloutPopulationHigh: toNullable(values.rolloutPopulationHigh),
    publishedFigures: map.publishedFigures,
    otherSiteIds: values.otherSiteIds,
    stakeholders: values.stakeholders,
    outcomes: values.outcomes.map((o) => ({
      ...(o.id ? { id: o.id } : {}),
      stakeholderKey: o.stakeholderKey,
      name: o.name,
      isIntended: o.isIntended,
      isHarm: o.isHarm,
      outputs: o.outputs,
      indicator: o.indicator,
      quantitySource: o.quantitySource,
      manualQuantity: o.quantitySource === 'manual' ? toNullable(o.manualQuantity) : null,
      quantityFactor: o.quantitySource === 'manual' ? 1 : toNumber(o.quantityFactor),
      quantityNote: o.quantityNote,
      sampleSize: toNullable(o.sampleSize),
      surveyIndicator: surveyIndicatorOf(o),
      proxy: proxyRefOf(o.proxy) as ProxyRef,
      optimisticProxy: proxyRefOf(o.optimisticProxy),
      deadweight: share(o.deadweight),
      displacement: share(o.displacement),
      attribution: share(o.attribution),
      dropOff: share(o.dropOff),
      duration: toNumber(o.duration),
      startYear: Number(o.startYear),
    })),
    costs: values.costs.map((c) => {
      const isVolunteer = c.category === 'volunteer_time';
      return {
        ...(c.id ? { id: c.id } : {}),
        category: c.category,
        description: c.description,
        amountSource: isVolunteer ? 'manual' : c.amountSource,
        amountPence: !isVolunteer && c.amountSource === 'manual' ? pence(c.amount) : null,
        volunteerHours: isVolunteer ? toNullable(c.volunteerHours) : null,
        volunteerRatePence: isVolunteer && c.volunteerRate !== '' ? pence(c.volunteerRate) : null,
      };
    }),
  };
}

const isBlank = (v: NumberValue) => v === '' || v === null || Number.isNaN(toNumber(v));
const outOfPercent = (v: NumberValue) => isBlank(v) || toNumber(v) < 0 || toNumber(v) > 100;

/** Errors by form path ("outcomes.0.name"), in page order; empty when the map can be saved. */
export function validateMap(values: ImpactMapValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const problem = (path: string, message: string) => {
    errors[path] ??= message;
  };
  if (!values.title.trim()) problem('title', 'Enter a title');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.periodFrom))
    problem('periodFrom', 'Enter the first day of the period');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.periodTo)) problem('periodTo', 'Enter the last day of the period');
  else if (values.periodTo < values.periodFrom)
    problem('periodTo', 'The period must end on or after its start');
  if (isBlank(values.priceYear) || toNumber(values.priceYear) < 1990)
    problem('priceYear', 'Enter a year, like 2024');
  if (outOfPercent(values.discountRate)) problem('discountRate', 'Enter a rate between 0% and 100%');
  if (
    isBlank(values.conservativeProxyScale) ||
    toNumber(values.conservativeProxyScale) <= 0 ||
    toNumber(values.conservativeProxyScale) > 100
  )
    problem('conservativeProxyScale', 'Enter a share above 0% and up to 100%');
  if (values.peopleServedSource === 'manual' && isBlank(values.peopleServedManual))
    problem('peopleServedManual', 'Enter how many people were served');
  if (isBlank(values.rolloutPopulationLow) !== isBlank(values.rolloutPopulationHigh))
    problem('rolloutPopulationHigh', 'Give both ends of the population range, or neither');
  else if (
    !isBlank(values.rolloutPopulationLow) &&
    toNumber(values.rolloutPopulationLow) > toNumber(values.rolloutPopulationHigh)
  )
    problem('rolloutPopulationHigh', 'The upper end must be at least the lower end');
  values.stakeholders.forEach((s, i) => {
    if (!s.name.trim()) problem(`stakeholders.${i}.name`, `Enter stakeholder ${i + 1}’s name`);
  });
  values.outcomes.forEach((o, i) => {
    const at = (field: string) => `outcomes.${i}.${field}`;
    const which = `outcome ${i + 1}`;
    if (!values.stakeholders.some((s) => s.key === o.stakeholderKey))
      problem(at('stakeholderKey'), `Choose ${which}’s stakeholder`);
    if (!o.name.trim()) problem(at('name'), `Describe ${which}`);
    if (o.quantitySource === 'manual' && isBlank(o.manualQuantity))
      problem(at('manualQuantity'), `Enter ${which}’s quantity`);
    if (o.quantitySource !== 'manual' && isBlank(o.quantityFactor))
      problem(at('quantityFactor'), `Enter how much change each counted person makes for ${which}`);
    if (!o.proxy) problem(at('proxy'), `Choose a financial proxy for ${which}`);
    for (const field of ['deadweight', 'displacement', 'attribution', 'dropOff'] as const)
      if (outOfPercent(o[field]))
        problem(
          at(field),
          `Enter ${which}’s ${field === 'dropOff' ? 'drop-off' : field} between 0% and 100%`,
        );
    if (isBlank(o.duration) || toNumber(o.duration) < 1 || !Number.isInteger(toNumber(o.duration)))
      problem(at('duration'), `Enter ${which}’s duration in whole years`);
  });
  values.costs.forEach((c, i) => {
    const at = (field: string) => `costs.${i}.${field}`;
    if (!c.description.trim()) problem(at('description'), `Describe cost ${i + 1}`);
    if (c.category === 'volunteer_time' && isBlank(c.volunteerHours))
      problem(at('volunteerHours'), `Enter cost ${i + 1}’s volunteer hours`);
    if (c.category !== 'volunteer_time' && c.amountSource === 'manual' && isBlank(c.amount))
      problem(at('amount'), `Enter cost ${i + 1}’s amount`);
  });
  return errors;
}

/** The proxy choices, grouped: Peerpath's open library first, then the organisation's own. */
export function proxyOptions(proxies: ProxiesResponse | undefined, emptyLabel: string) {
  const label = (p: ProxiesResponse['library'][number]) =>
    `${p.name} — ${formatPence(p.valuePence)} ${p.unit} (${p.priceYear})`;
  return [
    { value: '', label: emptyLabel },
    {
      group: 'Peerpath library (openly licensed)',
      items: (proxies?.library ?? []).map((p) => ({ value: proxyKey(p.ref), label: label(p) })),
    },
    {
      group: 'Your organisation’s own',
      items: (proxies?.organisation ?? []).map((p) => ({ value: proxyKey(p.ref), label: label(p) })),
    },
  ];
}

/** The National Living Wage in force on a date, in pence, from the rates the server holds. */
export function livingWageOn(proxies: ProxiesResponse | undefined, isoDate: string): number | undefined {
  return proxies?.livingWage.rates.filter((r) => r.from <= isoDate).at(-1)?.ratePence;
}
