// Speed of the Monte Carlo simulation and of a single calculation, measured, never asserted.
// Run with `npm run bench:sroi` from the repository root; record the figures in docs/benchmarks.md.
import { cpus } from 'node:os';
import { calculate, type ImpactModel, type Outcome, simulate, type UncertaintySpec } from '../src/index.ts';

const OUTCOMES = 20;
const ITERATIONS = 100_000;
const RUNS = 5;
const CALCULATIONS = 1_000;

function buildBenchModel(): ImpactModel {
  const outcomes: Outcome[] = Array.from({ length: OUTCOMES }, (_, i) => ({
    id: `outcome-${i + 1}`,
    stakeholder: i % 2 === 0 ? 'service-users' : 'state',
    name: `Outcome ${i + 1}`,
    quantity: 10 + i,
    proxy: { value: 500 + 100 * i, source: 'Benchmark value' },
    deadweight: 0.1,
    displacement: 0,
    attribution: 0.3,
    dropOff: 0.2,
    duration: 5,
  }));
  const uncertainty: UncertaintySpec = {};
  for (const o of outcomes) {
    const proxy = o.proxy.value;
    uncertainty[`outcomes.${o.id}.proxy.value`] = {
      type: 'triangular',
      min: proxy * 0.5,
      mode: proxy,
      max: proxy * 1.5,
    };
    uncertainty[`outcomes.${o.id}.deadweight`] = { type: 'pert', min: 0, mode: 0.1, max: 0.3 };
    uncertainty[`outcomes.${o.id}.attribution`] = { type: 'truncated-normal', mean: 0.3, sd: 0.1 };
  }
  return {
    settings: { discountRate: 0.035 },
    stakeholders: [
      { id: 'service-users', name: 'Service users' },
      { id: 'state', name: 'The State' },
    ],
    outcomes,
    inputs: [{ id: 'contract', name: 'Service contract', amount: 500_000 }],
    uncertainty,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const model = buildBenchModel();

// Warm up the JIT so the timed runs measure steady-state code.
simulate(model, { iterations: 10_000, seed: 1 });

const runTimes: number[] = [];
let last = simulate(model, { iterations: 1, seed: 1 });
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  last = simulate(model, { iterations: ITERATIONS, seed: run + 1 });
  runTimes.push(performance.now() - started);
}
const simulateMs = median(runTimes);

// A single calculation after an edit: change one proxy, recalculate (validation included).
const calcTimes: number[] = [];
for (let k = 0; k < CALCULATIONS; k++) {
  const edited: ImpactModel = {
    ...model,
    outcomes: model.outcomes.map((o, i) =>
      i === k % OUTCOMES ? { ...o, proxy: { ...o.proxy, value: o.proxy.value + 1 } } : o,
    ),
  };
  const started = performance.now();
  calculate(edited);
  calcTimes.push(performance.now() - started);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`SROI engine benchmark — Node ${process.version}, ${cpus().length} logical CPUs, ${cpu}`);
console.log(
  `Model: ${OUTCOMES} outcomes × 5 years, ${Object.keys(model.uncertainty ?? {}).length} distributions (every proxy, deadweight, attribution)`,
);
console.log(`simulate: ${ITERATIONS.toLocaleString('en-GB')} iterations × ${RUNS} runs`);
console.log(`  runs (ms): ${runTimes.map((t) => t.toFixed(1)).join(', ')}`);
console.log(
  `  median: ${simulateMs.toFixed(1)} ms  (${Math.round((ITERATIONS / simulateMs) * 1000).toLocaleString('en-GB')} iterations/s)`,
);
console.log(
  `  last run: ratio p5 ${last.ratio.p5.toFixed(2)}, p50 ${last.ratio.p50.toFixed(2)}, p95 ${last.ratio.p95.toFixed(2)}`,
);
console.log(
  `calculate after an edit: median of ${CALCULATIONS.toLocaleString('en-GB')} = ${(median(calcTimes) * 1000).toFixed(1)} µs`,
);
