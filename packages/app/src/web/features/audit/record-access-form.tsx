import { Button, Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { useFormProblems } from '../../lib/form-problems.ts';
import type { AuditSearch } from './audit-query.ts';

const fieldIds = { recordId: 'audit-record-id' };

/** "Who accessed this record?" */
export function RecordAccessForm({ onSearch }: { onSearch: (search: AuditSearch) => void }) {
  const form = useForm({
    mode: 'controlled',
    initialValues: { recordId: '' },
    validate: {
      recordId: (value) => {
        if (!value.trim()) return 'Enter the record id';
        return value.trim().length > 100 ? 'The record id must be 100 characters or fewer' : null;
      },
    },
  });
  const problems = useFormProblems(form, fieldIds);

  return (
    <>
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit(
          (values) => onSearch({ kind: 'record', recordId: values.recordId.trim() }),
          problems.onValidationFailure,
        )}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            id={fieldIds.recordId}
            label="Record id"
            description="The id of a user, site or case, as shown in Peerpath."
            spellCheck={false}
            autoComplete="off"
            miw={260}
            style={{ flexGrow: 1 }}
            {...form.getInputProps('recordId')}
          />
          <Button type="submit">Search</Button>
        </Group>
      </form>
    </>
  );
}
