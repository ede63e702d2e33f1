import { Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ConcernDetail, ConcernSummary } from '../../../contract/safeguarding.ts';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api, isApiError } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { useCan } from '../auth/me-query.ts';
import { RouterAnchor } from '../cases/case-link.tsx';

const eventLabels: Record<ConcernDetail['events'][number]['kind'], string> = {
  raised: 'Raised',
  note: 'Note',
  escalated: 'Escalated',
  escalated_automatically: 'Escalated automatically (deadline passed)',
  overdue: 'Overdue at the last step',
  resolved: 'Resolved',
};

/** Safeguarding concerns the signed-in person raised or whose escalation chain has reached them. */
export function SafeguardingPage() {
  const can = useCan();
  const concerns = useQuery({
    queryKey: ['safeguarding', 'concerns'],
    queryFn: () => api.get<{ items: ConcernSummary[]; total: number }>('/api/safeguarding/concerns'),
    enabled: can('safeguarding:read'),
  });
  const [openId, setOpenId] = useState<string | null>(null);
  if (!can('safeguarding:read')) return <NotPermitted title="Safeguarding" />;
  return (
    <Stack gap="lg">
      <PageHeading title="Safeguarding" />
      <Text maw={640}>
        Concerns you raised, and concerns whose escalation chain has reached you. Raise a new concern from the
        case.
      </Text>
      {can('safeguarding:configure') && (
        <Text>
          <RouterAnchor to="/safeguarding/chain">Set who concerns go to, and their deadlines</RouterAnchor>
        </Text>
      )}
      {concerns.isPending ? (
        <PageLoader label="Loading concerns" />
      ) : concerns.isError ? (
        <QueryError error={concerns.error} onRetry={() => void concerns.refetch()} />
      ) : concerns.data.items.length === 0 ? (
        <Text>No concerns to show.</Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {concerns.data.items.map((c) => (
            <li key={c.id}>
              <Paper withBorder p="md">
                <Stack gap={4}>
                  <Title order={2} size="h5">
                    Case{' '}
                    <RouterAnchor to="/cases/$caseId" params={{ caseId: c.caseId }}>
                      {c.localCaseId}
                    </RouterAnchor>
                    , {c.status === 'open' ? `with ${c.stepLabel}` : 'resolved'}
                  </Title>
                  <Text size="sm">
                    Raised {formatDateTime(c.raisedAt)} by {c.raisedBy.name}
                    {c.status === 'open' && c.stepDeadlineAt
                      ? `; respond by ${formatDateTime(c.stepDeadlineAt)}`
                      : ''}
                  </Text>
                  {c.isOverdue && (
                    <Text fw={700} c="red.9">
                      Overdue
                    </Text>
                  )}
                  <Group>
                    <Button
                      variant="default"
                      aria-expanded={openId === c.id}
                      onClick={() => setOpenId(openId === c.id ? null : c.id)}
                    >
                      {openId === c.id ? 'Hide details' : 'Show details'}
                    </Button>
                  </Group>
                  {openId === c.id && <ConcernPanel concernId={c.id} />}
                </Stack>
              </Paper>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function ConcernPanel({ concernId }: { concernId: string }) {
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: ['safeguarding', 'concern', concernId],
    queryFn: () => api.get<ConcernDetail>(`/api/safeguarding/concerns/${concernId}`),
  });
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: (verb: 'notes' | 'escalate' | 'resolve') =>
      api.post<ConcernDetail>(
        `/api/safeguarding/concerns/${concernId}/${verb}`,
        verb === 'resolve' ? { resolution: text.trim() } : { note: text.trim() },
      ),
    onSuccess: async () => {
      setText('');
      setError(null);
      await queryClient.invalidateQueries({ queryKey: ['safeguarding'] });
    },
    onError: (e) => setError(isApiError(e) ? (e.details[0]?.message ?? e.message) : 'Something went wrong.'),
  });
  if (detail.isPending) return <PageLoader label="Loading the concern" />;
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  const textId = `concern-text-${concernId}`;
  return (
    <Stack gap="sm" mt="sm">
      <Text>{d.summary}</Text>
      {d.resolution && (
        <Text>
          <strong>Resolution: </strong>
          {d.resolution}
        </Text>
      )}
      <Title order={3} size="h6">
        History
      </Title>
      <List size="sm" spacing={2}>
        {d.events.map((e) => (
          <List.Item key={e.id}>
            {formatDateTime(e.occurredAt)} — {eventLabels[e.kind]}
            {e.actor ? ` by ${e.actor.name}` : ''} ({d.chain[e.step]?.label ?? `step ${e.step + 1}`})
            {e.note ? `: ${e.note}` : ''}
          </List.Item>
        ))}
      </List>
      {d.status === 'open' && (
        <>
          <Textarea
            id={textId}
            label={d.canAct ? 'Note, or how it was resolved' : 'Add a note'}
            autosize
            minRows={2}
            value={text}
            error={error}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Group>
            <Button variant="default" onClick={() => act.mutate('notes')} loading={act.isPending}>
              Add note
            </Button>
            {d.canAct && d.step + 1 < d.chain.length && (
              <Button variant="default" onClick={() => act.mutate('escalate')} loading={act.isPending}>
                Escalate to {d.chain[d.step + 1]?.label}
              </Button>
            )}
            {d.canAct && (
              <Button onClick={() => act.mutate('resolve')} loading={act.isPending}>
                Resolve
              </Button>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}
