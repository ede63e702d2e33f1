import { Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { usePageTitle } from '../lib/page-title.ts';

let isFirstPage = true;

/**
 * The page's one h1. It also sets document.title, and after an in-app navigation it takes focus
 * so that screen reader users hear where they have arrived.
 */
export function PageHeading({
  title,
  documentTitle,
  focusOnMount = true,
}: {
  title: string;
  documentTitle?: string;
  /** False when the page moves focus somewhere more useful itself (say, the only field). */
  focusOnMount?: boolean;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  usePageTitle(documentTitle ?? title);

  const shouldFocus = useRef(focusOnMount);
  useEffect(() => {
    if (isFirstPage) {
      isFirstPage = false;
      return;
    }
    if (shouldFocus.current) ref.current?.focus();
  }, []);

  return (
    <Title order={1} ref={ref} tabIndex={-1} mb="md" className="page-heading">
      {title}
    </Title>
  );
}
