import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Role } from '../../../contract/roles.ts';
import type { UserSummary } from '../../../contract/users.ts';
import { api } from '../../lib/api-client.ts';

export type UserFilters = { siteId: string; role: Role | ''; search: string; page: number };
export const usersPageSize = 50;

export const usersQueryOptions = (filters: UserFilters) =>
  queryOptions({
    queryKey: ['users', filters],
    queryFn: () =>
      api.get<{ items: UserSummary[]; total: number }>('/api/users', {
        siteId: filters.siteId,
        role: filters.role,
        search: filters.search.trim(),
        limit: usersPageSize,
        offset: (filters.page - 1) * usersPageSize,
      }),
    placeholderData: keepPreviousData,
  });

/** Everyone the organisation has, for pickers and for turning ids into names (up to the API's page limit). */
export const allUsersQueryOptions = queryOptions({
  queryKey: ['users', 'all'],
  queryFn: () => api.get<{ items: UserSummary[]; total: number }>('/api/users', { limit: 200 }),
});
