import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WorkforceDetail } from '../../../contract/workforce.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { api } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import { todayIsoDate } from '../cases/case-format.ts';
import { type SupervisionValues, supervisionBody, supervisionProblems } from './supervision-values.ts';

const fieldIds = {
  heldOn: 'supervision-held-on',
  notes: 'supervision-notes',
  agreedActions: 'supervision-actions',
};

/** Only the person's supervisor records a session; the notes are private to the two of them. */
export function SupervisionForm({ person }: { person: WorkforceDetail }) {
  const queryClient = useQueryClient();
  const today = todayIsoDate();
  const form = useForm<SupervisionValues>({
    mode: 'controlled',
    initialValues: { heldOn: today, notes: '', agreedActions: '' },
    validate: (values) => supervisionProblems(values, today),
  });
  const problems = useFormProblems(form, fieldIds);
  const record = useMutation({
    mutationFn: (values: SupervisionValues) =>
      api.post(`/api/workforce/${person.id}/supervision`, supervisionBody(values)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['workforce'] });
      form.reset();
      notifications.show({ color: 'green', message: 'Supervision session recorded.' });
    },
    onError: problems.onApiError,
  });
  return (
    <form
      noValidate
      aria-label="Record a supervision session"
      onSubmit={form.onSubmit((values) => record.mutate(values), problems.onValidationFailure)}
    >
      <Stack gap="sm" maw={560}>
        <ErrorSummary {...problems.summary} />
        <TextInput
          id={fieldIds.heldOn}
          type="date"
          label="Date of the session"
          max={today}
          w={200}
          {...form.getInputProps('heldOn')}
        />
        <Textarea
          id={fieldIds.notes}
          label="Notes of the session"
          description={`Private to you and ${person.displayName}.`}
          autosize
          minRows={3}
          withAsterisk
          {...form.getInputProps('notes')}
        />
        <Textarea
          id={fieldIds.agreedActions}
          label="Agreed actions (optional)"
          autosize
          minRows={2}
          {...form.getInputProps('agreedActions')}
        />
        <Group>
          <Button type="submit" loading={record.isPending}>
            Record session
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
