import { Button, Checkbox, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Organisation } from '../../../contract/organisation.ts';
import { type Role, roleLabels, roles } from '../../../contract/roles.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { api } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';

type Values = { name: string; twoFactorRequiredRoles: Role[] };
const fieldIds = { name: 'organisation-name', twoFactorRequiredRoles: 'two-factor-role-admin' };

export function OrganisationForm({ organisation }: { organisation: Organisation }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { name: organisation.name, twoFactorRequiredRoles: organisation.twoFactorRequiredRoles },
    validate: {
      name: (value) => {
        if (!value.trim()) return 'Enter the organisation name';
        return value.trim().length > 200 ? 'The name must be 200 characters or fewer' : null;
      },
    },
  });
  const problems = useFormProblems(form, fieldIds);

  const save = useMutation({
    mutationFn: (values: Values) =>
      api.patch<Organisation>('/api/organisation', {
        name: values.name.trim(),
        twoFactorRequiredRoles: values.twoFactorRequiredRoles,
      }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['organisation'], saved);
      form.setInitialValues({ name: saved.name, twoFactorRequiredRoles: saved.twoFactorRequiredRoles });
      // The organisation name and, for this person, "must enrol" may both have changed.
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      notifications.show({ color: 'green', message: 'Organisation settings saved.' });
    },
    onError: problems.onApiError,
  });

  return (
    <>
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => save.mutate(values), problems.onValidationFailure)}
      >
        <Stack gap="lg" maw={560}>
          <TextInput id={fieldIds.name} label="Organisation name" {...form.getInputProps('name')} />
          <Checkbox.Group
            label="Roles that must use two-factor sign-in"
            description="People in these roles have to set up an authenticator app before they can use Peerpath. Roles that can see personal records should be on this list."
            {...form.getInputProps('twoFactorRequiredRoles')}
          >
            <Stack gap="xs" mt="xs">
              {roles.map((role) => (
                <Checkbox key={role} id={`two-factor-role-${role}`} value={role} label={roleLabels[role]} />
              ))}
            </Stack>
          </Checkbox.Group>
          <div>
            <Button type="submit" loading={save.isPending}>
              Save settings
            </Button>
          </div>
        </Stack>
      </form>
    </>
  );
}
