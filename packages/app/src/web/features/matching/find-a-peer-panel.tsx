import { Alert, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CaseDetail } from '../../../contract/cases.ts';
import type { CaseMatches, Suggestion } from '../../../contract/matching.ts';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api, isApiError } from '../../lib/api-client.ts';
import { caseChanged } from '../cases/cases-query.ts';
import { MatchingProfileForm } from './matching-profile-form.tsx';

export const caseMatchesQueryOptions = (caseId: string) =>
  queryOptions({
    queryKey: ['cases', 'detail', caseId, 'matches'],
    queryFn: () => api.get<CaseMatches>(`/api/cases/${caseId}/matches`),
  });

/**
 * "Find a peer" (issue 6 §8): the shortlist of peers who may take the case, best first, each with the
 * reasons it was suggested; confirm the first, or choose another and say why.
 */
export function FindAPeerPanel({ item }: { item: CaseDetail }) {
  const matches = useQuery(caseMatchesQueryOptions(item.id));
  if (matches.isPending) return <PageLoader label="Finding peers who could take this case" />;
  if (matches.isError) return <QueryError error={matches.error} onRetry={() => void matches.refetch()} />;
  const { eligible, ineligible, profile } = matches.data;
  return (
    <Stack gap="md" aria-labelledby="find-a-peer-heading">
      <Title order={3} id="find-a-peer-heading" size="h4">
        Find a peer
      </Title>
      <MatchingProfileForm
        item={item}
        profile={profile}
        queryKey={caseMatchesQueryOptions(item.id).queryKey}
      />
      {eligible.length === 0 ? (
        <Text>No peer can take this case now. The list below says why for each person.</Text>
      ) : (
        <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {eligible.map((suggestion, index) => (
            <li key={suggestion.memberId}>
              <SuggestionCard item={item} suggestion={suggestion} isFirst={index === 0} />
            </li>
          ))}
        </Stack>
      )}
      {ineligible.length > 0 && (
        <details>
          <summary>
            <Text component="span" fw={600}>
              Not suggested ({ineligible.length.toLocaleString('en-GB')})
            </Text>
          </summary>
          <List mt="xs" spacing="xs">
            {ineligible.map((person) => (
              <List.Item key={person.memberId}>
                <Text component="span" fw={600}>
                  {person.name}
                </Text>
                : {person.blockers.join('; ')}
              </List.Item>
            ))}
          </List>
        </details>
      )}
    </Stack>
  );
}

function SuggestionCard({
  item,
  suggestion,
  isFirst,
}: {
  item: CaseDetail;
  suggestion: Suggestion;
  isFirst: boolean;
}) {
  const queryClient = useQueryClient();
  const [isChoosing, setIsChoosing] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const headingId = `suggestion-${suggestion.memberId}`;
  const reasonId = `override-reason-${suggestion.memberId}`;
  const decide = useMutation({
    mutationFn: () =>
      api.post<CaseDetail>(`/api/cases/${item.id}/matches/decision`, {
        userId: suggestion.userId,
        ...(isFirst ? {} : { overrideReason: reason.trim() }),
      }),
    onSuccess: async (saved) => {
      await caseChanged(queryClient, saved);
      await queryClient.invalidateQueries({ queryKey: caseMatchesQueryOptions(item.id).queryKey });
      notifications.show({
        color: 'green',
        message: `Case ${saved.localCaseId} is allocated to ${suggestion.name}.`,
      });
    },
    onError: (error) => {
      if (isApiError(error) && error.details?.[0]) setReasonError(error.details[0].message);
      else setReasonError(error instanceof Error ? error.message : 'Something went wrong. Try again.');
    },
  });
  const submit = () => {
    if (!isFirst && reason.trim() === '') {
      setReasonError('Say why you chose someone other than the first suggestion.');
      document.getElementById(reasonId)?.focus();
      return;
    }
    setReasonError(null);
    decide.mutate();
  };
  return (
    <Paper withBorder p="md" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={4} size="h5" id={headingId}>
            {suggestion.name}
          </Title>
          {isFirst && (
            <Text size="sm" fw={700}>
              Best match
            </Text>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          Score {suggestion.score.toLocaleString('en-GB', { maximumFractionDigits: 1 })}
        </Text>
        <List size="sm" spacing={2} aria-label={`Why ${suggestion.name} is suggested`}>
          {suggestion.reasons.map((reasonText) => (
            <List.Item key={reasonText}>{reasonText}</List.Item>
          ))}
        </List>
        {!isFirst && isChoosing && (
          <Textarea
            id={reasonId}
            label="Why choose them over the first suggestion?"
            required
            autosize
            minRows={2}
            value={reason}
            error={reasonError}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
        )}
        {isFirst && reasonError && (
          <Alert color="red" role="alert">
            {reasonError}
          </Alert>
        )}
        <Group>
          {isFirst || isChoosing ? (
            <Button onClick={submit} loading={decide.isPending}>
              {isFirst ? `Confirm ${suggestion.name}` : `Allocate to ${suggestion.name}`}
            </Button>
          ) : (
            <Button variant="default" onClick={() => setIsChoosing(true)}>
              Choose {suggestion.name} instead
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
