import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { createQueryClient } from './lib/query-client.ts';
import { createAppRouter } from './router.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

// The query client sends people to sign-in or enrolment whichever request finds the session gone,
// and the router needs the query client for its guards: wire them together once, here.
const queryClient = createQueryClient({
  onSessionProblem: (problem) => {
    const pathname = router.state.location.pathname;
    if (problem === 'unauthenticated' && pathname !== '/sign-in') {
      queryClient.removeQueries({ queryKey: ['me'] });
      void router.navigate({ to: '/sign-in', search: { redirect: pathname } });
    }
    if (problem === 'two_factor_enrolment_required') {
      void queryClient.invalidateQueries({ queryKey: ['me'] });
      void router.navigate({ to: '/account/two-factor' });
    }
  },
});
const router = createAppRouter(queryClient);

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <Notifications position="top-right" limit={3} />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
