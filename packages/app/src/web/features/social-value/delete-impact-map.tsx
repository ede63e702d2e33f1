import { Button, Group, Modal, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImpactMapSummary } from '../../../contract/social-value.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { api, isApiError } from '../../lib/api-client.ts';
import { socialValueChanged } from './social-value-query.ts';

/** A delete button that asks first: a map and its report go; the records it counted stay. */
export function DeleteImpactMap({ map }: { map: ImpactMapSummary }) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <Button variant="subtle" color="red" size="compact-sm" onClick={() => setIsOpen(true)}>
        Delete <VisuallyHidden>{map.title}</VisuallyHidden>
      </Button>
      {isOpen && <ConfirmDelete map={map} onClose={() => setIsOpen(false)} />}
    </>
  );
}

function ConfirmDelete({ map, onClose }: { map: ImpactMapSummary; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [attempt, setAttempt] = useState(0);
  const remove = useMutation({
    mutationFn: () => api.delete<unknown>(`/api/impact-maps/${map.id}`),
    onSuccess: async () => {
      await socialValueChanged(queryClient);
      notifications.show({ color: 'green', message: `“${map.title}” has been deleted.` });
      onClose();
    },
    onError: () => setAttempt((n) => n + 1),
  });
  const errorItems = remove.error
    ? [{ message: isApiError(remove.error) ? remove.error.message : 'Something went wrong. Try again.' }]
    : [];
  return (
    <Modal opened onClose={onClose} title={`Delete “${map.title}”?`}>
      <ErrorSummary items={errorItems} attempt={attempt} />
      <Text mb="lg">
        The map, its outcomes, costs and report go for good. The service records it counted are not touched.
        Download the report first if you may need it.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Keep it
        </Button>
        <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
          Delete impact map
        </Button>
      </Group>
    </Modal>
  );
}
