import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { OwnSession } from '../../../contract/me.ts';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api, isApiError } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { sessionsQueryOptions } from './sessions-query.ts';
import { describeUserAgent } from './user-agent.ts';

/** Where this person is signed in; any of those sessions can be ended from here. */
export function SessionsList() {
  const sessions = useQuery(sessionsQueryOptions);
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const end = useMutation({
    mutationFn: (session: OwnSession) => api.delete<{ ok: true }>(`/api/me/sessions/${session.id}`),
    onSuccess: async (_result, session) => {
      if (session.isCurrent) {
        await navigate({ to: '/sign-in', search: { signedOut: true } });
        queryClient.clear();
        return;
      }
      await queryClient.invalidateQueries({ queryKey: sessionsQueryOptions.queryKey });
      notifications.show({
        color: 'green',
        message: `Signed out of ${describeUserAgent(session.userAgent)}.`,
      });
    },
    onError: (error) => {
      notifications.show({
        color: 'red',
        title: 'The session could not be ended',
        message: isApiError(error) ? error.message : 'Try again.',
      });
    },
  });

  if (sessions.isPending) return <PageLoader label="Loading your sessions" />;
  if (sessions.isError) return <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />;

  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {sessions.data.items.map((session) => (
        <Paper component="li" withBorder p="md" key={session.id}>
          <Group justify="space-between" align="flex-start" mb="xs">
            <Title order={3} size="h4">
              {describeUserAgent(session.userAgent)}
            </Title>
            {session.isCurrent && (
              <Badge variant="outline" color="dark" size="lg">
                This device
              </Badge>
            )}
          </Group>
          <SimpleGrid component="dl" cols={{ base: 1, xs: 3 }} spacing="xs" m={0}>
            <div>
              <Text component="dt" size="sm" fw={600}>
                Signed in
              </Text>
              <Text component="dd" m={0}>
                {formatDateTime(session.createdAt)}
              </Text>
            </div>
            <div>
              <Text component="dt" size="sm" fw={600}>
                Last active
              </Text>
              <Text component="dd" m={0}>
                {formatDateTime(session.lastActiveAt)}
              </Text>
            </div>
            <div>
              <Text component="dt" size="sm" fw={600}>
                Expires
              </Text>
              <Text component="dd" m={0}>
                {formatDateTime(session.expiresAt)}
              </Text>
            </div>
          </SimpleGrid>
          <Button
            mt="sm"
            size="xs"
            variant="outline"
            color="red"
            loading={end.isPending && end.variables?.id === session.id}
            onClick={() => end.mutate(session)}
          >
            {session.isCurrent ? 'Sign out of this device' : 'End this session'}
            <VisuallyHidden>
              {' '}
              ({describeUserAgent(session.userAgent)}, signed in {formatDateTime(session.createdAt)})
            </VisuallyHidden>
          </Button>
        </Paper>
      ))}
    </Stack>
  );
}
