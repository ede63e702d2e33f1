import { Anchor, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { PageHeading } from './page-heading.tsx';

export function NotFoundPage() {
  return (
    <>
      <PageHeading title="Page not found" />
      <Text mb="sm">If you typed the web address, check it is correct.</Text>
      <Anchor component={Link} to="/">
        Go to the home page
      </Anchor>
    </>
  );
}
