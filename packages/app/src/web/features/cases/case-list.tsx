import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { caseStatusLabels, engagementLabels } from '../../../contract/case-codes.ts';
import type { CaseSummary } from '../../../contract/cases.ts';
import { CaseBadges } from './case-badges.tsx';
import { formatIsoDate } from './case-format.ts';
import { RouterAnchor } from './case-link.tsx';

export type CaseListProps = {
  cases: CaseSummary[];
  /** Site names by id; a site column or line appears only when there is more than one site. */
  siteNames: Map<string, string>;
};

/** "AB-123" or "AB-123 – Sam Smith" */
export const caseTitle = (item: Pick<CaseSummary, 'localCaseId' | 'personName'>) =>
  item.personName ? `${item.localCaseId} – ${item.personName}` : item.localCaseId;

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={600}>
        {term}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** Phones: one card per case, the whole title a link, so nothing scrolls sideways at 360 px. */
export function CaseCards({ cases, siteNames }: CaseListProps) {
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Cases">
      {cases.map((item) => (
        <Paper component="li" key={item.id} withBorder p="sm">
          <Title order={2} size="h4" mb="xs">
            <RouterAnchor to="/cases/$caseId" params={{ caseId: item.id }} inherit>
              {caseTitle(item)}
            </RouterAnchor>
          </Title>
          <CaseBadges item={item} />
          <SimpleGrid component="dl" cols={2} spacing="xs" verticalSpacing="xs" mt="xs" mb={0}>
            <Fact term="Referred">{formatIsoDate(item.referredOn)}</Fact>
            <Fact term="Last contact">{formatIsoDate(item.lastContactOn, 'None yet')}</Fact>
            <Fact term="Lead">{item.lead?.name ?? 'Not allocated'}</Fact>
            {siteNames.size > 1 && <Fact term="Site">{siteNames.get(item.siteId) ?? 'Another site'}</Fact>}
          </SimpleGrid>
        </Paper>
      ))}
    </Stack>
  );
}

/** Wide screens: one row per case. */
export function CasesTable({ cases, siteNames }: CaseListProps) {
  const showSite = siteNames.size > 1;
  return (
    <Table.ScrollContainer minWidth={760} type="native">
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Cases">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Case</Table.Th>
            {showSite && <Table.Th scope="col">Site</Table.Th>}
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Engagement</Table.Th>
            <Table.Th scope="col">Referred</Table.Th>
            <Table.Th scope="col">Last contact</Table.Th>
            <Table.Th scope="col">Lead</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Th scope="row" fw={600}>
                <RouterAnchor to="/cases/$caseId" params={{ caseId: item.id }} inherit>
                  {caseTitle(item)}
                </RouterAnchor>
              </Table.Th>
              {showSite && <Table.Td>{siteNames.get(item.siteId) ?? 'Another site'}</Table.Td>}
              <Table.Td>{caseStatusLabels[item.status]}</Table.Td>
              <Table.Td>{engagementLabels[item.engagement]}</Table.Td>
              <Table.Td>{formatIsoDate(item.referredOn)}</Table.Td>
              <Table.Td>{formatIsoDate(item.lastContactOn, 'None yet')}</Table.Td>
              <Table.Td>{item.lead?.name ?? 'Not allocated'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
