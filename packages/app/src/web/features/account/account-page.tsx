import { Paper, Stack, Text, Title } from '@mantine/core';
import { roleLabels } from '../../../contract/roles.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { useMe } from '../auth/me-query.ts';
import { SessionsList } from './sessions-list.tsx';
import { TwoFactorSection } from './two-factor-section.tsx';

export function AccountPage() {
  const me = useMe();
  return (
    <Stack gap="xl">
      <div>
        <PageHeading title="My account" />
        <Text>
          {me.user.name}, {me.user.email}
        </Text>
        <Text>
          {roleLabels[me.user.role]} at {me.organisation.name}
        </Text>
      </div>
      <section aria-labelledby="account-two-factor">
        <Title order={2} id="account-two-factor" mb="sm">
          Two-factor sign-in
        </Title>
        <Paper withBorder p="md">
          <TwoFactorSection />
        </Paper>
      </section>
      <section aria-labelledby="account-sessions">
        <Title order={2} id="account-sessions" mb="xs">
          Where you are signed in
        </Title>
        <Text mb="md">
          If you see a device you do not recognise, end that session and tell your organisation admin.
        </Text>
        <SessionsList />
      </section>
    </Stack>
  );
}
