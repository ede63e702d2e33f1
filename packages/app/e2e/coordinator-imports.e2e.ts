import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '../src/server/demo/demo-accounts.ts';
import { contactsCsv, referralsCsv, syntheticMds } from '../test/imports/mds-files.ts';
import { closeJourney, desktop, expectNoAxeViolations, openJourney, signInWithTwoFactor } from './journey.ts';
import type { PeerpathServer } from './peerpath-server.ts';

const coordinator = demoAccounts.find((account) => account.role === 'coordinator');
/** The demo coordinator works at Wiltshire only, so the page chooses that site already. */
const site = 'Wiltshire';
const cases = 2_000;
const { referrals, contacts } = syntheticMds({ cases, contactsPerCase: 5, site });

const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

describe('a service coordinator imports the NHS England data set', () => {
  let server: PeerpathServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney(desktop));
  });

  afterAll(() => closeJourney(browser, server));

  it('signs in with two-factor and opens Import data set from the menu', async () => {
    await signInWithTwoFactor(page, server.url, coordinator);

    await page.getByRole('link', { name: 'Import data set' }).first().click();
    await page.waitForURL((url) => url.pathname === '/import');
    await page.getByRole('heading', { level: 1, name: 'Import the NHS England data set' }).waitFor();
    expect(await page.title()).toBe('Import the NHS England data set – Peerpath');
    // Loaded afresh (as a bookmark would), so no menu transition is caught half-way by the checker.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Import the NHS England data set' }).waitFor();
    expect(await page.getByLabel('Site').inputValue()).not.toBe('');
    await expectNoAxeViolations(page);
  });

  it('asks for both files in an error summary that takes focus', async () => {
    await page.getByRole('button', { name: 'Import' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await summary.textContent()).toContain('Choose the referrals file');
    expect(await summary.textContent()).toContain('Choose the contacts file');
  });

  it('lists every bad row by file and line, imports nothing, and focuses the list', async () => {
    const bad = referrals.slice(0, 3).map((row, i) => (i === 1 ? { ...row, engagement: 'maybe' } : row));
    await page
      .getByLabel('Referrals file (CSV)')
      .setInputFiles(csvFile('referrals-bad.csv', referralsCsv(bad)));
    await page
      .getByLabel('Contacts file (CSV)')
      .setInputFiles(csvFile('contacts.csv', contactsCsv(contacts.slice(0, 15))));
    await page.getByRole('button', { name: 'Import' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
    await summary.waitFor();
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await summary.textContent()).toContain(
      'referrals-bad.csv line 3, engagement: Use one of: engaged, declined, no_data.',
    );
    await expectNoAxeViolations(page);
  });

  it('imports the corrected files, showing the upload and then the rows as they are checked and saved', async () => {
    await page
      .getByLabel('Referrals file (CSV)')
      .setInputFiles(csvFile('referrals.csv', referralsCsv(referrals)));
    await page
      .getByLabel('Contacts file (CSV)')
      .setInputFiles(csvFile('contacts.csv', contactsCsv(contacts)));
    // Note every stage the page announces while the import runs.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { announced: string[] }).announced = seen;
      setInterval(() => {
        const text = document.querySelector('[aria-live="polite"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }, 10);
    });
    await page.getByRole('button', { name: 'Import' }).click();

    const bar = page.getByRole('progressbar', { name: 'Import progress' });
    await bar.waitFor();
    const result = page.getByRole('alert').filter({ hasText: 'The data set has been imported' });
    await result.waitFor({ timeout: 60_000 });
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    expect(await page.getByText('Finished: every row has been imported').first().isVisible()).toBe(true);
    const announced = await page.evaluate(() => (window as unknown as { announced: string[] }).announced);
    expect(announced.some((text) => /^Uploading the files: \d+%$/.test(text))).toBe(true);
    expect(announced.at(-1)).toBe('Finished: every row has been imported');
    const text = (await result.textContent()) ?? '';
    expect(text).toContain(`${cases.toLocaleString('en-GB')} cases added`);
    expect(text).toContain(`${(cases * 5).toLocaleString('en-GB')} contacts added`);
    expect(await result.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page);
  });

  it('on a 360 px phone, says nothing changed when the same files are imported again, without scrolling sideways', async () => {
    // Load the page afresh at phone size, as a phone would.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Import the NHS England data set' }).waitFor();
    await page
      .getByLabel('Referrals file (CSV)')
      .setInputFiles(csvFile('referrals.csv', referralsCsv(referrals)));
    await page
      .getByLabel('Contacts file (CSV)')
      .setInputFiles(csvFile('contacts.csv', contactsCsv(contacts)));
    await page.getByRole('button', { name: 'Import' }).click();
    const result = page.getByRole('alert').filter({ hasText: 'already up to date' });
    await result.waitFor({ timeout: 60_000 });
    const text = (await result.textContent()) ?? '';
    expect(text).toContain(`${cases.toLocaleString('en-GB')} cases already up to date`);
    expect(text).toContain('0 cases added');
    expect(text).toContain(`${(cases * 5).toLocaleString('en-GB')} contacts already imported`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page);
  });

  it('reads the imported cases in the caseload report, counted with the demo site’s own', async () => {
    await page.getByRole('link', { name: 'Open the caseload report' }).click();
    await page.getByRole('heading', { level: 1, name: 'Caseload report' }).waitFor();
    // On a phone each site has its own table.
    const table = page.getByRole('table', { name: `Caseload report: ${site}` });
    await table.waitFor({ timeout: 30_000 });
    const demoCases = 158;
    const casesRow = table.getByRole('row', { name: /Number of cases/ });
    expect(await casesRow.textContent()).toContain((cases + demoCases).toLocaleString('en-GB'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page);
  });
});
