import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { UserSummary } from '../../../contract/users.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fromDateTimeLocalValue } from '../../lib/dates.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import type { AuditSearch } from './audit-query.ts';

const fieldIds = { actorUserId: 'audit-user', from: 'audit-from', to: 'audit-to' };

/** "What did this user touch?", optionally between two times. */
export function UserActivityForm({
  users,
  onSearch,
}: {
  users: UserSummary[];
  onSearch: (search: AuditSearch) => void;
}) {
  const form = useForm({
    mode: 'controlled',
    initialValues: { actorUserId: '', from: '', to: '' },
    validate: {
      actorUserId: (value) => (value ? null : 'Choose a user'),
      from: (value) => (value && !fromDateTimeLocalValue(value) ? 'Enter a real date and time' : null),
      to: (value, values) => {
        if (!value) return null;
        const to = fromDateTimeLocalValue(value);
        if (!to) return 'Enter a real date and time';
        const from = fromDateTimeLocalValue(values.from);
        return from && to < from ? 'The "to" time must be after the "from" time' : null;
      },
    },
  });
  const problems = useFormProblems(form, fieldIds);
  const sortedUsers = [...users].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));

  return (
    <>
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit(
          (values) =>
            onSearch({
              kind: 'user',
              actorUserId: values.actorUserId,
              from: fromDateTimeLocalValue(values.from),
              to: fromDateTimeLocalValue(values.to),
            }),
          problems.onValidationFailure,
        )}
      >
        <Stack gap="md">
          <NativeSelect
            id={fieldIds.actorUserId}
            label="User"
            data={[
              { value: '', label: 'Choose a user' },
              ...sortedUsers.map((user) => ({ value: user.id, label: `${user.name} (${user.email})` })),
            ]}
            maw={480}
            {...form.getInputProps('actorUserId')}
          />
          <Group gap="sm" align="flex-start">
            <TextInput
              id={fieldIds.from}
              type="datetime-local"
              label="From (optional)"
              {...form.getInputProps('from')}
            />
            <TextInput
              id={fieldIds.to}
              type="datetime-local"
              label="To (optional)"
              {...form.getInputProps('to')}
            />
          </Group>
          <div>
            <Button type="submit">Search</Button>
          </div>
        </Stack>
      </form>
    </>
  );
}
