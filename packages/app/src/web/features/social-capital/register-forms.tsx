import {
  Button,
  Group,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { z } from 'zod';
import {
  type handoverResponse,
  type Partner,
  partnerKindLabels,
  partnerKinds,
  type Strength,
  strengths,
} from '../../../contract/social-capital.ts';
import type { WorkforceSummary } from '../../../contract/workforce.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { FormActions } from '../../components/form-actions.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api, isApiError } from '../../lib/api-client.ts';
import { type ErrorSummaryItem, useFormProblems } from '../../lib/form-problems.ts';
import { todayIsoDate } from '../cases/case-format.ts';
import { blankChoice, type HandoverChoice, handoverProblems, handoverRequestBody } from './handover-form.ts';

type Handover = z.infer<typeof handoverResponse>;
type Contact = Partner['contacts'][number];

export const strengthLabels: Record<Strength, string> = {
  weak: 'Weak',
  moderate: 'Moderate',
  strong: 'Strong',
};

/** The register and the site's coverage are read again after any change, so coverage stays true. */
export const registerChanged = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: ['social-capital'] });

export const siteWorkersQueryOptions = (siteId: string) => ({
  queryKey: ['workforce', 'list', siteId],
  queryFn: () => api.get<{ items: WorkforceSummary[]; total: number }>('/api/workforce', { siteId }),
});

export function AddPartnerForm({ siteId }: { siteId: string }) {
  const queryClient = useQueryClient();
  const fieldIds = { name: 'partner-name', kind: 'partner-kind' };
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', kind: 'housing' as (typeof partnerKinds)[number] },
    validate: { name: (v: string) => (v.trim() ? null : 'Enter the organisation’s name.') },
  });
  const problems = useFormProblems(form, fieldIds);
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      api.post<Partner>('/api/social-capital/partners', {
        siteId,
        name: values.name.trim(),
        kind: values.kind,
      }),
    onSuccess: async (saved) => {
      await registerChanged(queryClient);
      form.reset();
      notifications.show({ color: 'green', message: `${saved.name} added to the register.` });
    },
    onError: problems.onApiError,
  });
  return (
    <section aria-labelledby="add-partner-heading">
      <Title order={2} size="h4" id="add-partner-heading" mb="xs">
        Add a partner organisation
      </Title>
      <ErrorSummary {...problems.summary} />
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v), problems.onValidationFailure)}>
        <Stack gap="sm" maw={420}>
          <TextInput id={fieldIds.name} label="Organisation name" {...form.getInputProps('name')} />
          <NativeSelect
            id={fieldIds.kind}
            label="Kind of organisation"
            data={partnerKinds.map((k) => ({ value: k, label: partnerKindLabels[k] }))}
            {...form.getInputProps('kind')}
          />
          <div>
            <Button type="submit" loading={save.isPending}>
              Add organisation
            </Button>
          </div>
        </Stack>
      </form>
    </section>
  );
}

export function AddContactForm({ partner, onDone }: { partner: Partner; onDone: () => void }) {
  const queryClient = useQueryClient();
  const fieldIds = { name: `contact-name-${partner.id}`, jobTitle: `contact-job-${partner.id}` };
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', jobTitle: '' },
    validate: { name: (v: string) => (v.trim() ? null : 'Enter the person’s name.') },
  });
  const problems = useFormProblems(form, fieldIds);
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      api.post(`/api/social-capital/partners/${partner.id}/contacts`, {
        name: values.name.trim(),
        jobTitle: values.jobTitle.trim() || null,
      }),
    onSuccess: async () => {
      await registerChanged(queryClient);
      notifications.show({ color: 'green', message: `Contact added at ${partner.name}.` });
      onDone();
    },
    onError: problems.onApiError,
  });
  return (
    <div>
      <ErrorSummary {...problems.summary} />
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v), problems.onValidationFailure)}>
        <Stack gap="sm" maw={420}>
          <TextInput
            id={fieldIds.name}
            label={`Contact’s name at ${partner.name}`}
            {...form.getInputProps('name')}
          />
          <TextInput
            id={fieldIds.jobTitle}
            label="Job title (optional)"
            {...form.getInputProps('jobTitle')}
          />
          <FormActions submitLabel="Add contact" size="sm" isPending={save.isPending} onCancel={onDone} />
        </Stack>
      </form>
    </div>
  );
}

type HolderValues = { memberId: string; strength: Strength; lastInteractionOn: string };

export function AddHolderForm({
  contact,
  siteId,
  onDone,
}: {
  contact: Contact;
  siteId: string;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const workers = useQuery(siteWorkersQueryOptions(siteId));
  const prefix = `holder-${contact.id}`;
  const fieldIds = {
    memberId: `${prefix}-member`,
    strength: `${prefix}-strength`,
    lastInteractionOn: `${prefix}-last`,
  };
  const form = useForm<HolderValues>({
    mode: 'controlled',
    initialValues: { memberId: '', strength: 'moderate', lastInteractionOn: '' },
    validate: {
      memberId: (v) => (v ? null : 'Choose the worker who holds this relationship.'),
      lastInteractionOn: (v) => (v && v > todayIsoDate() ? 'Enter a date that is not in the future.' : null),
    },
  });
  const problems = useFormProblems(form, fieldIds);
  const save = useMutation({
    mutationFn: (values: HolderValues) =>
      api.post(`/api/social-capital/contacts/${contact.id}/holders`, {
        memberId: values.memberId,
        strength: values.strength,
        lastInteractionOn: values.lastInteractionOn || null,
      }),
    onSuccess: async () => {
      await registerChanged(queryClient);
      notifications.show({ color: 'green', message: `Holder added for ${contact.name}.` });
      onDone();
    },
    onError: problems.onApiError,
  });
  const holding = new Set(contact.holders.map((h) => h.memberId));
  const choices = (workers.data?.items ?? []).filter((w) => w.status !== 'left' && !holding.has(w.id));
  return (
    <div>
      {workers.isError && <QueryError error={workers.error} onRetry={() => void workers.refetch()} />}
      <ErrorSummary {...problems.summary} />
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v), problems.onValidationFailure)}>
        <Stack gap="sm" maw={420}>
          <NativeSelect
            id={fieldIds.memberId}
            label={`Worker who knows ${contact.name}`}
            data={[
              { value: '', label: workers.isPending ? 'Loading workers…' : 'Choose a worker' },
              ...choices.map((w) => ({ value: w.id, label: w.displayName })),
            ]}
            {...form.getInputProps('memberId')}
          />
          <NativeSelect
            id={fieldIds.strength}
            label="Strength of the relationship"
            data={strengths.map((s) => ({ value: s, label: strengthLabels[s] }))}
            {...form.getInputProps('strength')}
          />
          <TextInput
            id={fieldIds.lastInteractionOn}
            type="date"
            label="Last in touch (optional)"
            {...form.getInputProps('lastInteractionOn')}
          />
          <FormActions submitLabel="Add holder" size="sm" isPending={save.isPending} onCancel={onDone} />
        </Stack>
      </form>
    </div>
  );
}

/**
 * When someone leaves: every relationship they hold is passed on to another worker at the site or
 * recorded as lost, with why. The server refuses a handover that leaves any out.
 */
export function HandoverSection({ siteId }: { siteId: string }) {
  const workers = useQuery(siteWorkersQueryOptions(siteId));
  const [memberId, setMemberId] = useState('');
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="xs">
        Hand over someone’s relationships
      </Title>
      <Text size="sm" mb="xs" maw={640}>
        When someone leaves, pass each relationship they hold to another worker, or record it as lost.
      </Text>
      {workers.isError && <QueryError error={workers.error} onRetry={() => void workers.refetch()} />}
      <NativeSelect
        id="handover-member"
        label="Person leaving"
        maw={420}
        value={memberId}
        onChange={(e) => setMemberId(e.currentTarget.value)}
        data={[
          { value: '', label: workers.isPending ? 'Loading workers…' : 'Choose a person' },
          ...(workers.data?.items ?? []).map((w) => ({ value: w.id, label: w.displayName })),
        ]}
      />
      {memberId && (
        <HandoverForm
          key={memberId}
          memberId={memberId}
          workers={(workers.data?.items ?? []).filter((w) => w.id !== memberId && w.status !== 'left')}
          onDone={() => setMemberId('')}
        />
      )}
    </section>
  );
}

function HandoverForm({
  memberId,
  workers,
  onDone,
}: {
  memberId: string;
  workers: WorkforceSummary[];
  onDone: () => void;
}) {
  const held = useQuery({
    queryKey: ['social-capital', 'handover', memberId],
    queryFn: () => api.get<Handover>(`/api/social-capital/members/${memberId}/handover`),
  });
  if (held.isPending) return <PageLoader label="Loading their relationships" />;
  if (held.isError) return <QueryError error={held.error} onRetry={() => void held.refetch()} />;
  if (held.data.relationships.length === 0)
    return <Text mt="sm">They hold no relationships: there is nothing to hand over.</Text>;
  return <HandoverChoices handover={held.data} workers={workers} onDone={onDone} />;
}

const choiceFieldId = (holderId: string, field: 'action' | 'toMemberId' | 'note') =>
  `handover-${holderId}-${field}`;

function HandoverChoices({
  handover,
  workers,
  onDone,
}: {
  handover: Handover;
  workers: WorkforceSummary[];
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [choices, setChoices] = useState<HandoverChoice[]>(() =>
    handover.relationships.map((r) => blankChoice(r.holderId)),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [generalError, setGeneralError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const save = useMutation({
    mutationFn: () =>
      api.post<{ passedOn: number; lost: number }>(
        `/api/social-capital/members/${handover.memberId}/handover`,
        handoverRequestBody(choices),
      ),
    onSuccess: async (result) => {
      await registerChanged(queryClient);
      notifications.show({
        color: 'green',
        message: `Handover recorded: ${result.passedOn.toLocaleString('en-GB')} passed on, ${result.lost.toLocaleString('en-GB')} lost.`,
      });
      onDone();
    },
    onError: (error) => {
      const fieldErrors: Record<string, string> = {};
      if (isApiError(error)) for (const d of error.details) fieldErrors[d.field] ??= d.message;
      setErrors(fieldErrors);
      setGeneralError(
        Object.keys(fieldErrors).length > 0 ? null : error instanceof Error ? error.message : 'Not saved.',
      );
      setAttempt((n) => n + 1);
    },
  });
  const summary: ErrorSummaryItem[] = [];
  if (errors.items) summary.push({ message: errors.items });
  choices.forEach((c, i) => {
    for (const field of ['holderId', 'action', 'toMemberId', 'note'] as const) {
      const message = errors[`items.${i}.${field}`];
      if (message)
        summary.push({
          message,
          fieldId: choiceFieldId(c.holderId, field === 'holderId' ? 'action' : field),
        });
    }
  });
  if (generalError) summary.push({ message: generalError });
  const update = (i: number, patch: Partial<HandoverChoice>) =>
    setChoices((current) => current.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <div>
      <ErrorSummary items={summary} attempt={attempt} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const problems = handoverProblems(choices);
          setErrors(problems);
          setGeneralError(null);
          if (Object.keys(problems).length > 0) setAttempt((n) => n + 1);
          else save.mutate();
        }}
      >
        <Stack component="ul" gap="sm" p={0} mt="sm" style={{ listStyle: 'none' }}>
          {handover.relationships.map((r, i) => {
            const c = choices[i] ?? blankChoice(r.holderId);
            const subject = `${r.contactName} at ${r.partnerName}`;
            return (
              <Paper component="li" key={r.holderId} withBorder p="sm">
                <Stack gap="xs">
                  <Text fw={700}>{subject}</Text>
                  <Text size="sm">
                    {strengthLabels[r.strength]} relationship;{' '}
                    {r.otherHolders === 0
                      ? 'nobody else holds it'
                      : `${r.otherHolders.toLocaleString('en-GB')} other ${r.otherHolders === 1 ? 'person holds' : 'people hold'} it`}
                    .
                  </Text>
                  <Radio.Group
                    label={`What happens to ${subject}`}
                    value={c.action}
                    error={errors[`items.${i}.action`] ?? errors[`items.${i}.holderId`]}
                    onChange={(value) => update(i, { action: value as HandoverChoice['action'] })}
                  >
                    <Group mt={4}>
                      <Radio id={choiceFieldId(r.holderId, 'action')} value="pass_on" label="Pass it on" />
                      <Radio value="lost" label="Record it as lost" />
                    </Group>
                  </Radio.Group>
                  {c.action === 'pass_on' && (
                    <NativeSelect
                      id={choiceFieldId(r.holderId, 'toMemberId')}
                      label="Pass it on to"
                      value={c.toMemberId}
                      error={errors[`items.${i}.toMemberId`]}
                      onChange={(e) => update(i, { toMemberId: e.currentTarget.value })}
                      data={[
                        { value: '', label: 'Choose a worker' },
                        ...workers.map((w) => ({ value: w.id, label: w.displayName })),
                      ]}
                    />
                  )}
                  {c.action === 'lost' && (
                    <Textarea
                      id={choiceFieldId(r.holderId, 'note')}
                      label="Why it could not be passed on"
                      value={c.note}
                      error={errors[`items.${i}.note`]}
                      onChange={(e) => update(i, { note: e.currentTarget.value })}
                    />
                  )}
                </Stack>
              </Paper>
            );
          })}
        </Stack>
        <FormActions submitLabel="Record handover" mt="sm" isPending={save.isPending} onCancel={onDone} />
      </form>
    </div>
  );
}

type Holder = Contact['holders'][number];

/** Changes how strong a holder's relationship is, and when they were last in touch. */
export function UpdateHolderForm({
  holder,
  contact,
  onDone,
}: {
  holder: Holder;
  contact: Contact;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const prefix = `holder-edit-${holder.id}`;
  const fieldIds = { strength: `${prefix}-strength`, lastInteractionOn: `${prefix}-last` };
  const form = useForm({
    mode: 'controlled',
    initialValues: { strength: holder.strength, lastInteractionOn: holder.lastInteractionOn ?? '' },
    validate: {
      lastInteractionOn: (v: string) =>
        v && v > todayIsoDate() ? 'Enter a date that is not in the future.' : null,
    },
  });
  const problems = useFormProblems(form, fieldIds);
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      api.put(`/api/social-capital/holders/${holder.id}`, {
        strength: values.strength,
        lastInteractionOn: values.lastInteractionOn || null,
      }),
    onSuccess: async () => {
      await registerChanged(queryClient);
      notifications.show({
        color: 'green',
        message: `${holder.name}’s relationship with ${contact.name} saved.`,
      });
      onDone();
    },
    onError: problems.onApiError,
  });
  return (
    <div>
      <ErrorSummary {...problems.summary} />
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v), problems.onValidationFailure)}>
        <Stack gap="xs" maw={420} mt="xs">
          <NativeSelect
            id={fieldIds.strength}
            label={`Strength of ${holder.name}’s relationship`}
            data={strengths.map((s) => ({ value: s, label: strengthLabels[s] }))}
            {...form.getInputProps('strength')}
          />
          <TextInput
            id={fieldIds.lastInteractionOn}
            type="date"
            label="Last in touch (optional)"
            {...form.getInputProps('lastInteractionOn')}
          />
          <FormActions submitLabel="Save" size="xs" isPending={save.isPending} onCancel={onDone} />
        </Stack>
      </form>
    </div>
  );
}

/** Takes one worker off a relationship (with why); anyone else who holds it keeps it. */
export function EndHolderForm({
  holder,
  contact,
  onDone,
}: {
  holder: Holder;
  contact: Contact;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const fieldIds = { reason: `holder-end-${holder.id}-reason` };
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: { reason: (v: string) => (v.trim() ? null : 'Say why they no longer hold this relationship.') },
  });
  const problems = useFormProblems(form, fieldIds);
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      api.post(`/api/social-capital/holders/${holder.id}/end`, { reason: values.reason.trim() }),
    onSuccess: async () => {
      await registerChanged(queryClient);
      notifications.show({ color: 'green', message: `${holder.name} no longer holds ${contact.name}.` });
    },
    onError: problems.onApiError,
  });
  const isLastHolder = contact.holders.length === 1;
  return (
    <div>
      <ErrorSummary {...problems.summary} />
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v), problems.onValidationFailure)}>
        <Stack gap="xs" maw={420} mt="xs">
          {isLastHolder && (
            <Text size="sm" fw={700} c="red.9">
              Nobody else holds this relationship: it will be recorded as held by nobody.
            </Text>
          )}
          <Textarea
            id={fieldIds.reason}
            label={`Why ${holder.name} no longer holds it`}
            description="For example: added by mistake, or they have lost touch"
            {...form.getInputProps('reason')}
          />
          <FormActions
            submitLabel="Remove holder"
            size="xs"
            color="red"
            isPending={save.isPending}
            onCancel={onDone}
          />
        </Stack>
      </form>
    </div>
  );
}
