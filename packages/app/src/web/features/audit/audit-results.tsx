import { Code, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { AuditEvent } from '../../../contract/audit.ts';
import { type Role, roleLabels } from '../../../contract/roles.ts';
import { formatDateTime } from '../../lib/dates.ts';

type AuditResultsProps = { events: AuditEvent[]; userNames: Map<string, string> };

function whoLabel(event: AuditEvent, userNames: Map<string, string>): string {
  if (!event.actorUserId) return 'Not signed in';
  return userNames.get(event.actorUserId) ?? event.actorUserId;
}

function roleLabel(role: string | null): string {
  if (!role) return '–';
  return roleLabels[role as Role] ?? role;
}

const outcomeLabel = (event: AuditEvent) => (event.outcome === 'success' ? 'Allowed' : 'Failed or refused');

const shownRecordIds = 3;

function IdList({ ids }: { ids: string[] }) {
  return (
    <Stack gap={2}>
      {ids.map((id) => (
        <Code key={id} style={{ overflowWrap: 'anywhere' }}>
          {id}
        </Code>
      ))}
    </Stack>
  );
}

/** A list view can touch dozens of records: show a few, the rest on request. */
function RecordIds({ ids }: { ids: string[] }) {
  if (ids.length === 0) return <>–</>;
  if (ids.length <= shownRecordIds + 1) return <IdList ids={ids} />;
  return (
    <>
      <IdList ids={ids.slice(0, shownRecordIds)} />
      <details>
        <summary>{ids.length - shownRecordIds} more</summary>
        <IdList ids={ids.slice(shownRecordIds)} />
      </details>
    </>
  );
}

/** Audit events: a table where there is room, cards on phones. */
export function AuditResults({ events, userNames }: AuditResultsProps) {
  const isWide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  if (!isWide) {
    return (
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Audit events">
        {events.map((event) => (
          <Paper component="li" withBorder p="sm" key={event.id}>
            <Text fw={700} mb="xs">
              {formatDateTime(event.occurredAt)}
            </Text>
            <SimpleGrid component="dl" cols={2} spacing="xs" verticalSpacing="xs" m={0}>
              {[
                ['Who', whoLabel(event, userNames)],
                ['Role', roleLabel(event.actorRole)],
                ['Action', <Code key="action">{event.action}</Code>],
                ['Outcome', outcomeLabel(event)],
              ].map(([term, value]) => (
                <div key={String(term)}>
                  <Text component="dt" size="sm" fw={600}>
                    {term}
                  </Text>
                  <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
                    {value}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
            <Text component="p" size="sm" fw={600} mt="xs" mb={2}>
              Records
            </Text>
            <RecordIds ids={event.entityIds} />
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={900} type="native">
      <Table striped verticalSpacing="sm" aria-label="Audit events">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Who</Table.Th>
            <Table.Th scope="col">Role</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">Records</Table.Th>
            <Table.Th scope="col">Outcome</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td>{formatDateTime(event.occurredAt)}</Table.Td>
              <Table.Td>{whoLabel(event, userNames)}</Table.Td>
              <Table.Td>{roleLabel(event.actorRole)}</Table.Td>
              <Table.Td>
                <Code>{event.action}</Code>
              </Table.Td>
              <Table.Td w={320}>
                <RecordIds ids={event.entityIds} />
              </Table.Td>
              <Table.Td>{outcomeLabel(event)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
