import { Button, Group, VisuallyHidden } from '@mantine/core';
import type { UserSummary } from '../../../contract/users.ts';

export type UserAction = { kind: 'edit' | 'disable' | 'enable'; user: UserSummary };

/** Edit and disable/enable for one user; each button names the person for screen reader users. */
export function UserRowActions({
  user,
  isSelf,
  onAction,
}: {
  user: UserSummary;
  isSelf: boolean;
  onAction: (action: UserAction) => void;
}) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="xs" variant="outline" onClick={() => onAction({ kind: 'edit', user })}>
        Edit<VisuallyHidden> {user.name}</VisuallyHidden>
      </Button>
      {!isSelf && (
        <Button
          size="xs"
          variant="outline"
          color={user.isDisabled ? 'blue' : 'red'}
          onClick={() => onAction({ kind: user.isDisabled ? 'enable' : 'disable', user })}
        >
          {user.isDisabled ? 'Enable' : 'Disable'}
          <VisuallyHidden> {user.name}</VisuallyHidden>
        </Button>
      )}
    </Group>
  );
}
