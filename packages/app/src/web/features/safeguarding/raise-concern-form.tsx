import { Button, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ConcernDetail } from '../../../contract/safeguarding.ts';
import { api, isApiError } from '../../lib/api-client.ts';

/** Raise a safeguarding concern about this case; it goes to the first step of the organisation's chain. */
export function RaiseConcernForm({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<string | null>(null);
  const raise = useMutation({
    mutationFn: () =>
      api.post<ConcernDetail>('/api/safeguarding/concerns', { caseId, summary: summary.trim() }),
    onSuccess: async (concern) => {
      setSummary('');
      setError(null);
      await queryClient.invalidateQueries({ queryKey: ['safeguarding'] });
      notifications.show({
        color: 'green',
        message: `Concern raised. ${concern.stepLabel} has been told and must respond by then.`,
      });
    },
    onError: (e) => setError(isApiError(e) ? (e.details[0]?.message ?? e.message) : 'Something went wrong.'),
  });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!summary.trim()) {
          setError('Say what the concern is');
          return;
        }
        raise.mutate();
      }}
    >
      <Stack gap="sm" maw={560}>
        <Text size="sm">Only you and the people in the safeguarding chain will see it.</Text>
        <Textarea
          label="What is the concern?"
          required
          autosize
          minRows={3}
          value={summary}
          error={error}
          onChange={(e) => setSummary(e.currentTarget.value)}
        />
        <div>
          <Button type="submit" color="red.9" loading={raise.isPending}>
            Raise a safeguarding concern
          </Button>
        </div>
      </Stack>
    </form>
  );
}
