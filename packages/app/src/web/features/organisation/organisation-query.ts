import { queryOptions } from '@tanstack/react-query';
import type { Organisation } from '../../../contract/organisation.ts';
import { api } from '../../lib/api-client.ts';

export const organisationQueryOptions = queryOptions({
  queryKey: ['organisation'],
  queryFn: () => api.get<Organisation>('/api/organisation'),
});
