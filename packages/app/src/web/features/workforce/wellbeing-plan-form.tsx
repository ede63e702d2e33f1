import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { WorkforceDetail } from '../../../contract/workforce.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import {
  type WellbeingPlanField,
  type WellbeingPlanValues,
  wellbeingPlanBody,
  wellbeingPlanFields,
  wellbeingPlanLabels,
  wellbeingPlanProblems,
  wellbeingPlanValuesOf,
} from './supervision-values.ts';

type WellbeingPlan = Record<WellbeingPlanField, string | null> & { updatedAt: string | null };

const fieldIds: Record<WellbeingPlanField, string> = {
  earlySigns: 'wellbeing-early-signs',
  whatHelps: 'wellbeing-what-helps',
  steppingBack: 'wellbeing-stepping-back',
  whoToContact: 'wellbeing-who-to-contact',
};

/** The wellbeing and relapse-prevention plan: private to the person and their supervisor. */
export function WellbeingPlanForm({ person }: { person: WorkforceDetail }) {
  const queryClient = useQueryClient();
  const queryKey = ['workforce', 'wellbeing-plan', person.id];
  const plan = useQuery({
    queryKey,
    queryFn: () => api.get<WellbeingPlan>(`/api/workforce/${person.id}/wellbeing-plan`),
    retry: false,
  });
  const form = useForm<WellbeingPlanValues>({
    mode: 'controlled',
    initialValues: wellbeingPlanValuesOf({}),
    validate: wellbeingPlanProblems,
  });
  const problems = useFormProblems(form, fieldIds);
  const loaded = plan.data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: fill the form once per loaded plan
  useEffect(() => {
    if (loaded) {
      form.setInitialValues(wellbeingPlanValuesOf(loaded));
      form.setValues(wellbeingPlanValuesOf(loaded));
    }
  }, [loaded]);
  const save = useMutation({
    mutationFn: (values: WellbeingPlanValues) =>
      api.put<WellbeingPlan>(`/api/workforce/${person.id}/wellbeing-plan`, wellbeingPlanBody(values)),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKey, saved);
      notifications.show({ color: 'green', message: 'Wellbeing plan saved.' });
    },
    onError: problems.onApiError,
  });
  if (plan.isPending) return <PageLoader label="Loading the wellbeing plan" />;
  if (plan.isError) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  return (
    <form
      noValidate
      aria-label="Wellbeing and relapse-prevention plan"
      onSubmit={form.onSubmit((values) => save.mutate(values), problems.onValidationFailure)}
    >
      <Stack gap="sm" maw={560}>
        <ErrorSummary {...problems.summary} />
        <Text size="sm">
          Private to {person.displayName} and their supervisor.{' '}
          {plan.data.updatedAt
            ? `Last updated ${formatDateTime(new Date(plan.data.updatedAt))}.`
            : 'Not written yet.'}
        </Text>
        {wellbeingPlanFields.map((field) => (
          <Textarea
            key={field}
            id={fieldIds[field]}
            label={`${wellbeingPlanLabels[field].label} (optional)`}
            description={wellbeingPlanLabels[field].description}
            autosize
            minRows={2}
            {...form.getInputProps(field)}
          />
        ))}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save wellbeing plan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
