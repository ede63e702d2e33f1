import {
  type ReportScenario,
  type ScenarioKey,
  type SocialValueReport,
  sitesLabel,
} from '../../../contract/social-value.ts';
import { proxySourceText, quantitySourceText } from './report-exports.ts';
import {
  formatCalendarDate,
  formatCount,
  formatMoment,
  formatPercent,
  formatPounds,
  formatRatio,
  formatRatioNumber,
} from './report-format.ts';

/**
 * The commissioner report as one self-contained HTML page for printing to a tagged PDF: semantic
 * headings and tables (Chromium tags the PDF from them), charts drawn with plain boxes and always
 * with their figures in a table beside them, no scripts, no outside resources.
 */

const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Tagged template that escapes every interpolated string; arrays are joined, `raw()` passes through. */
type Raw = { __html: string };
const raw = (html: string): Raw => ({ __html: html });
type Part = string | number | Raw | Part[] | null | undefined | false;
const render = (part: Part): string =>
  part === null || part === undefined || part === false
    ? ''
    : Array.isArray(part)
      ? part.map(render).join('')
      : typeof part === 'object'
        ? part.__html
        : escapeHtml(String(part));
const html = (strings: TemplateStringsArray, ...parts: Part[]): Raw =>
  raw(strings.reduce((out, s, i) => out + s + (i < parts.length ? render(parts[i] as Part) : ''), ''));

const styles = `
  @page { size: A4; margin: 16mm 14mm; }
  * { box-sizing: border-box; }
  body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; color: #0b0c0c; line-height: 1.4; margin: 0; }
  h1 { font-size: 20pt; margin: 0 0 4pt; }
  h2 { font-size: 14pt; margin: 16pt 0 6pt; border-bottom: 1pt solid #b1b4b6; padding-bottom: 2pt; break-after: avoid; }
  h3 { font-size: 11pt; margin: 10pt 0 4pt; break-after: avoid; }
  p { margin: 0 0 6pt; }
  .meta { color: #383f43; }
  .headline { font-size: 16pt; font-weight: bold; margin: 10pt 0 4pt; }
  table { border-collapse: collapse; width: 100%; margin: 0 0 8pt; break-inside: auto; }
  caption { text-align: left; font-weight: bold; padding: 0 0 3pt; }
  th, td { border-bottom: 0.5pt solid #b1b4b6; padding: 2pt 4pt; text-align: left; vertical-align: top; }
  td.n, th.n { text-align: right; white-space: nowrap; }
  tr { break-inside: avoid; }
  .pair { display: flex; gap: 12pt; align-items: flex-start; break-inside: avoid; }
  .pair > * { flex: 1 1 0; min-width: 0; }
  .bars { margin: 0; }
  .bar { display: flex; align-items: center; gap: 4pt; margin: 2pt 0; font-size: 8.5pt; }
  .bar .label { width: 42%; overflow-wrap: anywhere; }
  .bar .track { flex: 1; background: #f3f2f1; height: 9pt; position: relative; }
  .bar .fill { background: #1d70b8; height: 100%; }
  .bar .fill.neg { background: #d4351c; }
  .tornado .track { display: flex; }
  .tornado .low, .tornado .high { height: 100%; }
  .tornado .low { background: #f47738; }
  .tornado .high { background: #1d70b8; }
  .warning { border-left: 4pt solid #d4351c; padding-left: 6pt; }
  .chosen { font-weight: bold; }
  ul { margin: 0 0 6pt; padding-left: 14pt; }
  .small { font-size: 8.5pt; }
`;

function barChart(label: string, items: { name: string; value: number }[]): Raw {
  const max = Math.max(...items.map((i) => Math.abs(i.value)), 1);
  return html`<div class="bars" aria-hidden="true" data-chart="${label}">
    ${items.map(
      (i) =>
        html`<div class="bar"><span class="label">${i.name}</span><span class="track"><span class="fill${
          i.value < 0 ? ' neg' : ''
        }" style="display:block;width:${raw(String(Math.round((Math.abs(i.value) / max) * 100)))}%"></span></span></div>`,
    )}
  </div>`;
}

function tornadoChart(scenario: ReportScenario): Raw {
  const rows = scenario.tornado.slice(0, 10);
  const lo = Math.min(...rows.map((t) => Math.min(t.lowRatio, t.highRatio)), scenario.ratio);
  const hi = Math.max(...rows.map((t) => Math.max(t.lowRatio, t.highRatio)), scenario.ratio);
  const span = hi - lo || 1;
  const pct = (r: number) => raw(String(Math.round(((r - lo) / span) * 1000) / 10));
  return html`<div class="bars tornado" aria-hidden="true">
    ${rows.map((t) => {
      const a = Math.min(t.lowRatio, t.highRatio);
      const b = Math.max(t.lowRatio, t.highRatio);
      return html`<div class="bar"><span class="label">${t.label}</span><span class="track"><span style="width:${pct(a)}%"></span><span class="low" style="width:${raw(
        String(Math.round(((scenario.ratio - a) / span) * 1000) / 10),
      )}%"></span><span class="high" style="width:${raw(String(Math.round(((b - scenario.ratio) / span) * 1000) / 10))}%"></span></span></div>`;
    })}
  </div>`;
}

const shareCell = (share: number | null) => (share === null ? '–' : formatPercent(share));

function scenarioSections(scenario: ReportScenario): Raw {
  const sim = scenario.simulation;
  return html`
    <h2>Value by stakeholder and by outcome</h2>
    <p>Scenario: ${scenario.name}. Present value ${formatPounds(scenario.presentValue)}; inputs ${formatPounds(
      scenario.inputsValue,
    )}; ratio ${formatRatio(scenario.ratio)}.</p>
    <div class="pair">
      ${barChart(
        'Value by stakeholder',
        scenario.byStakeholder.map((s) => ({ name: s.name, value: s.presentValue })),
      )}
      <table>
        <caption>Value by stakeholder</caption>
        <thead><tr><th scope="col">Stakeholder</th><th scope="col" class="n">Present value</th><th scope="col" class="n">Share</th></tr></thead>
        <tbody>${scenario.byStakeholder.map(
          (s) =>
            html`<tr><th scope="row">${s.name}</th><td class="n">${formatPounds(s.presentValue)}</td><td class="n">${shareCell(s.share)}</td></tr>`,
        )}</tbody>
      </table>
    </div>
    <div class="pair">
      ${barChart(
        'Value by outcome',
        scenario.byOutcome.map((o) => ({ name: o.name, value: o.presentValue })),
      )}
      <table>
        <caption>Value by outcome</caption>
        <thead><tr><th scope="col">Outcome</th><th scope="col" class="n">Present value</th><th scope="col" class="n">Share</th></tr></thead>
        <tbody>${scenario.byOutcome.map(
          (o) =>
            html`<tr><th scope="row">${o.name} <span class="small">(${o.stakeholder})</span></th><td class="n">${formatPounds(
              o.presentValue,
            )}</td><td class="n">${shareCell(o.share)}</td></tr>`,
        )}</tbody>
      </table>
    </div>

    <h2>Sensitivity</h2>
    <table>
      <caption>Break-even: the value of each estimate at which the ratio would be £1 : £1</caption>
      <thead><tr><th scope="col">Estimate</th><th scope="col" class="n">Now</th><th scope="col" class="n">Break-even</th></tr></thead>
      <tbody>${scenario.breakEvens.map(
        (b) =>
          html`<tr><th scope="row">${b.label}</th><td class="n">${formatEstimate(b.path, b.current)}</td><td class="n">${
            b.breakEven === null ? (b.reason ?? 'not reachable') : formatEstimate(b.path, b.breakEven)
          }</td></tr>`,
      )}</tbody>
    </table>
    <div class="pair">
      ${tornadoChart(scenario)}
      <table>
        <caption>Tornado: the ratio with each estimate ${formatPercent(scenario.swing)} lower and higher</caption>
        <thead><tr><th scope="col">Estimate</th><th scope="col" class="n">Low</th><th scope="col" class="n">High</th></tr></thead>
        <tbody>${scenario.tornado
          .slice(0, 10)
          .map(
            (t) =>
              html`<tr><th scope="row">${t.label}</th><td class="n">${formatRatioNumber(t.lowRatio)}</td><td class="n">${formatRatioNumber(
                t.highRatio,
              )}</td></tr>`,
          )}</tbody>
      </table>
    </div>

    <h2>Uncertainty (Monte Carlo)</h2>
    <div class="pair">
      ${barChart(
        'Distribution of the ratio across the draws',
        sim.ratio.histogram.map((b) => ({
          name: `${formatRatioNumber(b.from)} to ${formatRatioNumber(b.to)}`,
          value: b.count,
        })),
      )}
      <table>
        <caption>The ratio over ${formatCount(sim.iterations)} draws (seed ${sim.seed})</caption>
        <tbody>
          <tr><th scope="row">5th percentile</th><td class="n">${formatRatio(sim.ratio.p5)}</td></tr>
          <tr><th scope="row">Median</th><td class="n">${formatRatio(sim.ratio.p50)}</td></tr>
          <tr><th scope="row">95th percentile</th><td class="n">${formatRatio(sim.ratio.p95)}</td></tr>
          <tr><th scope="row">Lowest and highest draw</th><td class="n">${formatRatioNumber(sim.ratio.min)} to ${formatRatioNumber(
            sim.ratio.max,
          )}</td></tr>
          <tr><th scope="row">Chance the ratio exceeds £1 : £1</th><td class="n">${formatPercent(sim.probabilityRatioAboveOne)}</td></tr>
        </tbody>
      </table>
    </div>`;
}

/** An estimate as people write it: shares in percent, money in pounds, durations in years. */
export function formatEstimate(path: string, value: number): string {
  if (/\.(deadweight|displacement|attribution|serviceContribution|dropOff)$/.test(path))
    return formatPercent(value);
  if (/\.duration$/.test(path)) return `${formatCount(value)} ${value === 1 ? 'year' : 'years'}`;
  if (/\.quantity$|\.hours$/.test(path)) return formatCount(value);
  return formatPounds(value);
}

export function renderReportHtml(report: SocialValueReport, scenarioKey: ScenarioKey): string {
  const chosen = report.scenarios.find((s) => s.key === scenarioKey) ?? report.scenarios[0];
  const period = `${formatCalendarDate(report.periodFrom)} to ${formatCalendarDate(report.periodTo)}`;
  const notes = report.methodNotes;
  const page = html`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${report.title} — social value report</title>
<style>${raw(styles)}</style>
</head>
<body>
<main>
  <h1>${report.title}</h1>
  <p class="meta">Social value report for ${sitesLabel(report.sites)}, ${period}. Values in ${report.priceYear} prices. Live data as at ${formatMoment(
    new Date(report.dataAsOf),
  )}.</p>
  ${report.description ? html`<p>${report.description}</p>` : ''}
  ${
    report.headline && chosen
      ? html`
  <p class="headline">${report.headline.text}</p>
  <p>Central estimate ${formatRatio(report.headline.centralRatio)}. Scenario shown in detail: <strong>${chosen.name}</strong> — ${formatRatio(
    chosen.ratio,
  )}. Always quote the range, not one figure.</p>

  <h2>Scenarios</h2>
  <table>
    <caption>Present value and inputs under each scenario</caption>
    <thead><tr><th scope="col">Scenario</th><th scope="col" class="n">Inputs</th><th scope="col" class="n">Present value</th><th scope="col" class="n">Net present value</th><th scope="col" class="n">Ratio</th></tr></thead>
    <tbody>${report.scenarios.map(
      (s) =>
        html`<tr${raw(s.key === chosen.key ? ' class="chosen"' : '')}><th scope="row">${s.name}<br><span class="small">${s.description}</span></th><td class="n">${formatPounds(
          s.inputsValue,
        )}</td><td class="n">${formatPounds(s.presentValue)}</td><td class="n">${formatPounds(s.netPresentValue)}</td><td class="n">${formatRatio(
          s.ratio,
        )}</td></tr>`,
    )}</tbody>
  </table>
  ${scenarioSections(chosen)}`
      : html`<h2>This map cannot be calculated yet</h2><ul>${report.problems.map((p) => html`<li>${p.message}</li>`)}</ul>`
  }

  <h2>Costs</h2>
  <table>
    <caption>Full cost recovery, with volunteer time shown apart</caption>
    <thead><tr><th scope="col">Cost</th><th scope="col">How it was reached</th><th scope="col" class="n">Amount</th></tr></thead>
    <tbody>${report.costs.lines.map(
      (l) =>
        html`<tr><th scope="row">${l.categoryLabel}: ${l.description}</th><td>${l.detail}</td><td class="n">${formatPounds(l.amount)}</td></tr>`,
    )}</tbody>
    <tfoot>
      <tr><th scope="row" colspan="2">Total without volunteer time</th><td class="n">${formatPounds(report.costs.withoutVolunteerTime)}</td></tr>
      <tr><th scope="row" colspan="2">Total with volunteer time</th><td class="n">${formatPounds(report.costs.withVolunteerTime)}</td></tr>
    </tfoot>
  </table>
  ${
    report.rollout
      ? html`<h2>Roll-out costing</h2>
  <table>
    <caption>The annual cost of serving a wider population at this cost per person (${formatCount(
      report.peopleServed.count ?? 0,
    )} people served in the period)</caption>
    <thead><tr><th scope="col"></th><th scope="col" class="n">Without volunteer time</th><th scope="col" class="n">With volunteer time</th></tr></thead>
    <tbody>
      <tr><th scope="row">Cost per person served</th><td class="n">${formatPounds(report.rollout.costPerPerson)}</td><td class="n">${formatPounds(
        report.rollout.costPerPersonWithVolunteerTime,
      )}</td></tr>
      <tr><th scope="row">A year for ${formatCount(report.rollout.populationLow)} people</th><td class="n">${formatPounds(
        report.rollout.annualCostLow,
      )}</td><td class="n">${formatPounds(report.rollout.annualCostLowWithVolunteerTime)}</td></tr>
      <tr><th scope="row">A year for ${formatCount(report.rollout.populationHigh)} people</th><td class="n">${formatPounds(
        report.rollout.annualCostHigh,
      )}</td><td class="n">${formatPounds(report.rollout.annualCostHighWithVolunteerTime)}</td></tr>
    </tbody>
  </table>`
      : ''
  }

  <h2>Value map</h2>
  <table class="small">
    <caption>Stakeholders, outcomes, indicators, quantities and financial proxies (central values)</caption>
    <thead><tr><th scope="col">Stakeholder and outcome</th><th scope="col">Quantity and source</th><th scope="col">Financial proxy and source</th><th scope="col" class="n">Deadweight / attribution / drop-off</th><th scope="col" class="n">Duration</th><th scope="col" class="n">Impact (year 1)</th></tr></thead>
    <tbody>${report.valueMap.map(
      (r) =>
        html`<tr><th scope="row">${r.stakeholder}: ${r.outcome}${r.indicator ? html`<br><span class="small">Indicator: ${r.indicator}</span>` : ''}</th><td>${formatCount(
          r.quantity,
        )} — ${quantitySourceText(r, report.dataAsOf)}</td><td>${formatPounds(r.proxyValue)}: ${r.proxyName} — ${proxySourceText(
          r,
          report.priceYear,
        )}</td><td class="n">${formatPercent(r.deadweight)} / ${formatPercent(r.attribution)} / ${formatPercent(
          r.dropOff,
        )}</td><td class="n">${r.duration} ${r.duration === 1 ? 'year' : 'years'}</td><td class="n">${formatPounds(r.impact)}</td></tr>`,
    )}</tbody>
  </table>
  ${
    report.publishedChecks.length > 0
      ? html`<h2>Published figures checked</h2>
  <table>
    <caption>Each published ratio against its own published cost and value</caption>
    <thead><tr><th scope="col">Table</th><th scope="col" class="n">Cost</th><th scope="col" class="n">Value</th><th scope="col" class="n">Published</th><th scope="col" class="n">Own</th><th scope="col">Finding</th></tr></thead>
    <tbody>${report.publishedChecks.map(
      (c) =>
        html`<tr><th scope="row">${c.label}</th><td class="n">${formatPounds(c.publishedCost)}</td><td class="n">${formatPounds(
          c.publishedValue,
        )}</td><td class="n">${formatRatioNumber(c.publishedRatio)}</td><td class="n">${formatRatioNumber(c.ownRatio)}</td><td${raw(
          c.verdict === 'inconsistent' ? ' class="warning"' : '',
        )}>${c.message}</td></tr>`,
    )}</tbody>
  </table>`
      : ''
  }

  <h2>Method notes</h2>
  <ul>
    ${[
      notes.conventions,
      notes.inputsStatement,
      notes.priceYear,
      notes.deflator,
      notes.livingWage,
      ...notes.scenarios,
      notes.simulation,
    ]
      .filter((n) => n)
      .map((n) => html`<li>${n}</li>`)}
  </ul>
  ${
    notes.discountSchedule.length > 0
      ? html`<table class="small">
    <caption>Discount schedule</caption>
    <thead><tr><th scope="col">Year</th><th scope="col" class="n">Factor</th></tr></thead>
    <tbody>${notes.discountSchedule.map((d) => html`<tr><th scope="row">${d.year}</th><td class="n">${d.factor.toFixed(4)}</td></tr>`)}</tbody>
  </table>`
      : ''
  }
  <h3>Data dates</h3>
  <ul>${notes.dataDates.map((d) => html`<li>${d}</li>`)}</ul>
  <h3>Sample sizes</h3>
  <ul>${notes.sampleSizes.map((d) => html`<li>${d}</li>`)}</ul>
  <h3>Warnings</h3>
  ${
    report.warnings.length === 0
      ? html`<p>None.</p>`
      : html`<ul>${report.warnings.map((w) => html`<li>${w.message}</li>`)}</ul>`
  }
</main>
</body>
</html>`;
  return page.__html;
}
