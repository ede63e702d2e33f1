import { Button, CopyButton, SimpleGrid, Text } from '@mantine/core';

/** One-use codes for when the phone is lost; shown once, so they must be easy to copy. */
export function RecoveryCodesList({ codes }: { codes: string[] }) {
  return (
    <>
      <SimpleGrid
        component="ol"
        cols={2}
        spacing="xs"
        p="sm"
        m={0}
        style={{ listStyle: 'none', background: 'var(--mantine-color-gray-0)', borderRadius: 4 }}
        aria-label="Recovery codes"
      >
        {codes.map((code) => (
          <Text component="li" key={code} className="code-text">
            {code}
          </Text>
        ))}
      </SimpleGrid>
      <CopyButton value={codes.join('\n')}>
        {({ copied, copy }) => (
          <Button variant="outline" size="xs" mt="sm" onClick={copy} aria-live="polite">
            {copied ? 'Copied' : 'Copy the codes'}
          </Button>
        )}
      </CopyButton>
    </>
  );
}
