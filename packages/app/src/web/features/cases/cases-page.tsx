import { Button, Group, Pagination, Text } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useCan, useMe } from '../auth/me-query.ts';
import { siteNamesById, useSiteChoices } from '../sites/sites-query.ts';
import { CaseFilters } from './case-filters.tsx';
import { plural } from './case-format.ts';
import { CaseCards, CasesTable } from './case-list.tsx';
import { casesPageSize, casesQueryOptions, type CaseFilters as Filters } from './cases-query.ts';

export function CasesPage() {
  const can = useCan();
  if (!can('cases:read')) return <NotPermitted title="Cases" />;
  return <CasesList canWrite={can('cases:write')} />;
}

function CasesList({ canWrite }: { canWrite: boolean }) {
  const me = useMe();
  const { sites } = useSiteChoices();
  const siteNames = siteNamesById(sites);
  // Peer supporters and volunteers start from their own caseload.
  const worksCases = me.user.role === 'peer_supporter' || me.user.role === 'volunteer';
  const [filters, setFilters] = useState<Filters>({
    siteId: '',
    status: '',
    mine: worksCases,
    search: '',
    page: 1,
  });
  const [debouncedSearch] = useDebouncedValue(filters.search, 300);
  const cases = useQuery(casesQueryOptions({ ...filters, search: debouncedSearch }));
  // Cards on phones so nothing scrolls sideways; a table where there is room.
  const isWide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });

  const total = cases.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / casesPageSize));
  const List = isWide ? CasesTable : CaseCards;

  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <PageHeading title="Cases" />
        {canWrite && (
          <Button component={Link} to="/cases/new">
            New referral
          </Button>
        )}
      </Group>
      <CaseFilters
        sites={sites}
        filters={filters}
        onChange={(change) => setFilters((current) => ({ ...current, ...change, page: 1 }))}
      />

      <Text role="status" mb="sm" fw={500}>
        {cases.isSuccess && plural(total, 'case', 'cases')}
      </Text>
      {cases.isPending && <PageLoader label="Loading cases" />}
      {cases.isError && <QueryError error={cases.error} onRetry={() => void cases.refetch()} />}
      {cases.isSuccess && cases.data.items.length === 0 && (
        <Text>
          {filters.mine
            ? 'No cases of yours match these filters. Cases appear here once a coordinator allocates them to you.'
            : 'No cases match these filters.'}
        </Text>
      )}
      {cases.isSuccess && cases.data.items.length > 0 && (
        <List cases={cases.data.items} siteNames={siteNames} />
      )}
      {pageCount > 1 && (
        <Pagination
          mt="md"
          total={pageCount}
          value={filters.page}
          onChange={(page) => setFilters((current) => ({ ...current, page }))}
          getControlProps={(control) => ({ 'aria-label': `${control} page` })}
          getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
        />
      )}
    </>
  );
}
