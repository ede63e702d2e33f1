import { Table, Text, VisuallyHidden } from '@mantine/core';
import { roleLabels } from '../../../contract/roles.ts';
import type { UserSummary } from '../../../contract/users.ts';
import { siteNamesOf, statusLabel, twoFactorLabel } from './user-labels.ts';
import { type UserAction, UserRowActions } from './user-row-actions.tsx';

export type UserListProps = {
  users: UserSummary[];
  siteNames: Map<string, string>;
  currentUserId: string;
  /** Absent when the person may only read the list. */
  onAction?: ((action: UserAction) => void) | undefined;
};

/** Lets a long address wrap after the @ rather than mid-word. */
function EmailText({ email }: { email: string }) {
  const at = email.indexOf('@');
  if (at < 0) return <>{email}</>;
  return (
    <>
      {email.slice(0, at)}
      <wbr />
      {email.slice(at)}
    </>
  );
}

/** Wide screens: one row per user. */
export function UsersTable({ users, siteNames, currentUserId, onAction }: UserListProps) {
  return (
    <Table.ScrollContainer minWidth={760} type="native">
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Users">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">E-mail</Table.Th>
            <Table.Th scope="col">Role</Table.Th>
            <Table.Th scope="col">Sites</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Two-factor</Table.Th>
            {onAction && (
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Th scope="row" fw={600}>
                {user.name}
                {user.id === currentUserId && ' (you)'}
              </Table.Th>
              <Table.Td>
                <EmailText email={user.email} />
              </Table.Td>
              <Table.Td>{roleLabels[user.role]}</Table.Td>
              <Table.Td>{siteNamesOf(user, siteNames)}</Table.Td>
              <Table.Td>
                <Text span fw={user.isDisabled ? 700 : 400} inherit>
                  {statusLabel(user)}
                </Text>
              </Table.Td>
              <Table.Td>{twoFactorLabel(user)}</Table.Td>
              {onAction && (
                <Table.Td>
                  <UserRowActions user={user} isSelf={user.id === currentUserId} onAction={onAction} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
