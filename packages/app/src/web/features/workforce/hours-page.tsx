import { Button, NativeSelect, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { HoursEntry } from '../../../contract/workforce-activity.ts';
import { type HoursActivity, hoursActivities } from '../../../contract/workforce-codes.ts';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api, isApiError } from '../../lib/api-client.ts';
import { useCan } from '../auth/me-query.ts';
import { formatIsoDate, todayIsoDate } from '../cases/case-format.ts';
import { HoursDecision } from './return-hours-form.tsx';
import { hoursActivityLabels } from './workforce-format.ts';

const statusText = { pending: 'Waiting for approval', approved: 'Approved', returned: 'Returned' } as const;

function problemText(error: unknown): string | null {
  if (!error) return null;
  if (!isApiError(error)) return 'Something went wrong. Try again.';
  return error.details.map((d) => d.message).join(' ') || error.message;
}

/** Volunteers log their own hours: one short form, big enough to use on a phone. */
export function MyHoursPage() {
  const can = useCan();
  if (!can('hours:log')) return <NotPermitted title="My hours" />;
  return <MyHours />;
}

function MyHours() {
  const queryClient = useQueryClient();
  const mine = useQuery({
    queryKey: ['hours', 'mine'],
    queryFn: () => api.get<{ items: HoursEntry[] }>('/api/me/hours'),
    retry: false,
  });
  const [workedOn, setWorkedOn] = useState(todayIsoDate());
  const [activity, setActivity] = useState<HoursActivity>('shadowing');
  const [hours, setHours] = useState<number | string>(2);
  const log = useMutation({
    mutationFn: () =>
      api.post('/api/me/hours', { workedOn, activity, minutes: Math.round(Number(hours) * 60) }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['hours'] });
      notifications.show({ color: 'green', message: 'Hours logged. A coordinator will approve them.' });
    },
  });
  if (mine.isError && isApiError(mine.error, 'not_found'))
    return (
      <>
        <PageHeading title="My hours" />
        <Text>You have no workforce record yet. Ask your coordinator to add you.</Text>
      </>
    );
  const problem = problemText(log.error);
  return (
    <>
      <PageHeading title="My hours" />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          log.mutate();
        }}
      >
        <Stack maw={420} gap="sm">
          <TextInput
            id="hours-date"
            type="date"
            label="Day"
            value={workedOn}
            onChange={(e) => setWorkedOn(e.currentTarget.value)}
            size="md"
          />
          <NativeSelect
            id="hours-activity"
            label="Activity"
            value={activity}
            onChange={(e) => setActivity(e.currentTarget.value as HoursActivity)}
            data={hoursActivities.map((a) => ({ value: a, label: hoursActivityLabels[a] }))}
            size="md"
          />
          <NumberInput
            id="hours-amount"
            label="Hours"
            description="In quarter hours, e.g. 2.5"
            min={0.25}
            max={16}
            step={0.25}
            decimalScale={2}
            value={hours}
            onChange={setHours}
            size="md"
          />
          {problem && (
            <Text c="red.8" role="alert">
              {problem}
            </Text>
          )}
          <Button type="submit" size="md" loading={log.isPending}>
            Log hours
          </Button>
        </Stack>
      </form>
      <Title order={2} size="h3" mt="xl" mb="sm">
        Hours logged
      </Title>
      {mine.isPending && <PageLoader label="Loading your hours" />}
      {mine.isError && !isApiError(mine.error, 'not_found') && (
        <QueryError error={mine.error} onRetry={() => void mine.refetch()} />
      )}
      {mine.isSuccess && <HoursList items={mine.data.items} />}
    </>
  );
}

function HoursList({
  items,
  actions,
}: {
  items: HoursEntry[];
  actions?: (entry: HoursEntry) => React.ReactNode;
}) {
  if (items.length === 0) return <Text>No hours yet.</Text>;
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((h) => (
        <Paper component="li" key={h.id} withBorder p="sm">
          <Text fw={700}>
            {formatIsoDate(h.workedOn)}: {(h.minutes / 60).toLocaleString('en-GB')} h{' '}
            {hoursActivityLabels[h.activity].toLowerCase()}
          </Text>
          <Text size="sm">
            {h.displayName} · {statusText[h.status]}
          </Text>
          {h.status === 'returned' && h.returnReason && (
            <Text size="sm">
              <strong>Why it was returned:</strong> {h.returnReason}
            </Text>
          )}
          {actions?.(h)}
        </Paper>
      ))}
    </Stack>
  );
}

/** Coordinators approve or return hours logged at their sites. */
export function ApproveHoursPage() {
  const can = useCan();
  if (!can('hours:approve')) return <NotPermitted title="Approve hours" />;
  return <ApproveHours />;
}

function ApproveHours() {
  const pending = useQuery({
    queryKey: ['hours', 'pending'],
    queryFn: () => api.get<{ items: HoursEntry[] }>('/api/hours', { status: 'pending' }),
  });
  return (
    <>
      <PageHeading title="Approve hours" />
      {pending.isPending && <PageLoader label="Loading hours" />}
      {pending.isError && <QueryError error={pending.error} onRetry={() => void pending.refetch()} />}
      {pending.isSuccess && (
        <HoursList items={pending.data.items} actions={(h) => <HoursDecision entry={h} />} />
      )}
    </>
  );
}
