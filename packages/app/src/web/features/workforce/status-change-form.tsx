import { Button, Group, NativeSelect, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WorkforceDetail } from '../../../contract/workforce.ts';
import {
  leftDestinationLabels,
  leftDestinations,
  workforceStatusLabels,
} from '../../../contract/workforce-codes.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { api } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import { todayIsoDate } from '../cases/case-format.ts';
import {
  type StatusChangeValues,
  statusActionHints,
  statusActionLabels,
  statusActionsFor,
  statusChangeBody,
  statusChangeProblems,
} from './progression-change-values.ts';

const fieldIds = {
  action: 'status-change-action',
  on: 'status-change-on',
  destination: 'status-change-destination',
  reason: 'status-change-reason',
};

/** Activate, pause (progress kept, the time limit stops), resume, or record that they have left. */
export function StatusChangeForm({ person }: { person: WorkforceDetail }) {
  const queryClient = useQueryClient();
  const today = todayIsoDate();
  const actions = statusActionsFor(person.status);
  const form = useForm<StatusChangeValues>({
    mode: 'controlled',
    initialValues: {
      action: actions.length === 1 ? (actions[0] ?? '') : '',
      on: today,
      destination: '',
      reason: '',
    },
    validate: (values) => statusChangeProblems(values, today),
  });
  const problems = useFormProblems(form, fieldIds);
  const change = useMutation({
    mutationFn: (values: StatusChangeValues) =>
      api.post<WorkforceDetail>(`/api/workforce/${person.id}/status`, statusChangeBody(values)),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['workforce'] });
      form.reset();
      notifications.show({
        color: 'green',
        message:
          saved.status === 'paused'
            ? `${saved.displayName} is paused. Their progress is kept for when they come back.`
            : `${saved.displayName} is now ${workforceStatusLabels[saved.status].toLowerCase()}.`,
      });
    },
    onError: problems.onApiError,
  });
  if (actions.length === 0)
    return <Text>{person.displayName} has left. Their record is kept as it was.</Text>;
  return (
    <form
      noValidate
      aria-label="Change status"
      onSubmit={form.onSubmit((values) => change.mutate(values), problems.onValidationFailure)}
    >
      <Stack gap="sm" maw={480}>
        <ErrorSummary {...problems.summary} />
        <Radio.Group
          label="What has changed"
          description={`Now: ${workforceStatusLabels[person.status].toLowerCase()}.`}
          {...form.getInputProps('action')}
        >
          <Stack gap="sm" mt="xs">
            {actions.map((action, index) => (
              <Radio
                key={action}
                id={index === 0 ? fieldIds.action : undefined}
                value={action}
                label={statusActionLabels[action]}
                description={statusActionHints[action]}
              />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput
          id={fieldIds.on}
          type="date"
          label="Date"
          max={today}
          w={200}
          {...form.getInputProps('on')}
        />
        {form.values.action === 'leave' && (
          <>
            <NativeSelect
              id={fieldIds.destination}
              label="Where they went"
              data={[
                { value: '', label: 'Choose where they went' },
                ...leftDestinations.map((value) => ({ value, label: leftDestinationLabels[value] })),
              ]}
              {...form.getInputProps('destination')}
            />
            <Textarea
              id={fieldIds.reason}
              label="Reason (optional)"
              autosize
              minRows={2}
              {...form.getInputProps('reason')}
            />
          </>
        )}
        <Group>
          <Button type="submit" loading={change.isPending}>
            Save status
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
