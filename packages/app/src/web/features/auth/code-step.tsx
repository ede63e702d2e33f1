import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { api, isApiError } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import { isTooManyAttempts, tooManyAttemptsMessage } from './too-many-attempts.ts';

type Method = 'totp' | 'recovery_code';
const fieldIds = { code: 'sign-in-code' };

const copy: Record<Method, { label: string; hint: string; empty: string; switchTo: string }> = {
  totp: {
    label: 'Security code',
    hint: 'The 6-digit code shown in your authenticator app.',
    empty: 'Enter the 6-digit code from your authenticator app',
    switchTo: 'Use a recovery code instead',
  },
  recovery_code: {
    label: 'Recovery code',
    hint: 'One of the recovery codes you saved when you set up two-factor. Each code works once.',
    empty: 'Enter one of your recovery codes',
    switchTo: 'Use a code from your authenticator app instead',
  },
};

/** Second step of sign-in: a code from the authenticator app, or a recovery code. */
export function CodeStep({
  onSignedIn,
  onRestart,
}: {
  onSignedIn: () => void;
  onRestart: (reason: string) => void;
}) {
  const [method, setMethod] = useState<Method>('totp');
  const text = copy[method];
  const form = useForm({
    mode: 'controlled',
    initialValues: { code: '' },
    validate: {
      code: (value) => {
        const code = value.replace(/\s/g, '');
        if (!code) return text.empty;
        if (method === 'totp' && !/^\d{6}$/.test(code)) return 'The code must be 6 digits, like 123456';
        return null;
      },
    },
  });
  const problems = useFormProblems(form, fieldIds);

  useEffect(() => {
    document.getElementById(fieldIds.code)?.focus();
  }, []);

  const verify = useMutation({
    mutationFn: (body: { code: string; method: Method }) =>
      api.post<{ status: 'signed_in' }>('/api/auth/two-factor/verify', body),
    meta: { handlesSessionProblems: true },
    onSuccess: onSignedIn,
    onError: (error) => {
      if (isTooManyAttempts(error)) {
        problems.showGeneralError(tooManyAttemptsMessage(error.retryAfterSeconds));
      } else if (isApiError(error, 'unauthenticated')) {
        // The half-finished sign-in has expired: start again from the password.
        onRestart('Your sign-in timed out. Sign in again.');
      } else if (isApiError(error, 'invalid_code')) {
        problems.showFieldErrors({ code: error.message });
      } else {
        problems.onApiError(error);
      }
    },
  });

  const switchMethod = () => {
    setMethod(method === 'totp' ? 'recovery_code' : 'totp');
    form.reset();
    problems.clear();
    document.getElementById(fieldIds.code)?.focus();
  };

  return (
    <>
      <PageHeading title="Enter your security code" focusOnMount={false} />
      <ErrorSummary {...problems.summary} />
      <Text mb="md">Your organisation asks for a second step when you sign in.</Text>
      <form
        noValidate
        onSubmit={form.onSubmit(
          (values) => verify.mutate({ code: values.code.replace(/\s/g, ''), method }),
          problems.onValidationFailure,
        )}
      >
        <Stack gap="md">
          <TextInput
            id={fieldIds.code}
            label={text.label}
            description={text.hint}
            autoComplete="one-time-code"
            inputMode={method === 'totp' ? 'numeric' : 'text'}
            spellCheck={false}
            autoCapitalize="off"
            maw={method === 'totp' ? 220 : undefined}
            {...form.getInputProps('code')}
          />
          <Button type="submit" loading={verify.isPending}>
            Continue
          </Button>
        </Stack>
      </form>
      <Stack gap="xs" mt="lg" align="flex-start">
        <Anchor component="button" type="button" onClick={switchMethod}>
          {text.switchTo}
        </Anchor>
        <Anchor component="button" type="button" onClick={() => onRestart('')}>
          Sign in as someone else
        </Anchor>
      </Stack>
    </>
  );
}
