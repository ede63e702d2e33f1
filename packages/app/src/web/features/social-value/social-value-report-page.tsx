import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import {
  type ExportFormat,
  type ReportScenario,
  type ScenarioKey,
  type SocialValueReport,
  scenarioLabels,
  sitesLabel,
} from '../../../contract/social-value.ts';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { downloadFile } from '../../lib/download-file.ts';
import { useCan } from '../auth/me-query.ts';
import { RouterAnchor } from '../cases/case-link.tsx';
import {
  SectionTitle,
  SimulationChart,
  SimulationTable,
  TornadoChart,
  TornadoTable,
  ValueChart,
  ValueTable,
} from './report-charts.tsx';
import {
  formatCount,
  formatEstimate,
  formatPercent,
  formatPeriod,
  formatPounds,
  formatRatio,
} from './social-value-format.ts';
import { reportQueryOptions } from './social-value-query.ts';

export function SocialValueReportPage() {
  const can = useCan();
  const { mapId = '' } = useParams({ strict: false });
  if (!can('social_value:read')) return <NotPermitted title="Social value report" />;
  return <Report mapId={mapId} canEdit={can('social_value:edit')} />;
}

function Report({ mapId, canEdit }: { mapId: string; canEdit: boolean }) {
  const report = useQuery(reportQueryOptions(mapId));
  const [scenarioKey, setScenarioKey] = useState<ScenarioKey>('central');
  if (report.isPending)
    return (
      <>
        <PageHeading title="Social value report" />
        <PageLoader label="Calculating the report" />
      </>
    );
  if (report.isError)
    return (
      <>
        <PageHeading title="Social value report" />
        {isApiError(report.error, 'not_found') ? (
          <Text>There is no such impact map, or you may not see it.</Text>
        ) : (
          <QueryError error={report.error} onRetry={() => void report.refetch()} />
        )}
      </>
    );
  const data = report.data;
  const scenario = data.scenarios.find((s) => s.key === scenarioKey) ?? data.scenarios[0];
  return (
    <>
      <PageHeading title={data.title} documentTitle={`${data.title}: social value report`} />
      <Text mb="xs">
        {sitesLabel(data.sites)}, {formatPeriod(data.periodFrom, data.periodTo)}. Values in {data.priceYear}{' '}
        prices.
      </Text>
      <Text mb="md" size="sm" c="dimmed">
        Live data as at {formatDateTime(data.dataAsOf)}.
      </Text>
      {data.description && (
        <Text mb="md" maw="48rem">
          {data.description}
        </Text>
      )}
      <Group mb="lg" gap="md">
        <RouterAnchor to="/social-value">All impact maps</RouterAnchor>
        {canEdit && (
          <RouterAnchor to="/social-value/$mapId/edit" params={{ mapId }}>
            Edit this impact map
          </RouterAnchor>
        )}
      </Group>
      {!data.isComplete || !scenario || !data.headline ? (
        <Incomplete report={data} />
      ) : (
        <CompleteReport
          report={data}
          headline={data.headline}
          scenario={scenario}
          onScenario={setScenarioKey}
        />
      )}
    </>
  );
}

function Incomplete({ report }: { report: SocialValueReport }) {
  return (
    <Alert color="orange" variant="outline" title="This map cannot be calculated yet" mb="lg">
      <List>
        {report.problems.map((p) => (
          <List.Item key={`${p.path}${p.message}`}>{p.message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

function CompleteReport({
  report,
  headline,
  scenario,
  onScenario,
}: {
  report: SocialValueReport;
  headline: NonNullable<SocialValueReport['headline']>;
  scenario: ReportScenario;
  onScenario: (key: ScenarioKey) => void;
}) {
  return (
    <>
      <Card withBorder padding="lg" mb="lg" component="section" aria-labelledby="headline">
        <Title order={2} size="h2" id="headline">
          {headline.text}
        </Title>
        <Text mt="xs">
          Central estimate {formatRatio(headline.centralRatio)}. Quote the range, not one figure.
        </Text>
      </Card>

      <Radio.Group
        value={scenario.key}
        onChange={(value) => onScenario(value as ScenarioKey)}
        label="Scenario"
        description="The figures below are for the scenario chosen."
        mb="sm"
      >
        <Group mt="xs" gap="md">
          {report.scenarios.map((s) => (
            <Radio key={s.key} value={s.key} label={scenarioLabels[s.key]} />
          ))}
        </Group>
      </Radio.Group>
      <Text role="status" aria-live="polite" fw={600} size="lg" id="scenario-result">
        {scenario.name}: {formatRatio(scenario.ratio)} — {formatPounds(scenario.presentValue)} of value for{' '}
        {formatPounds(scenario.inputsValue)} of inputs
      </Text>
      <Text size="sm" c="dimmed" mb="md">
        {scenario.description}
      </Text>
      <Downloads mapId={report.mapId} scenario={scenario.key} />

      <section aria-labelledby="scenarios-heading">
        <SectionTitle id="scenarios-heading">Scenarios</SectionTitle>
        <Table.ScrollContainer minWidth={520}>
          <Table>
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
              Without and with volunteer time, as the review reported them
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Scenario</Table.Th>
                <Table.Th scope="col" ta="right">
                  Inputs
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Present value
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Ratio
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.scenarios.map((s) => (
                <Table.Tr key={s.key} fw={s.key === scenario.key ? 700 : undefined}>
                  <Table.Th scope="row" fw="inherit">
                    {s.name}
                  </Table.Th>
                  <Table.Td ta="right">{formatPounds(s.inputsValue)}</Table.Td>
                  <Table.Td ta="right">{formatPounds(s.presentValue)}</Table.Td>
                  <Table.Td ta="right">{formatRatio(s.ratio)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>

      <section aria-labelledby="stakeholders-heading">
        <SectionTitle id="stakeholders-heading">Value by stakeholder</SectionTitle>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
          <ValueTable
            caption={`Present value by stakeholder (${scenario.name})`}
            firstColumn="Stakeholder"
            rows={scenario.byStakeholder}
          />
          <ValueChart title="Present value by stakeholder" rows={scenario.byStakeholder} />
        </SimpleGrid>
      </section>

      <section aria-labelledby="outcomes-heading">
        <SectionTitle id="outcomes-heading">Value by outcome</SectionTitle>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
          <ValueTable
            caption={`Present value by outcome (${scenario.name})`}
            firstColumn="Outcome"
            rows={scenario.byOutcome.map((o) => ({ ...o, detail: o.stakeholder }))}
          />
          <ValueChart title="Present value by outcome" rows={scenario.byOutcome} />
        </SimpleGrid>
      </section>

      <Costs report={report} />

      <section aria-labelledby="sensitivity-heading">
        <SectionTitle id="sensitivity-heading">Sensitivity</SectionTitle>
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600 }}>
              Break-even: the value of each estimate at which the ratio would be £1 : £1
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Estimate</Table.Th>
                <Table.Th scope="col" ta="right">
                  Now
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Break-even
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {scenario.breakEvens.map((b) => (
                <Table.Tr key={b.path}>
                  <Table.Th scope="row" fw={500}>
                    {b.label}
                  </Table.Th>
                  <Table.Td ta="right">{formatEstimate(b.path, b.current)}</Table.Td>
                  <Table.Td ta="right">
                    {b.breakEven === null
                      ? (b.reason ?? 'Not reachable')
                      : formatEstimate(b.path, b.breakEven)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl" mt="md">
          <TornadoTable scenario={scenario} />
          <TornadoChart scenario={scenario} />
        </SimpleGrid>
      </section>

      <section aria-labelledby="uncertainty-heading">
        <SectionTitle id="uncertainty-heading">Uncertainty (Monte Carlo)</SectionTitle>
        <Text size="sm" mb="sm" maw="48rem">
          {report.methodNotes.simulation}
        </Text>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
          <SimulationTable simulation={scenario.simulation} />
          <SimulationChart simulation={scenario.simulation} />
        </SimpleGrid>
      </section>

      {report.rollout && <Rollout report={report} rollout={report.rollout} />}
      {report.publishedChecks.length > 0 && <PublishedChecks report={report} />}
      <ValueMap report={report} />
      <MethodNotes report={report} />
    </>
  );
}

const formats: { format: ExportFormat; label: string }[] = [
  { format: 'pdf', label: 'Download PDF' },
  { format: 'xlsx', label: 'Download XLSX (Value Map)' },
  { format: 'csv', label: 'Download CSV' },
];

function Downloads({ mapId, scenario }: { mapId: string; scenario: ScenarioKey }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [message, setMessage] = useState<{ isError: boolean; text: string } | null>(null);
  const download = async (format: ExportFormat) => {
    setBusy(format);
    setMessage(null);
    try {
      const { fileName } = await downloadFile(
        `/api/impact-maps/${mapId}/report/export?format=${format}&scenario=${scenario}`,
        `social-value-report.${format}`,
      );
      setMessage({ isError: false, text: `Downloaded ${fileName}.` });
    } catch (error) {
      setMessage({
        isError: true,
        text: isApiError(error) ? error.message : 'The download failed. Try again.',
      });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack gap="xs" mb="md">
      <Group gap="sm">
        {formats.map(({ format, label }) => (
          <Button
            key={format}
            variant="outline"
            loading={busy === format}
            disabled={busy !== null && busy !== format}
            onClick={() => void download(format)}
          >
            {label}
          </Button>
        ))}
      </Group>
      <Text role="status" size="sm" c={message?.isError ? 'red.8' : undefined}>
        {message?.text}
      </Text>
    </Stack>
  );
}

function Costs({ report }: { report: SocialValueReport }) {
  const { costs } = report;
  return (
    <section aria-labelledby="costs-heading">
      <SectionTitle id="costs-heading">Costs</SectionTitle>
      <Table.ScrollContainer minWidth={480}>
        <Table>
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
            Full cost recovery, with volunteer time shown apart
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Cost</Table.Th>
              <Table.Th scope="col">How it was reached</Table.Th>
              <Table.Th scope="col" ta="right">
                Amount
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {costs.lines.map((l) => (
              <Table.Tr key={`${l.category}${l.description}`}>
                <Table.Th scope="row" fw={500}>
                  {l.categoryLabel}: {l.description}
                </Table.Th>
                <Table.Td>
                  {l.detail} {l.isLive && <Badge size="sm">Live</Badge>}
                </Table.Td>
                <Table.Td ta="right">{formatPounds(l.amount)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" colSpan={2}>
                Total without volunteer time
              </Table.Th>
              <Table.Td ta="right" fw={700}>
                {formatPounds(costs.withoutVolunteerTime)}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row" colSpan={2}>
                Total with volunteer time
              </Table.Th>
              <Table.Td ta="right" fw={700}>
                {formatPounds(costs.withVolunteerTime)}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}

function Rollout({
  report,
  rollout,
}: {
  report: SocialValueReport;
  rollout: NonNullable<SocialValueReport['rollout']>;
}) {
  return (
    <section aria-labelledby="rollout-heading">
      <SectionTitle id="rollout-heading">Roll-out costing</SectionTitle>
      <Text mb="sm" maw="48rem">
        At this site’s cost per person served ({formatCount(report.peopleServed.count ?? 0)} people in the
        period), serving {formatCount(rollout.populationLow)} to {formatCount(rollout.populationHigh)} people
        a year would cost{' '}
        <strong>
          {formatPounds(rollout.annualCostLow)} to {formatPounds(rollout.annualCostHigh)} a year
        </strong>{' '}
        ({formatPounds(rollout.annualCostLowWithVolunteerTime)} to{' '}
        {formatPounds(rollout.annualCostHighWithVolunteerTime)} with volunteer time).
      </Text>
      <Table.ScrollContainer minWidth={420}>
        <Table>
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>Roll-out costs</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Td />
              <Table.Th scope="col" ta="right">
                Without volunteer time
              </Table.Th>
              <Table.Th scope="col" ta="right">
                With volunteer time
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">Cost per person served</Table.Th>
              <Table.Td ta="right">{formatPounds(rollout.costPerPerson)}</Table.Td>
              <Table.Td ta="right">{formatPounds(rollout.costPerPersonWithVolunteerTime)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">A year for {formatCount(rollout.populationLow)} people</Table.Th>
              <Table.Td ta="right">{formatPounds(rollout.annualCostLow)}</Table.Td>
              <Table.Td ta="right">{formatPounds(rollout.annualCostLowWithVolunteerTime)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">A year for {formatCount(rollout.populationHigh)} people</Table.Th>
              <Table.Td ta="right">{formatPounds(rollout.annualCostHigh)}</Table.Td>
              <Table.Td ta="right">{formatPounds(rollout.annualCostHighWithVolunteerTime)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}

function PublishedChecks({ report }: { report: SocialValueReport }) {
  return (
    <section aria-labelledby="published-heading">
      <SectionTitle id="published-heading">Published figures checked</SectionTitle>
      <Stack gap="sm">
        {report.publishedChecks.map((c) => (
          <Alert
            key={c.label}
            color={c.verdict === 'consistent' ? 'teal' : c.verdict === 'truncated' ? 'gray' : 'red'}
            variant="outline"
            title={`${c.label}: ${c.verdict === 'consistent' ? 'follows from its own figures' : c.verdict === 'truncated' ? 'truncated, not rounded' : 'contradicts its own inputs'}`}
          >
            {c.message}
          </Alert>
        ))}
      </Stack>
    </section>
  );
}

function ValueMap({ report }: { report: SocialValueReport }) {
  return (
    <section aria-labelledby="value-map-heading">
      <SectionTitle id="value-map-heading">Value map</SectionTitle>
      <Stack gap="sm" component="ul" p={0} aria-labelledby="value-map-heading">
        {report.valueMap.map((r) => (
          <Card key={r.outcomeId} component="li" withBorder padding="sm" style={{ listStyle: 'none' }}>
            <Title order={3} size="h5">
              {r.stakeholder}: {r.outcome}
            </Title>
            <dl style={{ margin: 0 }}>
              {(
                [
                  ['Indicator', r.indicator || '—'],
                  [
                    'Quantity',
                    `${formatCount(r.quantity)} — ${
                      r.count === null
                        ? r.quantityNote || 'entered by hand'
                        : `${r.quantitySourceLabel}: ${formatCount(r.count)}${r.quantityFactor === 1 ? '' : ` × ${formatCount(r.quantityFactor)}`} (live)`
                    }${r.sampleSize === null ? '' : `; sample of ${formatCount(r.sampleSize)}`}`,
                  ],
                  [
                    'Financial proxy',
                    `${formatPounds(r.proxyValue)} ${r.proxyUnit} — ${r.proxyName} (${r.proxyPriceYear} prices, ${r.proxyLicence})`,
                  ],
                  [
                    'Deadweight, attribution, drop-off',
                    `${formatPercent(r.deadweight)}, ${formatPercent(r.attribution)}, ${formatPercent(r.dropOff)}`,
                  ],
                  ['Duration', `${r.duration} ${r.duration === 1 ? 'year' : 'years'}`],
                  ['Impact in year 1', formatPounds(r.impact)],
                ] as const
              ).map(([term, value]) => (
                <div key={term} style={{ display: 'flex', flexWrap: 'wrap', gap: '0 0.5rem' }}>
                  <Text component="dt" size="sm" fw={600}>
                    {term}:
                  </Text>
                  <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
                    {value}
                  </Text>
                </div>
              ))}
            </dl>
          </Card>
        ))}
      </Stack>
    </section>
  );
}

function MethodNotes({ report }: { report: SocialValueReport }) {
  const n = report.methodNotes;
  return (
    <section aria-labelledby="method-heading">
      <SectionTitle id="method-heading">Method notes</SectionTitle>
      <List
        spacing="xs"
        size="sm"
        maw="56rem"
        styles={{ itemWrapper: { minWidth: 0 }, itemLabel: { overflowWrap: 'anywhere' } }}
      >
        {[n.conventions, n.inputsStatement, n.priceYear, n.deflator, n.livingWage, ...n.scenarios]
          .filter((x) => x)
          .map((x) => (
            <List.Item key={x}>{x}</List.Item>
          ))}
      </List>
      {n.discountSchedule.length > 0 && (
        <Text size="sm" mt="sm">
          Discount factors:{' '}
          {n.discountSchedule.map((d) => `year ${d.year} ${d.factor.toFixed(4)}`).join('; ')}.
        </Text>
      )}
      <Title order={3} size="h5" mt="md">
        Data dates
      </Title>
      <List spacing="xs" size="sm">
        {n.dataDates.map((x) => (
          <List.Item key={x}>{x}</List.Item>
        ))}
      </List>
      <Title order={3} size="h5" mt="md">
        Sample sizes
      </Title>
      <List spacing="xs" size="sm">
        {n.sampleSizes.map((x) => (
          <List.Item key={x}>{x}</List.Item>
        ))}
      </List>
      <Title order={3} size="h5" mt="md">
        Warnings
      </Title>
      {report.warnings.length === 0 ? (
        <Text size="sm">None.</Text>
      ) : (
        <List spacing="xs" size="sm">
          {report.warnings.map((w) => (
            <List.Item key={`${w.code}${w.path}${w.message}`}>{w.message}</List.Item>
          ))}
        </List>
      )}
    </section>
  );
}
