import { queryOptions } from '@tanstack/react-query';
import type { OwnSession } from '../../../contract/me.ts';
import { api } from '../../lib/api-client.ts';

export const sessionsQueryOptions = queryOptions({
  queryKey: ['me', 'sessions'],
  queryFn: () => api.get<{ items: OwnSession[] }>('/api/me/sessions'),
});
