import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { CaseloadReport } from '../../../contract/reports.ts';
import { api } from '../../lib/api-client.ts';

/** No sites chosen means every site the person may see; no dates means all time. */
export type CaseloadReportFilters = { siteIds: string[]; from: string; to: string };

export function caseloadReportPath({ siteIds, from, to }: CaseloadReportFilters): string {
  const params = new URLSearchParams();
  for (const id of siteIds) params.append('siteId', id);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  const search = params.toString();
  return search ? `/api/reports/caseload?${search}` : '/api/reports/caseload';
}

export const caseloadReportQueryOptions = (filters: CaseloadReportFilters) =>
  queryOptions({
    queryKey: ['reports', 'caseload', filters],
    queryFn: () => api.get<CaseloadReport>(caseloadReportPath(filters)),
    placeholderData: keepPreviousData,
  });
