import { Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WorkforceDetail } from '../../../contract/workforce.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { api } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import { type LoneWorkingValues, loneWorkingBody, loneWorkingProblems } from './supervision-values.ts';

const fieldIds = { isPermitted: 'lone-working-yes', reason: 'lone-working-reason' };

/** Whether this person may work alone, with the reason recorded either way. */
export function LoneWorkingForm({ person }: { person: WorkforceDetail }) {
  const queryClient = useQueryClient();
  const form = useForm<LoneWorkingValues>({
    mode: 'controlled',
    initialValues: {
      isPermitted: person.loneWorking.decidedOn ? (person.loneWorking.isPermitted ? 'yes' : 'no') : '',
      reason: '',
    },
    validate: loneWorkingProblems,
  });
  const problems = useFormProblems(form, fieldIds);
  const save = useMutation({
    mutationFn: (values: LoneWorkingValues) =>
      api.put(`/api/workforce/${person.id}/lone-working`, loneWorkingBody(values)),
    onSuccess: async (_, values) => {
      await queryClient.invalidateQueries({ queryKey: ['workforce'] });
      form.setFieldValue('reason', '');
      notifications.show({
        color: 'green',
        message:
          values.isPermitted === 'yes'
            ? `${person.displayName} may work alone. The reason is recorded.`
            : `${person.displayName} may not work alone. The reason is recorded.`,
      });
    },
    onError: problems.onApiError,
  });
  return (
    <form
      noValidate
      aria-label="Lone working"
      onSubmit={form.onSubmit((values) => save.mutate(values), problems.onValidationFailure)}
    >
      <Stack gap="sm" maw={480}>
        <ErrorSummary {...problems.summary} />
        <Radio.Group label="May they work alone?" {...form.getInputProps('isPermitted')}>
          <Group mt="xs">
            <Radio id={fieldIds.isPermitted} value="yes" label="Yes, lone working permitted" />
            <Radio value="no" label="No" />
          </Group>
        </Radio.Group>
        <Textarea
          id={fieldIds.reason}
          label="Reason"
          description="Recorded either way, for example the risk assessment it follows."
          autosize
          minRows={2}
          withAsterisk
          {...form.getInputProps('reason')}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save lone working
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
