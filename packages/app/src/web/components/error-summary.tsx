import { Alert, Anchor, List, Title } from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import type { ErrorSummaryItem } from '../lib/form-problems.ts';

type ErrorSummaryProps = {
  items: ErrorSummaryItem[];
  /** Goes up by one on each failed submit; the summary takes focus each time (GOV.UK error summary). */
  attempt: number;
};

function focusField(fieldId: string) {
  const field = document.getElementById(fieldId);
  field?.scrollIntoView({ block: 'center' });
  field?.focus();
}

export function ErrorSummary({ items, attempt }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const hasItems = useRef(false);
  hasItems.current = items.length > 0;

  useEffect(() => {
    if (attempt > 0 && hasItems.current) ref.current?.focus();
  }, [attempt]);

  if (items.length === 0) return null;
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={headingId}
      color="red"
      variant="outline"
      mb="md"
      title={
        <Title order={2} size="h4" id={headingId}>
          There is a problem
        </Title>
      }
    >
      <List spacing={4}>
        {items.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: messages are not unique identifiers
          <List.Item key={index}>
            {item.fieldId ? (
              <Anchor
                href={`#${item.fieldId}`}
                c="red.9"
                fw={600}
                onClick={(event) => {
                  event.preventDefault();
                  focusField(item.fieldId ?? '');
                }}
              >
                {item.message}
              </Anchor>
            ) : (
              <span>{item.message}</span>
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
