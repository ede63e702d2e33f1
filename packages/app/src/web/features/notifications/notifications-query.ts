import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { notification } from '../../../contract/notifications.ts';
import { api } from '../../lib/api-client.ts';

export type Notification = z.infer<typeof notification>;

export const notificationsQueryOptions = queryOptions({
  queryKey: ['notifications'],
  queryFn: () => api.get<{ items: Notification[]; total: number }>('/api/me/notifications'),
});
