import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  caseStatusLabels,
  type DischargeReason,
  dischargeReasonLabels,
  dischargeReasons,
} from '../../../contract/case-codes.ts';
import type { CaseActionBody, CaseActionName, CaseDetail } from '../../../contract/cases.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { api } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import { formatIsoDate, todayIsoDate } from './case-format.ts';
import { caseChanged } from './cases-query.ts';

type ButtonAction = Exclude<CaseActionName, 'allocate'>;

const actionLabels: Record<ButtonAction, string> = {
  engage: 'Mark as engaged',
  decline: 'Mark as declined',
  step_down: 'Move to step-down',
  reactivate: 'Return to full support',
  discharge: 'Discharge',
  reopen: 'Reopen case',
};

const actionExplanations: Record<Exclude<ButtonAction, 'discharge'>, string> = {
  engage: 'The person has taken up peer support. The case moves to full support.',
  decline: 'The person has said no to peer support. The case closes as declined; it can be reopened.',
  step_down:
    'Contact becomes lighter. The case closes by itself if there is no contact for the months your service has set.',
  reactivate: 'The case goes back to full support.',
  reopen: 'The case opens again and keeps its history.',
};

/** What the person may do to the case now, as the server says (`availableActions`). */
export function CaseActions({ item }: { item: CaseDetail }) {
  const [action, setAction] = useState<ButtonAction | null>(null);
  const actions = item.availableActions.filter((name): name is ButtonAction => name !== 'allocate');
  if (actions.length === 0) return <Text>There is nothing to change about this case at the moment.</Text>;
  return (
    <>
      <Group gap="sm">
        {actions.map((name) => (
          <Button
            key={name}
            variant={name === 'discharge' ? 'outline' : 'default'}
            color={name === 'discharge' ? 'red' : undefined}
            onClick={() => setAction(name)}
          >
            {actionLabels[name]}
          </Button>
        ))}
      </Group>
      {action === 'discharge' && <DischargeModal item={item} onClose={() => setAction(null)} />}
      {action && action !== 'discharge' && (
        <ConfirmActionModal item={item} action={action} onClose={() => setAction(null)} />
      )}
    </>
  );
}

function useCaseAction(item: CaseDetail, onDone: () => void, onError: (error: unknown) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseActionBody) => api.post<CaseDetail>(`/api/cases/${item.id}/actions`, body),
    onSuccess: async (saved) => {
      await caseChanged(queryClient, saved);
      notifications.show({
        color: 'green',
        message: `Case ${saved.localCaseId} is now: ${caseStatusLabels[saved.status].toLowerCase()}.`,
      });
      onDone();
    },
    onError,
  });
}

function ConfirmActionModal({
  item,
  action,
  onClose,
}: {
  item: CaseDetail;
  action: Exclude<ButtonAction, 'discharge'>;
  onClose: () => void;
}) {
  const form = useForm({ initialValues: {} });
  const problems = useFormProblems(form, {});
  const change = useCaseAction(item, onClose, problems.onApiError);
  return (
    <Modal opened onClose={onClose} title={`${actionLabels[action]}?`}>
      <ErrorSummary {...problems.summary} />
      <Text mb="lg">{actionExplanations[action]}</Text>
      <Group>
        <Button loading={change.isPending} onClick={() => change.mutate({ action })}>
          {actionLabels[action]}
        </Button>
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
      </Group>
    </Modal>
  );
}

type DischargeValues = { dischargedOn: string; reason: DischargeReason | '' };
const dischargeFieldIds = { dischargedOn: 'discharge-date', reason: 'discharge-reason' };

/** Discharge: the date (today unless changed) and why. */
function DischargeModal({ item, onClose }: { item: CaseDetail; onClose: () => void }) {
  const today = todayIsoDate();
  const earliest =
    item.lastContactOn && item.lastContactOn > item.referredOn ? item.lastContactOn : item.referredOn;
  const form = useForm<DischargeValues>({
    mode: 'controlled',
    initialValues: { dischargedOn: today, reason: '' },
    validate: {
      dischargedOn: (value) => {
        if (!value) return 'Enter the discharge date';
        if (value > today) return 'Enter a discharge date that is not in the future';
        if (value < earliest)
          return `Enter a discharge date on or after ${formatIsoDate(earliest)}, the ${
            earliest === item.referredOn ? 'referral date' : 'last contact'
          }`;
        return null;
      },
      reason: (value) => (value ? null : 'Choose why the case is being discharged'),
    },
  });
  const problems = useFormProblems(form, dischargeFieldIds);
  const discharge = useCaseAction(item, onClose, problems.onApiError);

  return (
    <Modal opened onClose={onClose} title={`Discharge case ${item.localCaseId}`}>
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit(
          (values) =>
            discharge.mutate({
              action: 'discharge',
              dischargedOn: values.dischargedOn,
              reason: values.reason as DischargeReason,
            }),
          problems.onValidationFailure,
        )}
      >
        <Stack gap="md">
          <TextInput
            id={dischargeFieldIds.dischargedOn}
            label="Date of discharge"
            type="date"
            min={earliest}
            max={today}
            w={200}
            {...form.getInputProps('dischargedOn')}
          />
          <NativeSelect
            id={dischargeFieldIds.reason}
            label="Reason"
            data={[
              { value: '', label: 'Choose a reason' },
              ...dischargeReasons.map((value) => ({ value, label: dischargeReasonLabels[value] })),
            ]}
            {...form.getInputProps('reason')}
          />
          <Group>
            <Button type="submit" color="red" loading={discharge.isPending}>
              Discharge
            </Button>
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
