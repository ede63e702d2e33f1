import { Anchor, type AnchorProps, Button, type ButtonProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

// Mantine's Anchor and Button are polymorphic, which createLink cannot type: pin them to an anchor first.
function AnchorLink(props: AnchorProps & Omit<ComponentPropsWithRef<'a'>, keyof AnchorProps>) {
  return <Anchor component="a" {...props} />;
}
function ButtonLink(props: ButtonProps & Omit<ComponentPropsWithRef<'a'>, keyof ButtonProps>) {
  return <Button component="a" {...props} />;
}

/** A router link that looks like every other link (typed `to` and `params`). */
export const RouterAnchor = createLink(AnchorLink);
/** A router link that looks like a button: for going somewhere, not for doing something. */
export const RouterButton = createLink(ButtonLink);
