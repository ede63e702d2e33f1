import { Button, type ButtonProps, Group, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

/** A form's submit button and, when the form can be closed without saving, Cancel beside it. */
export function FormActions({
  submitLabel,
  isPending,
  onCancel,
  size,
  color,
  mt,
}: {
  submitLabel: ReactNode;
  isPending: boolean;
  onCancel?: (() => void) | undefined;
  size?: ButtonProps['size'];
  color?: ButtonProps['color'];
  mt?: MantineSpacing;
}) {
  return (
    <Group mt={mt}>
      <Button type="submit" size={size} color={color} loading={isPending}>
        {submitLabel}
      </Button>
      {onCancel && (
        <Button type="button" size={size} variant="subtle" onClick={onCancel}>
          Cancel
        </Button>
      )}
    </Group>
  );
}
