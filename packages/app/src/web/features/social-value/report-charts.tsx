import { BarChart } from '@mantine/charts';
import { Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ReportScenario } from '../../../contract/social-value.ts';
import { formatPercent, formatPounds, formatRatio } from './social-value-format.ts';

// Charts are pictures for comparing at a glance; the table beside each holds the same figures, and is
// what screen readers should use. Colours are 3:1 on white.

function ChartFigure({ title, height, children }: { title: string; height: number; children: ReactNode }) {
  return (
    <figure style={{ margin: 0 }}>
      <Text size="sm" fw={600} mb="xs" component="figcaption">
        {title} (chart; every figure is in the table)
      </Text>
      <div style={{ height }}>{children}</div>
    </figure>
  );
}

const chartHeight = (rows: number) => Math.max(120, 44 * rows + 50);
const shortLabel = (name: string) => (name.length > 28 ? `${name.slice(0, 26)}…` : name);

export function ValueChart({
  title,
  rows,
}: {
  title: string;
  rows: { name: string; presentValue: number }[];
}) {
  const data = rows.map((r) => ({ name: shortLabel(r.name), value: Math.round(r.presentValue) }));
  return (
    <ChartFigure title={title} height={chartHeight(rows.length)}>
      <BarChart
        h={chartHeight(rows.length)}
        data={data}
        dataKey="name"
        orientation="vertical"
        series={[{ name: 'value', label: 'Present value', color: 'blue.8' }]}
        yAxisProps={{ width: 150 }}
        gridAxis="none"
        valueFormatter={formatPounds}
      />
    </ChartFigure>
  );
}

export function ValueTable({
  caption,
  firstColumn,
  rows,
}: {
  caption: string;
  firstColumn: string;
  rows: { id: string; name: string; detail?: string; presentValue: number; share: number | null }[];
}) {
  return (
    <Table>
      <Table.Caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600 }}>
        {caption}
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{firstColumn}</Table.Th>
          <Table.Th scope="col" ta="right">
            Present value
          </Table.Th>
          <Table.Th scope="col" ta="right">
            Share
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Th scope="row" fw={500}>
              {r.name}
              {r.detail && (
                <Text size="xs" c="dimmed">
                  {r.detail}
                </Text>
              )}
            </Table.Th>
            <Table.Td ta="right">{formatPounds(r.presentValue)}</Table.Td>
            <Table.Td ta="right">{formatPercent(r.share)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Each estimate 20% lower and higher: the change in the ratio, largest first (bars left and right of 0). */
export function TornadoChart({ scenario }: { scenario: ReportScenario }) {
  const rows = scenario.tornado.slice(0, 8);
  const data = rows.map((t) => ({
    name: shortLabel(t.label),
    lower: Number((t.lowRatio - scenario.ratio).toFixed(3)),
    higher: Number((t.highRatio - scenario.ratio).toFixed(3)),
  }));
  return (
    <ChartFigure title="Tornado: change in the ratio" height={chartHeight(rows.length)}>
      <BarChart
        h={chartHeight(rows.length)}
        data={data}
        dataKey="name"
        orientation="vertical"
        type="stacked"
        // Lower and higher sit either side of zero: stack by sign, not on top of each other.
        barChartProps={{ stackOffset: 'sign' }}
        series={[
          { name: 'lower', label: 'Estimate 20% lower', color: 'orange.8' },
          { name: 'higher', label: 'Estimate 20% higher', color: 'blue.8' },
        ]}
        yAxisProps={{ width: 150 }}
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        gridAxis="none"
        valueFormatter={(n) => n.toFixed(2)}
      />
    </ChartFigure>
  );
}

export function TornadoTable({ scenario }: { scenario: ReportScenario }) {
  return (
    <Table>
      <Table.Caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600 }}>
        Tornado: the ratio with each estimate {formatPercent(scenario.swing)} lower and higher (now{' '}
        {formatRatio(scenario.ratio)})
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Estimate</Table.Th>
          <Table.Th scope="col" ta="right">
            Lower
          </Table.Th>
          <Table.Th scope="col" ta="right">
            Higher
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {scenario.tornado.slice(0, 8).map((t) => (
          <Table.Tr key={t.path}>
            <Table.Th scope="row" fw={500}>
              {t.label}
            </Table.Th>
            <Table.Td ta="right">{t.lowRatio.toFixed(2)}</Table.Td>
            <Table.Td ta="right">{t.highRatio.toFixed(2)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The Monte Carlo distribution: the share of draws in each band of the ratio, with £1 : £1 marked. */
export function SimulationChart({ simulation }: { simulation: ReportScenario['simulation'] }) {
  const { histogram } = simulation.ratio;
  const data = histogram.map((b) => ({
    band: `${b.from.toFixed(2)}–${b.to.toFixed(2)}`,
    share: Number(((b.count / simulation.iterations) * 100).toFixed(1)),
  }));
  const breakEvenBand = data[histogram.findIndex((b) => b.from <= 1 && 1 <= b.to)]?.band;
  return (
    <ChartFigure title="How often each ratio came up across the draws" height={260}>
      <BarChart
        h={260}
        data={data}
        dataKey="band"
        series={[{ name: 'share', label: 'Share of draws (%)', color: 'teal.8' }]}
        gridAxis="y"
        xAxisProps={{ interval: 'preserveStartEnd', tickMargin: 8 }}
        referenceLines={breakEvenBand ? [{ x: breakEvenBand, color: 'red.8', label: '£1 : £1' }] : []}
        valueFormatter={(n) => `${n.toLocaleString('en-GB')}%`}
      />
    </ChartFigure>
  );
}

export function SimulationTable({ simulation }: { simulation: ReportScenario['simulation'] }) {
  const { ratio } = simulation;
  const rows: [string, string][] = [
    ['5th percentile', formatRatio(ratio.p5)],
    ['Median', formatRatio(ratio.p50)],
    ['95th percentile', formatRatio(ratio.p95)],
    ['Lowest and highest draw', `${ratio.min.toFixed(2)} to ${ratio.max.toFixed(2)}`],
    ['Chance the ratio exceeds £1 : £1', formatPercent(simulation.probabilityRatioAboveOne)],
  ];
  return (
    <Table>
      <Table.Caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600 }}>
        The ratio over {simulation.iterations.toLocaleString('en-GB')} draws (seed {simulation.seed})
      </Table.Caption>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" fw={500}>
              {label}
            </Table.Th>
            <Table.Td ta="right">{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function SectionTitle({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Title order={2} size="h3" id={id} mt="xl" mb="sm">
      {children}
    </Title>
  );
}
