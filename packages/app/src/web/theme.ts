import { type CSSVariablesResolver, createTheme, Modal, Notification } from '@mantine/core';

// Darker shades than Mantine's defaults so that text, links and buttons meet WCAG 2.2 AA
// contrast (4.5:1) on white: blue 9 is 6:1, red 9 is 6.4:1, gray 7 is 8:1.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 9,
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  // People who ask their device for less motion get no fades or slides (WCAG 2.3.3).
  respectReducedMotion: true,
  components: {
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Close message' } },
    }),
    // Mantine's close button is an icon with no name; screen readers would announce just "button".
    Modal: Modal.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Close' } },
      styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-xl)' } },
    }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-9)',
  },
  dark: {},
});
