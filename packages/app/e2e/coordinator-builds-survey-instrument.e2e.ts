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
  typeInto,
} from './journey.ts';
import type { PeerpathServer } from './peerpath-server.ts';

const coordinator = demoAccounts.find((account) => account.role === 'coordinator');
const name = 'Wellbeing check 2026';

const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const label = el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    return `${label ?? ''}${el?.tagName === 'TEXTAREA' || el?.tagName === 'INPUT' ? '' : (el?.textContent ?? '')}`.trim();
  });

describe('a coordinator builds a survey instrument on a phone, with the keyboard', () => {
  let server: PeerpathServer;
  let browser: Browser;
  let page: Page;
  let instrumentId = '';

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney(phone));
  });

  afterAll(() => closeJourney(browser, server));

  it('signs in with two-factor and starts a blank instrument from the outcomes page', async () => {
    await signInWithTwoFactor(page, server.url, coordinator, { from: '/outcomes', keyboard: true });
    await page.getByRole('heading', { level: 1, name: 'Outcomes' }).waitFor();

    await typeInto(page.getByLabel('Name of a new, blank instrument'), name);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Edit: ${name}` }).waitFor();
    instrumentId = /instruments\/([0-9a-f-]{36})\/edit/.exec(page.url())?.[1] ?? '';
    expect(instrumentId).not.toBe('');
    await expectNoAxeViolations(page);
  });

  it('words the 0 to 10 question, adds an ordered-categories question and moves it to the top', async () => {
    const questions = page.getByRole('list').filter({ has: page.getByRole('button', { name: /^Move up/ }) });
    await press(page.getByRole('button', { name: /^Edit question 1/ }));
    const first = questions.getByRole('listitem').nth(0);
    await typeInto(
      first.getByRole('textbox', { name: 'Question', exact: true }),
      'I feel positive about myself',
    );
    await typeInto(first.getByLabel('Label for 0'), 'Strongly disagree');
    await typeInto(first.getByLabel('Label for 10'), 'Strongly agree');

    await page.getByLabel('Type of the new question').selectOption('ordered');
    await press(page.getByRole('button', { name: 'Add question' }));
    // The new question opens, and focus goes to its wording.
    // Focus moves after the new question renders: poll, since a busy machine can be a frame behind.
    await expect.poll(() => focusedName(page)).toBe('Question');
    await page.keyboard.type('Where are you living now?');
    // Saved without its answers, the summary takes focus and names the field and the fix.
    await press(page.getByRole('button', { name: 'Save draft' }));
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'List at least 2 ranked answers, one per line.' }).waitFor();
    await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
    const second = questions.getByRole('listitem').nth(1);
    await second.getByText('List at least 2 ranked answers, one per line.').waitFor();
    await typeInto(
      second.getByLabel(/^Ranked answers, worst first/),
      'Rough sleeping\nSofa surfing\nOwn place',
    );
    await expectNoAxeViolations(page);

    await press(page.getByRole('button', { name: /^Move up question 2/ }));
    await page.getByRole('status').filter({ hasText: 'it is now question 1 of 2' }).waitFor();
    expect(await questions.getByRole('listitem').nth(0).textContent()).toContain('Where are you living now?');
    // At the top, "Move up" is no use any more, so focus is on the same question's "Move down".
    await expect.poll(() => focusedName(page)).toMatch(/^Move down question 1: Where are you living now\?/);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360);
  });

  it('saves the draft, publishes it after a warning that a published version cannot change, and offers the next version', async () => {
    await press(page.getByRole('button', { name: 'Save draft' }));
    await page.getByText(`Draft version 1 of “${name}” saved.`).waitFor();

    await press(page.getByRole('button', { name: 'Publish version 1' }));
    const dialog = page.getByRole('dialog', { name: `Publish version 1 of “${name}”?` });
    await dialog.getByText('A published version can no longer change.').waitFor();
    // axe measures contrast, so wait until the dialog has finished fading in.
    await dialog.evaluate((element) =>
      Promise.all(element.getAnimations({ subtree: true }).map((a) => a.finished)),
    );
    await page.waitForFunction(() => {
      const element = document.querySelector('[role="dialog"]');
      return element !== null && getComputedStyle(element).opacity === '1';
    });
    await expectNoAxeViolations(page);
    await press(dialog.getByRole('button', { name: 'Publish version 1' }));
    await page.getByRole('heading', { level: 1, name: 'Outcomes' }).waitFor();
    await page.getByText(`Version 1 of “${name}” is published.`).waitFor();

    // From the list, a published instrument offers its next version, which the editor explains.
    await press(page.getByRole('link', { name: `New version of ${name}` }));
    await page.getByText('Saving your changes starts version 2 as a draft').waitFor();
    await page.getByRole('button', { name: 'Save as draft version 2' }).waitFor();

    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const response = await fetch(`${server.url}/api/outcomes/instruments/${instrumentId}`, {
      headers: { cookie },
    });
    const detail = (await response.json()) as {
      publishedVersion: { version: number } | null;
      versions: { content: { items: Record<string, unknown>[] } }[];
    };
    expect(detail.publishedVersion?.version).toBe(1);
    expect(detail.versions[0]?.content.items).toMatchObject([
      {
        type: 'ordered',
        key: 'question_2',
        text: 'Where are you living now?',
        ranks: ['Rough sleeping', 'Sofa surfing', 'Own place'],
        unranked: ['I would prefer not to say'],
      },
      {
        type: 'scale',
        key: 'question_1',
        text: 'I feel positive about myself',
        minLabel: 'Strongly disagree',
        maxLabel: 'Strongly agree',
      },
    ]);
  });
});
