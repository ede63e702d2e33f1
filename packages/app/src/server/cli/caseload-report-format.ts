import { stringify } from 'csv-stringify/sync';
import { engagementLabels, engagements } from '../../contract/case-codes.ts';
import type { CaseloadReport, CaseloadReportSite } from '../../contract/reports.ts';

const contactTypeRows = [
  ['face_to_face', 'Face to face'],
  ['telephone', 'Telephone'],
  ['other', 'Other'],
] as const;
const groups = [...engagements, 'overall'] as const;
const groupLabel = (g: (typeof groups)[number]) => (g === 'overall' ? 'Overall' : engagementLabels[g]);

const share = ({ count, percent }: { count: number; percent: number | null }) =>
  percent === null ? String(count) : `${count} (${percent.toFixed(1)}%)`;
const dash = '–';

/**
 * The report laid out as Table 1 of the Liaison and Diversion review: a column per site, a row per
 * figure, contacts per case as "mean (range min–max)".
 */
export function caseloadReportTable(report: CaseloadReport): string {
  const rows: [string, ...string[]][] = [];
  const add = (label: string, cell: (s: CaseloadReportSite) => string) =>
    rows.push([label, ...report.sites.map(cell)]);
  const heading = (label: string) => rows.push([label, ...report.sites.map(() => '')]);

  add('Site', (s) => s.site);
  add('Referred from', (s) => s.from ?? dash);
  add('Referred to', (s) => s.to ?? dash);
  add('Number of cases', (s) => String(s.cases));
  for (const e of engagements) add(`  ${engagementLabels[e]}`, (s) => share(s.engagement[e]));
  heading('Contacts made, by type');
  for (const [type, label] of contactTypeRows) add(`  ${label}`, (s) => share(s.contactTypes[type]));
  add('  Total', (s) => String(s.contactsTotal));
  add('  Attempts (not counted above)', (s) => String(s.attemptsTotal));
  heading('Contacts per case: mean (range)');
  for (const g of groups)
    add(`  ${groupLabel(g)}`, (s) => {
      const { mean, min, max } = s.contactsPerCase[g];
      return mean === null ? dash : `${mean.toFixed(2)} (${min}–${max})`;
    });
  heading('Days on the books (discharged cases)');
  for (const g of groups)
    add(`  ${groupLabel(g)}`, (s) => {
      const { count, mean } = s.daysOnBooks[g];
      return mean === null ? dash : `${mean.toFixed(1)} days (${count} discharged)`;
    });

  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((r) => (r[column] ?? '').length))) ?? [];
  return `${rows
    .map((r) =>
      r
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n`;
}

/** One CSV row per site, every figure in its own column (for spreadsheets and scripts). */
export function caseloadReportCsv(report: CaseloadReport): string {
  const records = report.sites.map((s) => {
    const record: Record<string, string | number | null> = {
      site: s.site,
      from: s.from,
      to: s.to,
      cases: s.cases,
    };
    for (const e of engagements) {
      record[`${e}_count`] = s.engagement[e].count;
      record[`${e}_percent`] = s.engagement[e].percent;
    }
    for (const [type] of contactTypeRows) {
      record[`contacts_${type}_count`] = s.contactTypes[type].count;
      record[`contacts_${type}_percent`] = s.contactTypes[type].percent;
    }
    record.contacts_total = s.contactsTotal;
    record.attempts_total = s.attemptsTotal;
    for (const g of groups) {
      const perCase = s.contactsPerCase[g];
      record[`contacts_per_case_${g}_count`] = perCase.count;
      record[`contacts_per_case_${g}_mean`] = perCase.mean;
      record[`contacts_per_case_${g}_min`] = perCase.min;
      record[`contacts_per_case_${g}_max`] = perCase.max;
    }
    for (const g of groups) {
      record[`days_on_books_${g}_count`] = s.daysOnBooks[g].count;
      record[`days_on_books_${g}_mean`] = s.daysOnBooks[g].mean;
    }
    return record;
  });
  return stringify(records, { header: true, escape_formulas: true });
}
