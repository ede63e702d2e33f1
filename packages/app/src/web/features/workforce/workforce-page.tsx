import { Badge, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { WorkforceSummary } from '../../../contract/workforce.ts';
import {
  type WorkforceStatus,
  workforceRoleLabels,
  workforceStatuses,
  workforceStatusLabels,
} from '../../../contract/workforce-codes.ts';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api } from '../../lib/api-client.ts';
import { useCan } from '../auth/me-query.ts';
import { formatIsoDate } from '../cases/case-format.ts';
import { RouterAnchor, RouterButton } from '../cases/case-link.tsx';
import { dbsStateColours, dbsStateLabels, supervisionText, timeLimitText } from './workforce-format.ts';

type Alert = { memberId: string; displayName: string; kind: string; dueOn: string | null; detail: string };

export function WorkforcePage() {
  const can = useCan();
  if (!can('workforce:read')) return <NotPermitted title="Workforce" />;
  return <Workforce />;
}

function Workforce() {
  const [status, setStatus] = useState<WorkforceStatus | ''>('');
  const list = useQuery({
    queryKey: ['workforce', status],
    queryFn: () => api.get<{ items: WorkforceSummary[] }>('/api/workforce', { status }),
  });
  const alerts = useQuery({
    queryKey: ['workforce-alerts'],
    queryFn: () => api.get<{ items: Alert[] }>('/api/workforce-alerts'),
  });
  return (
    <>
      <PageHeading title="Workforce" />
      <WorkforceActions />
      <Stack gap="xl">
        <section aria-labelledby="workforce-alerts">
          <Title order={2} size="h3" id="workforce-alerts" mb="sm">
            Safety checks needing attention
          </Title>
          {alerts.isPending && <PageLoader label="Loading alerts" />}
          {alerts.isError && <QueryError error={alerts.error} onRetry={() => void alerts.refetch()} />}
          {alerts.isSuccess &&
            (alerts.data.items.length === 0 ? (
              <Text>Every check is current.</Text>
            ) : (
              <ul>
                {alerts.data.items.map((a) => (
                  <li key={`${a.memberId}-${a.kind}`}>
                    <RouterAnchor to="/workforce/$memberId" params={{ memberId: a.memberId }}>
                      {a.displayName}
                    </RouterAnchor>
                    : {a.detail} {a.dueOn && `(${formatIsoDate(a.dueOn)})`}
                  </li>
                ))}
              </ul>
            ))}
        </section>
        <section aria-labelledby="workforce-people">
          <Title order={2} size="h3" id="workforce-people" mb="sm">
            People
          </Title>
          <NativeSelect
            id="workforce-status"
            label="Status"
            value={status}
            onChange={(event) => setStatus(event.currentTarget.value as WorkforceStatus | '')}
            data={[
              { value: '', label: 'Everyone' },
              ...workforceStatuses.map((s) => ({ value: s, label: workforceStatusLabels[s] })),
            ]}
            maw={240}
            mb="md"
          />
          {list.isPending && <PageLoader label="Loading the workforce" />}
          {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
          {list.isSuccess && (
            <Table.ScrollContainer minWidth={720}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Name</Table.Th>
                    <Table.Th scope="col">Role and status</Table.Th>
                    <Table.Th scope="col">Time in role</Table.Th>
                    <Table.Th scope="col">Next step</Table.Th>
                    <Table.Th scope="col">Checks</Table.Th>
                    <Table.Th scope="col">Supervision</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Th scope="row">
                        <RouterAnchor to="/workforce/$memberId" params={{ memberId: m.id }}>
                          {m.displayName}
                        </RouterAnchor>
                      </Table.Th>
                      <Table.Td>
                        {workforceRoleLabels[m.role]}
                        <br />
                        <Text span size="sm">
                          {workforceStatusLabels[m.status]}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text
                          span
                          c={m.timeLimit?.state === 'ok' || !m.timeLimit ? undefined : 'red.8'}
                          fw={m.timeLimit?.state === 'ok' ? undefined : 700}
                        >
                          {timeLimitText(m.timeLimit)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {m.nextStep ?? 'None recorded'}
                        {m.nextStepTargetOn && ` by ${formatIsoDate(m.nextStepTargetOn)}`}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={dbsStateColours[m.dbs.state]} variant="light">
                          {dbsStateLabels[m.dbs.state]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{m.status === 'active' ? supervisionText(m.supervision) : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </section>
      </Stack>
    </>
  );
}

function WorkforceActions() {
  const can = useCan();
  return (
    <Group mb="lg" gap="sm">
      {can('workforce:manage') && <RouterButton to="/workforce/new">Add a person</RouterButton>}
      <RouterButton to="/workforce/settings" variant="outline">
        Progression settings
      </RouterButton>
    </Group>
  );
}
