import { AxeBuilder } from '@axe-core/playwright';
import { Secret, TOTP } from 'otpauth';
import type { Browser, BrowserContextOptions, Locator, Page, ViewportSize } from 'playwright-core';
import { expect } from 'vitest';
import { type DemoAccount, demoPassword } from '../src/server/demo/demo-accounts.ts';
import { launchChromium } from './chromium.ts';
import { type PeerpathServer, startPeerpathServer } from './peerpath-server.ts';

/** What the browser journeys share: the screens, the axe check, two-factor sign-in and the keyboard. */

export const phone: ViewportSize = { width: 360, height: 740 };
export const desktop: ViewportSize = { width: 1280, height: 900 };

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

/** Chromium with one British-English page at this size. */
export async function openPage(
  viewport: ViewportSize,
  options: BrowserContextOptions = {},
): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchChromium();
  try {
    // Reduced motion: the app then shows messages and dialogs without fading them in, so the axe
    // check never measures contrast half-way through a transition.
    const context = await browser.newContext({
      viewport,
      locale: 'en-GB',
      reducedMotion: 'reduce',
      ...options,
    });
    return { browser, page: await context.newPage() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** The real server (demo data, fresh database) and a page at this size; close both with `closeJourney`. */
export async function openJourney(
  viewport: ViewportSize,
  options: BrowserContextOptions = {},
): Promise<{ server: PeerpathServer; browser: Browser; page: Page }> {
  const server = await startPeerpathServer();
  try {
    return { server, ...(await openPage(viewport, options)) };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

export async function closeJourney(browser: Browser | undefined, server: PeerpathServer | undefined) {
  await browser?.close();
  await server?.stop();
}

/**
 * Runs axe with the WCAG A and AA rules and expects nothing (or, with `seriousOnly`, nothing serious
 * or critical). It first waits for any message still fading in: axe would measure it at part opacity.
 */
export async function expectNoAxeViolations(
  page: Page,
  { seriousOnly = false }: { seriousOnly?: boolean } = {},
): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.mantine-Notification-root')].every((node) => {
      for (let el: Element | null = node; el; el = el.parentElement)
        if (getComputedStyle(el).opacity !== '1') return false;
      return true;
    }),
  );
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const violations = results.violations
    .filter((violation) => !seriousOnly || violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }));
  expect(violations).toEqual([]);
}

/** The authenticator code for this moment (6 digits, 30 seconds, SHA-1). */
export function totpCode(base32Secret: string): string {
  return new TOTP({ secret: Secret.fromBase32(base32Secret), digits: 6, period: 30 }).generate();
}

/** Focuses a control and works it with the keyboard alone, as someone without a mouse would. */
export async function press(control: Locator, key = 'Enter'): Promise<void> {
  await control.focus();
  await control.page().keyboard.press(key);
}

/** Focuses a field and replaces what is in it by typing. */
export async function typeInto(control: Locator, text: string): Promise<void> {
  await control.focus();
  await control.page().keyboard.press('Control+A');
  await control.page().keyboard.type(text);
}

/**
 * Asks for `from` (the home page unless given), is sent to sign-in, gives the account's e-mail address,
 * the demo password and the authenticator code, and waits to be back at `from`. With `keyboard`, each
 * field is typed into and each form sent with Enter; otherwise fields are filled and buttons clicked.
 */
export async function signInWithTwoFactor(
  page: Page,
  baseUrl: string,
  account: DemoAccount | undefined,
  { from = '/', keyboard = false }: { from?: string; keyboard?: boolean } = {},
): Promise<void> {
  if (!account?.totpSecret)
    throw new Error(`the demo ${account?.role ?? 'account'} has no two-factor secret`);
  const enter = async (field: Locator, text: string) => {
    if (keyboard) await typeInto(field, text);
    else await field.fill(text);
  };
  const send = async (button: string) => {
    if (keyboard) await page.keyboard.press('Enter');
    else await page.getByRole('button', { name: button }).click();
  };
  await page.goto(`${baseUrl}${from}`);
  await page.waitForURL(/\/sign-in/);
  await enter(page.getByLabel('E-mail address'), account.email);
  await enter(page.getByLabel('Password', { exact: true }), demoPassword);
  await send('Sign in');
  await page.getByRole('heading', { level: 1, name: 'Enter your security code' }).waitFor();
  await enter(page.getByLabel('Security code'), totpCode(account.totpSecret));
  await send('Continue');
  await page.waitForURL((url) => url.pathname === from);
}
