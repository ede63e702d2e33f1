import { Alert, Button, Code, Group, NativeSelect, NumberInput, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import {
  type Answers,
  type caseSurveysResponse,
  type createdSurveyResponse,
  type instrumentsResponse,
  type SurveyDetail,
  type Wave,
  waveLabels,
  waves,
} from '../../../contract/outcomes.ts';
import { api, isApiError } from '../../lib/api-client.ts';
import { SurveyQuestion } from './survey-question.tsx';
import { stepsOf, stepValue, withStepValue } from './survey-steps.ts';

type CaseSurveys = z.infer<typeof caseSurveysResponse>;
type Created = z.infer<typeof createdSurveyResponse>;
type Instruments = z.infer<typeof instrumentsResponse>;

const ukDate = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const statusLabels = { invited: 'Not started', in_progress: 'Started', completed: 'Completed' } as const;

/** A case's surveys: give one (by interviewer or link), enter answers, send a new link. */
export function CaseSurveysSection({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  const surveys = useQuery({
    queryKey: ['cases', caseId, 'surveys'],
    queryFn: () => api.get<CaseSurveys>(`/api/cases/${caseId}/surveys`),
  });
  const instruments = useQuery({
    queryKey: ['surveys', 'instruments'],
    queryFn: () => api.get<Instruments>('/api/surveys/instruments'),
  });
  const [versionId, setVersionId] = useState('');
  const [wave, setWave] = useState<Wave>('baseline');
  const [followUp, setFollowUp] = useState<number | string>(1);
  const [mode, setMode] = useState<'interviewer' | 'link'>('interviewer');
  const [link, setLink] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['cases', caseId, 'surveys'] });
  const chosenVersion = versionId || instruments.data?.items[0]?.publishedVersion?.id || '';
  const give = useMutation({
    mutationFn: () =>
      api.post<Created>(`/api/cases/${caseId}/surveys`, {
        instrumentVersionId: chosenVersion,
        wave,
        followUpNumber: wave === 'follow_up' ? Number(followUp) : null,
        mode,
      }),
    onSuccess: (created) => {
      setLink(created.link ? `${window.location.origin}${created.link}` : null);
      if (!created.link) setOpenId(created.id);
      void refresh();
    },
  });
  const reissue = useMutation({
    mutationFn: (id: string) => api.post<Created>(`/api/surveys/${id}/link`, {}),
    onSuccess: (created) => {
      setLink(created.link ? `${window.location.origin}${created.link}` : null);
      void refresh();
    },
  });
  const problem = give.error ?? reissue.error;

  return (
    <Stack gap="md">
      {surveys.data?.items.length === 0 && <Text>No surveys yet.</Text>}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {surveys.data?.items.map((s) => (
          <li key={s.id}>
            <Group justify="space-between" wrap="wrap">
              <Text>
                {s.instrumentName} (v{s.instrumentVersion}) — {waveLabels[s.wave]}
                {s.followUpNumber ? ` ${s.followUpNumber}` : ''},{' '}
                {s.mode === 'link' ? 'by link' : 'interview'}: {statusLabels[s.status]}
                {s.completedAt ? ` ${ukDate(s.completedAt)}` : ''}
              </Text>
              {s.status !== 'completed' && (
                <Group gap="xs">
                  <Button size="xs" variant="light" onClick={() => setOpenId(s.id)}>
                    Enter answers
                  </Button>
                  <Button size="xs" variant="default" onClick={() => reissue.mutate(s.id)}>
                    New link
                  </Button>
                </Group>
              )}
            </Group>
          </li>
        ))}
      </Stack>
      {link && (
        <Alert color="teal" variant="outline" title="Send this link to the person">
          <Text size="sm">It works once, for 14 days, and is shown only now.</Text>
          <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {link}
          </Code>
        </Alert>
      )}
      {problem && (
        <Alert color="red" variant="outline" role="alert">
          {isApiError(problem) && problem.details.length > 0
            ? problem.details.map((d) => d.message).join(' ')
            : problem.message}
        </Alert>
      )}
      {openId && (
        <InterviewForm
          surveyId={openId}
          onDone={() => {
            setOpenId(null);
            void refresh();
          }}
        />
      )}
      <form
        aria-label="Give a survey"
        onSubmit={(event) => {
          event.preventDefault();
          give.mutate();
        }}
      >
        <Stack gap="sm">
          <NativeSelect
            label="Instrument"
            value={chosenVersion}
            onChange={(e) => setVersionId(e.currentTarget.value)}
            data={(instruments.data?.items ?? []).map((i) => ({
              value: i.publishedVersion?.id ?? '',
              label: `${i.name} (version ${i.publishedVersion?.version})`,
            }))}
          />
          <NativeSelect
            label="Wave"
            value={wave}
            onChange={(e) => setWave(e.currentTarget.value as Wave)}
            data={waves.map((w) => ({ value: w, label: waveLabels[w] }))}
          />
          {wave === 'follow_up' && (
            <NumberInput label="Follow-up number" min={1} max={20} value={followUp} onChange={setFollowUp} />
          )}
          <NativeSelect
            label="How"
            value={mode}
            onChange={(e) => setMode(e.currentTarget.value as 'interviewer' | 'link')}
            data={[
              { value: 'interviewer', label: 'I ask the questions (phone or face to face)' },
              { value: 'link', label: 'The person answers by a link' },
            ]}
          />
          <Button type="submit" loading={give.isPending} disabled={!chosenVersion}>
            Give the survey
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

/** The interviewer's form: every question on one scrolling page, saved or submitted. */
function InterviewForm({ surveyId, onDone }: { surveyId: string; onDone: () => void }) {
  const survey = useQuery({
    queryKey: ['surveys', surveyId],
    queryFn: () => api.get<SurveyDetail>(`/api/surveys/${surveyId}`),
  });
  const [answers, setAnswers] = useState<Answers | null>(null);
  const save = useMutation({
    mutationFn: (submit: boolean) =>
      api.put<SurveyDetail>(`/api/surveys/${surveyId}/answers`, { answers: answers ?? {}, submit }),
    onSuccess: (_result, submit) => {
      if (submit) onDone();
    },
  });
  if (!survey.data) return <Text role="status">Opening the survey…</Text>;
  const current = answers ?? survey.data.answers;
  const problems = isApiError(save.error) ? save.error.details : [];
  return (
    <form
      aria-label={`Answers: ${survey.data.instrumentName}`}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(true);
      }}
    >
      <Stack gap="lg">
        {stepsOf(survey.data.content.items).map((step) => (
          <SurveyQuestion
            key={`${step.item.key}-${step.part}`}
            step={step}
            value={stepValue(current, step)}
            onChange={(v) => setAnswers(withStepValue(current, step, v))}
            error={problems.find((p) => p.field === `answers.${step.item.key}`)?.message}
          />
        ))}
        {save.error && !problems.length && (
          <Alert color="red" variant="outline" role="alert">
            {save.error.message}
          </Alert>
        )}
        <Group>
          <Button type="button" variant="default" onClick={() => save.mutate(false)} loading={save.isPending}>
            Save for later
          </Button>
          <Button type="submit" loading={save.isPending}>
            Submit answers
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
