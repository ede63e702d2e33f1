import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword } from '../src/server/demo/demo-accounts.ts';
import { closeJourney, desktop, expectNoAxeViolations, openJourney, totpCode } from './journey.ts';
import type { PeerpathServer } from './peerpath-server.ts';

const coordinator = demoAccounts.find((account) => account.role === 'coordinator');

describe('a service coordinator signs in with two-factor and opens user administration', () => {
  let server: PeerpathServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney(desktop));
  });

  afterAll(() => closeJourney(browser, server));

  it('shows an accessible sign-in page', async () => {
    await page.goto(`${server.url}/users`);
    // Not signed in: sent to sign-in, remembering where they were going.
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.title()).toBe('Sign in – Peerpath');
    await expectNoAxeViolations(page);
  });

  it('puts errors in a summary that takes focus', async () => {
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await summary.textContent()).toContain('Enter your e-mail address');
  });

  it('signs in with password and authenticator code', async () => {
    if (!coordinator?.totpSecret) throw new Error('the demo coordinator has no two-factor secret');
    await page.getByLabel('E-mail address').fill(coordinator.email);
    await page.getByLabel('Password', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { level: 1, name: 'Enter your security code' }).waitFor();
    await page.getByLabel('Security code').fill(totpCode(coordinator.totpSecret));
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.waitForURL((url) => url.pathname === '/users');
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    expect(await page.getByRole('banner').textContent()).toContain(coordinator.name);
  });

  it('shows the users table with the demo users of the coordinator’s sites, read-only', async () => {
    const table = page.getByRole('table', { name: 'Users' });
    await table.waitFor();
    const colleagues = demoAccounts.filter((a) => a.sites.some((site) => coordinator?.sites.includes(site)));
    for (const account of colleagues) {
      await table.getByRole('rowheader', { name: account.name, exact: false }).first().waitFor();
    }
    expect(await page.getByRole('button', { name: 'Add a user' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Audit' }).count()).toBe(0);
    expect(await page.title()).toBe('Users – Peerpath');
    await expectNoAxeViolations(page);
  });

  it('fits a 360 px phone screen without scrolling sideways', async () => {
    // Load the page afresh at phone size, as a phone would.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    await page.getByRole('list', { name: 'Users' }).waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: coordinator?.email ?? '' })
      .waitFor();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('signs out, after which the old session is refused', async () => {
    const cookies = await page.context().cookies();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

    const cookieHeader = cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
    const response = await fetch(`${server.url}/api/me`, { headers: { cookie: cookieHeader } });
    expect(response.status).toBe(401);
  });
});
