import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '../src/server/demo/demo-accounts.ts';
import {
  closeJourney,
  expectNoAxeViolations,
  openJourney,
  phone,
  press,
  signInWithTwoFactor,
} from './journey.ts';
import type { PeerpathServer } from './peerpath-server.ts';

const coordinator = demoAccounts.find((account) => account.role === 'coordinator');

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
    ({ server, browser, page } = await openJourney(phone));
  });

  afterAll(() => closeJourney(browser, server));

  it('signs in with two-factor and reads the funnel over every cohort', async () => {
    await signInWithTwoFactor(page, server.url, coordinator, { keyboard: true });

    await page.goto(`${server.url}/training/funnel`);
    await page.getByRole('heading', { level: 1, name: 'Training funnel' }).waitFor();
    const overall = page.getByRole('region', { name: 'All cohorts' });
    completedBefore = await stageCount(overall, 'Completed');
    await expectNoAxeViolations(page, { seriousOnly: true });
  });

  it('creates an accredited course with its modules, from the keyboard', async () => {
    await page.goto(`${server.url}/training`);
    await page.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
    await expectNoAxeViolations(page, { seriousOnly: true });
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
    await expectNoAxeViolations(page, { seriousOnly: true });
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
    await expectNoAxeViolations(page, { seriousOnly: true });

    await page.goto(`${server.url}/training/funnel`);
    const overall = page.getByRole('region', { name: 'All cohorts' });
    await expect.poll(() => stageCount(overall, 'Completed')).toBe(completedBefore + 1);
    await page.getByRole('region', { name: new RegExp(`^${courseTitle}: Autumn`) }).waitFor();
    await expectNoAxeViolations(page, { seriousOnly: true });
  });

  it('adds a partner, a named contact and a holder on the register, and the coverage counts it', async () => {
    await page.goto(`${server.url}/partners`);
    await page.getByRole('heading', { level: 1, name: 'Partner relationships' }).waitFor();
    const coverage = page.getByText(/^\d+ relationships:/);
    const contactsBefore = Number(((await coverage.textContent()) ?? '').split(' ')[0]);
    await expectNoAxeViolations(page, { seriousOnly: true });
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
    await expectNoAxeViolations(page, { seriousOnly: true });
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
    await expectNoAxeViolations(page, { seriousOnly: true });
  });
});
