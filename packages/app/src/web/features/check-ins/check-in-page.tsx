import { Alert, Button, Container, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { CheckInColour } from '../../../contract/check-ins.ts';
import { api, isApiError } from '../../lib/api-client.ts';

type LinkView = { monitoredHoursText: string; crisisText: string };
type Reply = { message: string };

/** Big, labelled answers: the colour is never the only sign (WCAG 1.4.1). */
const answers: { value: CheckInColour; number: string; label: string; color: string; textColor: string }[] = [
  { value: 'green', number: '1', label: 'Green: I am doing well', color: '#1b5e20', textColor: 'white' },
  {
    value: 'amber',
    number: '2',
    label: 'Amber: things are not so good',
    color: 'yellow.4',
    textColor: 'dark.9',
  },
  { value: 'red', number: '3', label: 'Red: I need help', color: 'red.9', textColor: 'white' },
];

/**
 * A daily check-in answered from the link in a text, without an account. The token is in the URL
 * fragment (`/c#<token>`), which browsers never send to a server or in a Referer header; the page
 * posts it in the body.
 */
export function CheckInPage() {
  const [token] = useState(() => window.location.hash.replace(/^#/, ''));
  const view = useQuery({
    queryKey: ['check-in-link', token],
    queryFn: () => api.post<LinkView>('/api/check-ins/link', { token }),
    retry: false,
    enabled: token.length > 0,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  const heading = useRef<HTMLHeadingElement>(null);
  const [result, setResult] = useState<string | null>(null);
  const reply = useMutation({
    mutationFn: (answer: CheckInColour) => api.post<Reply>('/api/check-ins/link/reply', { token, answer }),
    onSuccess: (data) => setResult(data.message),
  });
  const stop = useMutation({
    mutationFn: () => api.post<Reply>('/api/check-ins/link/stop', { token }),
    onSuccess: (data) => setResult(data.message),
  });
  useEffect(() => {
    document.title = 'Your check-in – Peerpath';
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new screen moves focus to its heading
  useEffect(() => {
    heading.current?.focus();
  }, [result]);

  if (!token || view.isError)
    return (
      <Container size="xs" py="xl" component="main">
        <Title order={1}>This link does not open a check-in</Title>
        <Text mt="md">
          It may have been used already or have expired. You can still reply to the text with 1, 2 or 3.
        </Text>
        {view.error && !isApiError(view.error, 'not_found') && (
          <Text mt="md" c="dimmed">
            {view.error.message}
          </Text>
        )}
        <CrisisHelp />
      </Container>
    );
  if (!view.data)
    return (
      <Container size="xs" py="xl" component="main">
        <Text role="status">Opening your check-in…</Text>
      </Container>
    );

  const problem = reply.error ?? stop.error;
  return (
    <Container size="xs" py="xl" component="main">
      {result ? (
        <Stack>
          <Title order={1} ref={heading} tabIndex={-1}>
            Thank you
          </Title>
          <Text size="lg" style={{ whiteSpace: 'pre-wrap' }}>
            {result}
          </Text>
        </Stack>
      ) : (
        <Stack>
          <Title order={1} ref={heading} tabIndex={-1}>
            How are you today?
          </Title>
          {problem && (
            <Alert color="red" title="Your answer was not sent" role="alert">
              {isApiError(problem, 'not_found')
                ? 'This check-in has already been answered or has expired.'
                : problem.message}
            </Alert>
          )}
          <Stack gap="md" role="group" aria-label="Choose one answer">
            {answers.map((answer) => (
              <Button
                key={answer.value}
                size="xl"
                h={72}
                fullWidth
                color={answer.color}
                c={answer.textColor}
                loading={reply.isPending && reply.variables === answer.value}
                disabled={reply.isPending}
                onClick={() => reply.mutate(answer.value)}
                styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
              >
                {answer.number} – {answer.label}
              </Button>
            ))}
          </Stack>
        </Stack>
      )}
      <Text mt="xl">
        We read answers <strong>{view.data.monitoredHoursText}</strong>.
      </Text>
      <CrisisHelp text={view.data.crisisText} />
      {!stop.isSuccess && (
        <Button variant="subtle" mt="xl" onClick={() => stop.mutate()} loading={stop.isPending}>
          Stop these check-in texts
        </Button>
      )}
    </Container>
  );
}

function CrisisHelp({ text }: { text?: string }) {
  return (
    <Alert mt="md" color="blue" title="If you need help now">
      {text ??
        'Call NHS 111 and choose option 2 for mental health. In an emergency call 999. Samaritans are there day and night on 116 123.'}
    </Alert>
  );
}
