import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { HoursEntry } from '../../../contract/workforce-activity.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { api } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import { returnReasonMaxLength, returnReasonProblem } from './hours-return-values.ts';

/** Approve hours, or return them to the volunteer with a reason the coordinator writes. */
export function HoursDecision({ entry }: { entry: HoursEntry }) {
  const queryClient = useQueryClient();
  const [isReturning, setReturning] = useState(false);
  const fieldIds = { reason: `return-reason-${entry.id}` };
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: { reason: returnReasonProblem },
  });
  const problems = useFormProblems(form, fieldIds);
  const decide = useMutation({
    mutationFn: (body: { decision: 'approve' } | { decision: 'return'; reason: string }) =>
      api.post<HoursEntry>(`/api/hours/${entry.id}/decision`, body),
    onSuccess: async (saved) => {
      notifications.show({
        color: 'green',
        message:
          saved.status === 'approved'
            ? `Hours approved for ${saved.displayName}.`
            : `Hours returned to ${saved.displayName} with your reason.`,
      });
      await queryClient.invalidateQueries({ queryKey: ['hours'] });
    },
    onError: problems.onApiError,
  });

  if (!isReturning)
    return (
      <>
        <ErrorSummary {...problems.summary} />
        <Group mt="xs">
          <Button size="sm" loading={decide.isPending} onClick={() => decide.mutate({ decision: 'approve' })}>
            Approve
          </Button>
          <Button size="sm" variant="outline" onClick={() => setReturning(true)}>
            Return…
          </Button>
        </Group>
      </>
    );
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(
        ({ reason }) => decide.mutate({ decision: 'return', reason: reason.trim() }),
        problems.onValidationFailure,
      )}
    >
      <Stack gap="xs" mt="xs">
        <ErrorSummary {...problems.summary} />
        <Textarea
          id={fieldIds.reason}
          label="Reason for returning these hours"
          description={`The volunteer sees this. Say what to change, in up to ${returnReasonMaxLength} characters.`}
          autosize
          minRows={2}
          withAsterisk
          {...form.getInputProps('reason')}
        />
        <Group>
          <Button type="submit" size="sm" loading={decide.isPending}>
            Return hours
          </Button>
          <Button
            size="sm"
            variant="subtle"
            onClick={() => {
              problems.clear();
              setReturning(false);
            }}
          >
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
