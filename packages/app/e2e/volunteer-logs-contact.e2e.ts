import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword } from '../src/server/demo/demo-accounts.ts';
import { closeJourney, expectNoAxeViolations, openJourney, phone } from './journey.ts';
import type { PeerpathServer } from './peerpath-server.ts';

const volunteer = demoAccounts.find((account) => account.role === 'volunteer');
const note = `Met at the library; next meeting on Thursday (${Date.now()})`;

/** What a person has to answer: each radio group, text box, list box, number or tick box counts once. */
async function visibleFieldCount(page: Page, formName: string): Promise<number> {
  const form = page.getByRole('form', { name: formName });
  let count = 0;
  for (const role of ['radiogroup', 'textbox', 'combobox', 'spinbutton', 'checkbox'] as const) {
    for (const field of await form.getByRole(role).all()) {
      if (!(await field.isVisible())) continue;
      // A tick box inside a radio group is part of that group, not a field of its own.
      if (role === 'checkbox' && (await field.locator('xpath=ancestor::*[@role="radiogroup"]').count()) > 0)
        continue;
      count += 1;
    }
  }
  return count;
}

describe('a volunteer logs a contact on a phone', () => {
  let server: PeerpathServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney(phone));
  });

  afterAll(() => closeJourney(browser, server));

  it('signs in without two-factor and sees only their own cases', async () => {
    if (!volunteer) throw new Error('there is no demo volunteer');
    await page.goto(`${server.url}/cases`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('E-mail address').fill(volunteer.email);
    await page.getByLabel('Password', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.waitForURL((url) => url.pathname === '/cases');
    await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    expect(await page.getByLabel('Only cases I work on').isChecked()).toBe(true);
    // Phones get cards, not a table.
    await page.getByRole('list', { name: 'Cases' }).waitFor();
  });

  it('opens the first of their cases', async () => {
    const firstCase = page
      .getByRole('list', { name: 'Cases' })
      .getByRole('listitem')
      .first()
      .getByRole('link');
    const title = (await firstCase.textContent()) ?? '';
    await firstCase.click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const localCaseId = title.split(' – ')[0] ?? title;
    await page.getByRole('heading', { level: 1, name: `Case ${localCaseId}` }).waitFor();
    await page.getByRole('form', { name: 'Log a contact' }).waitFor();
  });

  it('asks at most three things before "More details"', async () => {
    const moreDetails = page.getByRole('button', { name: 'More details (optional)' });
    expect(await moreDetails.getAttribute('aria-expanded')).toBe('false');
    const visibleFields = await visibleFieldCount(page, 'Log a contact');
    expect(visibleFields).toBeGreaterThan(0);
    expect(visibleFields).toBeLessThanOrEqual(3);
    // The counter does see fields: opening "More details" shows more of them.
    await moreDetails.click();
    await page.getByLabel('Date and time').waitFor();
    expect(await visibleFieldCount(page, 'Log a contact')).toBeGreaterThan(visibleFields);
    await page.getByRole('button', { name: 'Hide more details' }).click();
    await page.getByLabel('Date and time').waitFor({ state: 'hidden' });
    // The type is chosen for them already, and "made" is the default.
    const form = page.getByRole('form', { name: 'Log a contact' });
    expect(await form.getByRole('radio', { checked: true }).count()).toBe(2);
    expect(await form.getByRole('radio', { name: 'Contact made' }).isChecked()).toBe(true);
  });

  it('the case page is accessible and fits the phone screen', async () => {
    await page.getByRole('heading', { level: 2, name: 'Contacts' }).waitFor();
    await expectNoAxeViolations(page, { seriousOnly: true });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360);
  });

  it('logs a telephone contact with a note, and sees it listed', async () => {
    const form = page.getByRole('form', { name: 'Log a contact' });
    await form.locator('label', { hasText: /^Telephone$/ }).click();
    expect(await form.getByRole('radio', { name: 'Telephone' }).isChecked()).toBe(true);
    await form.getByLabel('Note (optional)').fill(note);
    await form.getByRole('button', { name: 'Save contact' }).click();

    await page.getByText(/^Contact saved for case /).waitFor();
    const contacts = page.getByRole('list', { name: 'Contacts' });
    const saved = contacts.getByRole('listitem').filter({ hasText: note });
    await saved.waitFor();
    expect(await saved.textContent()).toContain('Telephone');
    expect(await saved.textContent()).toContain('Made');
    // The form is ready for the next contact.
    expect(await form.getByLabel('Note (optional)').inputValue()).toBe('');
  });
});
