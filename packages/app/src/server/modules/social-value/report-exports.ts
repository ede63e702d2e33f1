import { stringify } from 'csv-stringify/sync';
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/node';
import {
  type FinancialProxy,
  type ScenarioKey,
  type SocialValueReport,
  sitesLabel,
  type ValueMapRow,
  valueMapColumns,
} from '../../../contract/social-value.ts';
import { formatCalendarDate, formatCount, formatMoment, formatValue } from './report-format.ts';

export type ExportFile = { body: string | Buffer; filename: string; contentType: string };

/** The Value Map's "Source" column for a quantity: where it comes from, and how many it rests on. */
export function quantitySourceText(row: ValueMapRow, dataAsOf: string): string {
  const sample = row.sampleSize !== null ? `; sample of ${formatCount(row.sampleSize)}` : '';
  if (row.count === null) return `${row.quantityNote || 'Entered by hand'}${sample}`;
  const factor = row.quantityFactor === 1 ? '' : ` × ${formatCount(row.quantityFactor)}`;
  return `${row.quantitySourceLabel}: ${formatCount(row.count)}${factor} (live, ${formatMoment(new Date(dataAsOf))})${sample}`;
}

export const proxySourceText = (row: ValueMapRow, priceYear: number): string =>
  `${row.proxySource}; ${row.proxyLicence}; ${formatValue(row.proxyOriginalValue)} ${row.proxyUnit} in ${row.proxyPriceYear} prices${
    row.proxyPriceYear === priceYear ? '' : `, uprated to ${priceYear}`
  }${row.isShippable ? '' : '; the organisation’s own value'}`;

/** One Value Map row in the SROI Value Map's column order (valueMapColumns). */
function valueMapCells(row: ValueMapRow, report: SocialValueReport) {
  return [
    row.stakeholder,
    row.isIntended ? 'Intended' : 'Unintended',
    row.inputs,
    row.outputs,
    row.outcome,
    row.indicator,
    quantitySourceText(row, report.dataAsOf),
    row.quantity,
    row.duration,
    `${row.proxyName} (${row.proxyUnit})`,
    row.proxyValue,
    proxySourceText(row, report.priceYear),
    row.deadweight,
    row.displacement,
    row.attribution,
    row.dropOff,
    row.impact,
  ] as const;
}

/**
 * The Value Map as CSV, in the SROI Value Map's column order, one row per outcome. UTF-8 with a byte
 * order mark; text a spreadsheet would run as a formula is prefixed with an apostrophe. Figures are
 * unrounded; shares are fractions (0.25 = 25%).
 */
export function renderCsv(report: SocialValueReport): string {
  return stringify([[...valueMapColumns], ...report.valueMap.map((row) => [...valueMapCells(row, report)])], {
    bom: true,
    escape_formulas: true,
    record_delimiter: 'windows',
  });
}

/** The shipped library, for anyone to check: key, value, year, source and licence of each. */
export function renderLibraryCsv(library: FinancialProxy[]): string {
  return stringify(
    [
      ['key', 'name', 'unit', 'value_pence', 'price_year', 'source', 'source_url', 'licence', 'notes'],
      ...library
        .filter((p) => p.isShippable)
        .map((p) => [
          p.ref.kind === 'library' ? p.ref.key : '',
          p.name,
          p.unit,
          p.valuePence,
          p.priceYear,
          p.sourceTitle,
          p.sourceUrl ?? '',
          p.licence,
          p.notes,
        ]),
    ],
    { bom: true, escape_formulas: true, record_delimiter: 'windows' },
  );
}

const money = '"£"#,##0';
const share = '0.0%';
const bold = (value: string): Cell => ({ value, fontWeight: 'bold' });
const title = (value: string): Cell => ({ value, fontWeight: 'bold', fontSize: 14 });
const pounds = (value: number): Cell => ({ value, type: Number, format: money });
const percent = (value: number | null): Cell =>
  value === null ? null : { value, type: Number, format: share };
const ratioCell = (value: number): Cell => ({ value, type: Number, format: '0.00' });

function valueMapSheet(report: SocialValueReport): SheetData {
  const header = valueMapColumns.map((c) => bold(c));
  const rows = report.valueMap.map((row) => {
    const cells = valueMapCells(row, report);
    return cells.map((value, i): Cell => {
      if (typeof value !== 'number') return value;
      if (i === 10 || i === 16) return pounds(value);
      if (i >= 12 && i <= 15) return percent(value);
      return { value, type: Number };
    });
  });
  const central = report.scenarios.find((s) => s.key === 'central');
  const totals: SheetData = central
    ? [
        [],
        [bold('Total present value (central)'), pounds(central.presentValue)],
        [bold('Total inputs (central)'), pounds(central.inputsValue)],
        [bold('Ratio (central)'), ratioCell(central.ratio)],
      ]
    : [];
  return [header, ...rows, ...totals];
}

function reportSheet(report: SocialValueReport, scenarioKey: ScenarioKey): SheetData {
  const chosen = report.scenarios.find((s) => s.key === scenarioKey) ?? report.scenarios[0];
  const rows: SheetData = [
    [title(report.title)],
    [
      `${sitesLabel(report.sites)}, ${formatCalendarDate(report.periodFrom)} to ${formatCalendarDate(report.periodTo)}`,
    ],
    [`Values in ${report.priceYear} prices. Live data as at ${formatMoment(new Date(report.dataAsOf))}.`],
    [],
  ];
  if (!report.headline || !chosen) {
    rows.push([bold('This map cannot be calculated yet')]);
    for (const p of report.problems) rows.push([p.message]);
    return rows;
  }
  rows.push([bold(report.headline.text)], []);
  rows.push([
    bold('Scenario'),
    bold('Inputs'),
    bold('Present value'),
    bold('Net present value'),
    bold('Ratio (£1 : £x)'),
  ]);
  for (const s of report.scenarios)
    rows.push([
      s.name,
      pounds(s.inputsValue),
      pounds(s.presentValue),
      pounds(s.netPresentValue),
      ratioCell(s.ratio),
    ]);
  rows.push([], [bold(`Scenario shown below: ${chosen.name}`)], []);
  rows.push([bold('Value by stakeholder'), bold('Present value'), bold('Share')]);
  for (const s of chosen.byStakeholder) rows.push([s.name, pounds(s.presentValue), percent(s.share)]);
  rows.push([], [bold('Value by outcome'), bold('Stakeholder'), bold('Present value'), bold('Share')]);
  for (const o of chosen.byOutcome)
    rows.push([o.name, o.stakeholder, pounds(o.presentValue), percent(o.share)]);
  rows.push(
    [],
    [bold('Break-even: the estimate at which the ratio is £1 : £1'), bold('Now'), bold('Break-even')],
  );
  for (const b of chosen.breakEvens)
    rows.push([
      b.label,
      { value: b.current, type: Number },
      b.breakEven === null ? (b.reason ?? 'not reachable') : { value: b.breakEven, type: Number },
    ]);
  rows.push(
    [],
    [
      bold(`Tornado: each estimate ±${chosen.swing * 100}%`),
      bold('Ratio at low'),
      bold('Ratio at high'),
      bold('Swing'),
    ],
  );
  for (const t of chosen.tornado)
    rows.push([t.label, ratioCell(t.lowRatio), ratioCell(t.highRatio), ratioCell(t.swing)]);
  const sim = chosen.simulation;
  rows.push(
    [],
    [bold(`Monte Carlo (${formatCount(sim.iterations)} draws, seed ${sim.seed})`), bold('Ratio')],
    ['5th percentile', ratioCell(sim.ratio.p5)],
    ['Median', ratioCell(sim.ratio.p50)],
    ['95th percentile', ratioCell(sim.ratio.p95)],
    ['Probability the ratio exceeds 1', percent(sim.probabilityRatioAboveOne)],
  );
  if (report.rollout)
    rows.push(
      [],
      [bold('Roll-out costing'), bold('Without volunteer time'), bold('With volunteer time')],
      [
        'Cost per person served',
        pounds(report.rollout.costPerPerson),
        pounds(report.rollout.costPerPersonWithVolunteerTime),
      ],
      [
        `Annual cost for ${formatCount(report.rollout.populationLow)} people`,
        pounds(report.rollout.annualCostLow),
        pounds(report.rollout.annualCostLowWithVolunteerTime),
      ],
      [
        `Annual cost for ${formatCount(report.rollout.populationHigh)} people`,
        pounds(report.rollout.annualCostHigh),
        pounds(report.rollout.annualCostHighWithVolunteerTime),
      ],
    );
  if (report.publishedChecks.length > 0) {
    rows.push(
      [],
      [
        bold('Published figures'),
        bold('Cost'),
        bold('Value'),
        bold('Published ratio'),
        bold('Own ratio'),
        bold('Verdict'),
      ],
    );
    for (const c of report.publishedChecks)
      rows.push([
        c.label,
        pounds(c.publishedCost),
        pounds(c.publishedValue),
        ratioCell(c.publishedRatio),
        ratioCell(c.ownRatio),
        c.verdict,
      ]);
  }
  return rows;
}

function costsSheet(report: SocialValueReport): SheetData {
  return [
    [bold('Category'), bold('Description'), bold('Amount'), bold('How it was reached')],
    ...report.costs.lines.map((l) => [l.categoryLabel, l.description, pounds(l.amount), l.detail]),
    [],
    [bold('Total without volunteer time'), null, pounds(report.costs.withoutVolunteerTime)],
    [bold('Total with volunteer time'), null, pounds(report.costs.withVolunteerTime)],
  ];
}

function notesSheet(report: SocialValueReport): SheetData {
  const n = report.methodNotes;
  const lines: SheetData = [
    [bold('Method notes')],
    [n.conventions],
    [n.inputsStatement],
    [n.priceYear],
    [n.deflator],
    [n.livingWage],
    ...n.scenarios.map((s) => [s]),
    [n.simulation],
    [],
    [bold('Discount schedule'), bold('Factor')],
    ...n.discountSchedule.map((d) => [
      `Year ${d.year}`,
      { value: d.factor, type: Number, format: '0.0000' } as Cell,
    ]),
    [],
    [bold('Data dates')],
    ...n.dataDates.map((d) => [d]),
    [],
    [bold('Sample sizes')],
    ...n.sampleSizes.map((d) => [d]),
    [],
    [bold('Warnings')],
    ...(report.warnings.length === 0 ? [['None']] : report.warnings.map((w) => [w.message])),
  ];
  return lines;
}

/** The workbook: the Value Map (in its column order), the report's tables, the costs and the method notes. */
export async function renderXlsx(report: SocialValueReport, scenario: ScenarioKey): Promise<Buffer> {
  const wide = (n: number) => Array.from({ length: n }, () => ({ width: 18 }));
  return writeXlsxFile([
    {
      sheet: 'Value map',
      data: valueMapSheet(report),
      columns: wide(valueMapColumns.length),
      stickyRowsCount: 1,
    },
    { sheet: 'Report', data: reportSheet(report, scenario), columns: [{ width: 60 }, ...wide(5)] },
    {
      sheet: 'Costs',
      data: costsSheet(report),
      columns: [{ width: 24 }, { width: 50 }, { width: 16 }, { width: 60 }],
    },
    { sheet: 'Method notes', data: notesSheet(report), columns: [{ width: 120 }, { width: 12 }] },
  ]).toBuffer();
}
