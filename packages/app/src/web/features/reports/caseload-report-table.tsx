import { Box, Table } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { contactTypeLabels, engagementLabels, engagements } from '../../../contract/case-codes.ts';
import type { CaseloadReportSite } from '../../../contract/reports.ts';
import { formatDaysOnBooks, formatMeanRange, formatPeriod, formatShare } from './report-format.ts';

const contactTypes = ['face_to_face', 'telephone', 'other'] as const;
const groups = [...engagements, 'overall'] as const;
const groupLabel = (g: (typeof groups)[number]) => (g === 'overall' ? 'Overall' : engagementLabels[g]);

type Row = { label: string; cell: (site: CaseloadReportSite) => ReactNode };
type Section = { heading?: string; rows: Row[] };

const sections: Section[] = [
  {
    rows: [
      { label: 'Referred', cell: (s) => formatPeriod(s.from, s.to) },
      { label: 'Number of cases', cell: (s) => s.cases.toLocaleString('en-GB') },
      ...engagements.map((e) => ({
        label: engagementLabels[e],
        cell: (s: CaseloadReportSite) => formatShare(s.engagement[e]),
      })),
    ],
  },
  {
    heading: 'Contacts made, by type',
    rows: [
      ...contactTypes.map((type) => ({
        label: contactTypeLabels[type],
        cell: (s: CaseloadReportSite) => formatShare(s.contactTypes[type]),
      })),
      { label: 'Total', cell: (s) => s.contactsTotal.toLocaleString('en-GB') },
      { label: 'Attempts (not counted above)', cell: (s) => s.attemptsTotal.toLocaleString('en-GB') },
    ],
  },
  {
    heading: 'Contacts per case: mean (range)',
    rows: groups.map((g) => ({ label: groupLabel(g), cell: (s) => formatMeanRange(s.contactsPerCase[g]) })),
  },
  {
    heading: 'Days on the books, discharged cases: mean',
    rows: groups.map((g) => ({ label: groupLabel(g), cell: (s) => formatDaysOnBooks(s.daysOnBooks[g]) })),
  },
];

/**
 * The figures laid out as Table 1 of the Liaison and Diversion review: a column per site, a row per
 * figure, grouped under row-group headings. It is also the chart's text alternative. When it is wider
 * than the screen it scrolls sideways inside a focusable region, with the figure names kept in view.
 */
export function CaseloadReportTable({ sites, caption }: { sites: CaseloadReportSite[]; caption: string }) {
  const captionId = useId();
  const rowHeader = {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    background: 'var(--mantine-color-body)',
  } as const;
  return (
    // Focusable so that a keyboard can scroll it when it is wider than the screen (WCAG 2.1.1).
    <Box role="region" aria-labelledby={captionId} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table
        verticalSpacing="xs"
        withTableBorder
        captionSide="top"
        miw={sites.length > 1 ? 200 + sites.length * 170 : undefined}
      >
        <Table.Caption id={captionId} ta="left" fw={600} c="var(--mantine-color-text)">
          {caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" style={rowHeader}>
              Figure
            </Table.Th>
            {sites.map((s) => (
              <Table.Th scope="col" key={s.siteId}>
                {s.site}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        {sections.map((section) => (
          <Table.Tbody key={section.heading ?? 'cases'}>
            {section.heading && (
              <Table.Tr>
                <Table.Th scope="rowgroup" colSpan={sites.length + 1} bg="var(--mantine-color-gray-1)">
                  {section.heading}
                </Table.Th>
              </Table.Tr>
            )}
            {section.rows.map((row) => (
              <Table.Tr key={row.label}>
                <Table.Th
                  scope="row"
                  fw={section.heading ? 400 : 600}
                  pl={section.heading ? 'lg' : undefined}
                  style={rowHeader}
                >
                  {row.label}
                </Table.Th>
                {sites.map((s) => (
                  <Table.Td key={s.siteId}>{row.cell(s)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        ))}
      </Table>
    </Box>
  );
}
