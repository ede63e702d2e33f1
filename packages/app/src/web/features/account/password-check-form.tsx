import { Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';

/** "Enter your password to carry on": guards enrolment and new recovery codes. */
export function PasswordCheckForm<T>({
  id,
  buttonLabel,
  request,
  onDone,
}: {
  id: string;
  buttonLabel: string;
  request: (password: string) => Promise<T>;
  onDone: (result: T) => void;
}) {
  const fieldIds = { password: id };
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '' },
    validate: { password: (value) => (value ? null : 'Enter your password') },
  });
  const problems = useFormProblems(form, fieldIds);
  const check = useMutation({
    mutationFn: request,
    onSuccess: onDone,
    onError: (error) => {
      if (isApiError(error, 'invalid_credentials')) problems.showFieldErrors({ password: error.message });
      else problems.onApiError(error);
    },
  });

  return (
    <>
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => check.mutate(values.password), problems.onValidationFailure)}
      >
        <Stack gap="md" maw={420}>
          <PasswordInput
            id={fieldIds.password}
            label="Your password"
            description="To check it is you."
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
          <div>
            <Button type="submit" loading={check.isPending}>
              {buttonLabel}
            </Button>
          </div>
        </Stack>
      </form>
    </>
  );
}
