import type { ImpactModel } from './model.ts';
import type { PreparedModel } from './prepared-model.ts';
import { type EstimateTarget, resolveEstimatePath } from './validate.ts';

/**
 * What kind of figure an estimate is; decides its limits and how it is varied.
 *
 * @example
 * const field: EstimateField = 'dropOff';
 */
export type EstimateField =
  | 'proxy.value'
  | 'quantity'
  | 'deadweight'
  | 'displacement'
  | 'attribution'
  | 'serviceContribution'
  | 'dropOff'
  | 'duration'
  | 'amount'
  | 'hours'
  | 'rate';

/**
 * One estimate in a model: a figure a practitioner chose and could be wrong about.
 *
 * @example
 * const [first]: Estimate[] = listEstimates(model); // { path: 'outcomes.housing.proxy.value', … }
 */
export interface Estimate {
  /** Path as used in `uncertainty`, e.g. `outcomes.housing.deadweight`. */
  path: string;
  /** For people, e.g. "Improved living situation: deadweight". */
  label: string;
  collection: 'outcomes' | 'inputs';
  index: number;
  field: EstimateField;
  /** The value in the model. */
  value: number;
}

/** Fields that are shares between 0 and 1. */
export const RATE_ESTIMATES: ReadonlySet<EstimateField> = new Set([
  'deadweight',
  'displacement',
  'attribution',
  'serviceContribution',
  'dropOff',
]);

const FIELD_WORDS: Record<EstimateField, string> = {
  'proxy.value': 'financial proxy',
  quantity: 'quantity',
  deadweight: 'deadweight',
  displacement: 'displacement',
  attribution: 'attribution',
  serviceContribution: 'service contribution',
  dropOff: 'drop-off',
  duration: 'duration',
  amount: 'amount',
  hours: 'hours',
  rate: 'hourly rate',
};

/** The words for a field, e.g. "drop-off". */
export function fieldWords(field: EstimateField): string {
  return FIELD_WORDS[field];
}

/** The lowest and highest value a field may take. */
export function fieldLimits(field: EstimateField): { low: number; high: number } {
  if (RATE_ESTIMATES.has(field)) return { low: 0, high: 1 };
  if (field === 'duration') return { low: 1, high: Number.POSITIVE_INFINITY };
  if (field === 'proxy.value') return { low: Number.NEGATIVE_INFINITY, high: Number.POSITIVE_INFINITY };
  return { low: 0, high: Number.POSITIVE_INFINITY };
}

/**
 * Every estimate in a model: per outcome the proxy, quantity, deadweight, displacement, attribution
 * (or service contribution), drop-off and duration; per input its amount (or hours and rate).
 *
 * @example
 * listEstimates(model).map((e) => e.path); // ['outcomes.housing.proxy.value', 'outcomes.housing.quantity', …]
 */
export function listEstimates(model: ImpactModel): Estimate[] {
  const estimates: Estimate[] = [];
  model.outcomes.forEach((o, index) => {
    const contribution = o.serviceContribution !== undefined;
    const fields: [EstimateField, number][] = [
      ['proxy.value', o.proxy.value],
      ['quantity', o.quantity],
      ['deadweight', o.deadweight ?? 0],
      ['displacement', o.displacement ?? 0],
      contribution
        ? ['serviceContribution', o.serviceContribution as number]
        : ['attribution', o.attribution ?? 0],
      ['dropOff', o.dropOff ?? 0],
      ['duration', o.duration],
    ];
    for (const [field, value] of fields) {
      estimates.push({
        path: `outcomes.${o.id}.${field}`,
        label: `${o.name}: ${FIELD_WORDS[field]}`,
        collection: 'outcomes',
        index,
        field,
        value,
      });
    }
  });
  model.inputs.forEach((input, index) => {
    const fields: [EstimateField, number][] =
      input.kind === 'volunteer-time'
        ? [
            ['hours', input.hours ?? 0],
            ['rate', input.rate ?? 0],
          ]
        : [['amount', input.amount ?? 0]];
    for (const [field, value] of fields) {
      estimates.push({
        path: `inputs.${input.id}.${field}`,
        label: `${input.name}: ${FIELD_WORDS[field]}`,
        collection: 'inputs',
        index,
        field,
        value,
      });
    }
  });
  return estimates;
}

/** Find one estimate by its path; throws a RangeError naming the problem when there is none. */
export function findEstimate(model: ImpactModel, path: string): Estimate {
  const target: EstimateTarget | string = resolveEstimatePath(
    path,
    model.outcomes as unknown as Record<string, unknown>[],
    model.inputs as unknown as Record<string, unknown>[],
  );
  if (typeof target === 'string') throw new RangeError(target);
  const found = listEstimates(model).find(
    (e) => e.collection === target.collection && e.index === target.index && e.field === target.field,
  );
  if (!found) throw new RangeError(`no estimate at ${path}`);
  return found;
}

/** Write a value for an estimate into a prepared model (whole years for duration). */
export function setEstimate(p: PreparedModel, e: Pick<Estimate, 'field' | 'index'>, value: number): void {
  const i = e.index;
  switch (e.field) {
    case 'proxy.value':
      p.proxy[i] = value;
      return;
    case 'quantity':
      p.quantity[i] = value;
      return;
    case 'deadweight':
      p.deadweight[i] = value;
      return;
    case 'displacement':
      p.displacement[i] = value;
      return;
    case 'attribution':
      p.attribution[i] = value;
      return;
    case 'serviceContribution':
      p.attribution[i] = 1 - value;
      return;
    case 'dropOff':
      p.dropOff[i] = value;
      return;
    case 'duration':
      p.duration[i] = Math.max(1, Math.round(value));
      return;
    case 'amount':
    case 'hours':
      p.inputAmount[i] = value;
      return;
    case 'rate':
      p.inputRate[i] = value;
      return;
  }
}
