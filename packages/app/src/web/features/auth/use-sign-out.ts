import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api } from '../../lib/api-client.ts';

/** Signs out, goes to the sign-in page and forgets everything cached for this person. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/auth/sign-out', {}),
    meta: { handlesSessionProblems: true },
    // Even if the request fails (session already gone), the person wanted out.
    onSettled: async () => {
      await navigate({ to: '/sign-in', search: { signedOut: true } });
      queryClient.clear();
    },
  });
}
