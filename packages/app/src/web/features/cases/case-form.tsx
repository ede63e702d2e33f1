import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import {
  type Complexity,
  complexities,
  type Need,
  needLabels,
  needs,
  type ReferralSource,
  referralSourceLabels,
  referralSources,
} from '../../../contract/case-codes.ts';
import type { CaseDetail } from '../../../contract/cases.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { useFormProblems } from '../../lib/form-problems.ts';
import {
  complexityLabels,
  genderLabels,
  genderPreferenceLabels,
  renameErrorFields,
  todayIsoDate,
} from './case-format.ts';

type Gender = keyof typeof genderLabels;
type GenderPreference = keyof typeof genderPreferenceLabels;

export type CaseFormValues = {
  siteId: string;
  localCaseId: string;
  referralSource: ReferralSource | '';
  referralSourceOther: string;
  referredOn: string;
  personName: string;
  dateOfBirth: string;
  gender: Gender | '';
  phone: string;
  needs: Need[];
  complexity: Complexity | '';
  consentScope: string;
  consentRecordedOn: string;
  genderPreference: GenderPreference | '';
};

const fieldIds = {
  siteId: 'case-site',
  localCaseId: 'case-local-id',
  referralSource: 'case-referral-source',
  referralSourceOther: 'case-referral-source-other',
  referredOn: 'case-referred-on',
  personName: 'case-person-name',
  dateOfBirth: 'case-date-of-birth',
  gender: 'case-gender',
  phone: 'case-phone',
  needs: `case-need-${needs[0]}`,
  complexity: 'case-complexity',
  consentScope: 'case-consent-scope',
  consentRecordedOn: 'case-consent-recorded-on',
  genderPreference: 'case-gender-preference',
};

/** API field names that differ from the form's. */
const apiFieldNames = {
  'consent.scope': 'consentScope',
  'consent.recordedOn': 'consentRecordedOn',
  consent: 'consentScope',
};

const localCaseIdPattern = /^[A-Za-z0-9][A-Za-z0-9/_.-]{0,39}$/;
const phonePattern = /^\+?[0-9 ()-]{6,20}$/;

export function caseFormValuesOf(item: CaseDetail): CaseFormValues {
  return {
    siteId: item.siteId,
    localCaseId: item.localCaseId,
    referralSource: item.referralSource,
    referralSourceOther: item.referralSourceOther ?? '',
    referredOn: item.referredOn,
    personName: item.personName ?? '',
    dateOfBirth: item.dateOfBirth ?? '',
    gender: item.gender ?? '',
    phone: item.phone ?? '',
    needs: item.needs,
    complexity: item.complexity ?? '',
    consentScope: item.consent?.scope ?? '',
    consentRecordedOn: item.consent?.recordedOn ?? '',
    genderPreference: item.genderPreference ?? '',
  };
}

export const emptyCaseFormValues = (siteId: string): CaseFormValues => ({
  siteId,
  localCaseId: '',
  referralSource: '',
  referralSourceOther: '',
  referredOn: todayIsoDate(),
  personName: '',
  dateOfBirth: '',
  gender: '',
  phone: '',
  needs: [],
  complexity: '',
  consentScope: '',
  consentRecordedOn: '',
  genderPreference: '',
});

type CaseFormProps = {
  initialValues: CaseFormValues;
  /** Sites to choose from; absent when the case exists (its site and case ID do not change). */
  sites?: { id: string; name: string }[];
  submitLabel: string;
  /** Sends the form to the API; a refusal's details land at the fields. */
  save: (values: CaseFormValues) => Promise<CaseDetail>;
  onSaved: (saved: CaseDetail) => void | Promise<void>;
  onCancel: () => void;
};

/** A referral: the new-referral page and "Edit details" share it. */
export function CaseForm({ initialValues, sites, submitLabel, save, onSaved, onCancel }: CaseFormProps) {
  const isNew = sites !== undefined;
  const today = todayIsoDate();
  const form = useForm<CaseFormValues>({
    mode: 'controlled',
    initialValues,
    validate: {
      siteId: (value) => (isNew && !value ? 'Choose the site' : null),
      localCaseId: (value) => {
        if (!isNew) return null;
        if (!value.trim()) return 'Enter the local case ID';
        return localCaseIdPattern.test(value.trim())
          ? null
          : 'Use up to 40 letters, digits, dashes, dots, slashes or underscores';
      },
      referralSource: (value) => (value ? null : 'Choose where the referral came from'),
      referralSourceOther: (value, values) =>
        values.referralSource === 'other' && !value.trim() ? 'Say what the other source was' : null,
      referredOn: (value) => {
        if (!value) return 'Enter the date of the referral';
        return value > today ? 'Enter a referral date that is not in the future' : null;
      },
      dateOfBirth: (value) => (value && value > today ? 'Enter a date of birth in the past' : null),
      phone: (value) =>
        value.trim() && !phonePattern.test(value.trim())
          ? 'Enter a phone number using digits, like 07700 900123'
          : null,
      consentScope: (value, values) =>
        !value.trim() && values.consentRecordedOn ? 'Say what the person consented to' : null,
      consentRecordedOn: (value, values) => {
        if (!value && values.consentScope.trim()) return 'Enter the date consent was recorded';
        return value && value > today ? 'Enter a consent date that is not in the future' : null;
      },
    },
  });
  const problems = useFormProblems(form, fieldIds);
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: onSaved,
    onError: (error) => problems.onApiError(renameErrorFields(error, apiFieldNames)),
  });

  return (
    <>
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => mutation.mutate(values), problems.onValidationFailure)}
      >
        <Stack gap="lg" maw={560}>
          {isNew && (
            <>
              <NativeSelect
                id={fieldIds.siteId}
                label="Site"
                data={[
                  ...(sites.length === 1 ? [] : [{ value: '', label: 'Choose the site' }]),
                  ...sites.map((site) => ({ value: site.id, label: site.name })),
                ]}
                {...form.getInputProps('siteId')}
              />
              <TextInput
                id={fieldIds.localCaseId}
                label="Local case ID"
                description="The reference your service uses for this person, like WIL-0042."
                autoComplete="off"
                spellCheck={false}
                {...form.getInputProps('localCaseId')}
              />
            </>
          )}
          <NativeSelect
            id={fieldIds.referralSource}
            label="Where the referral came from"
            data={[
              { value: '', label: 'Choose the referral source' },
              ...referralSources.map((value) => ({ value, label: referralSourceLabels[value] })),
            ]}
            {...form.getInputProps('referralSource')}
          />
          {form.values.referralSource === 'other' && (
            <TextInput
              id={fieldIds.referralSourceOther}
              label="Other referral source"
              {...form.getInputProps('referralSourceOther')}
            />
          )}
          <TextInput
            id={fieldIds.referredOn}
            label="Date referred"
            type="date"
            max={today}
            w={200}
            {...form.getInputProps('referredOn')}
          />

          <Fieldset legend="About the person (optional)" variant="unstyled">
            <Text size="sm" mb="sm">
              Record only what the service needs.
            </Text>
            <Stack gap="md">
              <TextInput
                id={fieldIds.personName}
                label="Name (optional)"
                autoComplete="off"
                {...form.getInputProps('personName')}
              />
              <TextInput
                id={fieldIds.dateOfBirth}
                label="Date of birth (optional)"
                type="date"
                max={today}
                w={200}
                {...form.getInputProps('dateOfBirth')}
              />
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
                id={fieldIds.phone}
                label="Phone number (optional)"
                type="tel"
                autoComplete="off"
                w={240}
                {...form.getInputProps('phone')}
              />
            </Stack>
          </Fieldset>

          <Checkbox.Group
            label="Needs (optional)"
            description="Choose all that apply."
            {...form.getInputProps('needs')}
          >
            <Stack gap="xs" mt="xs">
              {needs.map((need) => (
                <Checkbox key={need} id={`case-need-${need}`} value={need} label={needLabels[need]} />
              ))}
            </Stack>
          </Checkbox.Group>

          <NativeSelect
            id={fieldIds.complexity}
            label="Complexity (optional)"
            data={[
              { value: '', label: 'Not assessed yet' },
              ...complexities.map((value) => ({ value, label: complexityLabels[value] })),
            ]}
            {...form.getInputProps('complexity')}
          />

          <Fieldset legend="Consent (optional)" variant="unstyled">
            <Stack gap="md">
              <Textarea
                id={fieldIds.consentScope}
                label="What the person consented to (optional)"
                autosize
                minRows={2}
                {...form.getInputProps('consentScope')}
              />
              <TextInput
                id={fieldIds.consentRecordedOn}
                label="Date consent was recorded (optional)"
                type="date"
                max={today}
                w={200}
                {...form.getInputProps('consentRecordedOn')}
              />
            </Stack>
          </Fieldset>

          <NativeSelect
            id={fieldIds.genderPreference}
            label="Preferred gender of worker (optional)"
            data={[
              { value: '', label: 'Not asked' },
              ...Object.entries(genderPreferenceLabels).map(([value, label]) => ({ value, label })),
            ]}
            {...form.getInputProps('genderPreference')}
          />

          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {submitLabel}
            </Button>
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

const orUndefined = (value: string) => value.trim() || undefined;
const orNull = (value: string) => value.trim() || null;

/** The POST /api/cases body: empty optional fields are left out. */
export function createCaseBodyOf(values: CaseFormValues) {
  return {
    siteId: values.siteId,
    localCaseId: values.localCaseId.trim(),
    referralSource: values.referralSource,
    referralSourceOther:
      values.referralSource === 'other' ? orUndefined(values.referralSourceOther) : undefined,
    referredOn: values.referredOn,
    personName: orUndefined(values.personName),
    dateOfBirth: values.dateOfBirth || undefined,
    gender: values.gender || undefined,
    phone: orUndefined(values.phone),
    needs: values.needs,
    complexity: values.complexity || undefined,
    consent: values.consentScope.trim()
      ? { scope: values.consentScope.trim(), recordedOn: values.consentRecordedOn }
      : undefined,
    genderPreference: values.genderPreference || undefined,
  };
}

/** The PATCH /api/cases/{id} body: every field sent, empty ones as null (cleared). */
export function updateCaseBodyOf(values: CaseFormValues) {
  return {
    referralSource: values.referralSource || undefined,
    referralSourceOther: values.referralSource === 'other' ? orNull(values.referralSourceOther) : null,
    referredOn: values.referredOn,
    personName: orNull(values.personName),
    dateOfBirth: values.dateOfBirth || null,
    gender: values.gender || null,
    phone: orNull(values.phone),
    needs: values.needs,
    complexity: values.complexity || null,
    consent: values.consentScope.trim()
      ? { scope: values.consentScope.trim(), recordedOn: values.consentRecordedOn }
      : null,
    genderPreference: values.genderPreference || null,
  };
}
