import { Alert, Button, Container, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Answers, RespondSurvey } from '../../../contract/outcomes.ts';
import { api, isApiError } from '../../lib/api-client.ts';
import { SurveyQuestion } from './survey-question.tsx';
import { stepsOf, stepValue, withStepValue } from './survey-steps.ts';

/**
 * A person completes a survey from the link they were sent, without an account. The token is in the
 * URL fragment (`/s#<token>`), which the browser never sends to a server or in a Referer header; the
 * page reads it here and sends it in the body of each request. One question per screen, answers
 * saved at each step, submitted once.
 */
export function RespondPage() {
  const [token] = useState(() => window.location.hash.replace(/^#/, ''));
  const survey = useQuery({
    queryKey: ['respond', token],
    queryFn: () => api.post<RespondSurvey>('/api/respond/open', { token }),
    retry: false,
    enabled: token.length > 0,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  useEffect(() => {
    document.title = 'Your survey – Peerpath';
  }, []);

  if (!token || survey.isError)
    return (
      <Container size="xs" py="xl" component="main">
        <Title order={1}>This link does not open a survey</Title>
        <Text mt="md">
          It may have been used already or have expired. Ask the person who sent it for a new link.
        </Text>
        {survey.error && !isApiError(survey.error, 'not_found') && (
          <Text mt="md" c="dimmed">
            {survey.error.message}
          </Text>
        )}
      </Container>
    );
  if (!survey.data)
    return (
      <Container size="xs" py="xl" component="main">
        <Text role="status">Opening your survey…</Text>
      </Container>
    );
  return <SurveyWizard token={token} survey={survey.data} />;
}

function SurveyWizard({ token, survey }: { token: string; survey: RespondSurvey }) {
  const steps = stepsOf(survey.items);
  const [answers, setAnswers] = useState<Answers>(survey.answers);
  // Step 0 is the introduction; steps 1..n the questions; n + 1 the check-and-submit screen.
  const [index, setIndex] = useState(0);
  const [isDone, setIsDone] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new screen moves focus to its heading
  useEffect(() => {
    heading.current?.focus();
  }, [index, isDone]);

  const save = useMutation({
    mutationFn: (next: Answers) => api.put('/api/respond/answers', { token, answers: next }),
  });
  const submit = useMutation({
    mutationFn: () => api.post('/api/respond/submit', { token, answers }),
    onSuccess: () => setIsDone(true),
  });
  const problem = save.error ?? submit.error;

  if (isDone)
    return (
      <Container size="xs" py="xl" component="main">
        <Title order={1} ref={heading} tabIndex={-1}>
          Thank you
        </Title>
        <Text mt="md">Your answers have been sent. You can close this page.</Text>
      </Container>
    );

  const step = index >= 1 && index <= steps.length ? steps[index - 1] : undefined;
  const isReview = index === steps.length + 1;
  const goTo = async (next: number) => {
    if (next > index && index > 0) await save.mutateAsync(answers).catch(() => undefined);
    setIndex(next);
  };
  const answered = steps.filter((s) => {
    const v = stepValue(answers, s);
    return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
  }).length;

  return (
    <Container size="xs" py="lg" component="main">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {survey.name}
        </Text>
        {index > 0 && (
          <>
            <Progress
              value={(Math.min(index, steps.length) / steps.length) * 100}
              aria-label={`Question ${Math.min(index, steps.length)} of ${steps.length}`}
            />
            <Text size="sm" aria-live="polite">
              {isReview ? `All ${steps.length} questions seen` : `Question ${index} of ${steps.length}`}
            </Text>
          </>
        )}
        {problem && (
          <Alert color="red" variant="outline" role="alert" title="Your answers could not be sent">
            {isApiError(problem) && problem.details.length > 0
              ? problem.details.map((d) => <Text key={d.field}>{d.message}</Text>)
              : problem.message}
          </Alert>
        )}
        <form
          aria-label={step ? 'Question' : isReview ? 'Send your answers' : 'About this survey'}
          onSubmit={(event) => {
            event.preventDefault();
            if (isReview) submit.mutate();
            else void goTo(index + 1);
          }}
        >
          <Stack gap="lg">
            {index === 0 && (
              <>
                <Title order={1} ref={heading} tabIndex={-1}>
                  {survey.name}
                </Title>
                {survey.introduction && <Text>{survey.introduction}</Text>}
                <Text>
                  There are {steps.length} questions, one at a time. You can skip any of them. Your answers
                  are saved as you go; this link works until{' '}
                  {new Date(survey.expiresAt).toLocaleDateString('en-GB', {
                    day: 'numeric',
                    month: 'long',
                    year: 'numeric',
                  })}
                  .
                </Text>
              </>
            )}
            {step && (
              <>
                <Title order={1} size="h4" ref={heading} tabIndex={-1}>
                  {step.part === 'before'
                    ? 'Before the service'
                    : step.part === 'now'
                      ? 'Now'
                      : `Question ${index}`}
                </Title>
                <SurveyQuestion
                  key={`${step.item.key}-${step.part}`}
                  step={step}
                  value={stepValue(answers, step)}
                  onChange={(v) => setAnswers((a) => withStepValue(a, step, v))}
                />
              </>
            )}
            {isReview && (
              <>
                <Title order={1} ref={heading} tabIndex={-1}>
                  Send your answers
                </Title>
                <Text>
                  You answered {answered} of {steps.length} questions. Once sent, your answers cannot be
                  changed.
                </Text>
              </>
            )}
            <Group justify="space-between">
              {index > 0 ? (
                <Button type="button" variant="default" onClick={() => void goTo(index - 1)}>
                  Back
                </Button>
              ) : (
                <span />
              )}
              <Button type="submit" loading={save.isPending || submit.isPending}>
                {index === 0 ? 'Start' : isReview ? 'Send my answers' : 'Next'}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Container>
  );
}
