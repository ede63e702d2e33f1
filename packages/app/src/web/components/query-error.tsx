import { Alert, Button } from '@mantine/core';
import { isApiError } from '../lib/api-client.ts';

/** A failed load, with its message and a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = isApiError(error) ? error.message : 'Something went wrong. Try again.';
  return (
    <Alert color="red" variant="outline" title="This could not be loaded" role="alert" my="md">
      {message}
      {onRetry && (
        <Button variant="outline" color="red" size="xs" mt="sm" display="block" onClick={onRetry}>
          Try again
        </Button>
      )}
    </Alert>
  );
}
