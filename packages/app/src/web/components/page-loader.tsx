import { Center, Group, Loader, Text } from '@mantine/core';

/** Shown while something slow loads; the text is announced politely. */
export function PageLoader({ label = 'Loading' }: { label?: string }) {
  return (
    <Center py="xl" role="status">
      <Group gap="sm">
        <Loader size="sm" aria-hidden="true" />
        <Text>{label}…</Text>
      </Group>
    </Center>
  );
}
