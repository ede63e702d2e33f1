import { Button, Checkbox, Fieldset, Group, List, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import type { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { complexities } from '../../../contract/case-codes.ts';
import type { CaseSummary } from '../../../contract/cases.ts';
import type { WorkforceDetail } from '../../../contract/workforce.ts';
import { caseCautions } from '../../../contract/workforce-codes.ts';
import { api } from '../../lib/api-client.ts';
import { complexityLabels } from '../cases/case-format.ts';
import { caseloadCapMax, knownAssociatesMax, type PersonFormValues } from './person-form-values.ts';
import { avoidCaseKindLabels } from './workforce-format.ts';

export const caseworkLimitFieldIds = {
  caseloadCap: 'person-caseload-cap',
  maxComplexity: 'person-max-complexity',
  avoidCaseKinds: `person-avoid-${caseCautions[0]}`,
  knownAssociateCaseIds: 'person-associate-search',
};

/** Only a case ID's own characters: a name (with spaces) is never sent in the address. */
const caseIdPattern = /^[A-Za-z0-9][A-Za-z0-9/_.-]{0,39}$/;

type Props = {
  form: Pick<
    ReturnType<typeof useForm<PersonFormValues>>,
    'values' | 'errors' | 'setFieldValue' | 'clearFieldError' | 'getInputProps'
  >;
  /** When editing: the local case IDs of the associates already recorded. */
  person?: WorkforceDetail;
};

/** Hard limits matching never breaks: caseload cap, complexity, kinds of case to avoid, known associates. */
export function CaseworkLimitsFields({ form, person }: Props) {
  const [localIds, setLocalIds] = useState(
    () => new Map((person?.knownAssociates ?? []).map((a) => [a.caseId, a.localCaseId])),
  );
  const [typed, setTyped] = useState('');
  const [searched, setSearched] = useState('');
  const [searchError, setSearchError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const searchInput = useRef<HTMLInputElement>(null);
  const chosen = form.values.knownAssociateCaseIds;

  const found = useQuery({
    queryKey: ['cases', 'by-local-id', searched],
    queryFn: () => api.post<{ items: CaseSummary[] }>('/api/cases/search', { search: searched, limit: 20 }),
    enabled: searched !== '',
  });
  // The API also matches names; keep to cases whose ID contains what was typed, and show only IDs.
  const matches = (found.data?.items ?? []).filter((c) =>
    c.localCaseId.toLocaleLowerCase('en-GB').includes(searched.toLocaleLowerCase('en-GB')),
  );

  const search = () => {
    const term = typed.trim();
    if (!caseIdPattern.test(term)) {
      setSearchError(
        'Enter a case ID (letters, digits, dashes, dots, slashes or underscores), not a person’s name.',
      );
      return;
    }
    setSearchError(null);
    setAnnouncement('');
    setSearched(term);
  };
  const add = (c: CaseSummary) => {
    setLocalIds((before) => new Map(before).set(c.id, c.localCaseId));
    form.setFieldValue('knownAssociateCaseIds', [...chosen, c.id]);
    form.clearFieldError('knownAssociateCaseIds');
    setAnnouncement(`Case ${c.localCaseId} added to known associates.`);
    // The Add button goes once the case is chosen: keep focus where the next search starts.
    searchInput.current?.focus();
  };
  const remove = (caseId: string, name: string) => {
    form.setFieldValue(
      'knownAssociateCaseIds',
      chosen.filter((id) => id !== caseId),
    );
    setAnnouncement(`${name.charAt(0).toUpperCase()}${name.slice(1)} removed from known associates.`);
    searchInput.current?.focus();
  };
  const nameOf = (caseId: string, index: number) => {
    const localId = localIds.get(caseId);
    return localId ? `case ${localId}` : `case outside your sites (${index + 1})`;
  };

  return (
    <Fieldset legend="Casework limits" variant="unstyled">
      <Stack gap="md">
        <Text size="sm">Matching never breaks these, whatever else fits.</Text>
        <TextInput
          id={caseworkLimitFieldIds.caseloadCap}
          label="Caseload cap (optional)"
          description={`The most cases they may lead at once, from 0 to ${caseloadCapMax}. Leave blank for their role’s default.`}
          inputMode="numeric"
          autoComplete="off"
          w={200}
          {...form.getInputProps('caseloadCap')}
        />
        <NativeSelect
          id={caseworkLimitFieldIds.maxComplexity}
          label="Highest complexity they may lead"
          data={[
            { value: '', label: 'Their role’s default' },
            ...complexities.map((value) => ({ value, label: complexityLabels[value] })),
          ]}
          {...form.getInputProps('maxComplexity')}
        />
        <Checkbox.Group
          label="Kinds of case to avoid (optional)"
          description="For example, where their plan says so."
          {...form.getInputProps('avoidCaseKinds')}
        >
          <Stack gap="xs" mt="xs">
            {caseCautions.map((kind, index) => (
              <Checkbox
                key={kind}
                id={index === 0 ? caseworkLimitFieldIds.avoidCaseKinds : undefined}
                value={kind}
                label={avoidCaseKindLabels[kind]}
              />
            ))}
          </Stack>
        </Checkbox.Group>

        <Fieldset legend="Known associates (optional)" variant="unstyled">
          <Stack gap="xs">
            <Text size="sm">Cases they must never be matched to, shown by case ID.</Text>
            {chosen.length === 0 ? (
              <Text size="sm">None recorded.</Text>
            ) : (
              <List aria-label="Known associates recorded" listStyleType="none" spacing="xs">
                {chosen.map((caseId, index) => {
                  const name = nameOf(caseId, index);
                  return (
                    <List.Item key={caseId}>
                      <Group gap="sm" wrap="wrap">
                        <Text size="sm">{name.charAt(0).toUpperCase() + name.slice(1)}</Text>
                        <Button
                          size="compact-sm"
                          variant="outline"
                          color="red"
                          onClick={() => remove(caseId, name)}
                        >
                          Remove {name}
                        </Button>
                      </Group>
                    </List.Item>
                  );
                })}
              </List>
            )}
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                ref={searchInput}
                id={caseworkLimitFieldIds.knownAssociateCaseIds}
                label="Find a case by its case ID"
                description="Type all or part of the case ID, not a name."
                autoComplete="off"
                value={typed}
                onChange={(event) => setTyped(event.currentTarget.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    search();
                  }
                }}
                error={searchError ?? form.errors.knownAssociateCaseIds}
                style={{ flex: '1 1 12rem' }}
              />
              <Button type="button" variant="outline" onClick={search} loading={found.isFetching}>
                Find case
              </Button>
            </Group>
            <Text role="status" size="sm">
              {announcement ||
                (searched && found.isSuccess
                  ? matches.length === 0
                    ? `No case ID at your sites contains “${searched}”.`
                    : `${matches.length} ${matches.length === 1 ? 'case matches' : 'cases match'} “${searched}”.`
                  : '')}
              {searched && found.isError && 'The cases could not be searched. Try again.'}
            </Text>
            {searched && matches.length > 0 && (
              <List aria-label="Matching cases" listStyleType="none" spacing="xs">
                {matches.map((c) => (
                  <List.Item key={c.id}>
                    <Group gap="sm" wrap="wrap">
                      <Text size="sm">Case {c.localCaseId}</Text>
                      {chosen.includes(c.id) ? (
                        <Text size="sm" c="dimmed">
                          Already a known associate
                        </Text>
                      ) : (
                        <Button
                          size="compact-sm"
                          variant="light"
                          disabled={chosen.length >= knownAssociatesMax}
                          onClick={() => add(c)}
                        >
                          Add case {c.localCaseId}
                        </Button>
                      )}
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
        </Fieldset>
      </Stack>
    </Fieldset>
  );
}
