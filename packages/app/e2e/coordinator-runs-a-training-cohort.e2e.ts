import { AxeBuilder } from '@axe-core/playwright';
import { Secret, TOTP } from 'otpauth';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword } from '../src/server/demo/demo-accounts.ts';
import { launchChromium } from './chromium.ts';
import { type PeerpathServer, startPeerpathServer } from './peerpath-server.ts';

const coordinator = demoAccounts.find((account) => account.role === 'coordinator');
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }));
  expect(serious).toEqual([]);
}

/** Presses a control from the keyboard, as someone without a mouse would. */
async function press(control: Locator, key = 'Enter'): Promise<void> {
  await control.focus();
  await control.press(key);
}

/** The "People" figure in one stage's row of a funnel table. */
async function stageCount(funnel: Locator, stage: string): Promise<number> {
  const row = funnel
    .getByRole('row')
    .filter({ has: funnel.page().getByRole('rowheader', { name: stage, exact: true }) });
  return Number((await row.getByRole('cell').first().textContent())?.replace(/,/g, ''));
}

const isoDaysFromToday = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

describe('a coordinator runs a training cohort', () => {
  let server: PeerpathServer;
  let browser: Browser;
  let page: Page;
  const courseTitle = `Peer mentor refresher ${Date.now()}`;
  let completedBefore = 0;

  beforeAll(async () => {
    server = await startPeerpathServer();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in with two-factor and reads the funnel over every cohort', async () => {
    if (!coordinator?.totpSecret) throw new Error('the demo coordinator has no two-factor secret');
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('E-mail address').fill(coordinator.email);
    await page.getByLabel('Password', { exact: true }).fill(demoPassword);
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Enter your security code' }).waitFor();
    const code = new TOTP({
      secret: Secret.fromBase32(coordinator.totpSecret),
      digits: 6,
      period: 30,
    }).generate();
    await page.getByLabel('Security code').fill(code);
    await page.getByLabel('Security code').press('Enter');
    await page.waitForURL((url) => url.pathname === '/');

    await page.goto(`${server.url}/training/funnel`);
    await page.getByRole('heading', { level: 1, name: 'Training funnel' }).waitFor();
    const overall = page.getByRole('region', { name: 'All cohorts' });
    completedBefore = await stageCount(overall, 'Completed');
    await expectNoSeriousAxeViolations(page);
  });

  it('creates an accredited course with its modules, from the keyboard', async () => {
    await page.goto(`${server.url}/training`);
    await page.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    // Accredited without an awarding body: the summary and the field both say what to fix.
    await page.getByLabel('Course title').fill(courseTitle);
    await page.getByLabel('How it runs').selectOption('accredited');
    await press(page.getByRole('button', { name: 'Add course' }));
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByText('Name the awarding body of an accredited course.').waitFor();
    await page.getByLabel('Awarding body').fill('Open College Network');
    await page.getByLabel('Level', { exact: true }).fill('Level 2');
    await page.getByLabel('Certificate lasts (months) (optional)').fill('24');
    await page.getByLabel('Modules (optional)').fill('Boundaries\nSafeguarding\nUsing lived experience');
    await press(page.getByRole('button', { name: 'Add course' }));
    await press(page.getByRole('link', { name: courseTitle }));
    await page.getByRole('heading', { level: 1, name: courseTitle }).waitFor();
    await page.getByText('Accredited: Open College Network, Level 2').waitFor();
    await expectNoSeriousAxeViolations(page);
  });

  it('adds a cohort, enrols a person and marks them completed; the funnels count them', async () => {
    await page.getByLabel('Cohort name').fill('Autumn');
    await page.getByLabel('Starts on').fill(isoDaysFromToday(-28));
    await page.getByLabel('Ends on').fill(isoDaysFromToday(28));
    await press(page.getByRole('button', { name: 'Add cohort' }));
    await page.getByRole('heading', { level: 1, name: `${courseTitle}: Autumn` }).waitFor();

    const person = page.getByLabel('Person', { exact: true });
    await expect.poll(async () => person.locator('option').count()).toBeGreaterThan(1);
    const name = ((await person.locator('option').nth(1).textContent()) ?? '').trim();
    await person.selectOption({ index: 1 });
    await press(page.getByRole('button', { name: 'Enrol', exact: true }));
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
    await item.getByText('Registered').waitFor();

    await press(item.getByRole('button', { name: `Change ${name}’s status` }));
    const status = page.getByLabel(`Status of ${name}`);
    await expect.poll(async () => page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await status.selectOption('completed');
    await press(page.getByRole('button', { name: 'Save status' }));
    await item.getByText(/Certificate issued, renewal due \d+ \w+ \d{4}/).waitFor();
    const cohortFunnel = page.getByRole('region', { name: 'This cohort’s funnel' });
    await expect.poll(() => stageCount(cohortFunnel, 'Completed')).toBe(1);
    await expectNoSeriousAxeViolations(page);

    await page.goto(`${server.url}/training/funnel`);
    const overall = page.getByRole('region', { name: 'All cohorts' });
    await expect.poll(() => stageCount(overall, 'Completed')).toBe(completedBefore + 1);
    await page.getByRole('region', { name: new RegExp(`^${courseTitle}: Autumn`) }).waitFor();
    await expectNoSeriousAxeViolations(page);
  });

  it('adds a partner, a named contact and a holder on the register, and the coverage counts it', async () => {
    await page.goto(`${server.url}/partners`);
    await page.getByRole('heading', { level: 1, name: 'Partner relationships' }).waitFor();
    const coverage = page.getByText(/^\d+ relationships:/);
    const contactsBefore = Number(((await coverage.textContent()) ?? '').split(' ')[0]);
    await expectNoSeriousAxeViolations(page);
    await page.getByLabel('Organisation name').fill('Eastgate Housing Trust');
    await press(page.getByRole('button', { name: 'Add organisation' }));
    const partner = page.getByRole('region', { name: 'Eastgate Housing Trust' });
    await press(partner.getByRole('button', { name: 'Add a contact at Eastgate Housing Trust' }));
    await page.getByLabel('Contact’s name at Eastgate Housing Trust').fill('Jo Tenancy');
    await press(page.getByRole('button', { name: 'Add contact' }));
    await press(partner.getByRole('button', { name: 'Add a holder for Jo Tenancy' }));
    const worker = page.getByLabel('Worker who knows Jo Tenancy');
    await expect.poll(async () => worker.locator('option').count()).toBeGreaterThan(1);
    await worker.selectOption({ index: 1 });
    await press(page.getByRole('button', { name: 'Add holder' }));
    await partner.getByText('Succession risk: only one person holds this relationship').waitFor();
    await expect
      .poll(async () => Number(((await coverage.textContent()) ?? '').split(' ')[0]))
      .toBe(contactsBefore + 1);
    await expectNoSeriousAxeViolations(page);
  });

  it('reorders the safeguarding chain from the keyboard, keeping focus on the moved step', async () => {
    await page.goto(`${server.url}/safeguarding/chain`);
    await page.getByRole('heading', { level: 1, name: 'Safeguarding chain' }).waitFor();
    const firstName = page.getByLabel('Step name').first();
    const name = await firstName.inputValue();
    await press(page.getByRole('button', { name: new RegExp(`^Move down\\W+${name}$`) }));
    await expect.poll(async () => page.getByLabel('Step name').nth(1).inputValue()).toBe(name);
    await expect
      .poll(async () => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toMatch(new RegExp(`^Move (up|down): ${name}$`));
    await page
      .getByRole('status')
      .filter({ hasText: `${name} is now step 2` })
      .waitFor();
    await expectNoSeriousAxeViolations(page);
  });
});
