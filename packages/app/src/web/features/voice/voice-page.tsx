import {
  Button,
  Checkbox,
  List,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type VoiceItem,
  type VoiceReport,
  type VoiceStatus,
  voiceStatuses,
  voiceStatusLabels,
} from '../../../contract/voice.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api, isApiError } from '../../lib/api-client.ts';
import { formatDate } from '../../lib/dates.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import { useCan, useMe } from '../auth/me-query.ts';

const itemsKey = ['voice', 'items'];
const reportKey = ['voice', 'report'];

/** Peer and service-user voice (issue 6 §10): put forward an idea or concern, and see what came of it. */
export function VoicePage() {
  const can = useCan();
  if (!can('voice:submit')) return <NotPermitted title="Your voice" />;
  return (
    <Stack gap="xl">
      <PageHeading title="Your voice" />
      <Text maw={640}>
        Put forward an idea or a concern about the service. A coordinator reviews each one and says what
        changed, or why not.
      </Text>
      <SubmitForm />
      <Items isManager={can('voice:manage')} />
      <ActedUpon />
    </Stack>
  );
}

type Values = { siteId: string; kind: 'idea' | 'concern'; title: string; body: string; isAnonymous: boolean };
const fieldIds = { siteId: 'voice-site', kind: 'voice-kind', title: 'voice-title', body: 'voice-body' };

function SubmitForm() {
  const me = useMe();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { siteId: me.sites[0]?.id ?? '', kind: 'idea', title: '', body: '', isAnonymous: false },
    validate: {
      title: (v) => (v.trim() ? null : 'Give it a short title'),
      body: (v) => (v.trim() ? null : 'Say what you would change, or what worries you'),
    },
  });
  const problems = useFormProblems(form, fieldIds);
  const submit = useMutation({
    mutationFn: (values: Values) => api.post<VoiceItem>('/api/voice', values),
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ['voice'] });
      notifications.show({ color: 'green', message: 'Thank you. A coordinator will review it.' });
    },
    onError: problems.onApiError,
  });
  return (
    <Paper withBorder p="md" maw={640}>
      <Title order={2} size="h3" mb="sm">
        Put something forward
      </Title>
      <ErrorSummary {...problems.summary} />
      <form noValidate onSubmit={form.onSubmit((v) => submit.mutate(v), problems.onValidationFailure)}>
        <Stack gap="md">
          {me.sites.length > 1 && (
            <NativeSelect
              id={fieldIds.siteId}
              label="Site"
              data={me.sites.map((s) => ({ value: s.id, label: s.name }))}
              {...form.getInputProps('siteId')}
            />
          )}
          <NativeSelect
            id={fieldIds.kind}
            label="Is it an idea or a concern?"
            data={[
              { value: 'idea', label: 'An idea' },
              { value: 'concern', label: 'A concern' },
            ]}
            {...form.getInputProps('kind')}
          />
          <TextInput id={fieldIds.title} label="Title" required {...form.getInputProps('title')} />
          <Textarea
            id={fieldIds.body}
            label="Details"
            required
            autosize
            minRows={3}
            {...form.getInputProps('body')}
          />
          <Checkbox
            label="Do not show my name to coordinators"
            {...form.getInputProps('isAnonymous', { type: 'checkbox' })}
          />
          <div>
            <Button type="submit" loading={submit.isPending}>
              Send
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

function Items({ isManager }: { isManager: boolean }) {
  const items = useQuery({
    queryKey: itemsKey,
    queryFn: () => api.get<{ items: VoiceItem[]; total: number }>('/api/voice'),
  });
  return (
    <section aria-labelledby="voice-items-heading">
      <Title order={2} size="h3" id="voice-items-heading" mb="sm">
        {isManager ? 'Ideas and concerns at your sites' : 'What you have put forward'}
      </Title>
      {items.isPending ? (
        <PageLoader label="Loading ideas and concerns" />
      ) : items.isError ? (
        <QueryError error={items.error} onRetry={() => void items.refetch()} />
      ) : items.data.items.length === 0 ? (
        <Text>Nothing yet.</Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.data.items.map((item) => (
            <li key={item.id}>
              <Paper withBorder p="md">
                <Stack gap={4}>
                  <Title order={3} size="h5">
                    {item.title}
                  </Title>
                  <Text size="sm">
                    {item.kind === 'idea' ? 'Idea' : 'Concern'}, {formatDate(item.submittedAt)}
                    {item.submittedBy ? `, from ${item.submittedBy.name}` : ', name withheld'} —{' '}
                    <strong>{voiceStatusLabels[item.status]}</strong>
                  </Text>
                  <Text>{item.body}</Text>
                  {item.outcome && (
                    <Text>
                      <strong>{item.status === 'acted_upon' ? 'What changed: ' : 'Why not: '}</strong>
                      {item.outcome}
                    </Text>
                  )}
                  {isManager && <Decide item={item} />}
                </Stack>
              </Paper>
            </li>
          ))}
        </Stack>
      )}
    </section>
  );
}

function Decide({ item }: { item: VoiceItem }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<VoiceStatus>(item.status);
  const [outcome, setOutcome] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      api.post<VoiceItem>(`/api/voice/${item.id}/status`, {
        status,
        ...(outcome.trim() ? { outcome: outcome.trim() } : {}),
      }),
    onSuccess: async () => {
      setError(null);
      setOutcome('');
      await queryClient.invalidateQueries({ queryKey: ['voice'] });
    },
    onError: (e) => setError(isApiError(e) ? (e.details[0]?.message ?? e.message) : 'Something went wrong.'),
  });
  const needsOutcome = status === 'acted_upon' || status === 'not_taken_forward';
  return (
    <Stack gap="xs" mt="xs" maw={480}>
      <NativeSelect
        label="Status"
        value={status}
        onChange={(e) => setStatus(e.currentTarget.value as VoiceStatus)}
        data={voiceStatuses.map((s) => ({ value: s, label: voiceStatusLabels[s] }))}
      />
      {needsOutcome && (
        <Textarea
          label={status === 'acted_upon' ? 'What changed' : 'Why it was not taken forward'}
          autosize
          minRows={2}
          value={outcome}
          error={error}
          onChange={(e) => setOutcome(e.currentTarget.value)}
        />
      )}
      {!needsOutcome && error && (
        <Text c="red.9" role="alert">
          {error}
        </Text>
      )}
      <div>
        <Button
          variant="default"
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={status === item.status}
        >
          Save status
        </Button>
      </div>
    </Stack>
  );
}

function ActedUpon() {
  const report = useQuery({ queryKey: reportKey, queryFn: () => api.get<VoiceReport>('/api/voice/report') });
  return (
    <section aria-labelledby="voice-report-heading">
      <Title order={2} size="h3" id="voice-report-heading" mb="sm">
        You said, we did
      </Title>
      {report.isPending ? (
        <PageLoader label="Loading what was acted upon" />
      ) : report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.actedUpon.length === 0 ? (
        <Text>Nothing acted upon yet.</Text>
      ) : (
        <List spacing="xs">
          {report.data.actedUpon.map((a) => (
            <List.Item key={a.id}>
              <strong>{a.title}</strong> ({formatDate(a.decidedOn)}): {a.outcome}
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
}
