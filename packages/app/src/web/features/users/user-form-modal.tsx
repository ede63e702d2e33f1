import { Button, Checkbox, Group, Modal, NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Role, roleLabels, roles } from '../../../contract/roles.ts';
import type { UserSummary } from '../../../contract/users.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { api } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';

type UserFormValues = { name: string; email: string; role: Role; siteIds: string[]; password: string };

const fieldIds = {
  name: 'user-name',
  email: 'user-email',
  role: 'user-role',
  siteIds: 'user-sites-0',
  password: 'user-password',
};

type UserFormModalProps = {
  /** The user to edit; absent to add a new one. */
  user?: UserSummary | undefined;
  sites: { id: string; name: string }[];
  opened: boolean;
  onClose: () => void;
};

/** Add a user (name, e-mail, role, sites, first password) or change a user's name, role and sites. */
export function UserFormModal({ user, sites, opened, onClose }: UserFormModalProps) {
  const isNew = !user;
  const queryClient = useQueryClient();
  const form = useForm<UserFormValues>({
    mode: 'controlled',
    initialValues: {
      name: user?.name ?? '',
      email: user?.email ?? '',
      role: user?.role ?? 'peer_supporter',
      siteIds: user?.siteIds ?? (sites.length === 1 && sites[0] ? [sites[0].id] : []),
      password: '',
    },
    validate: {
      name: (value) => (value.trim() ? null : 'Enter a name'),
      email: (value) => {
        if (!isNew) return null;
        if (!value.trim()) return 'Enter an e-mail address';
        return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())
          ? null
          : 'Enter an e-mail address in the correct format, like name@example.org';
      },
      siteIds: (value) => (value.length > 0 ? null : 'Choose at least one site'),
      password: (value) => {
        if (!isNew) return null;
        if (!value) return 'Enter a first password';
        return value.length >= 12 ? null : 'The password must be at least 12 characters';
      },
    },
  });
  const problems = useFormProblems(form, fieldIds);

  const save = useMutation({
    mutationFn: (values: UserFormValues) =>
      isNew
        ? api.post<UserSummary>('/api/users', {
            ...values,
            name: values.name.trim(),
            email: values.email.trim(),
          })
        : api.patch<UserSummary>(`/api/users/${user.id}`, {
            name: values.name.trim(),
            role: values.role,
            siteIds: values.siteIds,
          }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      notifications.show({
        color: 'green',
        message: isNew ? `${saved.name} has been added.` : `Changes to ${saved.name} have been saved.`,
      });
      onClose();
    },
    onError: problems.onApiError,
  });

  return (
    <Modal opened={opened} onClose={onClose} title={isNew ? 'Add a user' : `Edit ${user.name}`} size="lg">
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => save.mutate(values), problems.onValidationFailure)}
      >
        <Stack gap="md">
          <TextInput
            id={fieldIds.name}
            label="Full name"
            autoComplete="off"
            {...form.getInputProps('name')}
          />
          {isNew && (
            <TextInput
              id={fieldIds.email}
              label="E-mail address"
              description="They sign in with this address."
              type="email"
              autoComplete="off"
              spellCheck={false}
              {...form.getInputProps('email')}
            />
          )}
          <NativeSelect
            id={fieldIds.role}
            label="Role"
            data={roles.map((value) => ({ value, label: roleLabels[value] }))}
            {...form.getInputProps('role')}
          />
          <Checkbox.Group
            label="Sites"
            description="Choose every site this person works at."
            {...form.getInputProps('siteIds')}
          >
            <Stack gap="xs" mt="xs">
              {sites.map((site, index) => (
                <Checkbox key={site.id} id={`user-sites-${index}`} value={site.id} label={site.name} />
              ))}
            </Stack>
          </Checkbox.Group>
          {isNew && (
            <PasswordInput
              id={fieldIds.password}
              label="First password"
              description="At least 12 characters. Give it to them in person or by phone, not by e-mail."
              autoComplete="new-password"
              {...form.getInputProps('password')}
            />
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {isNew ? 'Add user' : 'Save changes'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
