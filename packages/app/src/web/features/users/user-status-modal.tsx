import { Button, Group, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { UserSummary } from '../../../contract/users.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { api, isApiError } from '../../lib/api-client.ts';

/** Confirms disabling (no more sign-ins) or enabling a user. */
export function UserStatusModal({
  user,
  kind,
  onClose,
}: {
  user: UserSummary;
  kind: 'disable' | 'enable';
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [attempt, setAttempt] = useState(0);
  const change = useMutation({
    mutationFn: () => api.post<{ ok: true }>(`/api/users/${user.id}/${kind}`, {}),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      notifications.show({
        color: 'green',
        message: kind === 'disable' ? `${user.name} has been disabled.` : `${user.name} has been enabled.`,
      });
      onClose();
    },
    onError: () => setAttempt((n) => n + 1),
  });
  const errorItems = change.error
    ? [{ message: isApiError(change.error) ? change.error.message : 'Something went wrong. Try again.' }]
    : [];

  return (
    <Modal
      opened
      onClose={onClose}
      title={kind === 'disable' ? `Disable ${user.name}?` : `Enable ${user.name}?`}
    >
      <ErrorSummary items={errorItems} attempt={attempt} />
      <Text mb="lg">
        {kind === 'disable'
          ? 'They will be signed out everywhere and will not be able to sign in until someone enables them again. Their records stay.'
          : 'They will be able to sign in again with their existing password.'}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          color={kind === 'disable' ? 'red' : 'blue'}
          loading={change.isPending}
          onClick={() => change.mutate()}
        >
          {kind === 'disable' ? 'Disable' : 'Enable'}
        </Button>
      </Group>
    </Modal>
  );
}
