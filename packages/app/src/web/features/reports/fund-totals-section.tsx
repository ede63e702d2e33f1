import { Box, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { fundCategoryLabels } from '../../../contract/case-codes.ts';
import type { fundTotalsResponse } from '../../../contract/cases.ts';
import { QueryError } from '../../components/query-error.tsx';
import { api, withQuery } from '../../lib/api-client.ts';
import { formatPence } from '../cases/case-format.ts';

type FundTotals = z.infer<typeof fundTotalsResponse>;

/**
 * Personalisation Fund totals per site by category, for applications made in the chosen period.
 * Money only, no people: the same readers as the caseload report.
 */
export function FundTotalsSection({ siteIds, from, to }: { siteIds: string[]; from: string; to: string }) {
  const totals = useQuery({
    queryKey: ['fund', 'totals', { from, to }],
    queryFn: () => api.get<FundTotals>(withQuery('/api/fund/totals', { from, to })),
    placeholderData: keepPreviousData,
  });
  const sites = (totals.data?.sites ?? []).filter((s) => siteIds.length === 0 || siteIds.includes(s.siteId));
  return (
    <section aria-labelledby="fund-totals-heading">
      <Title order={2} size="h3" id="fund-totals-heading" mt="xl" mb="sm">
        Personalisation Fund
      </Title>
      {totals.isError && <QueryError error={totals.error} onRetry={() => void totals.refetch()} />}
      {totals.isSuccess && sites.length === 0 && <Text>No applications were made in this period.</Text>}
      {sites.map((site) => (
        // Focusable so a keyboard can scroll it on a narrow phone (WCAG 2.1.1).
        <Box
          key={site.siteId}
          role="region"
          aria-label={`Personalisation Fund: ${site.site}`}
          tabIndex={0}
          style={{ overflowX: 'auto' }}
          mb="md"
        >
          <Table withTableBorder captionSide="top">
            <Table.Caption ta="left" fw={600} c="var(--mantine-color-text)">
              {`Personalisation Fund: ${site.site}`}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Category</Table.Th>
                <Table.Th scope="col">Applications</Table.Th>
                <Table.Th scope="col">Approved</Table.Th>
                <Table.Th scope="col">Approved amount</Table.Th>
                <Table.Th scope="col">Paid</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {site.categories.map((c) => (
                <Table.Tr key={c.category}>
                  <Table.Th scope="row" fw={400}>
                    {fundCategoryLabels[c.category]}
                  </Table.Th>
                  <Table.Td>{c.applications.toLocaleString('en-GB')}</Table.Td>
                  <Table.Td>{c.approved.toLocaleString('en-GB')}</Table.Td>
                  <Table.Td>{formatPence(c.approvedPence)}</Table.Td>
                  <Table.Td>{formatPence(c.paidPence)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row">Total</Table.Th>
                <Table.Td>
                  {site.categories.reduce((n, c) => n + c.applications, 0).toLocaleString('en-GB')}
                </Table.Td>
                <Table.Td>
                  {site.categories.reduce((n, c) => n + c.approved, 0).toLocaleString('en-GB')}
                </Table.Td>
                <Table.Td>{formatPence(site.approvedPence)}</Table.Td>
                <Table.Td>{formatPence(site.paidPence)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Box>
      ))}
    </section>
  );
}
