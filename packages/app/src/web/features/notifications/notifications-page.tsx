import { Badge, Button, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { RouterAnchor } from '../cases/case-link.tsx';
import { type Notification, notificationsQueryOptions } from './notifications-query.ts';

/** Messages for the signed-in person (say, "a case was allocated to you"), newest first. */
export function NotificationsPage() {
  const list = useQuery(notificationsQueryOptions);
  const items = [...(list.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const unread = items.filter((item) => !item.readAt).length;

  return (
    <>
      <PageHeading title="Notifications" />
      <Text role="status" mb="sm" fw={500}>
        {list.isSuccess &&
          (items.length === 0
            ? ''
            : unread === 0
              ? 'All read'
              : unread === 1
                ? '1 unread'
                : `${unread} unread`)}
      </Text>
      {list.isPending && <PageLoader label="Loading notifications" />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && items.length === 0 && <Text>You have no notifications.</Text>}
      {items.length > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Notifications">
          {items.map((item) => (
            <NotificationItem key={item.id} item={item} />
          ))}
        </Stack>
      )}
    </>
  );
}

function NotificationItem({ item }: { item: Notification }) {
  const queryClient = useQueryClient();
  const isUnread = !item.readAt;
  const markRead = useMutation({
    mutationFn: () => api.post<{ ok: true }>(`/api/me/notifications/${item.id}/read`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsQueryOptions.queryKey }),
    onError: (error) =>
      toasts.show({
        color: 'red',
        message: error instanceof Error ? error.message : 'That did not work. Try again.',
      }),
  });

  return (
    <Paper component="li" withBorder p="sm" bg={isUnread ? 'blue.0' : undefined}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Text size="sm" c="gray.7">
          {formatDateTime(item.createdAt)}
        </Text>
        {isUnread && (
          <Badge variant="outline" color="blue" c="dark.9" tt="none">
            Unread
          </Badge>
        )}
      </Group>
      <Text fw={isUnread ? 700 : 400} my={4} style={{ overflowWrap: 'anywhere' }}>
        {item.message}
      </Text>
      <Group gap="md" mt="xs">
        {item.caseId && (
          <RouterAnchor
            to="/cases/$caseId"
            params={{ caseId: item.caseId }}
            onClick={() => {
              if (isUnread) markRead.mutate();
            }}
          >
            Open the case
          </RouterAnchor>
        )}
        {isUnread && (
          <Button size="xs" variant="outline" loading={markRead.isPending} onClick={() => markRead.mutate()}>
            Mark as read<VisuallyHidden>: {item.message}</VisuallyHidden>
          </Button>
        )}
      </Group>
    </Paper>
  );
}
