import { Text } from '@mantine/core';
import { PageHeading } from './page-heading.tsx';

/** What a person sees when they open a page their role does not allow. */
export function NotPermitted({ title }: { title: string }) {
  return (
    <>
      <PageHeading title={title} />
      <Text>Your role does not allow you to see this page. Ask your organisation admin if you need it.</Text>
    </>
  );
}
