import type { SroiResult } from '../calculate.ts';
import type { DiscountConventions } from '../discounting.ts';
import type { EstimateField } from '../estimates.ts';
import type { Issue } from '../model.ts';
import type { HistogramBin, SimulationResult } from '../monte-carlo.ts';
import type { ScenarioRow } from '../scenarios.ts';
import type { SensitivityResult } from '../sensitivity.ts';
import { type CsvCell, renderCsv } from './format-csv.ts';
import { renderPairs, renderTable, wrap } from './format-table.ts';
import { formatMoney, formatNumber, formatPercent, formatRatio } from './number-format.ts';

/** Text reports for each command, as tables (people) or CSV (spreadsheets). */

export function issuesText(heading: string, issues: readonly Issue[]): string {
  if (issues.length === 0) return '';
  const lines = issues.map((i) => wrap(`- ${i.path || '(model)'}: ${i.message} [${i.code}]`, '    '));
  return `${heading}\n${lines.join('\n')}\n`;
}

export function issuesCsv(errors: readonly Issue[], warnings: readonly Issue[]): string {
  const rows: CsvCell[][] = [
    ...errors.map((i) => ['error', i.path, i.code, i.message]),
    ...warnings.map((i) => ['warning', i.path, i.code, i.message]),
  ];
  return renderCsv(['severity', 'path', 'code', 'message'], rows);
}

function conventionsLine(conventions: DiscountConventions): string {
  return `${wrap(`Conventions: ${conventions.statement}.`, '  ')}\n${wrap(`${conventions.inputsStatement}.`, '  ')}`;
}

export function calculateTable(result: SroiResult, title: string | undefined): string {
  const parts: string[] = [];
  if (title) parts.push(wrap(title, ''));
  parts.push(conventionsLine(result.conventions), '');
  parts.push(
    renderTable(
      [
        { header: 'Outcome' },
        { header: 'Stakeholder' },
        { header: 'Year-1 impact', align: 'right' },
        { header: 'Present value', align: 'right' },
      ],
      result.outcomes.map((o) => [o.name, o.stakeholder, formatMoney(o.impact), formatMoney(o.presentValue)]),
    ),
    '',
  );
  parts.push(
    renderTable(
      [
        { header: 'Stakeholder' },
        { header: 'Present value', align: 'right' },
        { header: 'Share', align: 'right' },
      ],
      result.stakeholders.map((s) => [
        s.name,
        formatMoney(s.presentValue),
        s.share === null ? 'n/a' : formatPercent(s.share),
      ]),
    ),
    '',
  );
  parts.push(
    renderTable(
      [
        { header: 'Input' },
        { header: 'Kind' },
        { header: 'Year', align: 'right' },
        { header: 'Value', align: 'right' },
        { header: 'Present value', align: 'right' },
      ],
      result.inputs.map((i) => [
        i.name,
        i.kind,
        String(i.year),
        formatMoney(i.value),
        formatMoney(i.presentValue),
      ]),
    ),
    '',
  );
  parts.push(
    renderPairs([
      ['Present value of outcomes', formatMoney(result.presentValue)],
      ['Present value of inputs', formatMoney(result.inputsValue)],
      ['Net present value', formatMoney(result.netPresentValue)],
      ['SROI ratio', formatRatio(result.ratio)],
      ['Net ratio', result.netRatio.toFixed(2)],
      [
        'Payback',
        result.paybackMonths === null
          ? 'never (no positive annual impact)'
          : `${result.paybackMonths.toFixed(1)} months`,
      ],
      [
        'Value per participant',
        result.valuePerParticipant === null
          ? 'n/a (settings.participants not given)'
          : formatMoney(result.valuePerParticipant),
      ],
    ]),
  );
  return `${parts.join('\n')}\n`;
}

export function calculateCsv(result: SroiResult): string {
  const years = Array.from({ length: result.horizon }, (_, t) => `year_${t + 1}`);
  const rows: CsvCell[][] = [
    ...result.outcomes.map((o) => ['outcome', o.id, o.name, o.stakeholder, o.presentValue, ...o.values]),
    ...result.inputs.map((i) => ['input', i.id, i.name, i.kind, i.presentValue]),
    ['total', 'presentValue', 'Present value of outcomes', '', result.presentValue],
    ['total', 'inputsValue', 'Present value of inputs', '', result.inputsValue],
    ['total', 'netPresentValue', 'Net present value', '', result.netPresentValue],
    ['total', 'ratio', 'SROI ratio', '', result.ratio],
    ['total', 'netRatio', 'Net ratio', '', result.netRatio],
    ['total', 'paybackMonths', 'Payback (months)', '', result.paybackMonths],
    ['total', 'valuePerParticipant', 'Value per participant', '', result.valuePerParticipant],
  ];
  return renderCsv(['record', 'id', 'name', 'stakeholder_or_kind', 'present_value', ...years], rows);
}

export function scenariosTable(rows: readonly ScenarioRow[], conventions: DiscountConventions): string {
  const table = renderTable(
    [
      { header: 'Scenario' },
      { header: 'Present value', align: 'right' },
      { header: 'Inputs', align: 'right' },
      { header: 'NPV', align: 'right' },
      { header: 'Ratio', align: 'right' },
    ],
    rows.map((r) => [
      r.name,
      formatMoney(r.presentValue),
      formatMoney(r.inputsValue),
      formatMoney(r.netPresentValue),
      formatRatio(r.ratio),
    ]),
  );
  return `${conventionsLine(conventions)}\n\n${table}\n`;
}

export function scenariosCsv(rows: readonly ScenarioRow[]): string {
  return renderCsv(
    ['scenario', 'present_value', 'inputs_value', 'net_present_value', 'ratio'],
    rows.map((r) => [r.name, r.presentValue, r.inputsValue, r.netPresentValue, r.ratio]),
  );
}

function formatEstimate(field: EstimateField, value: number): string {
  switch (field) {
    case 'deadweight':
    case 'displacement':
    case 'attribution':
    case 'serviceContribution':
    case 'dropOff':
      return formatPercent(value);
    case 'duration':
      return `${value} yr`;
    case 'proxy.value':
    case 'amount':
    case 'rate':
      return formatMoney(value);
    default:
      return formatNumber(value);
  }
}

export function sensitivityTable(result: SensitivityResult, conventions: DiscountConventions): string {
  const fieldOf = new Map(result.breakEvens.map((b) => [b.path, b.field]));
  const breakEvens = renderTable(
    [
      { header: 'Estimate' },
      { header: 'Now', align: 'right' },
      { header: 'Break-even (1:1)', align: 'right' },
    ],
    result.breakEvens.map((b) => [
      b.label,
      formatEstimate(b.field, b.current),
      b.reachable && b.breakEven !== null ? formatEstimate(b.field, b.breakEven) : 'not reachable',
    ]),
  );
  const reasons = result.breakEvens
    .filter((b) => !b.reachable)
    .map((b) => wrap(`- ${b.label}: ${b.reason}`, '    '))
    .join('\n');
  const percent = formatPercent(result.swing);
  const tornado = renderTable(
    [
      { header: 'Estimate' },
      { header: `-${percent}`, align: 'right' },
      { header: `+${percent}`, align: 'right' },
      { header: 'Low', align: 'right' },
      { header: 'High', align: 'right' },
    ],
    result.tornado
      .filter((s) => s.swing > 0)
      .map((s) => {
        const field = fieldOf.get(s.path) ?? 'quantity';
        return [
          s.label,
          formatEstimate(field, s.lowValue),
          formatEstimate(field, s.highValue),
          s.lowRatio.toFixed(2),
          s.highRatio.toFixed(2),
        ];
      }),
  );
  return [
    conventionsLine(conventions),
    `Ratio as modelled: ${formatRatio(result.ratio)}`,
    '',
    'Break-even: the value of each estimate at which the ratio reaches 1:1',
    breakEvens,
    '',
    reasons ? `Not reachable:\n${reasons}\n` : '',
    wrap(
      `One at a time, each estimate ±${percent}, largest swing first (estimates that do not move the ratio are left out)`,
      '',
    ),
    tornado,
    '',
  ].join('\n');
}

export function sensitivityCsv(result: SensitivityResult): string {
  const swings = new Map(result.tornado.map((s) => [s.path, s]));
  return renderCsv(
    [
      'path',
      'label',
      'current',
      'break_even',
      'reachable',
      'reason',
      'method',
      'low_value',
      'high_value',
      'low_ratio',
      'high_ratio',
      'swing',
    ],
    result.breakEvens.map((b) => {
      const s = swings.get(b.path);
      return [
        b.path,
        b.label,
        b.current,
        b.breakEven,
        b.reachable,
        b.reason,
        b.method,
        s?.lowValue ?? null,
        s?.highValue ?? null,
        s?.lowRatio ?? null,
        s?.highRatio ?? null,
        s?.swing ?? null,
      ];
    }),
  );
}

export function simulationTable(
  result: SimulationResult,
  point: { presentValue: number; ratio: number },
  conventions: DiscountConventions,
): string {
  const table = renderTable(
    [
      { header: 'Measure' },
      { header: 'p5', align: 'right' },
      { header: 'p50', align: 'right' },
      { header: 'p95', align: 'right' },
      { header: 'Mean', align: 'right' },
    ],
    [
      [
        'Present value',
        formatMoney(result.presentValue.p5),
        formatMoney(result.presentValue.p50),
        formatMoney(result.presentValue.p95),
        formatMoney(result.presentValue.mean),
      ],
      [
        'Ratio',
        result.ratio.p5.toFixed(2),
        result.ratio.p50.toFixed(2),
        result.ratio.p95.toFixed(2),
        result.ratio.mean.toFixed(2),
      ],
    ],
  );
  return [
    conventionsLine(conventions),
    `Monte Carlo: ${formatNumber(result.iterations)} iterations, seed ${result.seed}, ${result.varied.length} estimates varied`,
    `Point estimate: ${formatMoney(point.presentValue)}, ${formatRatio(point.ratio)}`,
    '',
    table,
    '',
    `Probability the ratio exceeds 1:1: ${formatPercent(result.probabilityRatioAboveOne)}`,
    '',
    'Distribution of the ratio (share of draws):',
    ...histogramLines(result.ratio.histogram, result.iterations),
    '',
  ].join('\n');
}

/** A text histogram, one line per bin, bars scaled to the fullest bin. */
function histogramLines(bins: HistogramBin[], iterations: number): string[] {
  const fullest = Math.max(...bins.map((b) => b.count));
  const barWidth = 40;
  return bins.map((b) => {
    const bar = '#'.repeat(fullest > 0 ? Math.round((b.count / fullest) * barWidth) : 0);
    const range = `${b.from.toFixed(2)} to ${b.to.toFixed(2)}`.padStart(16);
    return `${range}  ${formatPercent(b.count / iterations).padStart(6)}  ${bar}`;
  });
}

export function simulationCsv(result: SimulationResult): string {
  const row = (name: string, s: SimulationResult['ratio']): CsvCell[] => [
    name,
    s.p5,
    s.p50,
    s.p95,
    s.mean,
    s.min,
    s.max,
  ];
  return renderCsv(
    ['measure', 'p5', 'p50', 'p95', 'mean', 'min', 'max'],
    [
      row('present_value', result.presentValue),
      row('ratio', result.ratio),
      ['probability_ratio_above_one', null, null, null, result.probabilityRatioAboveOne, null, null],
    ],
  );
}
