import { Badge, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { CaseloadBoard, CaseloadLevel } from '../../../contract/caseload.ts';
import { roleLabels } from '../../../contract/roles.ts';
import { levelColours, levelLabels } from './caseload-query.ts';

type Worker = CaseloadBoard['workers'][number];

function LevelBadge({ level }: { level: CaseloadLevel }) {
  return (
    <Badge
      variant={level === 'ok' ? 'outline' : 'light'}
      color={levelColours[level]}
      c="dark.9"
      tt="none"
      size="lg"
      fw={level === 'alert' || level === 'over_target' ? 800 : 600}
    >
      {levelLabels[level]}
    </Badge>
  );
}

/** Phones: one card per worker. */
export function CaseloadWorkerCards({ workers }: { workers: Worker[] }) {
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Workers">
      {workers.map((worker) => (
        <Paper component="li" key={worker.userId} withBorder p="sm">
          <Title order={3} size="h5">
            {worker.name}
          </Title>
          <Text size="sm" c="gray.7" mb="xs">
            {roleLabels[worker.role]}
          </Text>
          <SimpleGrid component="dl" cols={3} spacing="xs" m={0}>
            <div>
              <Text component="dt" size="sm" fw={600}>
                Lead
              </Text>
              <Text component="dd" m={0}>
                {worker.leadCases}
              </Text>
            </div>
            <div>
              <Text component="dt" size="sm" fw={600}>
                Co-worker
              </Text>
              <Text component="dd" m={0}>
                {worker.coWorkerCases}
              </Text>
            </div>
            <div>
              <Text component="dt" size="sm" fw={600}>
                Level
              </Text>
              <Text component="dd" m={0}>
                <LevelBadge level={worker.level} />
              </Text>
            </div>
          </SimpleGrid>
        </Paper>
      ))}
    </Stack>
  );
}

/** Wide screens: one row per worker. */
export function CaseloadWorkersTable({ workers }: { workers: Worker[] }) {
  return (
    <Table striped verticalSpacing="sm" aria-label="Workers">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Worker</Table.Th>
          <Table.Th scope="col">Role</Table.Th>
          <Table.Th scope="col">Lead cases</Table.Th>
          <Table.Th scope="col">Co-worker cases</Table.Th>
          <Table.Th scope="col">Level</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {workers.map((worker) => (
          <Table.Tr key={worker.userId}>
            <Table.Th scope="row" fw={600}>
              {worker.name}
            </Table.Th>
            <Table.Td>{roleLabels[worker.role]}</Table.Td>
            <Table.Td>{worker.leadCases}</Table.Td>
            <Table.Td>{worker.coWorkerCases}</Table.Td>
            <Table.Td>
              <LevelBadge level={worker.level} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
