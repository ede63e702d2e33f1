import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useCan } from '../auth/me-query.ts';
import { RouterAnchor, RouterButton } from '../cases/case-link.tsx';
import { CourseForm } from './course-form.tsx';
import { type Course, coursesQueryOptions } from './training-query.ts';

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
      {can('training:manage') && (
        <section aria-labelledby="new-course-heading">
          <Title order={2} size="h3" id="new-course-heading" mb="sm">
            Add a course
          </Title>
          <CourseForm />
        </section>
      )}
    </Stack>
  );
}
