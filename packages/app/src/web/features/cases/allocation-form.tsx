import { Button, Checkbox, NativeSelect, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseDetail } from '../../../contract/cases.ts';
import { roleLabels } from '../../../contract/roles.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import { caseChanged, siteWorkersQueryOptions } from './cases-query.ts';

type Values = { leadUserId: string; coWorkerIds: string[] };
const fieldIds = { leadUserId: 'allocation-lead', coWorkerIds: 'allocation-co-workers' };

const valuesOf = (item: CaseDetail): Values => ({
  leadUserId: item.workers.find((worker) => worker.role === 'lead')?.userId ?? '',
  coWorkerIds: item.workers.filter((worker) => worker.role === 'co_worker').map((worker) => worker.userId),
});

/** Coordinators: choose the lead worker and any co-workers from the people at the case's site. */
export function AllocationForm({ item }: { item: CaseDetail }) {
  const workers = useQuery(siteWorkersQueryOptions(item.siteId));
  if (workers.isPending) return <PageLoader label="Loading workers" />;
  if (workers.isError) return <QueryError error={workers.error} onRetry={() => void workers.refetch()} />;

  // People already on the case stay choosable even if they have since left the site's list.
  const people = new Map<string, string>();
  for (const user of workers.data)
    people.set(user.id, `${user.name} (${roleLabels[user.role].toLowerCase()})`);
  for (const worker of item.workers) if (!people.has(worker.userId)) people.set(worker.userId, worker.name);
  return <AllocationFields item={item} people={[...people].map(([id, label]) => ({ id, label }))} />;
}

function AllocationFields({ item, people }: { item: CaseDetail; people: { id: string; label: string }[] }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: valuesOf(item),
    validate: {
      coWorkerIds: (value) => (value.length > 10 ? 'Choose up to 10 co-workers' : null),
    },
  });
  const problems = useFormProblems(form, fieldIds);
  const save = useMutation({
    mutationFn: (values: Values) =>
      api.post<CaseDetail>(`/api/cases/${item.id}/allocation`, {
        leadUserId: values.leadUserId || null,
        coWorkerIds: values.coWorkerIds.filter((id) => id !== values.leadUserId),
      }),
    onSuccess: async (saved) => {
      await caseChanged(queryClient, saved);
      form.setInitialValues(valuesOf(saved));
      form.setValues(valuesOf(saved));
      const lead = saved.workers.find((worker) => worker.role === 'lead');
      notifications.show({
        color: 'green',
        message: lead
          ? `Case ${saved.localCaseId} is allocated to ${lead.name}.`
          : `Case ${saved.localCaseId} has no lead worker now.`,
      });
    },
    onError: problems.onApiError,
  });

  if (people.length === 0)
    return (
      <Text>
        Nobody at this site can take cases yet. Add peer supporters or volunteers to the site first.
      </Text>
    );

  return (
    <>
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => save.mutate(values), problems.onValidationFailure)}
      >
        <Stack gap="md" maw={480}>
          <NativeSelect
            id={fieldIds.leadUserId}
            label="Lead worker"
            data={[
              { value: '', label: 'No lead yet' },
              ...people.map((p) => ({ value: p.id, label: p.label })),
            ]}
            {...form.getInputProps('leadUserId')}
          />
          <Checkbox.Group
            id={fieldIds.coWorkerIds}
            label="Co-workers (optional)"
            description="For example a volunteer who shadows the lead."
            {...form.getInputProps('coWorkerIds')}
          >
            <Stack gap="xs" mt="xs">
              {people
                .filter((person) => person.id !== form.values.leadUserId)
                .map((person) => (
                  <Checkbox key={person.id} value={person.id} label={person.label} />
                ))}
            </Stack>
          </Checkbox.Group>
          <div>
            <Button type="submit" loading={save.isPending}>
              Save allocation
            </Button>
          </div>
        </Stack>
      </form>
    </>
  );
}
