import { NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { courseModes } from '../../../contract/workforce-codes.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { FormActions } from '../../components/form-actions.tsx';
import { api } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import {
  type CourseFormValues,
  courseFormProblems,
  courseFormValuesOf,
  courseModeLabels,
  courseRequestBody,
  emptyCourseForm,
} from './training-form.ts';
import type { Course } from './training-query.ts';

const fieldIdsFor = (prefix: string) => ({
  title: `${prefix}-title`,
  mode: `${prefix}-mode`,
  awardingBody: `${prefix}-awarding-body`,
  level: `${prefix}-level`,
  certificateValidMonths: `${prefix}-certificate-months`,
  modules: `${prefix}-modules`,
});

/** Adds a course, or edits one when given it; the modules are one per line, in teaching order. */
export function CourseForm({ course, onDone }: { course?: Course; onDone?: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<CourseFormValues>({
    mode: 'controlled',
    initialValues: course ? courseFormValuesOf(course) : emptyCourseForm,
    validate: (values) => courseFormProblems(values),
  });
  const fieldIds = fieldIdsFor(course ? `course-${course.id}` : 'course');
  const problems = useFormProblems(form, fieldIds);
  const save = useMutation({
    mutationFn: (values: CourseFormValues) =>
      course
        ? api.put<Course>(`/api/training/courses/${course.id}`, courseRequestBody(values))
        : api.post<Course>('/api/training/courses', courseRequestBody(values)),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['training'] });
      problems.clear();
      notifications.show({
        color: 'green',
        message: course ? `Course “${saved.title}” saved.` : `Course “${saved.title}” added.`,
      });
      if (course) onDone?.();
      else form.reset();
    },
    onError: problems.onApiError,
  });
  const isAccredited = form.values.mode === 'accredited';
  return (
    <div>
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
            <FormActions
              submitLabel={course ? 'Save course' : 'Add course'}
              isPending={save.isPending}
              onCancel={onDone}
            />
          </div>
        </Stack>
      </form>
    </div>
  );
}
