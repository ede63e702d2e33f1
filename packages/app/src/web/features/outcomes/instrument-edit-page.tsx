import { Alert, Button, Fieldset, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import type { InstrumentDetail } from '../../../contract/outcomes.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import { useCan } from '../auth/me-query.ts';
import { RouterAnchor } from '../cases/case-link.tsx';
import {
  contentOf,
  draftProblems,
  fieldIdsOf,
  type InstrumentDraft,
  instrumentDraftOf,
  saveProblemOf,
} from './instrument-form.ts';
import { instrumentQueryOptions, latestVersionOf } from './instruments-query.ts';
import { PublishInstrumentDialog } from './publish-instrument-dialog.tsx';
import { QuestionList } from './question-list.tsx';

export function InstrumentEditPage() {
  const can = useCan();
  const { instrumentId = '' } = useParams({ strict: false });
  const instrument = useQuery(instrumentQueryOptions(instrumentId));
  if (!can('surveys:manage')) return <NotPermitted title="Edit survey instrument" />;
  if (instrument.isPending)
    return (
      <>
        <PageHeading title="Edit survey instrument" />
        <PageLoader label="Loading the instrument" />
      </>
    );
  if (instrument.isError)
    return (
      <>
        <PageHeading title="Edit survey instrument" />
        <QueryError error={instrument.error} onRetry={() => void instrument.refetch()} />
      </>
    );
  return <InstrumentEditor key={instrument.data.id} instrument={instrument.data} />;
}

function InstrumentEditor({ instrument }: { instrument: InstrumentDetail }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const latest = latestVersionOf(instrument);
  const form = useForm<InstrumentDraft>({
    mode: 'controlled',
    initialValues: latest
      ? instrumentDraftOf(latest.content)
      : { name: instrument.name, introduction: '', citation: '', items: [] },
  });
  const problems = useFormProblems(form, fieldIdsOf(form.values));
  const [isStale, setIsStale] = useState(false);
  const staleRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (isStale) staleRef.current?.focus();
  }, [isStale]);
  const [isConfirming, setIsConfirming] = useState(false);
  const isDraft = latest?.status === 'draft';
  const version = latest?.version ?? 1;
  const draftVersion = isDraft ? version : version + 1;
  const isDirty = form.isDirty();

  const showProblems = (error: unknown) => {
    const problem = saveProblemOf(error, form.values.items);
    if (problem.kind === 'stale') {
      problems.clear();
      setIsStale(true);
    } else if (problem.kind === 'general') problems.showGeneralError(problem.message);
    else if (problem.general === null) problems.showFieldErrors(problem.fieldErrors);
    else {
      problems.showGeneralError(problem.general);
      form.setErrors(problem.fieldErrors);
    }
  };

  const saved = (detail: InstrumentDetail) => {
    queryClient.setQueryData(instrumentQueryOptions(instrument.id).queryKey, detail);
    void queryClient.invalidateQueries({ queryKey: ['outcomes', 'instruments'] });
    form.resetDirty();
  };
  const putDraft = (values: InstrumentDraft) =>
    api.put<InstrumentDetail>(`/api/outcomes/instruments/${instrument.id}/draft`, {
      content: contentOf(values),
      basedOnVersion: version,
    });

  const save = useMutation({
    mutationFn: putDraft,
    onSuccess: (detail) => {
      saved(detail);
      problems.clear();
      notifications.show({
        color: 'green',
        message: `Draft version ${latestVersionOf(detail)?.version ?? draftVersion} of “${detail.name}” saved.`,
      });
    },
    onError: showProblems,
  });
  const publish = useMutation({
    mutationFn: async (values: InstrumentDraft) => {
      if (isDirty || !isDraft) saved(await putDraft(values));
      return api.post<InstrumentDetail>(`/api/outcomes/instruments/${instrument.id}/publish`);
    },
    onSuccess: async (detail) => {
      setIsConfirming(false);
      saved(detail);
      await queryClient.invalidateQueries({ queryKey: ['outcomes'] });
      notifications.show({
        color: 'green',
        message: `Version ${detail.publishedVersion?.version ?? draftVersion} of “${detail.name}” is published. Surveys can now be given from it.`,
      });
      await navigate({ to: '/outcomes' });
    },
    onError: (error) => {
      setIsConfirming(false);
      showProblems(error);
    },
  });

  /** Checks the form against the contract first, so most problems are found without a round trip. */
  const checked = (values: InstrumentDraft) => {
    const found = draftProblems(values);
    if (Object.keys(found).length === 0) return true;
    problems.showFieldErrors(found);
    return false;
  };

  const reload = async () => {
    const fresh = await queryClient.fetchQuery({ ...instrumentQueryOptions(instrument.id), staleTime: 0 });
    const newest = latestVersionOf(fresh);
    if (newest) {
      const values = instrumentDraftOf(newest.content);
      form.setValues(values);
      form.resetDirty(values);
    }
    problems.clear();
    setIsStale(false);
    document.getElementById('instrument-name')?.focus();
  };

  return (
    <>
      <PageHeading title={`Edit: ${instrument.name}`} />
      <Text mb="md" maw="48rem">
        {isDraft
          ? `You are editing the draft, version ${version}. Surveys cannot be given from it until it is published.`
          : `Version ${version} is published and can no longer change. Saving your changes starts version ${draftVersion} as a draft; surveys already given keep version ${version}.`}
      </Text>
      {isStale && (
        <Alert
          color="red"
          variant="outline"
          role="alert"
          mb="md"
          title="Someone else has changed this instrument"
        >
          <Text mb="sm">
            It was saved or published by someone else after you opened it, so your changes were not saved.
            Reload it to see the newest version, then make your changes again. Reloading replaces what is on
            this page.
          </Text>
          <Button variant="outline" color="red.9" onClick={() => void reload()}>
            Reload the newest version
          </Button>
        </Alert>
      )}
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          if (checked(values)) save.mutate(values);
        })}
      >
        <Stack gap="lg">
          <Fieldset legend="About the instrument">
            <Stack gap="sm">
              <TextInput id="instrument-name" label="Name" {...form.getInputProps('name')} />
              <Textarea
                id="instrument-introduction"
                label="Introduction (optional)"
                description="Shown before the first question"
                autosize
                minRows={2}
                {...form.getInputProps('introduction')}
              />
              <Textarea
                id="instrument-citation"
                label="Source and licence (optional)"
                autosize
                minRows={1}
                {...form.getInputProps('citation')}
              />
            </Stack>
          </Fieldset>
          <QuestionList form={form} onReorder={problems.clear} />
          <Group wrap="wrap">
            <Button type="submit" loading={save.isPending}>
              {isDraft ? 'Save draft' : `Save as draft version ${draftVersion}`}
            </Button>
            {(isDraft || isDirty) && (
              <Button
                variant="outline"
                onClick={() => {
                  if (checked(form.values)) setIsConfirming(true);
                }}
              >
                Publish version {draftVersion}
              </Button>
            )}
            <RouterAnchor to="/outcomes">Back to outcomes</RouterAnchor>
          </Group>
        </Stack>
      </form>
      <PublishInstrumentDialog
        opened={isConfirming}
        name={form.values.name.trim() || instrument.name}
        version={draftVersion}
        hasUnsavedChanges={isDirty || !isDraft}
        isPending={publish.isPending}
        onConfirm={() => publish.mutate(form.values)}
        onClose={() => setIsConfirming(false)}
      />
    </>
  );
}
