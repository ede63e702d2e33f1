import { Anchor, Button, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../lib/api-client.ts';
import { useMe } from '../auth/me-query.ts';
import { PasswordCheckForm } from './password-check-form.tsx';
import { RecoveryCodesList } from './recovery-codes-list.tsx';

/** Two-factor status, with the way to turn it on or to get a fresh set of recovery codes. */
export function TwoFactorSection() {
  const me = useMe();
  const [isRegenerating, setIsRegenerating] = useState(false);
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  const close = () => {
    setIsRegenerating(false);
    setNewCodes(null);
  };

  if (!me.user.isTwoFactorEnabled) {
    return (
      <Stack gap="sm" align="flex-start">
        <Text>
          Two-factor sign-in is off. Turning it on means a stolen password alone cannot open your account.
        </Text>
        <Anchor component={Link} to="/account/two-factor" fw={600}>
          Set up two-factor sign-in
        </Anchor>
      </Stack>
    );
  }

  return (
    <Stack gap="sm" align="flex-start">
      <Text>
        Two-factor sign-in is on. You sign in with your password and a code from your authenticator app.
      </Text>
      <Text>
        If you have used most of your recovery codes, or think someone else has seen them, get new ones.
      </Text>
      <Button variant="outline" onClick={() => setIsRegenerating(true)}>
        Get new recovery codes
      </Button>
      <Modal opened={isRegenerating} onClose={close} title="Get new recovery codes" size="md">
        {newCodes ? (
          <>
            <Text mb="sm" role="status">
              Your old recovery codes no longer work. Save these somewhere safe: you will not see them again.
            </Text>
            <RecoveryCodesList codes={newCodes} />
            <Button mt="lg" display="block" onClick={close}>
              I have saved these codes
            </Button>
          </>
        ) : (
          <>
            <Text mb="md">Your current recovery codes will stop working.</Text>
            <PasswordCheckForm
              id="recovery-codes-password"
              buttonLabel="Get new codes"
              request={(password) =>
                api.post<{ recoveryCodes: string[] }>('/api/me/two-factor/recovery-codes', { password })
              }
              onDone={(result) => {
                setNewCodes(result.recoveryCodes);
                notifications.show({ color: 'green', message: 'New recovery codes created.' });
              }}
            />
          </>
        )}
      </Modal>
    </Stack>
  );
}
