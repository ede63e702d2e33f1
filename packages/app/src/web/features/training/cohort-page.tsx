import { Button, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { enrolmentStatuses } from '../../../contract/workforce-codes.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { FormActions } from '../../components/form-actions.tsx';
import { InlineFormToggle } from '../../components/inline-form-toggle.tsx';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import { useCan } from '../auth/me-query.ts';
import { formatIsoDate, todayIsoDate } from '../cases/case-format.ts';
import { RouterAnchor } from '../cases/case-link.tsx';
import { FunnelView } from './funnel-view.tsx';
import {
  certificateRenewalOn,
  type EnrolmentFormValues,
  enrolmentFormProblems,
  enrolmentFormValuesOf,
  enrolmentRequestBody,
  enrolmentStatusLabels,
} from './training-form.ts';
import {
  type CohortDetail,
  cohortChanged,
  cohortQueryOptions,
  coursesQueryOptions,
  siteWorkforceQueryOptions,
} from './training-query.ts';

type Enrolment = CohortDetail['enrolments'][number];

/** One cohort: who is enrolled and how far each has got, with enrolling and status changes. */
export function CohortPage() {
  const can = useCan();
  const { cohortId = '' } = useParams({ strict: false }) as { cohortId?: string };
  const cohort = useQuery({ ...cohortQueryOptions(cohortId), enabled: can('workforce:read') });
  const courses = useQuery({ ...coursesQueryOptions(), enabled: can('workforce:read') });
  if (!can('workforce:read')) return <NotPermitted title="Cohort" />;
  if (cohort.isPending) return <PageLoader label="Loading the cohort" />;
  if (cohort.isError) return <QueryError error={cohort.error} onRetry={() => void cohort.refetch()} />;
  const c = cohort.data;
  const validMonths = courses.data?.items.find((x) => x.id === c.courseId)?.certificateValidMonths ?? null;
  const canManage = can('training:manage');
  return (
    <Stack gap="lg">
      <PageHeading title={`${c.courseTitle}: ${c.name}`} documentTitle={`${c.name} – ${c.courseTitle}`} />
      <Text>
        {formatIsoDate(c.startsOn)} to {formatIsoDate(c.endsOn)} ·{' '}
        <RouterAnchor to="/training/courses/$courseId" params={{ courseId: c.courseId }}>
          About the course
        </RouterAnchor>
      </Text>
      <section aria-labelledby="enrolments-heading">
        <Title order={2} size="h3" id="enrolments-heading" mb="xs">
          Enrolments
        </Title>
        {c.enrolments.length === 0 ? (
          <Text>Nobody enrolled yet.</Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {c.enrolments.map((e) => (
              <EnrolmentItem
                key={e.id}
                enrolment={e}
                cohort={c}
                validMonths={validMonths}
                canManage={canManage}
              />
            ))}
          </Stack>
        )}
      </section>
      {canManage && <EnrolForm cohort={c} />}
      <FunnelView title="This cohort’s funnel" funnel={c.funnel} />
    </Stack>
  );
}

function EnrolmentItem({
  enrolment: e,
  cohort,
  validMonths,
  canManage,
}: {
  enrolment: Enrolment;
  cohort: CohortDetail;
  validMonths: number | null;
  canManage: boolean;
}) {
  const renewal = e.completedOn ? certificateRenewalOn(e.completedOn, validMonths) : null;
  return (
    <Paper component="li" withBorder p="sm">
      <Title order={3} size="h5">
        {e.displayName}
      </Title>
      <Text size="sm">
        {enrolmentStatusLabels[e.status]}
        {e.status === 'dropped_out' && e.dropOutReason ? `: ${e.dropOutReason}` : ''}
      </Text>
      {e.status === 'completed' && e.completedOn && (
        <>
          <Text size="sm">
            Completed {formatIsoDate(e.completedOn)}. Certificate issued
            {renewal ? `, renewal due ${formatIsoDate(renewal)}` : ', no renewal needed'}.
          </Text>
          <Text size="sm">
            Placement: {formatIsoDate(e.placementOn, 'none yet')} · Employment:{' '}
            {formatIsoDate(e.employmentOn, 'none yet')}
          </Text>
        </>
      )}
      {canManage && (
        <InlineFormToggle label={`Change ${e.displayName}’s status`}>
          {(close) => <EnrolmentForm enrolment={e} cohort={cohort} onDone={close} />}
        </InlineFormToggle>
      )}
    </Paper>
  );
}

function EnrolmentForm({
  enrolment,
  cohort,
  onDone,
}: {
  enrolment: Enrolment;
  cohort: CohortDetail;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const prefix = `enrolment-${enrolment.id}`;
  const fieldIds = {
    status: `${prefix}-status`,
    completedOn: `${prefix}-completed`,
    placementOn: `${prefix}-placement`,
    employmentOn: `${prefix}-employment`,
    reason: `${prefix}-reason`,
  };
  const form = useForm<EnrolmentFormValues>({
    mode: 'controlled',
    initialValues: enrolmentFormValuesOf(enrolment, todayIsoDate()),
    validate: (values) => enrolmentFormProblems(values),
  });
  const problems = useFormProblems(form, fieldIds);
  const save = useMutation({
    mutationFn: (values: EnrolmentFormValues) =>
      api.patch<CohortDetail>(`/api/training/enrolments/${enrolment.id}`, enrolmentRequestBody(values)),
    onSuccess: async (saved) => {
      await cohortChanged(queryClient, saved);
      notifications.show({
        color: 'green',
        message: `${enrolment.displayName}: ${enrolmentStatusLabels[form.values.status].toLowerCase()}.`,
      });
      onDone();
    },
    onError: problems.onApiError,
  });
  const status = form.values.status;
  return (
    <div>
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => save.mutate(values), problems.onValidationFailure)}
      >
        <Stack gap="sm" maw={420} mt="xs">
          <NativeSelect
            id={fieldIds.status}
            label={`Status of ${enrolment.displayName}`}
            data={enrolmentStatuses.map((s) => ({ value: s, label: enrolmentStatusLabels[s] }))}
            {...form.getInputProps('status')}
          />
          {status === 'completed' && (
            <>
              <TextInput
                id={fieldIds.completedOn}
                type="date"
                label="Completed on"
                description={`Between ${formatIsoDate(cohort.startsOn)} and today. Completing records their certificate.`}
                {...form.getInputProps('completedOn')}
              />
              <TextInput
                id={fieldIds.placementOn}
                type="date"
                label="Placement began on (optional)"
                {...form.getInputProps('placementOn')}
              />
              <TextInput
                id={fieldIds.employmentOn}
                type="date"
                label="Employment began on (optional)"
                description="Only after a placement"
                {...form.getInputProps('employmentOn')}
              />
            </>
          )}
          {status === 'dropped_out' && (
            <Textarea
              id={fieldIds.reason}
              label="Why they left the course"
              {...form.getInputProps('reason')}
            />
          )}
          <FormActions submitLabel="Save status" size="sm" isPending={save.isPending} onCancel={onDone} />
        </Stack>
      </form>
    </div>
  );
}

function EnrolForm({ cohort }: { cohort: CohortDetail }) {
  const queryClient = useQueryClient();
  const people = useQuery(siteWorkforceQueryOptions(cohort.siteId));
  const fieldIds = { memberId: 'enrol-member' };
  const form = useForm<{ memberId: string }>({
    mode: 'controlled',
    initialValues: { memberId: '' },
    validate: { memberId: (v) => (v ? null : 'Choose the person to enrol.') },
  });
  const problems = useFormProblems(form, fieldIds);
  const save = useMutation({
    mutationFn: (values: { memberId: string }) =>
      api.post<CohortDetail>(`/api/training/cohorts/${cohort.id}/enrolments`, values),
    onSuccess: async (saved) => {
      await cohortChanged(queryClient, saved);
      const name = saved.enrolments.find((e) => e.memberId === form.values.memberId)?.displayName;
      form.reset();
      notifications.show({ color: 'green', message: `${name ?? 'They'} enrolled.` });
    },
    onError: problems.onApiError,
  });
  const enrolled = new Set(cohort.enrolments.map((e) => e.memberId));
  const choices = (people.data?.items ?? []).filter((p) => !enrolled.has(p.id) && p.status !== 'left');
  return (
    <section aria-labelledby="enrol-heading">
      <Title order={2} size="h3" id="enrol-heading" mb="sm">
        Enrol someone
      </Title>
      {people.isError && <QueryError error={people.error} onRetry={() => void people.refetch()} />}
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => save.mutate(values), problems.onValidationFailure)}
      >
        <Stack gap="sm" maw={420}>
          <NativeSelect
            id={fieldIds.memberId}
            label="Person"
            description="People in the workforce at this cohort’s site"
            data={[
              { value: '', label: people.isPending ? 'Loading people…' : 'Choose a person' },
              ...choices.map((p) => ({ value: p.id, label: p.displayName })),
            ]}
            {...form.getInputProps('memberId')}
          />
          <div>
            <Button type="submit" loading={save.isPending}>
              Enrol
            </Button>
          </div>
        </Stack>
      </form>
    </section>
  );
}
