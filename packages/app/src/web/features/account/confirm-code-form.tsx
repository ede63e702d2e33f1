import { Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { api, isApiError } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';

const fieldIds = { code: 'enrol-code' };

/** Last step of enrolment: a code from the app proves it was set up correctly. */
export function ConfirmCodeForm({ onConfirmed }: { onConfirmed: () => void }) {
  const form = useForm({
    mode: 'controlled',
    initialValues: { code: '' },
    validate: {
      code: (value) => {
        const code = value.replace(/\s/g, '');
        if (!code) return 'Enter the 6-digit code from your authenticator app';
        return /^\d{6}$/.test(code) ? null : 'The code must be 6 digits, like 123456';
      },
    },
  });
  const problems = useFormProblems(form, fieldIds);
  const confirm = useMutation({
    mutationFn: (code: string) => api.post<{ ok: true }>('/api/me/two-factor/confirm', { code }),
    onSuccess: onConfirmed,
    onError: (error) => {
      if (isApiError(error, 'invalid_code')) problems.showFieldErrors({ code: error.message });
      else problems.onApiError(error);
    },
  });

  return (
    <>
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit(
          (values) => confirm.mutate(values.code.replace(/\s/g, '')),
          problems.onValidationFailure,
        )}
      >
        <Stack gap="md">
          <TextInput
            id={fieldIds.code}
            label="Security code"
            description="The 6-digit code your authenticator app now shows for Peerpath."
            autoComplete="one-time-code"
            inputMode="numeric"
            maw={220}
            {...form.getInputProps('code')}
          />
          <div>
            <Button type="submit" loading={confirm.isPending}>
              Turn on two-factor
            </Button>
          </div>
        </Stack>
      </form>
    </>
  );
}
