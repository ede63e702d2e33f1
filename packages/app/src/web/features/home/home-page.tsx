import { Anchor, List, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { roleLabels } from '../../../contract/roles.ts';
import { navItems } from '../../components/nav-items.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { useCan, useMe } from '../auth/me-query.ts';

export function HomePage() {
  const me = useMe();
  const can = useCan();
  const firstName = me.user.name.split(' ')[0] ?? me.user.name;
  const places = navItems.filter((item) => item.to !== '/' && (!item.permission || can(item.permission)));

  return (
    <>
      <PageHeading title={`Welcome, ${firstName}`} documentTitle="Home" />
      <Text mb="lg">
        You are signed in to {me.organisation.name} as {roleLabels[me.user.role].toLowerCase()}.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Paper withBorder p="md">
          <Title order={2} size="h3" mb="sm">
            Your sites
          </Title>
          {me.sites.length === 0 ? (
            <Text>You are not linked to any site yet. Ask your organisation admin to add you to one.</Text>
          ) : (
            <List>
              {me.sites.map((site) => (
                <List.Item key={site.id}>{site.name}</List.Item>
              ))}
            </List>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h3" mb="sm">
            Go to
          </Title>
          <List>
            {places.map((item) => (
              <List.Item key={item.to}>
                <Anchor component={Link} to={item.to}>
                  {item.label}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Paper>
      </SimpleGrid>
      {!me.user.isTwoFactorEnabled && (
        <Text mt="lg">
          Two-factor sign-in is off for your account.{' '}
          <Anchor component={Link} to="/account/two-factor">
            Set up two-factor
          </Anchor>{' '}
          to protect the records you can see.
        </Text>
      )}
    </>
  );
}
