import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { formatRate, funnelStages } from './training-form.ts';
import type { Funnel } from './training-query.ts';

/**
 * One funnel as a table (the figures, for everyone and for screen readers) and a bar chart beside it
 * (a picture of how it narrows, announced as one image whose label gives the same figures).
 */
export function FunnelView({ title, funnel, level = 2 }: { title: string; funnel: Funnel; level?: 2 | 3 }) {
  const headingId = useId();
  const stages = funnelStages(funnel);
  return (
    <section aria-labelledby={headingId}>
      <Title order={level} size={level === 2 ? 'h3' : 'h4'} id={headingId} mb="xs">
        {title}
      </Title>
      <Stack gap="sm">
        <Table.ScrollContainer minWidth={300}>
          <Table withTableBorder striped>
            <Table.Caption>
              {`${title}: from registering to employment. Drop-out rate ${formatRate(funnel.dropOutRate)} (${funnel.droppedOut.toLocaleString('en-GB')} left the course).`}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Stage</Table.Th>
                <Table.Th scope="col" ta="right">
                  People
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Of those registered
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stages.map((s) => (
                <Table.Tr key={s.key}>
                  <Table.Th scope="row" fw={400}>
                    {s.label}
                  </Table.Th>
                  <Table.Td ta="right">{s.count.toLocaleString('en-GB')}</Table.Td>
                  <Table.Td ta="right">{formatRate(s.share)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row" fw={400}>
                  Dropped out
                </Table.Th>
                <Table.Td ta="right">{funnel.droppedOut.toLocaleString('en-GB')}</Table.Td>
                <Table.Td ta="right">{formatRate(funnel.dropOutRate)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {funnel.registered === 0 ? (
          <Text size="sm">Nobody registered yet.</Text>
        ) : (
          <div
            role="img"
            aria-label={`Bar chart: ${stages.map((s) => `${s.label.toLowerCase()} ${s.count.toLocaleString('en-GB')}`).join(', ')}.`}
          >
            <BarChart
              h={200}
              data={stages.map((s) => ({ stage: s.label, people: s.count }))}
              dataKey="stage"
              series={[{ name: 'people', label: 'People', color: 'teal.8' }]}
              orientation="vertical"
              yAxisProps={{ width: 130 }}
              gridAxis="none"
              withBarValueLabel
              valueFormatter={(n) => n.toLocaleString('en-GB')}
            />
          </div>
        )}
      </Stack>
    </section>
  );
}
