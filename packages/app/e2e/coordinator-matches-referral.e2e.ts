import type { Browser, Page } from 'playwright-core';
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

describe('a coordinator matches a new referral to a peer', () => {
  let server: PeerpathServer;
  let browser: Browser;
  let page: Page;
  let caseId = '';
  let chosen = '';

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney(phone));
  });

  afterAll(() => closeJourney(browser, server));

  it('signs in with two-factor', async () => {
    await signInWithTwoFactor(page, server.url, coordinator);
  });

  it('opens a new referral and reads why each peer is suggested', async () => {
    // The referral arrives as the referral form would send it (a synthetic person, no name).
    const me = await (await page.request.get(`${server.url}/api/me`)).json();
    const created = await page.request.post(`${server.url}/api/cases`, {
      headers: { origin: server.url },
      data: {
        siteId: me.sites[0].id,
        localCaseId: `E2E-MATCH-${Date.now()}`,
        referralSource: 'probation',
        referredOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()),
        complexity: 'moderate',
        needs: ['homelessness'],
        genderPreference: 'no_preference',
      },
    });
    expect(created.status()).toBe(201);
    caseId = (await created.json()).id;
    await page.goto(`${server.url}/cases/${caseId}`);
    await page.getByRole('heading', { name: 'Find a peer' }).waitFor();
    const best = page
      .getByRole('listitem')
      .filter({ has: page.getByText('Best match') })
      .first();
    await best.waitFor();
    chosen = ((await best.getByRole('heading').first().textContent()) ?? '').trim();
    expect(chosen).not.toBe('');
    const reasons = await best
      .getByRole('list', { name: `Why ${chosen} is suggested` })
      .getByRole('listitem')
      .allTextContents();
    expect(reasons.some((reason) => /\d+ of \d+ places? free/.test(reason))).toBe(true);
    await expectNoAxeViolations(page, { seriousOnly: true });
  });

  it('confirms the best match, and the case shows the allocated peer', async () => {
    await page.getByRole('button', { name: `Confirm ${chosen}` }).click();
    await page.getByText(`is allocated to ${chosen}`).first().waitFor();
    const lead = page.locator('dt', { hasText: 'Lead worker' }).locator('xpath=following-sibling::dd[1]');
    await expect.poll(async () => (await lead.textContent())?.trim()).toBe(chosen);
    // Read again from the server, as a bookmark would.
    await page.reload();
    await expect.poll(async () => (await lead.textContent())?.trim()).toBe(chosen);
  });

  it('proposes matches for the waiting referrals, narrows the batch to one, proposes again and approves it', async () => {
    const me = await (await page.request.get(`${server.url}/api/me`)).json();
    const localCaseId = `E2E-BATCH-${Date.now()}`;
    const created = await page.request.post(`${server.url}/api/cases`, {
      headers: { origin: server.url },
      data: {
        siteId: me.sites[0].id,
        localCaseId,
        referralSource: 'probation',
        referredOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()),
        complexity: 'low',
        genderPreference: 'no_preference',
      },
    });
    expect(created.status()).toBe(201);
    await page.goto(`${server.url}/matching`);
    await page.getByRole('heading', { level: 1, name: 'Matching' }).waitFor();
    await page.getByRole('button', { name: 'Propose matches' }).click();
    await page.getByRole('heading', { name: /^Proposal:/ }).waitFor();
    const ours = page.getByRole('checkbox', { name: new RegExp(`^Case ${localCaseId} to `) });
    await expect.poll(() => ours.isChecked()).toBe(true);
    await expectNoAxeViolations(page, { seriousOnly: true });
    // Leave every other referral out, from the keyboard, and have the batch solved again for ours alone.
    const referrals = page.getByRole('checkbox', { name: /^Case / });
    for (const box of await referrals.all()) {
      const label = await box.evaluate((input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? '');
      if (!label.includes(localCaseId) && (await box.isChecked())) await press(box, 'Space');
    }
    await press(page.getByRole('button', { name: 'Propose again for the ticked referrals only' }));
    await page
      .getByRole('status')
      .filter({ hasText: 'New proposal for the 1 ticked referral only' })
      .waitFor();
    await expect.poll(() => referrals.count()).toBe(1);
    await expect.poll(() => ours.isChecked()).toBe(true);
    await page.getByRole('button', { name: /^Approve 1 match/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /^Allocate \d+ cases?$/ }).click();
    await page
      .getByText(/\d+ cases? allocated\./)
      .first()
      .waitFor();
    const after = await (
      await page.request.get(`${server.url}/api/cases/${(await created.json()).id}`)
    ).json();
    expect(after.lead).not.toBeNull();
  });

  it('reads the safeguarding concern in progress, the partner relationships at risk and the voice items', async () => {
    await page.goto(`${server.url}/safeguarding`);
    await page.getByRole('heading', { level: 1, name: 'Safeguarding' }).waitFor();
    await page.getByText('with Safeguarding lead').first().waitFor();
    await expectNoAxeViolations(page, { seriousOnly: true });
    await page.goto(`${server.url}/partners`);
    await page.getByRole('heading', { level: 1, name: 'Partner relationships' }).waitFor();
    await page.getByText('Succession risk: only one person holds this relationship').first().waitFor();
    await expectNoAxeViolations(page, { seriousOnly: true });
    await page.goto(`${server.url}/voice`);
    await page.getByRole('heading', { level: 1, name: 'Your voice' }).waitFor();
    await page.getByRole('heading', { name: 'You said, we did' }).waitFor();
    await page.getByText('Thursday drop-in now runs until 8 pm').first().waitFor();
    await expectNoAxeViolations(page, { seriousOnly: true });
  });
});
