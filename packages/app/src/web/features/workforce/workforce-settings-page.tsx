import { Button, Checkbox, Fieldset, Group, NativeSelect, NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { complexities } from '../../../contract/case-codes.ts';
import type { WorkforceSettingsBody } from '../../../contract/workforce.ts';
import {
  dbsLevelLabels,
  dbsLevels,
  workforceRoleLabels,
  workforceRoles,
} from '../../../contract/workforce-codes.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { ApiError, api } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import { useCan } from '../auth/me-query.ts';
import { complexityLabels } from '../cases/case-format.ts';
import {
  settingsBody,
  settingsProblems,
  settingsValuesOf,
  type WorkforceSettingsValues,
  wholeNumberSettings,
} from './workforce-settings-values.ts';

const settingsQueryKey = ['workforce-settings'];

/** Field path → input id, in page order (the error summary lists problems in this order). */
const fieldIds: Record<string, string> = {
  shadowingSessionsToIntern: 'settings-shadowing',
  requiredCourseIds: 'settings-courses',
  internCaseloadCap: 'settings-intern-cap',
  internMaxComplexity: 'settings-intern-complexity',
  volunteerMonthsMax: 'settings-volunteer-months',
  paidPeerMonthsMax: 'settings-paid-peer-months',
  alertAtMonths: 'settings-alert-months',
  supervisionEveryDays: 'settings-supervision-days',
  dbsRecheckMonths: 'settings-dbs-months',
  requiredDbsLevel: 'settings-dbs-level',
  ...Object.fromEntries(
    workforceRoles.flatMap((role) => [
      [`expectedWeeklyHours.${role}.min`, `settings-hours-${role}-min`],
      [`expectedWeeklyHours.${role}.max`, `settings-hours-${role}-max`],
    ]),
  ),
};

/** The organisation's progression rules: who may read them, and coordinators who may change them. */
export function WorkforceSettingsPage() {
  const can = useCan();
  if (!can('workforce:read')) return <NotPermitted title="Progression settings" />;
  return <WorkforceSettings canEdit={can('workforce:manage')} />;
}

function WorkforceSettings({ canEdit }: { canEdit: boolean }) {
  const settings = useQuery({
    queryKey: settingsQueryKey,
    queryFn: () => api.get<WorkforceSettingsBody>('/api/workforce-settings'),
  });
  const courses = useQuery({
    queryKey: ['training', 'courses'],
    queryFn: () => api.get<{ items: { id: string; title: string }[] }>('/api/training/courses'),
  });
  return (
    <>
      <PageHeading title="Progression settings" />
      <Text mb="md" maw={640}>
        The rules for moving from new volunteer to intern and beyond, the time limits, expected hours and
        safety checks. They apply to everyone in the organisation’s workforce.
        {!canEdit && ' Only a coordinator can change them.'}
      </Text>
      {(settings.isPending || courses.isPending) && <PageLoader label="Loading the settings" />}
      {settings.isError && <QueryError error={settings.error} onRetry={() => void settings.refetch()} />}
      {courses.isError && <QueryError error={courses.error} onRetry={() => void courses.refetch()} />}
      {settings.isSuccess && courses.isSuccess && (
        <SettingsForm settings={settings.data} courses={courses.data.items} canEdit={canEdit} />
      )}
    </>
  );
}

function SettingsForm({
  settings,
  courses,
  canEdit,
}: {
  settings: WorkforceSettingsBody;
  courses: { id: string; title: string }[];
  canEdit: boolean;
}) {
  const queryClient = useQueryClient();
  const form = useForm<WorkforceSettingsValues>({
    mode: 'controlled',
    initialValues: settingsValuesOf(settings),
    validate: settingsProblems,
  });
  const problems = useFormProblems(form, fieldIds);
  const save = useMutation({
    mutationFn: (values: WorkforceSettingsValues) =>
      api.put<WorkforceSettingsBody>('/api/workforce-settings', settingsBody(values)),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsQueryKey, saved);
      void queryClient.invalidateQueries({ queryKey: ['workforce'] });
      form.resetDirty(settingsValuesOf(saved));
      notifications.show({ color: 'green', message: 'Progression settings saved.' });
    },
    onError: (error) => {
      // Nested fields ("expectedWeeklyHours.paid_peer.min") keep their whole path on this form.
      if (!(error instanceof ApiError)) return problems.onApiError(error);
      const errors: Record<string, string> = {};
      for (const detail of error.details) {
        const field = detail.field in fieldIds ? detail.field : (detail.field.split('.')[0] ?? '');
        if (field in fieldIds && !errors[field]) errors[field] = detail.message;
      }
      if (Object.keys(errors).length > 0) problems.showFieldErrors(errors);
      else problems.showGeneralError(error.message);
    },
  });
  const whole = (field: keyof typeof wholeNumberSettings, label: string, description?: string) => (
    <NumberInput
      id={fieldIds[field]}
      label={label}
      description={description}
      min={wholeNumberSettings[field].min}
      max={wholeNumberSettings[field].max}
      allowDecimal={false}
      allowNegative={false}
      w={200}
      readOnly={!canEdit}
      {...form.getInputProps(field)}
    />
  );
  return (
    <>
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => save.mutate(values), problems.onValidationFailure)}
      >
        <Stack gap="lg" maw={640}>
          <Fieldset legend="Becoming an intern volunteer" variant="unstyled">
            <Stack gap="md">
              {whole(
                'shadowingSessionsToIntern',
                'Shadowing sessions required',
                'Approved shadowing hours entries.',
              )}
              {courses.length > 0 ? (
                <Checkbox.Group
                  label="Courses they must complete"
                  readOnly={!canEdit}
                  {...form.getInputProps('requiredCourseIds')}
                >
                  <Stack gap="xs" mt="xs">
                    {courses.map((course, index) => (
                      <Checkbox
                        key={course.id}
                        id={index === 0 ? fieldIds.requiredCourseIds : undefined}
                        value={course.id}
                        label={course.title}
                        disabled={!canEdit}
                      />
                    ))}
                  </Stack>
                </Checkbox.Group>
              ) : (
                <Text size="sm">No courses yet: add courses under Training to require them.</Text>
              )}
              {whole('internCaseloadCap', 'Most cases an intern may lead')}
              <NativeSelect
                id={fieldIds.internMaxComplexity}
                label="Highest complexity an intern may lead"
                data={complexities.map((value) => ({ value, label: complexityLabels[value] }))}
                disabled={!canEdit}
                w={240}
                {...form.getInputProps('internMaxComplexity')}
              />
            </Stack>
          </Fieldset>

          <Fieldset legend="Time limits" variant="unstyled">
            <Stack gap="md">
              {whole('volunteerMonthsMax', 'Volunteering limit, in months', 'Paused time does not count.')}
              {whole('paidPeerMonthsMax', 'Paid peer limit, in months')}
              {whole('alertAtMonths', 'Alert coordinators at month', 'To plan the next step in good time.')}
            </Stack>
          </Fieldset>

          <Fieldset legend="Expected hours a week" variant="unstyled">
            <Text size="sm" mb="sm">
              Leave both blank when a role has no expectation.
            </Text>
            <Stack gap="md">
              {workforceRoles.map((role) => (
                <Fieldset key={role} legend={workforceRoleLabels[role]} variant="unstyled">
                  <Group gap="sm" align="flex-start">
                    <NumberInput
                      id={fieldIds[`expectedWeeklyHours.${role}.min`]}
                      label="Fewest hours"
                      min={0}
                      max={80}
                      decimalScale={1}
                      allowNegative={false}
                      w={140}
                      readOnly={!canEdit}
                      {...form.getInputProps(`expectedWeeklyHours.${role}.min`)}
                    />
                    <NumberInput
                      id={fieldIds[`expectedWeeklyHours.${role}.max`]}
                      label="Most hours"
                      min={0}
                      max={80}
                      decimalScale={1}
                      allowNegative={false}
                      w={140}
                      readOnly={!canEdit}
                      {...form.getInputProps(`expectedWeeklyHours.${role}.max`)}
                    />
                  </Group>
                </Fieldset>
              ))}
            </Stack>
          </Fieldset>

          <Fieldset legend="Supervision and safety checks" variant="unstyled">
            <Stack gap="md">
              {whole('supervisionEveryDays', 'Days between supervision sessions')}
              {whole('dbsRecheckMonths', 'Months between DBS rechecks')}
              <NativeSelect
                id={fieldIds.requiredDbsLevel}
                label="DBS level required to lead cases"
                data={dbsLevels.map((value) => ({ value, label: dbsLevelLabels[value] }))}
                disabled={!canEdit}
                w={280}
                {...form.getInputProps('requiredDbsLevel')}
              />
            </Stack>
          </Fieldset>
          {canEdit && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                Save settings
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </>
  );
}
