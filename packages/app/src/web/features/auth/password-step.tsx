import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { api, isApiError } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import { isTooManyAttempts, tooManyAttemptsMessage } from './too-many-attempts.ts';

type SignInStatus = 'signed_in' | 'two_factor_required';
const fieldIds = { email: 'sign-in-email', password: 'sign-in-password' };

export function PasswordStep({
  onDone,
  notice,
}: {
  onDone: (status: SignInStatus) => void;
  notice?: string | undefined;
}) {
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => {
        if (!value.trim()) return 'Enter your e-mail address';
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())) {
          return 'Enter an e-mail address in the correct format, like name@example.org';
        }
        return null;
      },
      password: (value) => (value ? null : 'Enter your password'),
    },
  });
  const problems = useFormProblems(form, fieldIds);

  const signIn = useMutation({
    mutationFn: (values: { email: string; password: string }) =>
      api.post<{ status: SignInStatus }>('/api/auth/sign-in', values),
    meta: { handlesSessionProblems: true },
    onSuccess: (result) => onDone(result.status),
    onError: (error) => {
      if (isTooManyAttempts(error)) {
        problems.showGeneralError(tooManyAttemptsMessage(error.retryAfterSeconds));
      } else if (isApiError(error, 'invalid_credentials')) {
        problems.showFieldErrors({ password: error.message });
      } else {
        problems.onApiError(error);
      }
    },
  });

  return (
    <>
      <PageHeading title="Sign in" />
      {notice && (
        <Alert color="blue" variant="outline" mb="md" role="status">
          {notice}
        </Alert>
      )}
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit(
          (values) => signIn.mutate({ email: values.email.trim(), password: values.password }),
          problems.onValidationFailure,
        )}
      >
        <Stack gap="md">
          <TextInput
            id={fieldIds.email}
            label="E-mail address"
            type="email"
            autoComplete="username"
            spellCheck={false}
            {...form.getInputProps('email')}
          />
          <PasswordInput
            id={fieldIds.password}
            label="Password"
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={signIn.isPending}>
            Sign in
          </Button>
        </Stack>
      </form>
    </>
  );
}
