import { Anchor, Button, Checkbox, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { api } from '../../lib/api-client.ts';
import { useMe } from '../auth/me-query.ts';
import { ConfirmCodeForm } from './confirm-code-form.tsx';
import { PasswordCheckForm } from './password-check-form.tsx';
import { RecoveryCodesList } from './recovery-codes-list.tsx';
import { groupInFours } from './secret-text.ts';
import { TotpQrCode } from './totp-qr-code.tsx';

const savedCodesId = 'enrol-saved-codes';
const savedCodesError = 'Save your recovery codes, then tick the box to say you have';

type Enrolment = { totpUri: string; secret: string; recoveryCodes: string[] };

/**
 * Set up an authenticator app: password → scan (or type) the key → save the recovery codes →
 * prove it works with a code. The only page for people whose role must use two-factor until done.
 */
export function TwoFactorEnrolmentPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [hasSavedCodes, setHasSavedCodes] = useState(false);
  const [savedCodesAttempt, setSavedCodesAttempt] = useState(0);
  const [step, setStep] = useState<'password' | 'app' | 'confirm'>('password');

  if (me.user.isTwoFactorEnabled && !enrolment) {
    return (
      <>
        <PageHeading title="Two-factor sign-in" />
        <Text mb="md">Two-factor sign-in is already on for your account.</Text>
        <Anchor component={Link} to="/account">
          Back to my account
        </Anchor>
      </>
    );
  }

  const finish = async () => {
    await queryClient.invalidateQueries({ queryKey: ['me'] });
    notifications.show({ color: 'green', message: 'Two-factor sign-in is now on for your account.' });
    await navigate({ to: me.mustEnrolTwoFactor ? '/' : '/account' });
  };

  return (
    <Stack gap="lg" maw={640}>
      <div>
        <PageHeading title="Set up two-factor sign-in" />
        {me.mustEnrolTwoFactor ? (
          <Text>
            {me.organisation.name} asks everyone in your role to sign in with a code from an authenticator app
            as well as a password. Set it up now to carry on.
          </Text>
        ) : (
          <Text>
            After this, signing in will ask for a code from an authenticator app as well as your password.
          </Text>
        )}
      </div>

      {step === 'password' && (
        <section aria-labelledby="enrol-step-password">
          <Title order={2} size="h3" id="enrol-step-password" mb="sm">
            Step 1 of 3: confirm your password
          </Title>
          <PasswordCheckForm
            id="enrol-password"
            buttonLabel="Continue"
            request={(password) => api.post<Enrolment>('/api/me/two-factor/enrol', { password })}
            onDone={(result) => {
              setEnrolment(result);
              setStep('app');
            }}
          />
        </section>
      )}

      {step === 'app' && enrolment && (
        <>
          <ErrorSummary
            items={
              savedCodesAttempt > 0 && !hasSavedCodes
                ? [{ message: savedCodesError, fieldId: savedCodesId }]
                : []
            }
            attempt={savedCodesAttempt}
          />
          <section aria-labelledby="enrol-step-app">
            <Title
              order={2}
              size="h3"
              id="enrol-step-app"
              mb="sm"
              tabIndex={-1}
              ref={focusOnMount}
              className="page-heading"
            >
              Step 2 of 3: add Peerpath to your authenticator app
            </Title>
            <List type="ordered" spacing="xs" mb="md">
              <List.Item>
                Open an authenticator app on your phone (for example Microsoft Authenticator, Google
                Authenticator or 2FAS).
              </List.Item>
              <List.Item>Add an account and scan this QR code.</List.Item>
            </List>
            <TotpQrCode totpUri={enrolment.totpUri} />
            <Text mt="md" mb={4} fw={600} id="enrol-secret-label">
              Cannot scan it? Type this setup key instead:
            </Text>
            <Text className="code-text" aria-labelledby="enrol-secret-label">
              {groupInFours(enrolment.secret)}
            </Text>
          </section>

          <section aria-labelledby="enrol-recovery-codes">
            <Title order={2} size="h3" id="enrol-recovery-codes" mb="sm">
              Save your recovery codes
            </Title>
            <Text mb="sm">
              If you lose your phone, each of these codes lets you sign in once. Keep them somewhere safe,
              such as a password manager. You will not see them again.
            </Text>
            <RecoveryCodesList codes={enrolment.recoveryCodes} />
            <Checkbox
              mt="md"
              id={savedCodesId}
              label="I have saved these recovery codes"
              checked={hasSavedCodes}
              error={savedCodesAttempt > 0 && !hasSavedCodes ? savedCodesError : undefined}
              onChange={(event) => setHasSavedCodes(event.currentTarget.checked)}
            />
            <Group mt="md">
              <Button
                onClick={() => {
                  if (hasSavedCodes) setStep('confirm');
                  else setSavedCodesAttempt((n) => n + 1);
                }}
              >
                Continue
              </Button>
            </Group>
          </section>
        </>
      )}

      {step === 'confirm' && (
        <section aria-labelledby="enrol-step-confirm">
          <Title
            order={2}
            size="h3"
            id="enrol-step-confirm"
            mb="sm"
            tabIndex={-1}
            ref={focusOnMount}
            className="page-heading"
          >
            Step 3 of 3: enter a code from the app
          </Title>
          <ConfirmCodeForm onConfirmed={() => void finish()} />
          <Anchor component="button" type="button" mt="md" onClick={() => setStep('app')}>
            Show the QR code again
          </Anchor>
        </section>
      )}
    </Stack>
  );
}

/** Moves focus to a step's heading when it appears, so screen readers announce the new step. */
function focusOnMount(element: HTMLHeadingElement | null) {
  element?.focus();
}
