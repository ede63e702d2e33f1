import { Anchor, AppShell, Burger, Button, Group, NavLink, type NavLinkProps, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { createLink, Link, useRouterState } from '@tanstack/react-router';
import type { ComponentPropsWithRef, ReactNode } from 'react';
import { roleLabels } from '../../contract/roles.ts';
import { useCan, useMe } from '../features/auth/me-query.ts';
import { useSignOut } from '../features/auth/use-sign-out.ts';
import { isNavItemActive, navItems } from './nav-items.ts';
import { SkipLink } from './skip-link.tsx';

// Mantine's NavLink is polymorphic, which createLink cannot type: pin it to an anchor first.
type NavLinkAnchorProps = Omit<NavLinkProps, 'component'> &
  Omit<ComponentPropsWithRef<'a'>, keyof NavLinkProps>;
function NavLinkAnchor(props: NavLinkAnchorProps) {
  return <NavLink component="a" {...props} />;
}
const RouterNavLink = createLink(NavLinkAnchor);
const navbarId = 'main-navigation';

/** The signed-in frame: header with who is signed in, navigation by permission, and the page. */
export function AppLayout({ children }: { children: ReactNode }) {
  const me = useMe();
  const can = useCan();
  const signOut = useSignOut();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const [isNavOpen, nav] = useDisclosure(false);
  // Until two-factor is set up, the only way out of the enrolment page is signing out.
  const hasNavigation = !me.mustEnrolTwoFactor;
  const roleLabel = roleLabels[me.user.role];

  return (
    <>
      <SkipLink targetId="main-content" />
      <AppShell
        header={{ height: 60 }}
        navbar={
          hasNavigation ? { width: 240, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } } : undefined
        }
        padding="md"
      >
        <AppShell.Header px="md">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap">
              {hasNavigation && (
                <Burger
                  opened={isNavOpen}
                  onClick={nav.toggle}
                  hiddenFrom="sm"
                  size="sm"
                  aria-label={isNavOpen ? 'Close menu' : 'Open menu'}
                  aria-expanded={isNavOpen}
                  aria-controls={navbarId}
                />
              )}
              <Anchor component={Link} to="/" fw={700} fz="xl" c="dark.9" underline="never">
                Peerpath
              </Anchor>
            </Group>
            <Group gap="md" wrap="nowrap">
              <div className="signed-in-as">
                <Text fw={600} size="sm" lh={1.3}>
                  {me.user.name}
                </Text>
                <Text size="sm" lh={1.3} c="gray.7">
                  {roleLabel}
                </Text>
              </div>
              <Button
                variant="outline"
                size="sm"
                loading={signOut.isPending}
                onClick={() => signOut.mutate()}
              >
                Sign out
              </Button>
            </Group>
          </Group>
        </AppShell.Header>

        {hasNavigation && (
          <AppShell.Navbar p="sm" id={navbarId} aria-label="Main">
            <div className="navbar-signed-in-as">
              <Text fw={600} size="sm">
                {me.user.name}
              </Text>
              <Text size="sm" c="gray.7" mb="sm">
                {roleLabel}, {me.organisation.name}
              </Text>
            </div>
            {navItems
              .filter((item) => !item.permission || can(item.permission))
              .map((item) => {
                const isActive = isNavItemActive(item, pathname);
                return (
                  <RouterNavLink
                    key={item.to}
                    to={item.to}
                    label={item.label}
                    active={isActive}
                    aria-current={isActive ? ('page' as const) : undefined}
                    onClick={nav.close}
                    fw={isActive ? 700 : 500}
                  />
                );
              })}
          </AppShell.Navbar>
        )}

        <AppShell.Main id="main-content" tabIndex={-1}>
          <div className="page-width">{children}</div>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
