import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client.ts';

export type SessionProblem = 'unauthenticated' | 'two_factor_enrolment_required';

function sessionProblemOf(error: unknown): SessionProblem | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.status === 401 && error.code === 'unauthenticated') return 'unauthenticated';
  if (error.status === 403 && error.code === 'two_factor_enrolment_required')
    return 'two_factor_enrolment_required';
  return undefined;
}

/**
 * One place reacts to "your session is gone" and "set up two-factor first", whichever request
 * hit it: the app passes in what to do (navigate), so this file knows nothing about routes.
 * A query or mutation that handles these itself says so with `meta: { handlesSessionProblems: true }`.
 */
export function createQueryClient(options: {
  onSessionProblem: (problem: SessionProblem) => void;
}): QueryClient {
  const onError = (error: unknown, meta: Record<string, unknown> | undefined) => {
    if (meta?.handlesSessionProblems) return;
    const problem = sessionProblemOf(error);
    if (problem) options.onSessionProblem(problem);
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.meta) }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => onError(error, mutation.meta),
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors will not go away by asking again; network and server errors might.
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}
