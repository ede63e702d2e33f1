import type { ImpactModel, Issue } from './model.ts';
import { prepareModel, totalInputsValue, totalPresentValue } from './prepared-model.ts';
import { DISCOUNT_SCHEDULES } from './schedules.ts';

/**
 * What `validateModel` found. `model` is the input, typed, when there are no errors.
 *
 * @example
 * const { valid, errors, warnings }: ValidationResult = validateModel(input);
 */
export interface ValidationResult {
  valid: boolean;
  errors: Issue[];
  warnings: Issue[];
  model: ImpactModel | null;
}

/**
 * Published SROI ratios in the project's sources run from 1.04 (L&D review) to 9.36 (Breathe Easy).
 *
 * @example
 * const typical = ratio >= PUBLISHED_RATIO_RANGE.low && ratio <= PUBLISHED_RATIO_RANGE.high;
 */
export const PUBLISHED_RATIO_RANGE = { low: 1.04, high: 9.36 } as const;
/**
 * Ratios outside these limits draw a warning: far outside published practice.
 *
 * @example
 * if (ratio > RATIO_WARNING_LIMITS.high) console.warn('check for over-claiming');
 */
export const RATIO_WARNING_LIMITS = { low: 0.5, high: 15 } as const;

const ID_PATTERN = /^[A-Za-z0-9_-]+$/;
const RATE_FIELDS = ['deadweight', 'displacement', 'attribution', 'serviceContribution', 'dropOff'] as const;
const OUTCOME_ESTIMATES = new Set([
  'proxy.value',
  'quantity',
  'deadweight',
  'displacement',
  'attribution',
  'serviceContribution',
  'dropOff',
  'duration',
]);
const DISTRIBUTION_KEYS: Record<string, readonly string[]> = {
  uniform: ['type', 'min', 'max'],
  triangular: ['type', 'min', 'mode', 'max'],
  'truncated-normal': ['type', 'mean', 'sd', 'min', 'max'],
  pert: ['type', 'min', 'mode', 'max', 'lambda'],
};

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** Collects issues while walking an untrusted value. */
class Checker {
  readonly errors: Issue[] = [];
  readonly warnings: Issue[] = [];

  error(path: string, code: string, message: string): void {
    this.errors.push({ path, code, message });
  }

  warn(path: string, code: string, message: string): void {
    this.warnings.push({ path, code, message });
  }

  object(value: unknown, path: string, allowed: readonly string[], label = path): value is Json {
    if (!isObject(value)) {
      this.error(path, 'wrong_type', `${label || 'the model'} must be an object; got ${describe(value)}`);
      return false;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        this.error(
          join(path, key),
          'unknown_key',
          `unknown key "${key}"; expected one of: ${allowed.join(', ')}`,
        );
      }
    }
    return true;
  }

  string(obj: Json, key: string, path: string, required: boolean): string | undefined {
    const value = obj[key];
    if (value === undefined) {
      if (required) this.error(join(path, key), 'required', `${key} is required`);
      return undefined;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      this.error(join(path, key), 'wrong_type', `${key} must be a non-empty string; got ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  id(obj: Json, path: string): string | undefined {
    const id = this.string(obj, 'id', path, true);
    if (id !== undefined && !ID_PATTERN.test(id)) {
      this.error(
        join(path, 'id'),
        'invalid_id',
        `id must use only letters, digits, "-" and "_"; got "${id}"`,
      );
    }
    return id;
  }

  number(
    obj: Json,
    key: string,
    path: string,
    options: { required?: boolean; min?: number; max?: number; integer?: boolean; label?: string } = {},
  ): number | undefined {
    const value = obj[key];
    const at = join(path, key);
    const label = options.label ?? key;
    if (value === undefined) {
      if (options.required) this.error(at, 'required', `${label} is required`);
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.error(at, 'wrong_type', `${label} must be a number; got ${describe(value)}`);
      return undefined;
    }
    if (options.integer && !Number.isInteger(value)) {
      this.error(at, 'not_whole', `${label} must be a whole number; got ${value}`);
      return undefined;
    }
    const { min, max } = options;
    if (min !== undefined && max !== undefined && (value < min || value > max)) {
      this.error(at, 'out_of_range', `${label} must be between ${min} and ${max}; got ${value}`);
      return undefined;
    }
    if (min !== undefined && value < min) {
      this.error(at, 'out_of_range', `${label} must be at least ${min}; got ${value}`);
      return undefined;
    }
    if (max !== undefined && value > max) {
      this.error(at, 'out_of_range', `${label} must be at most ${max}; got ${value}`);
      return undefined;
    }
    return value;
  }

  array(obj: Json, key: string, path: string, required: boolean): unknown[] | undefined {
    const value = obj[key];
    if (value === undefined) {
      if (required) this.error(join(path, key), 'required', `${key} is required`);
      return undefined;
    }
    if (!Array.isArray(value)) {
      this.error(join(path, key), 'wrong_type', `${key} must be an array; got ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  uniqueIds(items: unknown[], path: string, key = 'id'): Set<string> {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      if (!isObject(item) || typeof item[key] !== 'string') return;
      const id = item[key] as string;
      const first = seen.get(id);
      if (first !== undefined) {
        this.error(
          `${path}[${index}].${key}`,
          'duplicate_id',
          `${key} "${id}" is already used by ${path}[${first}]`,
        );
      } else {
        seen.set(id, index);
      }
    });
    return new Set(seen.keys());
  }
}

function join(path: string, key: string): string {
  if (path === '') return key;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

const MODEL_KEYS = [
  '$schema',
  'title',
  'description',
  'settings',
  'stakeholders',
  'outcomes',
  'inputs',
  'scenarios',
  'uncertainty',
];
const SETTINGS_KEYS = ['discountRate', 'discountSchedule', 'firstYearDiscounted', 'participants'];
const OUTCOME_KEYS = [
  'id',
  'stakeholder',
  'name',
  'indicator',
  'quantity',
  'sampleSize',
  'proxy',
  'deadweight',
  'displacement',
  'attribution',
  'serviceContribution',
  'dropOff',
  'duration',
  'start',
];
const INPUT_KEYS = ['id', 'name', 'kind', 'amount', 'hours', 'rate', 'year'];
const CHANGE_KEYS = [
  'quantity',
  'deadweight',
  'displacement',
  'attribution',
  'serviceContribution',
  'dropOff',
  'duration',
  'start',
];
const SCENARIO_KEYS = [
  'name',
  'description',
  'proxyScale',
  'proxyValues',
  'allOutcomes',
  'outcomeChanges',
  'addInputs',
  'removeInputs',
];

/** The keys each part of a model may have (kept in step with schema/impact-model.schema.json by a test). */
export const ALLOWED_KEYS = {
  model: MODEL_KEYS,
  settings: SETTINGS_KEYS,
  outcome: OUTCOME_KEYS,
  input: INPUT_KEYS,
  outcomeChanges: CHANGE_KEYS,
  scenario: SCENARIO_KEYS,
} as const;

function checkSettings(c: Checker, settings: unknown): void {
  if (settings === undefined) return;
  if (!c.object(settings, 'settings', SETTINGS_KEYS)) return;
  c.number(settings, 'discountRate', 'settings', { min: 0, max: 1 });
  const schedule = settings.discountSchedule;
  if (schedule !== undefined && (typeof schedule !== 'string' || !(schedule in DISCOUNT_SCHEDULES))) {
    c.error(
      'settings.discountSchedule',
      'unknown_schedule',
      `discountSchedule must be one of: ${Object.keys(DISCOUNT_SCHEDULES).join(', ')}; got ${describe(schedule)}`,
    );
  }
  if (settings.discountRate !== undefined && schedule !== undefined) {
    c.error('settings', 'conflicting_fields', 'give discountRate or discountSchedule, not both');
  }
  const first = settings.firstYearDiscounted;
  if (first !== undefined && typeof first !== 'boolean') {
    c.error(
      'settings.firstYearDiscounted',
      'wrong_type',
      `firstYearDiscounted must be true or false; got ${describe(first)}`,
    );
  }
  c.number(settings, 'participants', 'settings', { min: 1, integer: true });
}

/** Rate fields, duration, start and quantity: shared by outcomes and scenario changes. */
function checkOutcomeFigures(c: Checker, obj: Json, path: string, required: boolean): void {
  c.number(obj, 'quantity', path, { required, min: 0 });
  for (const field of RATE_FIELDS) c.number(obj, field, path, { min: 0, max: 1 });
  if (obj.attribution !== undefined && obj.serviceContribution !== undefined) {
    c.error(
      join(path, 'serviceContribution'),
      'conflicting_fields',
      'give attribution (share due to others) or serviceContribution (share due to this service), never both',
    );
  }
  c.number(obj, 'duration', path, { required, min: 1, integer: true });
  c.number(obj, 'start', path, { min: 1, integer: true });
}

function checkOutcome(c: Checker, outcome: unknown, path: string, stakeholderIds: Set<string>): void {
  if (!c.object(outcome, path, OUTCOME_KEYS)) return;
  c.id(outcome, path);
  const stakeholder = c.string(outcome, 'stakeholder', path, true);
  if (stakeholder !== undefined && !stakeholderIds.has(stakeholder)) {
    c.error(join(path, 'stakeholder'), 'unknown_reference', `no stakeholder has id "${stakeholder}"`);
  }
  c.string(outcome, 'name', path, true);
  c.string(outcome, 'indicator', path, false);
  const quantity = outcome.quantity;
  if (typeof quantity === 'number' && quantity < 0) {
    c.error(
      join(path, 'quantity'),
      'negative_quantity',
      `quantity must not be negative; got ${quantity}. Record a harmful (negative) outcome with a negative proxy value`,
    );
  }
  const figures = { ...outcome };
  if (typeof quantity === 'number' && quantity < 0) figures.quantity = 0;
  checkOutcomeFigures(c, figures, path, true);
  c.number(outcome, 'sampleSize', path, { min: 1, integer: true });

  const proxyPath = join(path, 'proxy');
  if (outcome.proxy === undefined) {
    c.error(proxyPath, 'required', 'proxy is required: every outcome needs a financial proxy');
  } else if (c.object(outcome.proxy, proxyPath, ['value', 'source', 'priceYear'])) {
    c.number(outcome.proxy, 'value', proxyPath, { required: true, label: 'proxy value' });
    const source = c.string(outcome.proxy, 'source', proxyPath, false);
    c.number(outcome.proxy, 'priceYear', proxyPath, { integer: true, min: 1900, max: 2200 });
    if (source === undefined && outcome.proxy.source === undefined) {
      c.warn(
        join(proxyPath, 'source'),
        'proxy_without_source',
        'the financial proxy has no source; say where the value comes from',
      );
    }
  }

  // Practitioner pitfalls: warnings, not errors.
  if (outcome.deadweight === undefined) {
    c.warn(
      join(path, 'deadweight'),
      'no_deadweight',
      'no deadweight stated: value may be over-claimed (state 0 if none applies)',
    );
  }
  if (outcome.attribution === undefined && outcome.serviceContribution === undefined) {
    c.warn(
      join(path, 'attribution'),
      'no_attribution',
      'no attribution (or serviceContribution) stated: value may be over-claimed (state 0 if none applies)',
    );
  }
  const duration = outcome.duration;
  if (typeof duration === 'number' && duration > 1 && !outcome.dropOff) {
    c.warn(join(path, 'dropOff'), 'no_drop_off', `the outcome lasts ${duration} years but has no drop-off`);
  }
  if (typeof duration === 'number' && duration > 5) {
    c.warn(
      join(path, 'duration'),
      'long_duration',
      `a duration of ${duration} years is long; SROI practice rarely claims over 5`,
    );
  }
}

function checkInput(c: Checker, input: unknown, path: string): void {
  if (!c.object(input, path, INPUT_KEYS)) return;
  c.id(input, path);
  c.string(input, 'name', path, true);
  const kind = input.kind ?? 'cash';
  if (kind !== 'cash' && kind !== 'in-kind' && kind !== 'volunteer-time') {
    c.error(
      join(path, 'kind'),
      'invalid_value',
      `kind must be cash, in-kind or volunteer-time; got ${describe(kind)}`,
    );
    return;
  }
  if (kind === 'volunteer-time') {
    c.number(input, 'hours', path, { required: true, min: 0 });
    c.number(input, 'rate', path, { required: true, min: 0 });
    if (input.amount !== undefined) {
      c.error(
        join(path, 'amount'),
        'conflicting_fields',
        'volunteer time is valued as hours × rate; remove amount',
      );
    }
  } else {
    c.number(input, 'amount', path, { required: true, min: 0 });
    for (const key of ['hours', 'rate'] as const) {
      if (input[key] !== undefined) {
        c.error(join(path, key), 'conflicting_fields', `${key} applies only to volunteer-time inputs`);
      }
    }
  }
  c.number(input, 'year', path, { min: 1, integer: true });
}

function checkScenario(
  c: Checker,
  scenario: unknown,
  path: string,
  outcomeIds: Set<string>,
  inputIds: Set<string>,
): void {
  if (!c.object(scenario, path, SCENARIO_KEYS)) return;
  c.string(scenario, 'name', path, true);
  c.string(scenario, 'description', path, false);
  c.number(scenario, 'proxyScale', path, {});
  const proxyValues = scenario.proxyValues;
  if (proxyValues !== undefined) {
    const at = join(path, 'proxyValues');
    if (!isObject(proxyValues)) {
      c.error(
        at,
        'wrong_type',
        `proxyValues must be an object of outcome id → value; got ${describe(proxyValues)}`,
      );
    } else {
      for (const id of Object.keys(proxyValues)) {
        if (!outcomeIds.has(id)) c.error(join(at, id), 'unknown_reference', `no outcome has id "${id}"`);
        c.number(proxyValues, id, at, { label: `proxy value for ${id}` });
      }
    }
  }
  if (scenario.allOutcomes !== undefined) {
    const at = join(path, 'allOutcomes');
    if (c.object(scenario.allOutcomes, at, CHANGE_KEYS))
      checkOutcomeFigures(c, scenario.allOutcomes, at, false);
  }
  const changes = scenario.outcomeChanges;
  if (changes !== undefined) {
    const at = join(path, 'outcomeChanges');
    if (!isObject(changes)) {
      c.error(
        at,
        'wrong_type',
        `outcomeChanges must be an object of outcome id → changes; got ${describe(changes)}`,
      );
    } else {
      for (const [id, change] of Object.entries(changes)) {
        if (!outcomeIds.has(id)) c.error(join(at, id), 'unknown_reference', `no outcome has id "${id}"`);
        if (c.object(change, join(at, id), CHANGE_KEYS)) checkOutcomeFigures(c, change, join(at, id), false);
      }
    }
  }
  const added = c.array(scenario, 'addInputs', path, false);
  if (added) {
    added.forEach((input, index) => {
      checkInput(c, input, `${join(path, 'addInputs')}[${index}]`);
    });
    added.forEach((input, index) => {
      if (isObject(input) && typeof input.id === 'string' && inputIds.has(input.id)) {
        c.error(
          `${join(path, 'addInputs')}[${index}].id`,
          'duplicate_id',
          `input id "${input.id}" is already in the model`,
        );
      }
    });
  }
  const removed = c.array(scenario, 'removeInputs', path, false);
  removed?.forEach((id, index) => {
    const at = `${join(path, 'removeInputs')}[${index}]`;
    if (typeof id !== 'string') c.error(at, 'wrong_type', `input ids must be strings; got ${describe(id)}`);
    else if (!inputIds.has(id)) c.error(at, 'unknown_reference', `no input has id "${id}"`);
  });
}

function rateBounds(field: string): { low: number; high: number } {
  if ((RATE_FIELDS as readonly string[]).includes(field)) return { low: 0, high: 1 };
  if (field === 'duration') return { low: 1, high: Number.POSITIVE_INFINITY };
  if (field === 'proxy.value') return { low: Number.NEGATIVE_INFINITY, high: Number.POSITIVE_INFINITY };
  return { low: 0, high: Number.POSITIVE_INFINITY };
}

function checkUncertainty(c: Checker, spec: unknown, model: Json): void {
  if (spec === undefined) return;
  if (!isObject(spec)) {
    c.error(
      'uncertainty',
      'wrong_type',
      `uncertainty must be an object of estimate path → distribution; got ${describe(spec)}`,
    );
    return;
  }
  const outcomes = Array.isArray(model.outcomes) ? model.outcomes.filter(isObject) : [];
  const inputs = Array.isArray(model.inputs) ? model.inputs.filter(isObject) : [];
  for (const [key, distribution] of Object.entries(spec)) {
    const at = join('uncertainty', key);
    const target = resolveEstimatePath(key, outcomes, inputs);
    if (typeof target === 'string') {
      c.error(at, 'unknown_estimate', target);
      continue;
    }
    if (!isObject(distribution)) {
      c.error(at, 'wrong_type', `a distribution must be an object; got ${describe(distribution)}`);
      continue;
    }
    const type = distribution.type;
    const keys = typeof type === 'string' ? DISTRIBUTION_KEYS[type] : undefined;
    if (!keys) {
      c.error(
        join(at, 'type'),
        'invalid_value',
        `type must be one of: ${Object.keys(DISTRIBUTION_KEYS).join(', ')}; got ${describe(type)}`,
      );
      continue;
    }
    c.object(distribution, at, keys);
    const { low, high } = rateBounds(target.field);
    const bounded = { min: low, max: high };
    const checkBound = (k: string, required: boolean) =>
      c.number(distribution, k, at, {
        required,
        ...(Number.isFinite(bounded.min) ? { min: bounded.min } : {}),
        ...(Number.isFinite(bounded.max) ? { max: bounded.max } : {}),
      });
    if (type === 'truncated-normal') {
      const mean = c.number(distribution, 'mean', at, { required: true });
      c.number(distribution, 'sd', at, { required: true, min: 0 });
      const min = checkBound('min', false);
      const max = checkBound('max', false);
      if (min !== undefined && max !== undefined && min > max) {
        c.error(at, 'out_of_range', `min (${min}) must not exceed max (${max})`);
      }
      if (mean !== undefined && ((min !== undefined && mean < min) || (max !== undefined && mean > max))) {
        c.error(join(at, 'mean'), 'out_of_range', 'mean must lie between min and max');
      }
      continue;
    }
    const min = checkBound('min', true);
    const max = checkBound('max', true);
    const mode = type === 'uniform' ? undefined : checkBound('mode', true);
    if (type === 'pert') c.number(distribution, 'lambda', at, { min: 0 });
    if (min !== undefined && max !== undefined && min > max) {
      c.error(at, 'out_of_range', `min (${min}) must not exceed max (${max})`);
    } else if (mode !== undefined && min !== undefined && max !== undefined && (mode < min || mode > max)) {
      c.error(
        join(at, 'mode'),
        'out_of_range',
        `mode must lie between min (${min}) and max (${max}); got ${mode}`,
      );
    }
  }
}

/** Where an estimate path points; a string when it points nowhere (the reason). */
export type EstimateTarget =
  | { collection: 'outcomes'; index: number; field: string }
  | { collection: 'inputs'; index: number; field: 'amount' | 'hours' | 'rate' };

/** Resolve `outcomes.<id>.<field>` or `inputs.<id>.<field>` against a model's outcomes and inputs. */
export function resolveEstimatePath(
  path: string,
  outcomes: readonly Json[],
  inputs: readonly Json[],
): EstimateTarget | string {
  const [collection, id, ...rest] = path.split('.');
  const field = rest.join('.');
  if (collection === 'outcomes') {
    const index = outcomes.findIndex((o) => o.id === id);
    if (index < 0) return `no outcome has id "${id}"`;
    if (!OUTCOME_ESTIMATES.has(field)) {
      return `an outcome's estimates are ${[...OUTCOME_ESTIMATES].join(', ')}; got "${field}"`;
    }
    const outcome = outcomes[index] as Json;
    if (field === 'attribution' && outcome.serviceContribution !== undefined) {
      return `outcome "${id}" gives serviceContribution, so give the distribution for outcomes.${id}.serviceContribution`;
    }
    if (field === 'serviceContribution' && outcome.serviceContribution === undefined) {
      return `outcome "${id}" gives attribution, so give the distribution for outcomes.${id}.attribution`;
    }
    return { collection, index, field };
  }
  if (collection === 'inputs') {
    const index = inputs.findIndex((o) => o.id === id);
    if (index < 0) return `no input has id "${id}"`;
    const isTime = (inputs[index] as Json).kind === 'volunteer-time';
    const allowed = isTime ? ['hours', 'rate'] : ['amount'];
    if (!allowed.includes(field))
      return `input "${id}"'s estimates are ${allowed.join(', ')}; got "${field}"`;
    return { collection, index, field: field as 'amount' | 'hours' | 'rate' };
  }
  return `an estimate path starts with "outcomes." or "inputs."; got "${path}"`;
}

function checkDoubleCounting(c: Checker, outcomes: unknown[]): void {
  const byKey = new Map<string, { index: number; stakeholder: string }>();
  outcomes.forEach((outcome, index) => {
    if (!isObject(outcome) || typeof outcome.stakeholder !== 'string') return;
    for (const field of ['indicator', 'name'] as const) {
      const text = outcome[field];
      if (typeof text !== 'string' || text.trim() === '') continue;
      const key = `${field}:${text.trim().toLowerCase()}`;
      const earlier = byKey.get(key);
      if (earlier && earlier.stakeholder !== outcome.stakeholder) {
        c.warn(
          `outcomes[${index}].${field}`,
          'double_counting',
          `the same ${field} is valued for stakeholder "${earlier.stakeholder}" in outcomes[${earlier.index}]; make sure one change is not counted twice from two perspectives`,
        );
      } else if (!earlier) {
        byKey.set(key, { index, stakeholder: outcome.stakeholder });
      }
    }
  });
}

/**
 * Check a model for errors (it cannot be calculated) and warnings (practitioner pitfalls).
 * Never throws, whatever it is given.
 *
 * @example
 * const { valid, errors, warnings } = validateModel(JSON.parse(text));
 * if (!valid) for (const e of errors) console.error(`${e.path}: ${e.message}`);
 */
export function validateModel(input: unknown): ValidationResult {
  const c = new Checker();
  try {
    checkModel(c, input);
  } catch (cause) {
    // Defensive: validation must never throw, so an unforeseen shape becomes an error.
    c.error(
      '',
      'invalid_model',
      `the model could not be read: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
  const valid = c.errors.length === 0;
  if (valid) checkRatio(c, input as ImpactModel);
  return { valid, errors: c.errors, warnings: c.warnings, model: valid ? (input as ImpactModel) : null };
}

function checkModel(c: Checker, input: unknown): void {
  if (!c.object(input, '', MODEL_KEYS, 'the model')) return;
  c.string(input, 'title', '', false);
  c.string(input, 'description', '', false);
  checkSettings(c, input.settings);

  const stakeholders = c.array(input, 'stakeholders', '', true) ?? [];
  stakeholders.forEach((s, i) => {
    const at = `stakeholders[${i}]`;
    if (!c.object(s, at, ['id', 'name'])) return;
    c.id(s, at);
    c.string(s, 'name', at, true);
  });
  const stakeholderIds = c.uniqueIds(stakeholders, 'stakeholders');

  const outcomes = c.array(input, 'outcomes', '', true) ?? [];
  if (Array.isArray(input.outcomes) && outcomes.length === 0) {
    c.error('outcomes', 'no_outcomes', 'the model has no outcomes');
  }
  outcomes.forEach((o, i) => {
    checkOutcome(c, o, `outcomes[${i}]`, stakeholderIds);
  });
  const outcomeIds = c.uniqueIds(outcomes, 'outcomes');
  checkDoubleCounting(c, outcomes);

  const inputs = c.array(input, 'inputs', '', true) ?? [];
  inputs.forEach((item, i) => {
    checkInput(c, item, `inputs[${i}]`);
  });
  const inputIds = c.uniqueIds(inputs, 'inputs');
  if (Array.isArray(input.inputs)) {
    if (inputs.length === 0) {
      c.error('inputs', 'no_inputs', 'the model has no inputs, so no ratio can be calculated');
    } else if (c.errors.every((e) => !e.path.startsWith('inputs'))) {
      const total = inputs.reduce<number>((sum, item) => {
        const o = item as Json;
        const value =
          o.kind === 'volunteer-time' ? (o.hours as number) * (o.rate as number) : (o.amount as number);
        return sum + value;
      }, 0);
      if (total <= 0)
        c.error('inputs', 'zero_inputs', 'the inputs add up to £0, so no ratio can be calculated');
    }
  }

  const scenarios = c.array(input, 'scenarios', '', false) ?? [];
  scenarios.forEach((s, i) => {
    checkScenario(c, s, `scenarios[${i}]`, outcomeIds, inputIds);
  });
  c.uniqueIds(scenarios, 'scenarios', 'name');
  checkUncertainty(c, input.uncertainty, input);
}

function checkRatio(c: Checker, model: ImpactModel): void {
  const prepared = prepareModel(model);
  const inputsValue = totalInputsValue(prepared);
  if (inputsValue <= 0) return;
  const ratio = totalPresentValue(prepared) / inputsValue;
  if (ratio > RATIO_WARNING_LIMITS.high || ratio < RATIO_WARNING_LIMITS.low) {
    c.warn(
      '',
      'ratio_outside_practice',
      `the ratio ${ratio.toFixed(2)} is far outside published practice (the project's sources report ${PUBLISHED_RATIO_RANGE.low} to ${PUBLISHED_RATIO_RANGE.high}); check for over-claiming or missing outcomes`,
    );
  }
}
