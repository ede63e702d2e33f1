import { Alert, Button, Container, Title } from '@mantine/core';
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { isApiError } from '../lib/api-client.ts';
import { usePageTitle } from '../lib/page-title.ts';

/** When a page cannot load at all. */
export function RouteError({ error }: ErrorComponentProps) {
  const router = useRouter();
  usePageTitle('Sorry, there is a problem');
  const message = isApiError(error) ? error.message : 'Something went wrong. Try again.';
  return (
    <Container size="sm" py="xl">
      <Title order={1} mb="md">
        Sorry, there is a problem
      </Title>
      <Alert color="red" variant="outline" role="alert">
        {message}
        <Button
          mt="md"
          display="block"
          variant="outline"
          color="red"
          onClick={() => void router.invalidate()}
        >
          Try again
        </Button>
      </Alert>
    </Container>
  );
}
