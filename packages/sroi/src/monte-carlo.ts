import { assertValidModel } from './calculate.ts';
import { type EstimateField, fieldLimits, findEstimate } from './estimates.ts';
import type { Distribution, ImpactModel, UncertaintySpec } from './model.ts';
import {
  inputPresentValue,
  outcomeImpact,
  outcomeStreamFactor,
  prepareModel,
  totalInputsValue,
} from './prepared-model.ts';
import {
  type CompiledDistribution,
  chengConstants,
  DISTRIBUTION_CODE,
  normalCdf,
  Random,
  sample,
} from './random.ts';

/** Longest duration a sampled value may reach; keeps the discount table finite. */
export const MAX_SIMULATED_DURATION = 100;

/**
 * Options for `simulate`.
 *
 * @example
 * const options: SimulationOptions = { iterations: 100_000, seed: 42 };
 */
export interface SimulationOptions {
  /** Number of draws (default 10,000). */
  iterations?: number;
  /** Seed for the generator (default 1); the same seed gives the same results. */
  seed?: number;
  /** Distributions by estimate path; defaults to the model's own `uncertainty`. */
  uncertainty?: UncertaintySpec;
  /** Number of equal-width histogram bins between the lowest and highest draw (default 20). */
  bins?: number;
}

/**
 * One bar of a histogram: the draws from `from` (inclusive) to `to` (exclusive; the last bin includes `to`).
 *
 * @example
 * const { from, to, count }: HistogramBin = simulate(model).ratio.histogram[0];
 */
export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/**
 * Percentiles and mean of one simulated quantity.
 *
 * @example
 * const { p5, p50, p95 }: SimulationSummary = simulate(model).ratio;
 */
export interface SimulationSummary {
  p5: number;
  p50: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
  /** The distribution of the draws, for a chart; one bin when every draw is the same. */
  histogram: HistogramBin[];
}

/**
 * What `simulate` found.
 *
 * @example
 * const result: SimulationResult = simulate(model, { seed: 1 });
 */
export interface SimulationResult {
  iterations: number;
  seed: number;
  /** Paths of the estimates that were varied. */
  varied: string[];
  presentValue: SimulationSummary;
  ratio: SimulationSummary;
  /** Share of draws in which the ratio exceeds 1 (value created exceeds inputs). */
  probabilityRatioAboveOne: number;
}

interface Draw {
  field: EstimateField;
  index: number;
  dist: CompiledDistribution;
}

function compile(distribution: Distribution, field: EstimateField): CompiledDistribution {
  const limits = fieldLimits(field);
  const base = {
    code: DISTRIBUTION_CODE[distribution.type],
    a: 0,
    b: 0,
    c: 0,
    d: 0,
    e: 0,
    f: 0,
    lo: limits.low,
    hi: limits.high,
  };
  switch (distribution.type) {
    case 'uniform':
      return { ...base, a: distribution.min, b: distribution.max };
    case 'triangular':
      return { ...base, a: distribution.min, b: distribution.max, c: distribution.mode };
    case 'truncated-normal': {
      const lo = distribution.min ?? limits.low;
      const hi = distribution.max ?? limits.high;
      const { mean, sd } = distribution;
      const c = sd === 0 ? 0 : normalCdf((lo - mean) / sd);
      const d = sd === 0 ? 1 : normalCdf((hi - mean) / sd);
      return { ...base, a: mean, b: sd, c, d, lo, hi };
    }
    case 'pert': {
      const { min, mode, max } = distribution;
      const lambda = distribution.lambda ?? 4;
      const width = max - min;
      const alpha = width === 0 ? 1 : 1 + (lambda * (mode - min)) / width;
      const beta = width === 0 ? 1 : 1 + (lambda * (max - mode)) / width;
      const [e, f] = chengConstants(alpha, beta);
      return { ...base, a: min, b: max, c: alpha, d: beta, e, f };
    }
  }
}

function percentile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const low = sorted[below] as number;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return low + (h - below) * (high - low);
}

/** Equal-width bins over the sorted draws' range; the last bin is closed so the highest draw counts. */
function histogramOf(sorted: Float64Array, binCount: number): HistogramBin[] {
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  const width = (max - min) / binCount;
  // A range too narrow (or too wide) for equal bins in floating point is one bin of every draw.
  if (!(width > 0 && Number.isFinite(width))) return [{ from: min, to: max, count: sorted.length }];
  const bins: HistogramBin[] = Array.from({ length: binCount }, (_, b) => ({
    from: min + b * width,
    to: b === binCount - 1 ? max : min + (b + 1) * width,
    count: 0,
  }));
  for (let k = 0; k < sorted.length; k++) {
    const b = Math.min(binCount - 1, Math.floor(((sorted[k] as number) - min) / width) || 0);
    (bins[b] as HistogramBin).count++;
  }
  return bins;
}

function summarise(values: Float64Array, binCount: number): SimulationSummary {
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += values[k] as number;
  values.sort();
  return {
    p5: percentile(values, 0.05),
    p50: percentile(values, 0.5),
    p95: percentile(values, 0.95),
    mean: sum / values.length,
    min: values[0] as number,
    max: values[values.length - 1] as number,
    histogram: histogramOf(values, binCount),
  };
}

/**
 * Monte Carlo simulation: draw every estimate that has a distribution, recalculate present value and
 * ratio, and summarise. Seeded and reproducible; estimates without a distribution keep their value.
 * Rates are kept within 0..1, durations rounded to whole years (at least 1).
 *
 * @throws {InvalidModelError} when the model (or its uncertainty) is invalid.
 * @example
 * const result = simulate(model, {
 *   iterations: 100_000,
 *   seed: 42,
 *   uncertainty: { 'outcomes.housing.proxy.value': { type: 'triangular', min: 500, mode: 1000, max: 1500 } },
 * });
 * console.log(result.ratio.p5, result.ratio.p50, result.ratio.p95, result.probabilityRatioAboveOne);
 */
export function simulate(model: ImpactModel, options: SimulationOptions = {}): SimulationResult {
  const iterations = Math.max(1, Math.floor(options.iterations ?? 10_000));
  const seed = options.seed ?? 1;
  const binCount = Math.max(1, Math.floor(options.bins ?? 20));
  const uncertainty = options.uncertainty ?? model.uncertainty ?? {};
  const checked = assertValidModel({ ...model, uncertainty });
  const p = prepareModel(checked, MAX_SIMULATED_DURATION);

  const draws: Draw[] = Object.entries(uncertainty).map(([path, distribution]) => {
    const estimate = findEstimate(checked, path);
    return { field: estimate.field, index: estimate.index, dist: compile(distribution, estimate.field) };
  });

  // Precompute what does not vary: each outcome's stream factor unless its drop-off or duration is drawn.
  const n = p.outcomeCount;
  const stream = new Float64Array(n);
  const streamVaries = new Uint8Array(n);
  for (let i = 0; i < n; i++) stream[i] = outcomeStreamFactor(p, i);
  let inputsVary = false;
  for (const draw of draws) {
    if (draw.field === 'dropOff' || draw.field === 'duration') streamVaries[draw.index] = 1;
    if (draw.field === 'amount' || draw.field === 'hours' || draw.field === 'rate') inputsVary = true;
  }
  const fixedInputs = totalInputsValue(p);
  const varyingStreams = Array.from(streamVaries).some((v) => v === 1);

  const random = new Random(seed);
  const presentValues = new Float64Array(iterations);
  const ratios = new Float64Array(iterations);
  let above = 0;
  const drawCount = draws.length;
  for (let k = 0; k < iterations; k++) {
    for (let q = 0; q < drawCount; q++) {
      const draw = draws[q] as Draw;
      const x = sample(random, draw.dist);
      const i = draw.index;
      switch (draw.field) {
        case 'proxy.value':
          p.proxy[i] = x;
          break;
        case 'quantity':
          p.quantity[i] = Math.max(0, x);
          break;
        case 'deadweight':
          p.deadweight[i] = clamp01(x);
          break;
        case 'displacement':
          p.displacement[i] = clamp01(x);
          break;
        case 'attribution':
          p.attribution[i] = clamp01(x);
          break;
        case 'serviceContribution':
          p.attribution[i] = 1 - clamp01(x);
          break;
        case 'dropOff':
          p.dropOff[i] = clamp01(x);
          break;
        case 'duration':
          p.duration[i] = Math.min(MAX_SIMULATED_DURATION, Math.max(1, Math.round(x)));
          break;
        case 'amount':
        case 'hours':
          p.inputAmount[i] = Math.max(0, x);
          break;
        case 'rate':
          p.inputRate[i] = Math.max(0, x);
          break;
      }
    }
    if (varyingStreams) {
      for (let i = 0; i < n; i++) if (streamVaries[i] === 1) stream[i] = outcomeStreamFactor(p, i);
    }
    let pv = 0;
    for (let i = 0; i < n; i++) pv += outcomeImpact(p, i) * (stream[i] as number);
    let inputs = fixedInputs;
    if (inputsVary) {
      inputs = 0;
      for (let j = 0; j < p.inputCount; j++) inputs += inputPresentValue(p, j);
    }
    const ratio = pv / inputs;
    presentValues[k] = pv;
    ratios[k] = ratio;
    if (ratio > 1) above++;
  }

  return {
    iterations,
    seed,
    varied: Object.keys(uncertainty),
    presentValue: summarise(presentValues, binCount),
    ratio: summarise(ratios, binCount),
    probabilityRatioAboveOne: above / iterations,
  };
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
