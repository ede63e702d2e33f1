import { Button, Group, Modal, Text } from '@mantine/core';

type PublishInstrumentDialogProps = {
  opened: boolean;
  name: string;
  version: number;
  /** Unsaved edits are saved first, as this version's draft. */
  hasUnsavedChanges: boolean;
  isPending: boolean;
  onConfirm: () => void;
  onClose: () => void;
};

/** Asks before publishing: a published version is final, so the page says so in words. */
export function PublishInstrumentDialog({
  opened,
  name,
  version,
  hasUnsavedChanges,
  isPending,
  onConfirm,
  onClose,
}: PublishInstrumentDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Publish version ${version} of “${name}”?`}>
      <Text mb="sm">
        A published version can no longer change. Surveys are given from it exactly as it is, so answers stay
        comparable.
      </Text>
      <Text mb="sm">
        To change it later, edit it: that starts version {version + 1} as a draft, and surveys already given
        keep version {version}.
      </Text>
      {hasUnsavedChanges && <Text mb="sm">Your unsaved changes will be saved first.</Text>}
      <Group>
        <Button onClick={onConfirm} loading={isPending}>
          Publish version {version}
        </Button>
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
      </Group>
    </Modal>
  );
}
