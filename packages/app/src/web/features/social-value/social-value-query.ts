import { keepPreviousData, type QueryClient, queryOptions } from '@tanstack/react-query';
import type {
  ImpactMap,
  ImpactMapSummary,
  ProxiesResponse,
  SocialValueReport,
} from '../../../contract/social-value.ts';
import { api } from '../../lib/api-client.ts';

export const impactMapsQueryOptions = queryOptions({
  queryKey: ['social-value', 'maps'],
  queryFn: () => api.get<{ items: ImpactMapSummary[]; total: number }>('/api/impact-maps'),
});

export const impactMapQueryOptions = (mapId: string) =>
  queryOptions({
    queryKey: ['social-value', 'map', mapId],
    queryFn: () => api.get<ImpactMap>(`/api/impact-maps/${mapId}`),
  });

/** The report is recalculated on the server from the map and the live counts each time it is asked for. */
export const reportQueryOptions = (mapId: string) =>
  queryOptions({
    queryKey: ['social-value', 'report', mapId],
    queryFn: () => api.get<SocialValueReport>(`/api/impact-maps/${mapId}/report`),
    placeholderData: keepPreviousData,
  });

export const proxiesQueryOptions = queryOptions({
  queryKey: ['social-value', 'proxies'],
  queryFn: () => api.get<ProxiesResponse>('/api/social-value/proxies'),
  staleTime: 60_000,
});

/** After a save, everything about maps is stale: the list, the map and its report. */
export async function socialValueChanged(queryClient: QueryClient, saved?: ImpactMap) {
  if (saved) queryClient.setQueryData(impactMapQueryOptions(saved.id).queryKey, saved);
  await queryClient.invalidateQueries({ queryKey: ['social-value'] });
}
