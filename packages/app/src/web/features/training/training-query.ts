import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { WorkforceSummary } from '../../../contract/workforce.ts';
import type { cohort, cohortDetail, course, funnel } from '../../../contract/workforce-activity.ts';
import { api } from '../../lib/api-client.ts';

export type Course = z.infer<typeof course>;
export type Cohort = z.infer<typeof cohort>;
export type CohortDetail = z.infer<typeof cohortDetail>;
export type Funnel = z.infer<typeof funnel>;

export const coursesQueryOptions = () =>
  queryOptions({
    queryKey: ['training', 'courses'],
    queryFn: () => api.get<{ items: Course[] }>('/api/training/courses'),
  });

export const cohortsQueryOptions = () =>
  queryOptions({
    queryKey: ['training', 'cohorts'],
    queryFn: () => api.get<{ items: Cohort[]; overall: Funnel }>('/api/training/cohorts'),
  });

export const cohortQueryOptions = (cohortId: string) =>
  queryOptions({
    queryKey: ['training', 'cohort', cohortId],
    queryFn: () => api.get<CohortDetail>(`/api/training/cohorts/${cohortId}`),
  });

export const siteWorkforceQueryOptions = (siteId: string) =>
  queryOptions({
    queryKey: ['workforce', 'list', siteId],
    queryFn: () => api.get<{ items: WorkforceSummary[]; total: number }>('/api/workforce', { siteId }),
  });

/** A cohort changed: its page shows the answer at once, and the lists and funnel are read again. */
export async function cohortChanged(queryClient: QueryClient, saved: CohortDetail) {
  queryClient.setQueryData(cohortQueryOptions(saved.id).queryKey, saved);
  await queryClient.invalidateQueries({ queryKey: ['training', 'cohorts'] });
}
