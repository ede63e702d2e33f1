import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CheckInSettings } from '../../../contract/check-ins.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { api } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';

type Values = {
  onDutyCoordinatorUserId: string;
  responseTargetMinutes: string;
  monitoredDays: string[];
  monitoredFrom: string;
  monitoredTo: string;
  noReplyHours: string;
};

const fieldIds: Record<keyof Values, string> = {
  onDutyCoordinatorUserId: 'check-in-on-duty',
  responseTargetMinutes: 'check-in-target',
  monitoredDays: 'check-in-days',
  monitoredFrom: 'check-in-from',
  monitoredTo: 'check-in-to',
  noReplyHours: 'check-in-no-reply',
};

const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const time = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

const valuesOf = (settings: CheckInSettings): Values => ({
  onDutyCoordinatorUserId: settings.onDutyCoordinatorUserId ?? '',
  responseTargetMinutes: String(settings.responseTargetMinutes),
  monitoredDays: settings.monitoredDays.map(String),
  monitoredFrom: settings.monitoredFrom,
  monitoredTo: settings.monitoredTo,
  noReplyHours: String(settings.noReplyHours),
});

const between = (min: number, max: number, message: string) => (value: string) => {
  const n = Number(value.trim());
  return value.trim() && Number.isInteger(n) && n >= min && n <= max ? null : message;
};

/** Who is on duty for reds, the response target, monitored hours and the no-reply wait, for one site. */
export function CheckInSettingsForm({ siteId, settings }: { siteId: string; settings: CheckInSettings }) {
  const queryClient = useQueryClient();
  const coordinators = useQuery({
    queryKey: ['users', 'coordinators', siteId],
    queryFn: () =>
      api.get<{ items: { id: string; name: string }[] }>('/api/users', {
        siteId,
        role: 'coordinator',
        limit: 200,
      }),
  });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: valuesOf(settings),
    validate: {
      responseTargetMinutes: between(5, 240, 'Enter 5 to 240 minutes'),
      noReplyHours: between(1, 12, 'Enter 1 to 12 hours'),
      monitoredDays: (value) => (value.length > 0 ? null : 'Choose at least one monitored day'),
      monitoredFrom: (value) => (time.test(value) ? null : 'Enter a time as HH:MM, like 09:00'),
      monitoredTo: (value, values) =>
        !time.test(value)
          ? 'Enter a time as HH:MM, like 17:00'
          : value <= values.monitoredFrom
            ? 'Monitored hours must end after they start, on the same day'
            : null,
    },
  });
  const problems = useFormProblems(form, fieldIds);
  const save = useMutation({
    mutationFn: (values: Values) =>
      api.put<CheckInSettings>(`/api/sites/${siteId}/check-in-settings`, {
        onDutyCoordinatorUserId: values.onDutyCoordinatorUserId || null,
        responseTargetMinutes: Number(values.responseTargetMinutes),
        monitoredDays: values.monitoredDays.map(Number),
        monitoredFrom: values.monitoredFrom,
        monitoredTo: values.monitoredTo,
        noReplyHours: Number(values.noReplyHours),
      }),
    onSuccess: async (saved) => {
      form.setInitialValues(valuesOf(saved));
      form.setValues(valuesOf(saved));
      await queryClient.invalidateQueries({ queryKey: ['check-ins', 'dashboard', siteId] });
      notifications.show({ color: 'green', message: 'Check-in settings saved.' });
    },
    onError: problems.onApiError,
  });

  return (
    <>
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => save.mutate(values), problems.onValidationFailure)}
      >
        <Stack gap="md" maw={640}>
          <NativeSelect
            id={fieldIds.onDutyCoordinatorUserId}
            label="On-duty coordinator"
            description="Told about every red, with the lead worker"
            data={[
              { value: '', label: 'No one (lead worker only)' },
              ...(coordinators.data?.items ?? []).map((user) => ({ value: user.id, label: user.name })),
            ]}
            {...form.getInputProps('onDutyCoordinatorUserId')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              id={fieldIds.responseTargetMinutes}
              label="Response target for a red"
              description="Minutes, within monitored hours"
              inputMode="numeric"
              {...form.getInputProps('responseTargetMinutes')}
            />
            <TextInput
              id={fieldIds.noReplyHours}
              label="Remind after no reply for"
              description="Hours; the worker is told the same time after the reminder"
              inputMode="numeric"
              {...form.getInputProps('noReplyHours')}
            />
          </SimpleGrid>
          <Checkbox.Group
            id={fieldIds.monitoredDays}
            label="Monitored days"
            {...form.getInputProps('monitoredDays')}
          >
            <Group gap="md" mt="xs">
              {days.map((day, index) => (
                <Checkbox key={day} value={String(index + 1)} label={day} />
              ))}
            </Group>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 2 }}>
            <TextInput
              id={fieldIds.monitoredFrom}
              label="Monitored from"
              description="24-hour time, UK"
              {...form.getInputProps('monitoredFrom')}
            />
            <TextInput
              id={fieldIds.monitoredTo}
              label="Monitored until"
              description="24-hour time, UK"
              {...form.getInputProps('monitoredTo')}
            />
          </SimpleGrid>
          <div>
            <Button type="submit" loading={save.isPending}>
              Save check-in settings
            </Button>
          </div>
        </Stack>
      </form>
    </>
  );
}
