import { keepPreviousData, type QueryClient, queryOptions } from '@tanstack/react-query';
import type { CaseStatus } from '../../../contract/case-codes.ts';
import type { CaseDetail, CaseSummary, Contact, FundApplication } from '../../../contract/cases.ts';
import type { UserSummary } from '../../../contract/users.ts';
import { api } from '../../lib/api-client.ts';

export type CaseFilters = {
  siteId: string;
  status: CaseStatus | '';
  mine: boolean;
  search: string;
  page: number;
};
export const casesPageSize = 50;

export const casesQueryOptions = (filters: CaseFilters) =>
  queryOptions({
    queryKey: ['cases', 'list', filters],
    // POST, not GET: search text is often a name, and names must not appear in URLs.
    queryFn: () =>
      api.post<{ items: CaseSummary[]; total: number }>('/api/cases/search', {
        siteId: filters.siteId || undefined,
        status: filters.status || undefined,
        mine: filters.mine ? 'true' : undefined,
        search: filters.search.trim() || undefined,
        limit: casesPageSize,
        offset: (filters.page - 1) * casesPageSize,
      }),
    placeholderData: keepPreviousData,
  });

export const caseQueryOptions = (caseId: string) =>
  queryOptions({
    queryKey: ['cases', 'detail', caseId],
    queryFn: () => api.get<CaseDetail>(`/api/cases/${caseId}`),
  });

export const contactsQueryOptions = (caseId: string) =>
  queryOptions({
    queryKey: ['cases', 'detail', caseId, 'contacts'],
    queryFn: () => api.get<{ items: Contact[]; total: number }>(`/api/cases/${caseId}/contacts`),
  });

export const fundApplicationsQueryOptions = (caseId: string) =>
  queryOptions({
    queryKey: ['cases', 'detail', caseId, 'fund'],
    queryFn: () =>
      api.get<{ items: FundApplication[]; total: number }>(`/api/cases/${caseId}/fund-applications`),
  });

const allocatableRoles = new Set(['peer_supporter', 'volunteer', 'coordinator']);

/** The people who can work a case at a site: peer supporters, volunteers and coordinators, not disabled. */
export const siteWorkersQueryOptions = (siteId: string) =>
  queryOptions({
    queryKey: ['users', 'site-workers', siteId],
    queryFn: async () => {
      const users = await api.get<{ items: UserSummary[]; total: number }>('/api/users', {
        siteId,
        limit: 200,
      });
      return users.items.filter((user) => allocatableRoles.has(user.role) && !user.isDisabled);
    },
  });

/** After a change to a case: store the answer, and let lists and the caseload board fetch afresh. */
export async function caseChanged(queryClient: QueryClient, saved: CaseDetail): Promise<void> {
  queryClient.setQueryData(caseQueryOptions(saved.id).queryKey, saved);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['cases', 'list'] }),
    queryClient.invalidateQueries({ queryKey: ['caseload'] }),
  ]);
}
