import { Button, List, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { InlineFormToggle } from '../../components/inline-form-toggle.tsx';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import { useCan, useMe } from '../auth/me-query.ts';
import { formatIsoDate } from '../cases/case-format.ts';
import { RouterAnchor } from '../cases/case-link.tsx';
import { CourseForm } from './course-form.tsx';
import { describeCourse } from './courses-page.tsx';
import { type CohortFormValues, cohortFormProblems, cohortRequestBody, formatRate } from './training-form.ts';
import {
  type CohortDetail,
  type Course,
  cohortChanged,
  cohortsQueryOptions,
  coursesQueryOptions,
} from './training-query.ts';

const fieldIds = {
  siteId: 'cohort-site',
  name: 'cohort-name',
  startsOn: 'cohort-starts',
  endsOn: 'cohort-ends',
};

/** One course: its modules, its cohorts (each with how far its funnel has got), and a new cohort form. */
export function CoursePage() {
  const can = useCan();
  const { courseId = '' } = useParams({ strict: false }) as { courseId?: string };
  const courses = useQuery({ ...coursesQueryOptions(), enabled: can('workforce:read') });
  const cohorts = useQuery({ ...cohortsQueryOptions(), enabled: can('workforce:read') });
  if (!can('workforce:read')) return <NotPermitted title="Course" />;
  if (courses.isPending || cohorts.isPending) return <PageLoader label="Loading the course" />;
  if (courses.isError) return <QueryError error={courses.error} onRetry={() => void courses.refetch()} />;
  if (cohorts.isError) return <QueryError error={cohorts.error} onRetry={() => void cohorts.refetch()} />;
  const course = courses.data.items.find((c) => c.id === courseId);
  if (!course)
    return (
      <>
        <PageHeading title="Course not found" />
        <Text>
          There is no such course in your organisation.{' '}
          <RouterAnchor to="/training">Back to training</RouterAnchor>
        </Text>
      </>
    );
  const ownCohorts = cohorts.data.items.filter((c) => c.courseId === course.id);
  return (
    <Stack gap="lg">
      <PageHeading title={course.title} documentTitle={`${course.title} – Training`} />
      <Text>{describeCourse(course)}</Text>
      {can('training:manage') && (
        <InlineFormToggle label="Edit course">
          {(close) => <CourseForm key={JSON.stringify(course)} course={course} onDone={close} />}
        </InlineFormToggle>
      )}
      {course.modules.length > 0 && (
        <section aria-labelledby="modules-heading">
          <Title order={2} size="h3" id="modules-heading" mb="xs">
            Modules
          </Title>
          <List type="ordered">
            {course.modules.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: module titles may repeat; their order is fixed
              <List.Item key={i}>{m}</List.Item>
            ))}
          </List>
        </section>
      )}
      <section aria-labelledby="cohorts-heading">
        <Title order={2} size="h3" id="cohorts-heading" mb="xs">
          Cohorts
        </Title>
        {ownCohorts.length === 0 ? (
          <Text>No cohorts yet.</Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {ownCohorts.map((c) => (
              <Paper component="li" key={c.id} withBorder p="sm">
                <RouterAnchor to="/training/cohorts/$cohortId" params={{ cohortId: c.id }} fw={700}>
                  {c.name}
                </RouterAnchor>
                <Text size="sm">
                  {formatIsoDate(c.startsOn)} to {formatIsoDate(c.endsOn)}
                </Text>
                <Text size="sm">
                  {c.funnel.registered.toLocaleString('en-GB')} registered,{' '}
                  {c.funnel.completed.toLocaleString('en-GB')} completed, drop-out rate{' '}
                  {formatRate(c.funnel.dropOutRate)}
                </Text>
              </Paper>
            ))}
          </Stack>
        )}
      </section>
      {can('training:manage') && <NewCohortForm course={course} />}
    </Stack>
  );
}

function NewCohortForm({ course }: { course: Course }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm<CohortFormValues>({
    mode: 'controlled',
    initialValues: {
      siteId: me.sites.length === 1 ? (me.sites[0]?.id ?? '') : '',
      name: '',
      startsOn: '',
      endsOn: '',
    },
    validate: (values) => cohortFormProblems(values),
  });
  const problems = useFormProblems(form, fieldIds);
  const save = useMutation({
    mutationFn: (values: CohortFormValues) =>
      api.post<CohortDetail>(`/api/training/courses/${course.id}/cohorts`, cohortRequestBody(values)),
    onSuccess: async (saved) => {
      await cohortChanged(queryClient, saved);
      notifications.show({ color: 'green', message: `Cohort “${saved.name}” added.` });
      await navigate({ to: '/training/cohorts/$cohortId', params: { cohortId: saved.id } });
    },
    onError: problems.onApiError,
  });
  return (
    <section aria-labelledby="new-cohort-heading">
      <Title order={2} size="h3" id="new-cohort-heading" mb="sm">
        Add a cohort
      </Title>
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => save.mutate(values), problems.onValidationFailure)}
      >
        <Stack gap="sm" maw={480}>
          <NativeSelect
            id={fieldIds.siteId}
            label="Site"
            data={[
              { value: '', label: 'Choose a site' },
              ...me.sites.map((s) => ({ value: s.id, label: s.name })),
            ]}
            {...form.getInputProps('siteId')}
          />
          <TextInput
            id={fieldIds.name}
            label="Cohort name"
            description="For example Spring 2026"
            {...form.getInputProps('name')}
          />
          <TextInput
            id={fieldIds.startsOn}
            type="date"
            label="Starts on"
            {...form.getInputProps('startsOn')}
          />
          <TextInput id={fieldIds.endsOn} type="date" label="Ends on" {...form.getInputProps('endsOn')} />
          <div>
            <Button type="submit" loading={save.isPending}>
              Add cohort
            </Button>
          </div>
        </Stack>
      </form>
    </section>
  );
}
