import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Stack, Text, Title } from '@mantine/core';
import { contactTypeLabels, engagementLabels } from '../../../contract/case-codes.ts';
import type { CaseloadReportSite } from '../../../contract/reports.ts';

// Colours far enough apart in lightness to tell apart without colour vision, each 3:1 on white.
const engagementSeries = [
  { name: 'engaged', label: engagementLabels.engaged, color: 'teal.8' },
  { name: 'declined', label: engagementLabels.declined, color: 'orange.8' },
  { name: 'no_data', label: engagementLabels.no_data, color: 'gray.6' },
];
const contactSeries = [
  { name: 'face_to_face', label: contactTypeLabels.face_to_face, color: 'blue.9' },
  { name: 'telephone', label: contactTypeLabels.telephone, color: 'violet.5' },
  { name: 'other', label: contactTypeLabels.other, color: 'yellow.8' },
];

function ShareChart({
  title,
  sites,
  series,
  value,
}: {
  title: string;
  sites: CaseloadReportSite[];
  series: typeof engagementSeries;
  value: (site: CaseloadReportSite, name: string) => number;
}) {
  const data = sites.map((s) => ({
    site: s.site,
    ...Object.fromEntries(series.map((x) => [x.name, value(s, x.name)])),
  }));
  return (
    <figure style={{ margin: 0 }}>
      <Title order={3} size="h5" mb="xs" component="figcaption">
        {title}
      </Title>
      <BarChart
        h={Math.max(140, 56 * sites.length + 60)}
        data={data}
        dataKey="site"
        series={series}
        type="percent"
        orientation="vertical"
        withLegend
        // In the order the bars stack, not alphabetical (recharts' default).
        legendProps={{
          verticalAlign: 'bottom',
          itemSorter: (item) => series.findIndex((x) => x.name === item.dataKey),
        }}
        yAxisProps={{ width: 110 }}
        gridAxis="none"
        valueFormatter={(n) => String(n)}
      />
    </figure>
  );
}

/**
 * Engagement and contact types as a share of each site's total. A picture for comparing sites at a
 * glance; the table beside it holds the same figures (and is what screen readers should use).
 */
export function CaseloadReportChart({ sites }: { sites: CaseloadReportSite[] }) {
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        Bars show each site’s shares; hover or focus a bar for the numbers. Every figure is also in the table.
      </Text>
      <ShareChart
        title="Cases by engagement"
        sites={sites}
        series={engagementSeries}
        value={(s, name) => s.engagement[name as keyof CaseloadReportSite['engagement']].count}
      />
      <ShareChart
        title="Contacts made, by type"
        sites={sites}
        series={contactSeries}
        value={(s, name) => s.contactTypes[name as keyof CaseloadReportSite['contactTypes']].count}
      />
    </Stack>
  );
}
