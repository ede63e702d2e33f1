import { Button } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';

/**
 * A button that opens a form in place. Opening moves focus to the form's first field; closing brings it
 * back to the button, so keyboard users keep their place.
 */
export function InlineFormToggle({
  label,
  children,
}: {
  label: string;
  children: (close: () => void) => React.ReactNode;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (isOpen) panel.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    else if (wasOpen.current) button.current?.focus();
    wasOpen.current = isOpen;
  }, [isOpen]);
  return isOpen ? (
    <div ref={panel}>{children(() => setIsOpen(false))}</div>
  ) : (
    <div>
      <Button ref={button} size="xs" variant="outline" onClick={() => setIsOpen(true)}>
        {label}
      </Button>
    </div>
  );
}
