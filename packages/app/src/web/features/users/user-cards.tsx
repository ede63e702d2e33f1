import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { roleLabels } from '../../../contract/roles.ts';
import { siteNamesOf, statusLabel, twoFactorLabel } from './user-labels.ts';
import { UserRowActions } from './user-row-actions.tsx';
import type { UserListProps } from './users-table.tsx';

function Fact({ term, children, isWide }: { term: string; children: React.ReactNode; isWide?: boolean }) {
  return (
    <div style={isWide ? { gridColumn: '1 / -1' } : undefined}>
      <Text component="dt" size="sm" fw={600}>
        {term}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** Phones: one card per user, so nothing scrolls sideways at 360 px. */
export function UserCards({ users, siteNames, currentUserId, onAction }: UserListProps) {
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Users">
      {users.map((user) => (
        <Paper component="li" key={user.id} withBorder p="sm">
          <Title order={2} size="h4" mb="xs">
            {user.name}
            {user.id === currentUserId && ' (you)'}
          </Title>
          <SimpleGrid component="dl" cols={2} spacing="xs" verticalSpacing="xs" m={0}>
            <Fact term="E-mail" isWide>
              {user.email}
            </Fact>
            <Fact term="Role">{roleLabels[user.role]}</Fact>
            <Fact term="Sites">{siteNamesOf(user, siteNames)}</Fact>
            <Fact term="Status">{statusLabel(user)}</Fact>
            <Fact term="Two-factor">{twoFactorLabel(user)}</Fact>
          </SimpleGrid>
          {onAction && (
            <Stack mt="sm">
              <UserRowActions user={user} isSelf={user.id === currentUserId} onAction={onAction} />
            </Stack>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
