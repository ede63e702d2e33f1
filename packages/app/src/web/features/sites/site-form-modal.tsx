import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Site } from '../../../contract/sites.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { api } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';

const fieldIds = { name: 'site-name' };

/** Add a site, or rename one. */
export function SiteFormModal({ site, onClose }: { site?: Site | undefined; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: site?.name ?? '' },
    validate: {
      name: (value) => {
        if (!value.trim()) return 'Enter the site name';
        return value.trim().length > 120 ? 'The site name must be 120 characters or fewer' : null;
      },
    },
  });
  const problems = useFormProblems(form, fieldIds);

  const save = useMutation({
    mutationFn: (name: string) =>
      site ? api.patch<Site>(`/api/sites/${site.id}`, { name }) : api.post<Site>('/api/sites', { name }),
    onSuccess: async (saved) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['sites'] }),
        queryClient.invalidateQueries({ queryKey: ['me'] }),
      ]);
      notifications.show({
        color: 'green',
        message: site ? `The site is now called ${saved.name}.` : `${saved.name} has been added.`,
      });
      onClose();
    },
    onError: problems.onApiError,
  });

  return (
    <Modal opened onClose={onClose} title={site ? `Rename ${site.name}` : 'Add a site'}>
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => save.mutate(values.name.trim()), problems.onValidationFailure)}
      >
        <Stack gap="md">
          <TextInput
            id={fieldIds.name}
            label="Site name"
            description="For example, the area or district: Wiltshire, Leeds."
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {site ? 'Save name' : 'Add site'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
