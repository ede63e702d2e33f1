import { Button, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { api } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import type { CaseloadSettings } from './caseload-query.ts';

type Values = Record<keyof CaseloadSettings, string>;

const fieldIds: Record<keyof CaseloadSettings, string> = {
  caseloadWarning: 'settings-warning',
  caseloadTarget: 'settings-target',
  caseloadAlert: 'settings-alert',
  stepDownCloseAfterMonths: 'settings-step-down-months',
  noContactFlagDays: 'settings-no-contact-days',
};

const limits: Record<keyof CaseloadSettings, { min: number; max: number; message: string }> = {
  caseloadWarning: { min: 1, max: 100, message: 'Enter a number of cases from 1 to 100' },
  caseloadTarget: { min: 1, max: 100, message: 'Enter a number of cases from 1 to 100' },
  caseloadAlert: { min: 1, max: 200, message: 'Enter a number of cases from 1 to 200' },
  stepDownCloseAfterMonths: { min: 1, max: 24, message: 'Enter a number of months from 1 to 24' },
  noContactFlagDays: { min: 1, max: 365, message: 'Enter a number of days from 1 to 365' },
};

const wholeNumber = (key: keyof CaseloadSettings) => (value: string) => {
  const n = Number(value.trim());
  const { min, max, message } = limits[key];
  return value.trim() && Number.isInteger(n) && n >= min && n <= max ? null : message;
};

const valuesOf = (settings: CaseloadSettings): Values => ({
  caseloadWarning: String(settings.caseloadWarning),
  caseloadTarget: String(settings.caseloadTarget),
  caseloadAlert: String(settings.caseloadAlert),
  stepDownCloseAfterMonths: String(settings.stepDownCloseAfterMonths),
  noContactFlagDays: String(settings.noContactFlagDays),
});

/** The site's caseload levels and the two timers (step-down close, no-contact flag). */
export function CaseloadSettingsForm({ siteId, settings }: { siteId: string; settings: CaseloadSettings }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: valuesOf(settings),
    validate: {
      caseloadWarning: wholeNumber('caseloadWarning'),
      caseloadTarget: (value, values) =>
        wholeNumber('caseloadTarget')(value) ??
        (Number(values.caseloadWarning) <= Number(value) && Number(value) <= Number(values.caseloadAlert)
          ? null
          : 'Set the warning at or below the usual caseload, and the usual caseload at or below the alert'),
      caseloadAlert: wholeNumber('caseloadAlert'),
      stepDownCloseAfterMonths: wholeNumber('stepDownCloseAfterMonths'),
      noContactFlagDays: wholeNumber('noContactFlagDays'),
    },
  });
  const problems = useFormProblems(form, fieldIds);
  const save = useMutation({
    mutationFn: (values: Values) =>
      api.patch<CaseloadSettings>(
        `/api/sites/${siteId}/caseload-settings`,
        Object.fromEntries(Object.entries(values).map(([key, value]) => [key, Number(value.trim())])),
      ),
    onSuccess: async (saved) => {
      form.setInitialValues(valuesOf(saved));
      form.setValues(valuesOf(saved));
      await queryClient.invalidateQueries({ queryKey: ['caseload', siteId] });
      notifications.show({ color: 'green', message: 'Caseload settings saved.' });
    },
    onError: problems.onApiError,
  });

  const numberProps = (key: keyof CaseloadSettings) => ({
    id: fieldIds[key],
    inputMode: 'numeric' as const,
    ...form.getInputProps(key),
  });

  return (
    <>
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => save.mutate(values), problems.onValidationFailure)}
      >
        <Stack gap="md" maw={640}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              label="Getting busy from"
              description="Lead cases per worker"
              {...numberProps('caseloadWarning')}
            />
            <TextInput
              label="Usual caseload"
              description="Lead cases per worker"
              {...numberProps('caseloadTarget')}
            />
            <TextInput
              label="Alert at"
              description="Lead cases per worker"
              {...numberProps('caseloadAlert')}
            />
          </SimpleGrid>
          <TextInput
            label="Close step-down cases after"
            description="Months without contact"
            maw={280}
            {...numberProps('stepDownCloseAfterMonths')}
          />
          <TextInput
            label="Flag cases with no contact for"
            description="Days"
            maw={280}
            {...numberProps('noContactFlagDays')}
          />
          <div>
            <Button type="submit" loading={save.isPending}>
              Save settings
            </Button>
          </div>
        </Stack>
      </form>
    </>
  );
}
