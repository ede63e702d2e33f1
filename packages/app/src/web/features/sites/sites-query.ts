import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Site } from '../../../contract/sites.ts';
import { api } from '../../lib/api-client.ts';
import { useCan, useMe } from '../auth/me-query.ts';

export const sitesQueryOptions = queryOptions({
  queryKey: ['sites'],
  queryFn: () => api.get<{ items: Site[]; total: number }>('/api/sites', { limit: 200 }),
});

/**
 * The sites this person may pick from: the organisation's list when their role may read it,
 * otherwise their own sites (which /api/me always carries).
 */
export function useSiteChoices(): { sites: { id: string; name: string }[]; isLoading: boolean } {
  const me = useMe();
  const canReadSites = useCan()('sites:read');
  const query = useQuery({ ...sitesQueryOptions, enabled: canReadSites });
  if (!canReadSites) return { sites: me.sites, isLoading: false };
  return { sites: query.data?.items ?? me.sites, isLoading: query.isPending };
}

export function siteNamesById(sites: { id: string; name: string }[]): Map<string, string> {
  return new Map(sites.map((site) => [site.id, site.name]));
}
