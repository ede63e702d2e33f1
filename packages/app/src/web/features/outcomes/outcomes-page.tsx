import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Radio,
  ScrollArea,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import {
  type IndicatorResult,
  type InstrumentSummary,
  type indicatorOptionsResponse,
  type instrumentsResponse,
  type OutcomesAnalysisResponse,
  type templatesResponse,
  waveLabels,
} from '../../../contract/outcomes.ts';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api } from '../../lib/api-client.ts';
import { useCan } from '../auth/me-query.ts';
import { RouterButton } from '../cases/case-link.tsx';
import { useSiteChoices } from '../sites/sites-query.ts';
import { NewInstrumentForm } from './new-instrument-form.tsx';
import { PublishInstrumentDialog } from './publish-instrument-dialog.tsx';

type Instruments = z.infer<typeof instrumentsResponse>;
type Templates = z.infer<typeof templatesResponse>;
type IndicatorOptions = z.infer<typeof indicatorOptionsResponse>;

const whole = new Intl.NumberFormat('en-GB');
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });
const points = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
/** A suppressed count or figure reads "fewer than 8" (or "withheld" for what could be worked back). */
const countText = (n: number | null) => (n === null ? 'fewer than 8' : whole.format(n));
const shareText = (s: number | null) => (s === null ? '–' : percent.format(s));
const changeText = (c: { points: number | null; percentOfScale: number | null }) =>
  c.points === null ? '–' : `${points.format(c.points)} (${points.format(c.percentOfScale ?? 0)}%)`;

export function OutcomesPage() {
  const can = useCan();
  if (!can('outcomes:read') && !can('surveys:manage')) return <NotPermitted title="Outcomes" />;
  return (
    <Stack gap="xl">
      <PageHeading title="Outcomes" />
      {can('surveys:manage') && <InstrumentsSection />}
      {can('outcomes:read') && <AnalysisSection />}
    </Stack>
  );
}

function InstrumentsSection() {
  const queryClient = useQueryClient();
  const instruments = useQuery({
    queryKey: ['outcomes', 'instruments'],
    queryFn: () => api.get<Instruments>('/api/outcomes/instruments'),
  });
  const templates = useQuery({
    queryKey: ['outcomes', 'templates'],
    queryFn: () => api.get<Templates>('/api/outcomes/templates'),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['outcomes'] });
  const copy = useMutation({
    mutationFn: (templateKey: string) => api.post('/api/outcomes/instruments', { templateKey }),
    onSuccess: refresh,
  });
  const [confirming, setConfirming] = useState<InstrumentSummary | null>(null);
  const publish = useMutation({
    mutationFn: (id: string) => api.post(`/api/outcomes/instruments/${id}/publish`),
    onSuccess: refresh,
    onSettled: () => setConfirming(null),
  });
  const problem = copy.error ?? publish.error;
  return (
    <section aria-labelledby="instruments-heading">
      <Title order={2} id="instruments-heading" mb="sm">
        Survey instruments
      </Title>
      {problem && (
        <Alert color="red" variant="outline" role="alert" mb="sm">
          {problem.message}
        </Alert>
      )}
      {instruments.isError && <QueryError error={instruments.error} />}
      <Stack gap="xs">
        {instruments.data?.items.map((i) => (
          <Group key={i.id} justify="space-between" wrap="wrap">
            <Text>
              {i.name} — version {i.latestVersion}
              {i.publishedVersion ? `, version ${i.publishedVersion.version} published` : ', not published'}
            </Text>
            <Group gap="xs">
              <RouterButton
                size="xs"
                variant="default"
                to="/outcomes/instruments/$instrumentId/edit"
                params={{ instrumentId: i.id }}
              >
                {i.hasDraft ? 'Edit' : 'New version'}{' '}
                <VisuallyHidden>{i.hasDraft ? i.name : `of ${i.name}`}</VisuallyHidden>
              </RouterButton>
              {i.hasDraft && (
                <Button size="xs" variant="light" onClick={() => setConfirming(i)}>
                  Publish version {i.latestVersion} <VisuallyHidden>of {i.name}</VisuallyHidden>
                </Button>
              )}
            </Group>
          </Group>
        ))}
        {instruments.data?.items.length === 0 && (
          <Text>No instruments yet. Copy a template or start from blank.</Text>
        )}
      </Stack>
      <NewInstrumentForm />
      <PublishInstrumentDialog
        opened={confirming !== null}
        name={confirming?.name ?? ''}
        version={confirming?.latestVersion ?? 1}
        hasUnsavedChanges={false}
        isPending={publish.isPending}
        onConfirm={() => confirming && publish.mutate(confirming.id)}
        onClose={() => setConfirming(null)}
      />
      <Title order={3} size="h4" mt="md" mb="xs">
        Shipped templates
      </Title>
      <Stack gap="xs">
        {templates.data?.items.map((t) => (
          <Group key={t.key} justify="space-between" wrap="wrap">
            <div>
              <Text>{t.name}</Text>
              <Text size="sm" c="dimmed">
                {t.citation} {t.licence}.
              </Text>
            </div>
            <Button size="xs" variant="default" onClick={() => copy.mutate(t.key)} loading={copy.isPending}>
              Copy “{t.name}”
            </Button>
          </Group>
        ))}
      </Stack>
    </section>
  );
}

function AnalysisSection() {
  const { sites } = useSiteChoices();
  const instruments = useQuery({
    queryKey: ['outcomes', 'indicator-instruments'],
    queryFn: () => api.get<IndicatorOptions>('/api/outcomes/indicators'),
  });
  const [instrumentId, setInstrumentId] = useState('');
  const [siteId, setSiteId] = useState('');
  const [design, setDesign] = useState<'retrospective' | 'waves'>('retrospective');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const chosen = instrumentId || instruments.data?.items[0]?.instrumentId || '';
  const analysis = useQuery({
    queryKey: ['outcomes', 'analysis', chosen, siteId, design, from, to],
    queryFn: () =>
      api.get<OutcomesAnalysisResponse>('/api/outcomes/analysis', {
        instrumentId: chosen,
        siteId,
        design,
        from,
        to,
      }),
    enabled: chosen !== '',
  });
  return (
    <section aria-labelledby="analysis-heading">
      <Title order={2} id="analysis-heading" mb="sm">
        Distance travelled per indicator
      </Title>
      <Group align="end" wrap="wrap" mb="md">
        <NativeSelect
          label="Instrument"
          value={chosen}
          onChange={(e) => setInstrumentId(e.currentTarget.value)}
          data={(instruments.data?.items ?? []).map((i) => ({
            value: i.instrumentId,
            label: i.instrumentName,
          }))}
        />
        <NativeSelect
          label="Site"
          value={siteId}
          onChange={(e) => setSiteId(e.currentTarget.value)}
          data={[{ value: '', label: 'All my sites' }, ...sites.map((s) => ({ value: s.id, label: s.name }))]}
        />
        <TextInput
          label="Given from"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput label="Given to" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        {/* Radios rather than a segmented control: two long labels side by side do not fit 360 px. */}
        <Radio.Group
          label="Compare"
          value={design}
          onChange={(v) => setDesign(v as 'retrospective' | 'waves')}
        >
          <Stack gap={4} mt={4}>
            <Radio value="retrospective" label="Before and now, one interview" />
            <Radio value="waves" label="Baseline and follow-up" />
          </Stack>
        </Radio.Group>
      </Group>
      {analysis.isError && <QueryError error={analysis.error} />}
      {analysis.data && <AnalysisResult result={analysis.data} />}
    </section>
  );
}

function AnalysisResult({ result }: { result: OutcomesAnalysisResponse }) {
  const rows = result.indicators;
  const chartData = rows
    .filter((r) => r.improved.share !== null)
    .map((r) => ({
      indicator: r.outcomeArea || r.key,
      improved: Math.round((r.improved.share ?? 0) * 1000) / 10,
      same: Math.round((r.same.share ?? 0) * 1000) / 10,
      worsened: Math.round((r.worsened.share ?? 0) * 1000) / 10,
    }));
  return (
    <Stack gap="md">
      <Text>
        Response:{' '}
        {result.waves.length === 0
          ? 'no surveys given yet.'
          : result.waves
              .map(
                (w) =>
                  `${waveLabels[w.wave]} ${countText(w.completed)} of ${countText(w.invited)} (${shareText(w.responseRate)})`,
              )
              .join('; ')}
      </Text>
      {result.suppression.isApplied && (
        <Text size="sm">
          Counts from 1 to 7, and figures that could reveal them, are shown as “fewer than 8”. You see totals
          only.
        </Text>
      )}
      <ScrollArea type="auto" tabIndex={0} aria-label="Indicator table, scrolls sideways">
        <Table striped withTableBorder miw={900}>
          <Table.Caption>
            {result.instrument.name}: people answering both “before” and “now”, and the change among them
            (reverse-worded questions reversed; “prefer not to say” left out and counted).
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Indicator</Table.Th>
              <Table.Th scope="col">Answered (n)</Table.Th>
              <Table.Th scope="col">Response rate</Table.Th>
              <Table.Th scope="col">Improved</Table.Th>
              <Table.Th scope="col">Same</Table.Th>
              <Table.Th scope="col">Worsened</Table.Th>
              <Table.Th scope="col">Mean change, improved</Table.Th>
              <Table.Th scope="col">Mean change, all (distance travelled)</Table.Th>
              <Table.Th scope="col">Service contribution</Table.Th>
              <Table.Th scope="col">Deadweight</Table.Th>
              <Table.Th scope="col">Left out</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <IndicatorRow key={r.key} r={r} />
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {chartData.length > 0 && (
        <figure style={{ margin: 0 }}>
          <Title order={3} size="h5" component="figcaption" mb="xs">
            Share improved, the same and worsened, per indicator (%; the table above has the figures)
          </Title>
          <BarChart
            h={Math.max(160, 48 * chartData.length + 60)}
            data={chartData}
            dataKey="indicator"
            type="percent"
            orientation="vertical"
            yAxisProps={{ width: 160 }}
            withLegend
            series={[
              { name: 'improved', label: 'Improved', color: 'teal.8' },
              { name: 'same', label: 'Same', color: 'gray.5' },
              { name: 'worsened', label: 'Worsened', color: 'orange.8' },
            ]}
          />
        </figure>
      )}
    </Stack>
  );
}

function IndicatorRow({ r }: { r: IndicatorResult }) {
  return (
    <Table.Tr>
      <Table.Th scope="row">
        {r.outcomeArea || r.key}
        <Text size="xs" c="dimmed">
          {r.text}
          {r.isReverseKeyed ? ' (reversed)' : ''}
        </Text>
      </Table.Th>
      <Table.Td>{countText(r.n)}</Table.Td>
      <Table.Td>{shareText(r.responseRate)}</Table.Td>
      <Table.Td>
        {r.improved.count === null
          ? 'withheld'
          : `${whole.format(r.improved.count)} (${shareText(r.improved.share)})`}
      </Table.Td>
      <Table.Td>
        {r.same.count === null ? 'withheld' : `${whole.format(r.same.count)} (${shareText(r.same.share)})`}
      </Table.Td>
      <Table.Td>
        {r.worsened.count === null
          ? 'withheld'
          : `${whole.format(r.worsened.count)} (${shareText(r.worsened.share)})`}
      </Table.Td>
      <Table.Td>{changeText(r.meanChangeAmongImproved)}</Table.Td>
      <Table.Td>
        {changeText(r.meanChangeOverall)}
        {r.meanRankChange !== null ? ' ranks' : ''}
      </Table.Td>
      <Table.Td>{shareText(r.contribution.mean)}</Table.Td>
      <Table.Td>{shareText(r.deadweight.mean)}</Table.Td>
      <Table.Td>
        {r.excludedUnanswered === null
          ? 'withheld'
          : `${whole.format(r.excludedUnanswered)} unanswered, ${whole.format(r.excludedUnranked ?? 0)} prefer not to say`}
      </Table.Td>
    </Table.Tr>
  );
}
