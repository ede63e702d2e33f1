import { Button, Checkbox, Fieldset, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { WorkforceDetail } from '../../../contract/workforce.ts';
import {
  livedExperienceAreas,
  workforceRoleLabels,
  workforceRoles,
  workforceStatusLabels,
} from '../../../contract/workforce-codes.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { useFormProblems } from '../../lib/form-problems.ts';
import { useCan, useMe } from '../auth/me-query.ts';
import { genderLabels, todayIsoDate } from '../cases/case-format.ts';
import { siteWorkersQueryOptions } from '../cases/cases-query.ts';
import { CaseworkLimitsFields, caseworkLimitFieldIds } from './casework-limits-fields.tsx';
import { type PersonFormValues, personFormProblems, type StartingStatus } from './person-form-values.ts';
import { livedExperienceLabels } from './workforce-format.ts';

const fieldIds = {
  displayName: 'person-name',
  siteId: 'person-home-site',
  siteIds: 'person-sites',
  role: 'person-role',
  status: 'person-status',
  startedOn: 'person-started-on',
  gender: 'person-gender',
  languages: 'person-languages',
  interests: 'person-interests',
  areasCovered: 'person-areas',
  availability: 'person-availability',
  livedExperience: `person-lived-${livedExperienceAreas[0]}`,
  userId: 'person-user',
  supervisorUserId: 'person-supervisor',
  nextStep: 'person-next-step',
  nextStepTargetOn: 'person-next-step-on',
  ...caseworkLimitFieldIds,
};
const startingStatuses: StartingStatus[] = ['applicant', 'in_training', 'active'];

type PersonFormProps = {
  initialValues: PersonFormValues;
  /** Present when editing: role, status and start date then change through their own forms. */
  person?: WorkforceDetail;
  submitLabel: string;
  save: (values: PersonFormValues) => Promise<unknown>;
  onSaved: (saved: unknown) => void | Promise<void>;
};

/** Add a person to the workforce, or edit their profile. */
export function PersonForm({ initialValues, person, submitLabel, save, onSaved }: PersonFormProps) {
  const isNew = !person;
  const can = useCan();
  // Lived experience is self-declared and coordinators only: the API returns null to anyone else.
  const showsLivedExperience = isNew ? can('workforce:lived_experience') : person.livedExperience !== null;
  // The API takes only the sites of the coordinator making the change.
  const { sites } = useMe();
  const today = todayIsoDate();
  const form = useForm<PersonFormValues>({
    mode: 'controlled',
    initialValues,
    validate: (values) => personFormProblems(values, { today, isNew }),
  });
  const problems = useFormProblems(form, fieldIds);
  const supervisors = useQuery({
    ...siteWorkersQueryOptions(form.values.siteId),
    enabled: Boolean(form.values.siteId),
  });
  const mutation = useMutation({ mutationFn: save, onSuccess: onSaved, onError: problems.onApiError });

  // The error summary's link for "sites" goes to the first box that can be changed.
  const firstChoosableSite = sites.find((site) => site.id !== form.values.siteId)?.id;
  const supervisorChoices = new Map<string, string>();
  for (const user of supervisors.data ?? []) supervisorChoices.set(user.id, user.name);
  if (person?.supervisor) supervisorChoices.set(person.supervisor.userId, person.supervisor.name);
  const accountChoices = new Map(supervisorChoices);
  if (person?.userId && !accountChoices.has(person.userId))
    accountChoices.set(person.userId, `${person.displayName}’s current account`);

  return (
    <>
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => mutation.mutate(values), problems.onValidationFailure)}
      >
        <Stack gap="lg" maw={560}>
          <TextInput
            id={fieldIds.displayName}
            label="Name they go by"
            autoComplete="off"
            withAsterisk
            {...form.getInputProps('displayName')}
          />
          {isNew && (
            <>
              <NativeSelect
                id={fieldIds.siteId}
                label="Home site"
                description="Coordinators at this site manage their record."
                data={[
                  ...(sites.length === 1 ? [] : [{ value: '', label: 'Choose the home site' }]),
                  ...sites.map((site) => ({ value: site.id, label: site.name })),
                ]}
                {...form.getInputProps('siteId')}
                onChange={(event) => {
                  const siteId = event.currentTarget.value;
                  form.setFieldValue('siteId', siteId);
                  if (siteId && !form.values.siteIds.includes(siteId))
                    form.setFieldValue('siteIds', [...form.values.siteIds, siteId]);
                  form.setFieldValue('supervisorUserId', '');
                  form.setFieldValue('userId', '');
                }}
              />
              <NativeSelect
                id={fieldIds.role}
                label="Role"
                data={workforceRoles.map((role) => ({ value: role, label: workforceRoleLabels[role] }))}
                {...form.getInputProps('role')}
              />
              <NativeSelect
                id={fieldIds.status}
                label="Status"
                data={startingStatuses.map((status) => ({
                  value: status,
                  label: workforceStatusLabels[status],
                }))}
                {...form.getInputProps('status')}
              />
              <TextInput
                id={fieldIds.startedOn}
                label="Date they started"
                type="date"
                max={today}
                w={200}
                {...form.getInputProps('startedOn')}
              />
            </>
          )}
          {sites.length > 1 && (
            <Checkbox.Group
              label="Sites they work at"
              description="Their home site is always included."
              {...form.getInputProps('siteIds')}
            >
              <Stack gap="xs" mt="xs">
                {sites.map((site) => (
                  <Checkbox
                    key={site.id}
                    id={site.id === firstChoosableSite ? fieldIds.siteIds : undefined}
                    value={site.id}
                    disabled={site.id === form.values.siteId}
                    label={site.id === form.values.siteId ? `${site.name} (home site)` : site.name}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          <NativeSelect
            id={fieldIds.userId}
            label="Their user account (optional)"
            description="Link it so they can log hours and be allocated cases. Add the account under Users first."
            data={[
              { value: '', label: 'No account linked' },
              ...[...accountChoices].map(([value, label]) => ({ value, label })),
            ]}
            {...form.getInputProps('userId')}
          />
          <NativeSelect
            id={fieldIds.supervisorUserId}
            label="Supervisor (optional)"
            description="Only they and this person see supervision notes and the wellbeing plan."
            data={[
              { value: '', label: 'No supervisor yet' },
              ...[...supervisorChoices].map(([value, label]) => ({ value, label })),
            ]}
            {...form.getInputProps('supervisorUserId')}
          />

          <Fieldset legend="For matching (optional)" variant="unstyled">
            <Stack gap="md">
              <NativeSelect
                id={fieldIds.gender}
                label="Gender (optional)"
                data={[
                  { value: '', label: 'Not recorded' },
                  ...Object.entries(genderLabels).map(([value, label]) => ({ value, label })),
                ]}
                {...form.getInputProps('gender')}
              />
              <TextInput
                id={fieldIds.languages}
                label="Languages (optional)"
                description="Separate each with a comma, like: English, Polish"
                autoComplete="off"
                {...form.getInputProps('languages')}
              />
              <TextInput
                id={fieldIds.interests}
                label="Interests (optional)"
                description="Separate each with a comma, like: football, cooking"
                autoComplete="off"
                {...form.getInputProps('interests')}
              />
              <TextInput
                id={fieldIds.areasCovered}
                label="Areas they cover (optional)"
                description="Towns or postcode districts, separated by commas"
                autoComplete="off"
                {...form.getInputProps('areasCovered')}
              />
              <Textarea
                id={fieldIds.availability}
                label="Availability (optional)"
                description="For example: weekday mornings, not Fridays"
                autosize
                minRows={2}
                {...form.getInputProps('availability')}
              />
              {showsLivedExperience && (
                <Checkbox.Group
                  label="Lived experience (optional, coordinators only)"
                  description="Only what they have chosen to share. Volunteers and other roles never see this."
                  {...form.getInputProps('livedExperience')}
                >
                  <Stack gap="xs" mt="xs">
                    {livedExperienceAreas.map((area, index) => (
                      <Checkbox
                        key={area}
                        id={index === 0 ? fieldIds.livedExperience : undefined}
                        value={area}
                        label={livedExperienceLabels[area]}
                      />
                    ))}
                  </Stack>
                </Checkbox.Group>
              )}
            </Stack>
          </Fieldset>

          <Fieldset legend="Progression plan (optional)" variant="unstyled">
            <Stack gap="md">
              <TextInput
                id={fieldIds.nextStep}
                label="Next step"
                description="For example: start the peer mentoring course"
                autoComplete="off"
                {...form.getInputProps('nextStep')}
              />
              <TextInput
                id={fieldIds.nextStepTargetOn}
                label="Target date for the next step"
                type="date"
                w={200}
                {...form.getInputProps('nextStepTargetOn')}
              />
            </Stack>
          </Fieldset>
          <CaseworkLimitsFields form={form} {...(person ? { person } : {})} />
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
