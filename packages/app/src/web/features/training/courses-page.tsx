import { Button, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { courseModes } from '../../../contract/workforce-codes.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import { useCan } from '../auth/me-query.ts';
import { RouterAnchor, RouterButton } from '../cases/case-link.tsx';
import {
  type CourseFormValues,
  courseFormProblems,
  courseModeLabels,
  courseRequestBody,
  emptyCourseForm,
} from './training-form.ts';
import { type Course, coursesQueryOptions } from './training-query.ts';

const fieldIds = {
  title: 'course-title',
  mode: 'course-mode',
  awardingBody: 'course-awarding-body',
  level: 'course-level',
  certificateValidMonths: 'course-certificate-months',
  modules: 'course-modules',
};

export function describeCourse(course: Course): string {
  const mode =
    course.mode === 'accredited'
      ? `Accredited: ${course.awardingBody ?? 'awarding body not given'}, ${course.level ?? 'level not given'}`
      : course.mode === 'structured'
        ? 'Structured programme'
        : 'Flexible';
  const modules = `${course.modules.length.toLocaleString('en-GB')} ${course.modules.length === 1 ? 'module' : 'modules'}`;
  const renewal = course.certificateValidMonths
    ? `certificate renewed every ${course.certificateValidMonths.toLocaleString('en-GB')} months`
    : 'certificate does not expire';
  return `${mode} · ${modules} · ${renewal}`;
}

/** Training courses (issue 6 §3): the list, and a form to add one for those who manage training. */
export function CoursesPage() {
  const can = useCan();
  const courses = useQuery({ ...coursesQueryOptions(), enabled: can('workforce:read') });
  if (!can('workforce:read')) return <NotPermitted title="Training" />;
  return (
    <Stack gap="lg">
      <PageHeading title="Training" />
      <div>
        <RouterButton to="/training/funnel" variant="outline">
          See the training funnel
        </RouterButton>
      </div>
      <section aria-labelledby="courses-heading">
        <Title order={2} size="h3" id="courses-heading" mb="sm">
          Courses
        </Title>
        {courses.isPending ? (
          <PageLoader label="Loading courses" />
        ) : courses.isError ? (
          <QueryError error={courses.error} onRetry={() => void courses.refetch()} />
        ) : courses.data.items.length === 0 ? (
          <Text>No courses yet.</Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {courses.data.items.map((c) => (
              <Paper component="li" key={c.id} withBorder p="sm">
                <RouterAnchor to="/training/courses/$courseId" params={{ courseId: c.id }} fw={700}>
                  {c.title}
                </RouterAnchor>
                <Text size="sm">{describeCourse(c)}</Text>
              </Paper>
            ))}
          </Stack>
        )}
      </section>
      {can('training:manage') && <NewCourseForm />}
    </Stack>
  );
}

function NewCourseForm() {
  const queryClient = useQueryClient();
  const form = useForm<CourseFormValues>({
    mode: 'controlled',
    initialValues: emptyCourseForm,
    validate: (values) => courseFormProblems(values),
  });
  const problems = useFormProblems(form, fieldIds);
  const save = useMutation({
    mutationFn: (values: CourseFormValues) =>
      api.post<Course>('/api/training/courses', courseRequestBody(values)),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['training', 'courses'] });
      form.reset();
      problems.clear();
      notifications.show({ color: 'green', message: `Course “${saved.title}” added.` });
    },
    onError: problems.onApiError,
  });
  const isAccredited = form.values.mode === 'accredited';
  return (
    <section aria-labelledby="new-course-heading">
      <Title order={2} size="h3" id="new-course-heading" mb="sm">
        Add a course
      </Title>
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => save.mutate(values), problems.onValidationFailure)}
      >
        <Stack gap="sm" maw={480}>
          <TextInput id={fieldIds.title} label="Course title" {...form.getInputProps('title')} />
          <NativeSelect
            id={fieldIds.mode}
            label="How it runs"
            data={courseModes.map((m) => ({ value: m, label: courseModeLabels[m] }))}
            {...form.getInputProps('mode')}
          />
          {isAccredited && (
            <>
              <TextInput
                id={fieldIds.awardingBody}
                label="Awarding body"
                description="For example Open College Network"
                {...form.getInputProps('awardingBody')}
              />
              <TextInput
                id={fieldIds.level}
                label="Level"
                description="For example Level 2"
                {...form.getInputProps('level')}
              />
            </>
          )}
          <TextInput
            id={fieldIds.certificateValidMonths}
            label="Certificate lasts (months) (optional)"
            description="Leave empty if the certificate does not need renewing"
            inputMode="numeric"
            {...form.getInputProps('certificateValidMonths')}
          />
          <Textarea
            id={fieldIds.modules}
            label="Modules (optional)"
            description="One module per line, in the order they are taught"
            autosize
            minRows={3}
            {...form.getInputProps('modules')}
          />
          <div>
            <Button type="submit" loading={save.isPending}>
              Add course
            </Button>
          </div>
        </Stack>
      </form>
    </section>
  );
}
