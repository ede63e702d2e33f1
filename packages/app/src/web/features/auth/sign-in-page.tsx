import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { CodeStep } from './code-step.tsx';
import { PasswordStep } from './password-step.tsx';
import { safeRedirectTarget } from './redirect-target.ts';
import { SignInLayout } from './sign-in-layout.tsx';

const route = getRouteApi('/sign-in');

export function SignInPage() {
  const search = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [notice, setNotice] = useState<string | undefined>(
    search.signedOut ? 'You have signed out.' : undefined,
  );

  const finish = async () => {
    await queryClient.invalidateQueries({ queryKey: ['me'] });
    await navigate({ href: safeRedirectTarget(search.redirect), replace: true });
  };

  return (
    <SignInLayout>
      {step === 'password' ? (
        <PasswordStep
          notice={notice}
          onDone={(status) => {
            setNotice(undefined);
            if (status === 'two_factor_required') setStep('code');
            else void finish();
          }}
        />
      ) : (
        <CodeStep
          onSignedIn={() => void finish()}
          onRestart={(reason) => {
            setNotice(reason || undefined);
            setStep('password');
          }}
        />
      )}
    </SignInLayout>
  );
}
