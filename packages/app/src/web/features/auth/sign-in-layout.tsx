import { Container, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** The signed-out frame: the service name and one narrow card, comfortable on a 360 px phone. */
export function SignInLayout({ children }: { children: ReactNode }) {
  return (
    <Container size={460} px="sm" py="xl">
      <header>
        <Text component="p" fw={700} fz={28} mb="md">
          Peerpath
        </Text>
      </header>
      <main id="main-content">
        <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
          {children}
        </Paper>
      </main>
    </Container>
  );
}
