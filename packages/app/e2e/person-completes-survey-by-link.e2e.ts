import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword } from '../src/server/demo/demo-accounts.ts';
import { closeJourney, expectNoAxeViolations, openJourney, phone } from './journey.ts';
import type { PeerpathServer } from './peerpath-server.ts';

const volunteer = demoAccounts.find((account) => account.role === 'volunteer');

/** Presses Tab (only the keyboard) until the focused element's accessible text matches. */
async function tabTo(page: Page, name: RegExp): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const label = el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      return `${el?.getAttribute('aria-label') ?? ''} ${label ?? ''} ${el?.textContent ?? ''}`.trim();
    });
    if (name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

describe('a person completes a survey by link on a phone, with the keyboard only', () => {
  let server: PeerpathServer;
  let browser: Browser;
  let page: Page;
  let cookie = '';
  let link = '';
  let surveyId = '';
  const requests: { url: string; referer: string }[] = [];

  const apiCall = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        cookie,
        origin: server.url,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney(phone));
    page.on('request', (request) =>
      requests.push({ url: request.url(), referer: request.headers().referer ?? '' }),
    );
  });

  afterAll(() => closeJourney(browser, server));

  it('a volunteer gives one of their cases the ONS4 survey by link', async () => {
    if (!volunteer) throw new Error('there is no demo volunteer');
    const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: volunteer.email, password: demoPassword }),
    });
    expect(signIn.status).toBe(200);
    cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const mine = await apiCall('GET', '/api/cases?mine=true');
    const caseId = (mine.json.items as { id: string }[])[0]?.id as string;
    const instruments = await apiCall('GET', '/api/surveys/instruments');
    const ons4 = (instruments.json.items as { name: string; publishedVersion: { id: string } }[]).find((i) =>
      i.name.startsWith('ONS4'),
    );
    const created = await apiCall('POST', `/api/cases/${caseId}/surveys`, {
      instrumentVersionId: ons4?.publishedVersion.id,
      wave: 'follow_up',
      followUpNumber: 9,
      mode: 'link',
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    link = created.json.link as string;
    surveyId = created.json.id as string;
    expect(link).toMatch(/^\/s#[A-Za-z0-9_-]{43}$/);
  });

  it('opens the link to an introduction with no accessibility violations', async () => {
    await page.goto(`${server.url}${link}`);
    await page.getByRole('heading', { level: 1, name: 'ONS4 personal well-being' }).waitFor();
    await expectNoAxeViolations(page);
    await tabTo(page, /^Start$/);
    await page.keyboard.press('Enter');
    await page.getByText('Question 1 of 4', { exact: true }).waitFor();
  });

  it('answers each question with arrow keys and moves on with Tab and Enter', async () => {
    await expectNoAxeViolations(page);
    for (let question = 1; question <= 4; question++) {
      await page.getByText(`Question ${question} of 4`, { exact: true }).waitFor();
      await tabTo(page, /^0 – Not at all/);
      // Arrow keys move through a radio group and choose as they go: 0 → 7.
      for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowDown');
      expect(await page.getByRole('radio', { name: '7', exact: true }).isChecked()).toBe(true);
      await tabTo(page, /^Next$/);
      await page.keyboard.press('Enter');
    }
    await page.getByRole('heading', { level: 1, name: 'Send your answers' }).waitFor();
    await expectNoAxeViolations(page);
    await tabTo(page, /^Send my answers$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
    await expectNoAxeViolations(page);
  });

  it('stored the answers once, and the link opens nothing now', async () => {
    const survey = await apiCall('GET', `/api/surveys/${surveyId}`);
    expect(survey.json.status).toBe('completed');
    expect(survey.json.answers).toEqual({ life_satisfaction: 7, worthwhile: 7, happiness: 7, anxiety: 7 });
    await page.goto(`${server.url}/`);
    await page.goto(`${server.url}${link}`);
    await page.getByRole('heading', { level: 1, name: 'This link does not open a survey' }).waitFor();
  });

  it('never sent the token in a URL or a Referer header', () => {
    const token = link.split('#')[1] as string;
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) {
      expect(r.url).not.toContain(token);
      expect(r.referer).not.toContain(token);
    }
  });
});
