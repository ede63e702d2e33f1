import {
  Anchor,
  Button,
  Collapse,
  Input,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import {
  type ContactOutcome,
  type ContactType,
  contactTypeLabels,
  contactTypes,
  type OtherContactKind,
  otherContactKindLabels,
  otherContactKinds,
} from '../../../contract/case-codes.ts';
import type { CaseDetail, Contact, CreateContactBody } from '../../../contract/cases.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { api, isApiError } from '../../lib/api-client.ts';
import { fromDateTimeLocalValue, toDateTimeLocalValue } from '../../lib/dates.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import { renameErrorFields } from './case-format.ts';
import { caseQueryOptions, contactsQueryOptions } from './cases-query.ts';

type Values = {
  type: ContactType;
  outcome: ContactOutcome;
  note: string;
  contactedAt: string;
  durationMinutes: string;
  otherKind: OtherContactKind | '';
};

const fieldIds = {
  type: 'contact-type',
  outcome: 'contact-outcome',
  note: 'contact-note',
  contactedAt: 'contact-when',
  durationMinutes: 'contact-duration',
  otherKind: 'contact-other-kind',
};
const moreDetailsFields = ['contactedAt', 'durationMinutes', 'otherKind'];
/** The API checks the contact's calendar date; the form asks for the moment. */
const apiFieldNames = { contactedOn: 'contactedAt' };

const initialValuesFor = (item: CaseDetail): Values => ({
  type: item.contactDefaults.type,
  outcome: 'made',
  note: '',
  contactedAt: toDateTimeLocalValue(new Date()),
  durationMinutes: '',
  otherKind: '',
});

/**
 * Log a contact, built for a phone between appointments: three things to answer (type, made or
 * attempted, an optional note). When, how long and what kind of "other" wait under "More details";
 * the contact is made by the signed-in person, now, unless they say otherwise.
 */
export function LogContactForm({
  item,
  onSaved,
}: {
  item: CaseDetail;
  onSaved?: (contact: Contact) => void | Promise<void>;
}) {
  const queryClient = useQueryClient();
  const ids = { typeLabel: useId(), outcomeLabel: useId(), moreDetails: useId() };
  const [isMoreOpen, setMoreOpen] = useState(false);
  const isRoomy = useMediaQuery('(min-width: 30em)', true, { getInitialValueInEffect: false });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initialValuesFor(item),
    validate: {
      note: (value) => (value.trim().length > 2000 ? 'Keep the note under 2,000 characters' : null),
      contactedAt: (value) => {
        if (!form.isDirty('contactedAt')) return null;
        const instant = fromDateTimeLocalValue(value);
        if (!instant) return 'Enter the date and time of the contact';
        return new Date(instant).getTime() > Date.now() + 60_000
          ? 'Enter a date and time that is not in the future'
          : null;
      },
      durationMinutes: (value) => {
        if (!value.trim()) return null;
        const minutes = Number(value.trim());
        return Number.isInteger(minutes) && minutes >= 1 && minutes <= 1440
          ? null
          : 'Enter minutes from 1 to 1440, in whole numbers';
      },
    },
  });
  const problems = useFormProblems(form, fieldIds);
  const openMoreDetailsIfNeeded = (errors: Record<string, unknown>) => {
    if (moreDetailsFields.some((field) => errors[field])) setMoreOpen(true);
  };

  const save = useMutation({
    mutationFn: (values: Values) => {
      const body: CreateContactBody = {
        type: values.type,
        outcome: values.outcome,
        note: values.note.trim() || undefined,
        contactedAt: form.isDirty('contactedAt') ? fromDateTimeLocalValue(values.contactedAt) : undefined,
        durationMinutes: values.durationMinutes.trim() ? Number(values.durationMinutes.trim()) : undefined,
        otherKind: values.type === 'other' && values.otherKind ? values.otherKind : undefined,
      };
      return api.post<Contact>(`/api/cases/${item.id}/contacts`, body);
    },
    onSuccess: async (contact) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: contactsQueryOptions(item.id).queryKey }),
        queryClient.invalidateQueries({ queryKey: caseQueryOptions(item.id).queryKey, exact: true }),
        queryClient.invalidateQueries({ queryKey: ['cases', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['caseload'] }),
      ]);
      notifications.show({
        color: 'green',
        message:
          contact.outcome === 'made'
            ? `Contact saved for case ${item.localCaseId}.`
            : `Attempted contact saved for case ${item.localCaseId}.`,
      });
      const fresh = initialValuesFor(item);
      form.setInitialValues(fresh);
      form.setValues(fresh);
      problems.clear();
      setMoreOpen(false);
      await onSaved?.(contact);
    },
    onError: (error) => {
      const renamed = renameErrorFields(error, apiFieldNames);
      problems.onApiError(renamed);
      if (isApiError(renamed))
        openMoreDetailsIfNeeded(
          Object.fromEntries(renamed.details.map((detail) => [detail.field.split('.')[0] ?? '', true])),
        );
    },
  });

  return (
    <>
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        aria-label="Log a contact"
        onSubmit={form.onSubmit(
          (values) => save.mutate(values),
          (errors) => {
            openMoreDetailsIfNeeded(errors);
            problems.onValidationFailure();
          },
        )}
      >
        <Stack gap="md">
          <div>
            <Input.Label id={ids.typeLabel} labelElement="div" mb={4}>
              Type of contact
            </Input.Label>
            <SegmentedControl
              id={fieldIds.type}
              aria-labelledby={ids.typeLabel}
              // Three choices side by side do not fit a 360 px phone: stack them there.
              orientation={isRoomy ? 'horizontal' : 'vertical'}
              fullWidth
              size="md"
              data={contactTypes.map((value) => ({ value, label: contactTypeLabels[value] }))}
              value={form.values.type}
              onChange={(value) => form.setFieldValue('type', value as ContactType)}
            />
          </div>
          <div>
            <Input.Label id={ids.outcomeLabel} labelElement="div" mb={4}>
              Did you reach them?
            </Input.Label>
            <SegmentedControl
              id={fieldIds.outcome}
              aria-labelledby={ids.outcomeLabel}
              fullWidth
              size="md"
              data={[
                { value: 'made', label: 'Contact made' },
                { value: 'attempted', label: 'Attempted' },
              ]}
              value={form.values.outcome}
              onChange={(value) => form.setFieldValue('outcome', value as ContactOutcome)}
            />
          </div>
          <Textarea
            id={fieldIds.note}
            label="Note (optional)"
            description="What happened and any next step. Only people allowed to read notes will see it."
            autosize
            minRows={3}
            maxRows={10}
            {...form.getInputProps('note')}
          />

          <div>
            {/* A link-style toggle (like a GOV.UK details summary); it keeps its AA contrast when hovered. */}
            <Anchor
              component="button"
              type="button"
              fw={600}
              py={6}
              aria-expanded={isMoreOpen}
              aria-controls={ids.moreDetails}
              onClick={() => setMoreOpen((open) => !open)}
            >
              {isMoreOpen ? 'Hide more details' : 'More details (optional)'}
            </Anchor>
            <Text size="sm" c="gray.7">
              Recorded as made by you, now, unless you change it here.
            </Text>
            <Collapse expanded={isMoreOpen} id={ids.moreDetails}>
              <Stack gap="md" pt="sm">
                <TextInput
                  id={fieldIds.contactedAt}
                  label="Date and time"
                  type="datetime-local"
                  max={toDateTimeLocalValue(new Date())}
                  w={260}
                  {...form.getInputProps('contactedAt')}
                />
                <TextInput
                  id={fieldIds.durationMinutes}
                  label="How long it took, in minutes (optional)"
                  inputMode="numeric"
                  w={120}
                  {...form.getInputProps('durationMinutes')}
                />
                {form.values.type === 'other' && (
                  <NativeSelect
                    id={fieldIds.otherKind}
                    label="What kind of contact (optional)"
                    data={[
                      { value: '', label: 'Not recorded' },
                      ...otherContactKinds.map((value) => ({ value, label: otherContactKindLabels[value] })),
                    ]}
                    {...form.getInputProps('otherKind')}
                  />
                )}
              </Stack>
            </Collapse>
          </div>

          <div>
            <Button type="submit" size="md" loading={save.isPending}>
              Save contact
            </Button>
          </div>
        </Stack>
      </form>
    </>
  );
}
