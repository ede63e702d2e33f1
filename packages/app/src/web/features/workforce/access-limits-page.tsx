import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CaseSummary } from '../../../contract/cases.ts';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api, isApiError } from '../../lib/api-client.ts';
import { useCan } from '../auth/me-query.ts';
import { formatIsoDate } from '../cases/case-format.ts';

type Limit = {
  id: string;
  user: { id: string; name: string };
  localCaseId: string;
  reason: string;
  reviewOn: string;
  isReviewDue: boolean;
  setBy: { name: string };
};
type User = { id: string; name: string; email: string };

const problemText = (error: unknown) =>
  !error
    ? null
    : isApiError(error)
      ? error.details.map((d) => d.message).join(' ') || error.message
      : 'Not saved.';

/**
 * Bars one named person from one named case, only with the risk recorded and a review date.
 * There is no way here, or in the API, to bar a role or a group of people.
 */
export function AccessLimitsPage() {
  const can = useCan();
  if (!can('access_limits:manage')) return <NotPermitted title="Access limits" />;
  return <AccessLimits />;
}

function AccessLimits() {
  const queryClient = useQueryClient();
  const [dueOnly, setDueOnly] = useState(false);
  const limits = useQuery({
    queryKey: ['access-limits', dueOnly],
    queryFn: () =>
      api.get<{ items: Limit[] }>('/api/access-limits', { dueForReview: dueOnly ? 'true' : undefined }),
  });
  const users = useQuery({
    queryKey: ['users', 'all'],
    queryFn: () => api.get<{ items: User[] }>('/api/users', { limit: 200 }),
  });
  const [userId, setUserId] = useState('');
  const [localCaseId, setLocalCaseId] = useState('');
  const [reason, setReason] = useState('');
  const [reviewOn, setReviewOn] = useState('');
  const create = useMutation({
    mutationFn: async () => {
      const found = await api.post<{ items: CaseSummary[] }>('/api/cases/search', {
        search: localCaseId.trim(),
        limit: 20,
      });
      const match = found.items.find((c) => c.localCaseId === localCaseId.trim());
      if (!match) throw new Error('No case with that case ID at your sites.');
      return api.post(`/api/cases/${match.id}/access-limits`, { userId, reason, reviewOn });
    },
    onSuccess: async () => {
      setReason('');
      setLocalCaseId('');
      await queryClient.invalidateQueries({ queryKey: ['access-limits'] });
      notifications.show({ color: 'green', message: 'Access limit recorded.' });
    },
  });
  const lift = useMutation({
    mutationFn: (id: string) =>
      api.post(`/api/access-limits/${id}/review`, {
        decision: 'lift',
        reason: 'Reviewed: no longer needed.',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['access-limits'] }),
  });
  const problem =
    create.error instanceof Error && !isApiError(create.error)
      ? create.error.message
      : problemText(create.error);
  return (
    <>
      <PageHeading title="Access limits" />
      <Text mb="md" maw={640}>
        Bar a named person from a named case only where there is an identifiable risk (for example their own
        former case file, or a relative’s). Record the reason and a date to review it.
      </Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Stack maw={480} gap="sm">
          <NativeSelect
            id="limit-user"
            label="Person"
            value={userId}
            onChange={(e) => setUserId(e.currentTarget.value)}
            required
            data={[
              { value: '', label: 'Choose a person' },
              ...(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })),
            ]}
          />
          <TextInput
            id="limit-case"
            label="Case ID"
            value={localCaseId}
            onChange={(e) => setLocalCaseId(e.currentTarget.value)}
            required
          />
          <Textarea
            id="limit-reason"
            label="Reason (the identifiable risk)"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
          />
          <TextInput
            id="limit-review"
            type="date"
            label="Review by"
            value={reviewOn}
            onChange={(e) => setReviewOn(e.currentTarget.value)}
            required
          />
          {problem && (
            <Text c="red.8" role="alert">
              {problem}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={create.isPending}>
              Record access limit
            </Button>
          </Group>
        </Stack>
      </form>
      <Title order={2} size="h3" mt="xl" mb="sm">
        Limits in force
      </Title>
      <Checkbox
        id="limit-due"
        label="Only those due for review"
        checked={dueOnly}
        onChange={(e) => setDueOnly(e.currentTarget.checked)}
        mb="sm"
      />
      {limits.isPending && <PageLoader label="Loading access limits" />}
      {limits.isError && <QueryError error={limits.error} onRetry={() => void limits.refetch()} />}
      {limits.isSuccess &&
        (limits.data.items.length === 0 ? (
          <Text>No limits{dueOnly ? ' due for review' : ''}.</Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {limits.data.items.map((l) => (
              <Paper component="li" key={l.id} withBorder p="sm">
                <Text fw={700}>
                  {l.user.name} — case {l.localCaseId}
                </Text>
                <Text size="sm">{l.reason}</Text>
                <Text size="sm" c={l.isReviewDue ? 'red.8' : undefined}>
                  Review {l.isReviewDue ? 'due since' : 'by'} {formatIsoDate(l.reviewOn)} · set by{' '}
                  {l.setBy.name}
                </Text>
                <Button size="xs" variant="outline" mt="xs" onClick={() => lift.mutate(l.id)}>
                  Lift this limit
                </Button>
              </Paper>
            ))}
          </Stack>
        ))}
    </>
  );
}
