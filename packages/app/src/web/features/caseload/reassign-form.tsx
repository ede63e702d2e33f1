import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CaseloadBoard } from '../../../contract/caseload.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { api } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import { plural } from '../cases/case-format.ts';

type Values = { fromUserId: string; toUserId: string };
const fieldIds = { fromUserId: 'reassign-from', toUserId: 'reassign-to' };

/** Moves every open case of one worker at the site (lead and co-worker) to another, after a confirmation. */
export function ReassignForm({ board }: { board: CaseloadBoard }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<Values | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { fromUserId: '', toUserId: '' },
    validate: {
      fromUserId: (value) => (value ? null : 'Choose whose caseload to move'),
      toUserId: (value, values) => {
        if (!value) return 'Choose who takes the caseload';
        return value === values.fromUserId ? 'Choose a different person to take the caseload' : null;
      },
    },
  });
  const problems = useFormProblems(form, fieldIds);
  const nameOf = (userId: string) => board.workers.find((worker) => worker.userId === userId)?.name ?? '';
  const from = board.workers.find((worker) => worker.userId === confirming?.fromUserId);

  const reassign = useMutation({
    mutationFn: (values: Values) =>
      api.post<{ moved: number }>('/api/caseload/reassign', { siteId: board.site.id, ...values }),
    onSuccess: async (result, values) => {
      setConfirming(null);
      form.reset();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['caseload'] }),
        queryClient.invalidateQueries({ queryKey: ['cases'] }),
      ]);
      notifications.show({
        color: 'green',
        message: `${plural(result.moved, 'case', 'cases')} moved from ${nameOf(values.fromUserId)} to ${nameOf(values.toUserId)}.`,
      });
    },
    onError: (error) => {
      setConfirming(null);
      problems.onApiError(error);
    },
  });

  const choices = [
    { value: '', label: 'Choose a worker' },
    ...board.workers.map((worker) => ({ value: worker.userId, label: worker.name })),
  ];

  return (
    <>
      <ErrorSummary {...problems.summary} />
      <form noValidate onSubmit={form.onSubmit(setConfirming, problems.onValidationFailure)}>
        <Stack gap="md" maw={480}>
          <NativeSelect
            id={fieldIds.fromUserId}
            label="Move the caseload of"
            data={choices}
            {...form.getInputProps('fromUserId')}
          />
          <NativeSelect
            id={fieldIds.toUserId}
            label="To"
            data={choices}
            {...form.getInputProps('toUserId')}
          />
          <div>
            <Button type="submit" variant="outline">
              Reassign caseload
            </Button>
          </div>
        </Stack>
      </form>
      {confirming && from && (
        <Modal opened onClose={() => setConfirming(null)} title="Reassign this caseload?">
          <Text mb="sm">
            {plural(from.leadCases + from.coWorkerCases, 'open case', 'open cases')} will move from{' '}
            {from.name} to {nameOf(confirming.toUserId)}: {plural(from.leadCases, 'as lead', 'as lead')} and{' '}
            {plural(from.coWorkerCases, 'as co-worker', 'as co-worker')}.
          </Text>
          <Text mb="lg">Closed cases keep their history and are not moved.</Text>
          <Group>
            <Button loading={reassign.isPending} onClick={() => reassign.mutate(confirming)}>
              Move {plural(from.leadCases + from.coWorkerCases, 'case', 'cases')}
            </Button>
            <Button variant="default" onClick={() => setConfirming(null)}>
              Cancel
            </Button>
          </Group>
        </Modal>
      )}
    </>
  );
}
