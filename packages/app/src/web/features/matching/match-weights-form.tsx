import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MatchWeightsBody } from '../../../contract/matching.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import {
  type WeightKey,
  type WeightValues,
  weightError,
  weightFields,
  weightMax,
  weightMin,
  weightShares,
  weightsBodyOf,
  weightValuesOf,
} from './matching-forms.ts';

export const matchWeightsQueryOptions = (siteId: string) =>
  queryOptions({
    queryKey: ['matching', 'weights', siteId],
    queryFn: () => api.get<MatchWeightsBody>(`/api/sites/${siteId}/matching-weights`),
  });

const fieldIds = Object.fromEntries(weightFields.map(({ key }) => [key, `weight-${key}`])) as Record<
  WeightKey,
  string
>;

/** The site's soft-preference weights: how much each preference counts when peers are ranked. */
export function MatchWeightsSection({ siteId }: { siteId: string }) {
  const weights = useQuery(matchWeightsQueryOptions(siteId));
  if (weights.isPending) return <PageLoader label="Loading the matching weights" />;
  if (weights.isError) return <QueryError error={weights.error} onRetry={() => void weights.refetch()} />;
  return <MatchWeightsForm key={siteId} siteId={siteId} weights={weights.data} />;
}

function MatchWeightsForm({ siteId, weights }: { siteId: string; weights: MatchWeightsBody }) {
  const queryClient = useQueryClient();
  const form = useForm<WeightValues>({
    mode: 'controlled',
    initialValues: weightValuesOf(weights),
    validate: {
      livedExperience: weightError,
      area: weightError,
      language: weightError,
      capacity: weightError,
    },
  });
  const problems = useFormProblems(form, fieldIds);
  const save = useMutation({
    mutationFn: (values: WeightValues) =>
      api.put<MatchWeightsBody>(`/api/sites/${siteId}/matching-weights`, weightsBodyOf(values)),
    onSuccess: async (saved) => {
      form.setInitialValues(weightValuesOf(saved));
      form.setValues(weightValuesOf(saved));
      problems.clear();
      await queryClient.invalidateQueries({ queryKey: ['matching', 'weights', siteId] });
      notifications.show({ color: 'green', message: 'Matching weights saved.' });
    },
    onError: problems.onApiError,
  });
  const shares = weightShares(form.getValues());

  return (
    <>
      <Text mb="sm">
        Hard rules (checks, caseload, complexity, the client’s gender preference, cases a peer should avoid)
        always decide who may take a case. These weights only rank the peers who may. Each is a whole number
        from {weightMin} to {weightMax}; 0 means the preference does not count.
      </Text>
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        aria-label="Matching weights"
        onSubmit={form.onSubmit((values) => save.mutate(values), problems.onValidationFailure)}
      >
        <Stack gap="md" maw={520}>
          {weightFields.map(({ key, label, description }) => (
            <TextInput
              key={key}
              id={fieldIds[key]}
              label={label}
              description={
                shares[key] === null
                  ? description
                  : `${description} Now ${shares[key]}% of the most a peer can score.`
              }
              inputMode="numeric"
              maw={360}
              {...form.getInputProps(key)}
            />
          ))}
          <div>
            <Button type="submit" loading={save.isPending}>
              Save weights
            </Button>
          </div>
        </Stack>
      </form>
    </>
  );
}
