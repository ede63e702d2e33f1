import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WorkforceDetail } from '../../../contract/workforce.ts';
import { workforceRoleLabels, workforceRoles } from '../../../contract/workforce-codes.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { api } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import { todayIsoDate } from '../cases/case-format.ts';
import { type RoleChangeValues, roleChangeBody, roleChangeProblems } from './progression-change-values.ts';

const fieldIds = { role: 'role-change-role', startedOn: 'role-change-on', note: 'role-change-note' };

/**
 * A new role starts a new line in their role history. The server refuses a move to intern until
 * the required training and shadowing are done, and names what is missing.
 */
export function RoleChangeForm({ person }: { person: WorkforceDetail }) {
  const queryClient = useQueryClient();
  const today = todayIsoDate();
  const form = useForm<RoleChangeValues>({
    mode: 'controlled',
    initialValues: { role: '', startedOn: today, note: '' },
    validate: (values) => roleChangeProblems(values, { today, currentRole: person.role }),
  });
  const problems = useFormProblems(form, fieldIds);
  const change = useMutation({
    mutationFn: (values: RoleChangeValues) =>
      api.post<WorkforceDetail>(`/api/workforce/${person.id}/role`, roleChangeBody(values)),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['workforce'] });
      form.reset();
      notifications.show({
        color: 'green',
        message: `${saved.displayName} is now ${workforceRoleLabels[saved.role].toLowerCase()}.`,
      });
    },
    onError: problems.onApiError,
  });
  return (
    <form
      noValidate
      aria-label="Change role"
      onSubmit={form.onSubmit((values) => change.mutate(values), problems.onValidationFailure)}
    >
      <Stack gap="sm" maw={420}>
        <ErrorSummary {...problems.summary} />
        <NativeSelect
          id={fieldIds.role}
          label="New role"
          data={[
            { value: '', label: 'Choose the new role' },
            ...workforceRoles
              .filter((role) => role !== person.role)
              .map((role) => ({ value: role, label: workforceRoleLabels[role] })),
          ]}
          {...form.getInputProps('role')}
        />
        <TextInput
          id={fieldIds.startedOn}
          type="date"
          label="Date the new role starts"
          max={today}
          w={200}
          {...form.getInputProps('startedOn')}
        />
        <Textarea
          id={fieldIds.note}
          label="Note (optional)"
          autosize
          minRows={2}
          {...form.getInputProps('note')}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            Change role
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
