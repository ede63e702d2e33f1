import { Button, Group, Pagination, Text } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useCan, useMe } from '../auth/me-query.ts';
import { siteNamesById, useSiteChoices } from '../sites/sites-query.ts';
import { UserCards } from './user-cards.tsx';
import { UserFilters } from './user-filters.tsx';
import { UserFormModal } from './user-form-modal.tsx';
import type { UserAction } from './user-row-actions.tsx';
import { UserStatusModal } from './user-status-modal.tsx';
import { type UserFilters as Filters, usersPageSize, usersQueryOptions } from './users-query.ts';
import { UsersTable } from './users-table.tsx';

export function UsersPage() {
  const can = useCan();
  if (!can('users:read')) return <NotPermitted title="Users" />;
  return <UsersList canManage={can('users:manage')} />;
}

function UsersList({ canManage }: { canManage: boolean }) {
  const me = useMe();
  const { sites } = useSiteChoices();
  const siteNames = siteNamesById(sites);
  const [filters, setFilters] = useState<Filters>({ siteId: '', role: '', search: '', page: 1 });
  const [debouncedSearch] = useDebouncedValue(filters.search, 300);
  const users = useQuery(usersQueryOptions({ ...filters, search: debouncedSearch }));
  const [action, setAction] = useState<UserAction | { kind: 'create' } | null>(null);
  // Cards on phones so nothing scrolls sideways; a table where there is room.
  const isWide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });

  const total = users.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / usersPageSize));
  const List = isWide ? UsersTable : UserCards;
  const close = () => setAction(null);

  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <PageHeading title="Users" />
        {canManage && <Button onClick={() => setAction({ kind: 'create' })}>Add a user</Button>}
      </Group>
      <UserFilters
        sites={sites}
        siteId={filters.siteId}
        role={filters.role}
        search={filters.search}
        onChange={(change) => setFilters((current) => ({ ...current, ...change, page: 1 }))}
      />

      <Text role="status" mb="sm" fw={500}>
        {users.isSuccess && (total === 1 ? '1 user' : `${total} users`)}
      </Text>
      {users.isPending && <PageLoader label="Loading users" />}
      {users.isError && <QueryError error={users.error} onRetry={() => void users.refetch()} />}
      {users.isSuccess && users.data.items.length === 0 && <Text>No users match these filters.</Text>}
      {users.isSuccess && users.data.items.length > 0 && (
        <List
          users={users.data.items}
          siteNames={siteNames}
          currentUserId={me.user.id}
          onAction={canManage ? setAction : undefined}
        />
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

      {action?.kind === 'create' && <UserFormModal opened sites={sites} onClose={close} />}
      {action?.kind === 'edit' && <UserFormModal opened user={action.user} sites={sites} onClose={close} />}
      {(action?.kind === 'disable' || action?.kind === 'enable') && (
        <UserStatusModal user={action.user} kind={action.kind} onClose={close} />
      )}
    </>
  );
}
