import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '../src/server/demo/demo-accounts.ts';
import { closeJourney, expectNoAxeViolations, openJourney, phone, signInWithTwoFactor } from './journey.ts';
import type { PeerpathServer } from './peerpath-server.ts';

const coordinator = demoAccounts.find((account) => account.role === 'coordinator');

describe('a coordinator adds a volunteer, supervises them and pauses them, on a phone', () => {
  let server: PeerpathServer;
  let browser: Browser;
  let page: Page;
  const name = `Robin Example ${Date.now().toString().slice(-5)}`;
  let personUrl = '';

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney(phone));
    await signInWithTwoFactor(page, server.url, coordinator);
  });

  afterAll(() => closeJourney(browser, server));

  it('adds a new volunteer, after the form names what is missing', async () => {
    await page.goto(`${server.url}/workforce`);
    await page.getByRole('link', { name: 'Add a person' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a person to the workforce' }).waitFor();
    // The supervisor list comes from the site's people; wait for it before checking the page.
    await page
      .getByLabel('Supervisor (optional)')
      .getByRole('option', { name: coordinator?.name ?? '' })
      .waitFor({ state: 'attached' });
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Add person' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'Enter the name they go by.' }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel('Name they go by').fill(name);
    await page.getByLabel('Status').selectOption({ label: 'Active' });
    await page.getByLabel('Supervisor (optional)').selectOption({ label: coordinator?.name ?? '' });
    await page.getByLabel('Languages (optional)').fill('English, Polish');
    await page.getByLabel('Homelessness').check();
    await page.getByLabel('Next step', { exact: true }).fill('Start shadowing a peer supporter');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(page.url()).toMatch(/\/workforce\/[0-9a-f-]{36}$/);
    personUrl = page.url();
  });

  it('records a supervision session and lone-working permission with its reason', async () => {
    await page.getByRole('tab', { name: 'Supervision' }).click();
    await page.getByLabel('Notes of the session').fill('First supervision: settling in well.');
    await page.getByRole('button', { name: 'Record session' }).click();
    await page.getByText('settling in well.').first().waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('tab', { name: 'Safety checks' }).click();
    await page.getByLabel('Yes, lone working permitted').check();
    await page.getByRole('textbox', { name: /^Reason/ }).fill('Risk assessment done for drop-in sessions.');
    await page.getByRole('button', { name: 'Save lone working' }).click();
    await page.getByText('Permitted — Risk assessment done for drop-in sessions.').waitFor();
  });

  it('is refused a move to intern, with the missing shadowing named at the role', async () => {
    await page.getByRole('tab', { name: 'Progression' }).click();
    await page.getByLabel('New role', { exact: true }).selectOption({ label: 'Intern volunteer' });
    await page.getByRole('button', { name: 'Change role' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary
      .getByRole('link', { name: /Not ready to become an intern: .*Shadow \d+ more sessions/ })
      .waitFor();
    await expectNoAxeViolations(page);
  });

  it('pauses them, saying their progress is kept', async () => {
    await page.getByText(/Their role, training, hours and checks are kept/).waitFor();
    await page.getByRole('radio', { name: 'Pause' }).check();
    await page.getByRole('button', { name: 'Save status' }).click();
    await page.getByText(`${name} is paused. Their progress is kept for when they come back.`).waitFor();
    await page.getByText(/New volunteer · Paused/).waitFor();
    await page.getByRole('radio', { name: 'Resume' }).waitFor();
    await expectNoAxeViolations(page);
  });

  it('reads the progression settings and edits the profile without problems for assistive technology', async () => {
    await page.getByRole('link', { name: 'Edit profile' }).click();
    await page.getByRole('heading', { level: 1, name: `Edit ${name}’s profile` }).waitFor();
    await expect.poll(() => page.getByLabel('Languages (optional)').inputValue()).toBe('English, Polish');
    await expectNoAxeViolations(page);
    await page.goto(`${server.url}/workforce/settings`);
    await page.getByRole('heading', { level: 1, name: 'Progression settings' }).waitFor();
    await page.getByLabel('Shadowing sessions required').waitFor();
    await expectNoAxeViolations(page);
  });

  it('sets their casework limits, after the form names a cap out of range, and sees them on their page', async () => {
    await page.goto(personUrl);
    await page.getByRole('link', { name: 'Edit profile' }).click();
    await page.getByRole('heading', { level: 1, name: `Edit ${name}’s profile` }).waitFor();
    const limits = page.getByRole('group', { name: 'Casework limits' });
    await limits.getByLabel('Caseload cap (optional)').fill('60');
    await page.getByRole('button', { name: 'Save profile' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary
      .getByRole('link', { name: /Enter a caseload cap as a whole number from 0 to 50/ })
      .waitFor();
    await expectNoAxeViolations(page);

    await limits.getByLabel('Caseload cap (optional)').fill('2');
    await limits.getByLabel('Cases needing a prison pick-up').check();
    await limits.getByLabel('Find a case by its case ID').fill('0001');
    await limits.getByRole('button', { name: 'Find case' }).click();
    const add = limits.getByRole('button', { name: /^Add case [A-Z]+-0001$/ }).first();
    const localCaseId = ((await add.textContent()) ?? '').replace('Add case ', '');
    await add.click();
    await limits.getByRole('button', { name: `Remove case ${localCaseId}` }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('tab', { name: 'Profile' }).click();
    await page.getByRole('row', { name: /Caseload cap\s*2 cases/ }).waitFor();
    await page
      .getByRole('row', { name: /Kinds of case to avoid\s*Cases needing a prison pick-up/ })
      .waitFor();
    await page.getByRole('link', { name: `Case ${localCaseId}` }).waitFor();
    await expectNoAxeViolations(page);
  });
});
