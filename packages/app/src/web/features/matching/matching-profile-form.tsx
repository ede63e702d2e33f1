import { Button, Checkbox, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CaseDetail } from '../../../contract/cases.ts';
import type { CaseMatchingProfile } from '../../../contract/matching.ts';
import { caseCautions } from '../../../contract/workforce-codes.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { api } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import { genderPreferenceLabels } from '../cases/case-format.ts';
import { RouterAnchor } from '../cases/case-link.tsx';
import {
  caseCautionLabels,
  type ProfileValues,
  profileBodyOf,
  profileErrors,
  profileLimits,
  profileValuesOf,
} from './matching-forms.ts';

const fieldIds = {
  area: 'matching-area',
  language: 'matching-language',
  kinds: 'matching-kind-confrontational',
};

/**
 * What matching knows about the case beyond the referral (issue 6 §8): the area and language rank
 * peers who cover or speak them; the kinds of case rule out peers whose plan says to avoid them.
 */
export function MatchingProfileForm({
  item,
  profile,
  queryKey,
}: {
  item: CaseDetail;
  profile: CaseMatchingProfile;
  queryKey: readonly unknown[];
}) {
  const queryClient = useQueryClient();
  const form = useForm<ProfileValues>({
    mode: 'controlled',
    initialValues: profileValuesOf(profile),
    validate: (values) => profileErrors(values),
  });
  const problems = useFormProblems(form, fieldIds);
  const save = useMutation({
    mutationFn: (values: ProfileValues) =>
      api.put<CaseMatchingProfile>(`/api/cases/${item.id}/matching-profile`, profileBodyOf(values)),
    onSuccess: async (saved) => {
      form.setInitialValues(profileValuesOf(saved));
      form.setValues(profileValuesOf(saved));
      problems.clear();
      await queryClient.invalidateQueries({ queryKey });
      notifications.show({ color: 'green', message: `Matching details for case ${item.localCaseId} saved.` });
    },
    onError: problems.onApiError,
  });
  const preference = item.genderPreference ?? 'no_preference';

  return (
    <details>
      <summary>
        <Text component="span" fw={600}>
          Matching details
        </Text>
      </summary>
      <Stack gap="sm" mt="sm" aria-labelledby="matching-profile-heading">
        <Title order={4} size="h5" id="matching-profile-heading">
          Matching details for case {item.localCaseId}
        </Title>
        <Text size="sm">
          Gender preference:{' '}
          {genderPreferenceLabels[preference as keyof typeof genderPreferenceLabels] ?? 'No preference'} (
          <RouterAnchor to="/cases/$caseId/edit" params={{ caseId: item.id }} size="sm">
            change it on the case details
          </RouterAnchor>
          ).
        </Text>
        <ErrorSummary {...problems.summary} />
        <form
          noValidate
          aria-label="Matching details"
          onSubmit={form.onSubmit((values) => save.mutate(values), problems.onValidationFailure)}
        >
          <Stack gap="sm" maw={420}>
            <TextInput
              id={fieldIds.area}
              label="Area (optional)"
              description={`Where the client lives or will be seen, as peers record the areas they cover. Up to ${profileLimits.area} characters.`}
              autoComplete="off"
              {...form.getInputProps('area')}
            />
            <TextInput
              id={fieldIds.language}
              label="Language (optional)"
              description={`The language the client would rather speak, if not English. Up to ${profileLimits.language} characters.`}
              autoComplete="off"
              {...form.getInputProps('language')}
            />
            <Checkbox.Group
              label="This case (optional)"
              description="Peers whose plan says to avoid these kinds of case are not suggested."
              {...form.getInputProps('kinds')}
            >
              <Stack gap="xs" mt="xs">
                {caseCautions.map((kind) => (
                  <Checkbox
                    key={kind}
                    id={`matching-kind-${kind}`}
                    value={kind}
                    label={caseCautionLabels[kind]}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
            <div>
              <Button type="submit" variant="default" loading={save.isPending}>
                Save matching details
              </Button>
            </div>
          </Stack>
        </form>
      </Stack>
    </details>
  );
}
