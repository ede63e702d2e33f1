import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import type { Me } from '../../../contract/me.ts';
import type { Permission } from '../../../contract/roles.ts';
import { api } from '../../lib/api-client.ts';

/** Who is signed in. The route guards fetch it and redirect themselves, so a 401 here is not global. */
export const meQueryOptions = queryOptions({
  queryKey: ['me'],
  queryFn: () => api.get<Me>('/api/me'),
  staleTime: 60_000,
  meta: { handlesSessionProblems: true },
});

/** Only inside the signed-in layout, whose guard has already loaded `me`. */
export function useMe(): Me {
  return useSuspenseQuery(meQueryOptions).data;
}

export function useCan(): (permission: Permission) => boolean {
  const me = useMe();
  return (permission) => me.permissions.includes(permission);
}
