import { desc, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultWebDir } from '../src/server/app.ts';
import { systemClock } from '../src/server/clock.ts';
import { newId } from '../src/server/db/ids.ts';
import { cases } from '../src/server/modules/cases/cases.table.ts';
import { runCheckIns } from '../src/server/modules/check-ins/check-ins.job.ts';
import { checkInEnrolments, smsOutbox } from '../src/server/modules/check-ins/check-ins.table.ts';
import { createTestApp, seedOrganisation, type TestApp } from '../test/support/test-app.ts';
import { expectNoAxeViolations, openPage, phone } from './journey.ts';
import { freePort } from './peerpath-server.ts';

const ukTimeNow = () =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date());

/**
 * The app runs in this process (a fresh embedded database, the built web app), so the test can run
 * the check-in job and read the one text it wrote — the only place a link's token exists.
 */
describe('a person answers a daily check-in by link on a phone, with the keyboard only', () => {
  let t: TestApp;
  let url = '';
  let browser: Browser;
  let page: Page;
  let link = '';
  const requests: { url: string; referer: string }[] = [];

  beforeAll(async () => {
    // The page's requests must come from the app's own origin (the origin check), so fix the port first.
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    t = await createTestApp({ webDir: defaultWebDir, logLevel: 'warn', publicUrl: url });
    await t.app.listen({ host: '127.0.0.1', port });
    ({ browser, page } = await openPage(phone));
    page.on('request', (request) =>
      requests.push({ url: request.url(), referer: request.headers().referer ?? '' }),
    );
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('sends a check-in text with a link whose token is only in the fragment', async () => {
    const { organisation, siteIds } = await seedOrganisation(t.database, {
      name: 'Journey',
      sites: ['North'],
      users: [{ key: 'peer', role: 'peer_supporter', sites: ['North'] }],
    });
    const now = new Date();
    const caseId = newId();
    const place = { organisationId: organisation.id, siteId: siteIds.North as string };
    await t.db.insert(cases).values({
      id: caseId,
      ...place,
      localCaseId: 'J-1',
      referralSource: 'court',
      referredOn: '2026-01-05',
      status: 'active',
      createdAt: now,
      updatedAt: now,
    });
    await t.db.insert(checkInEnrolments).values({
      id: newId(),
      ...place,
      caseId,
      phone: '07700 900555',
      phoneKey: '447700900555',
      times: [ukTimeNow()],
      encouragement: 'You made it to the allotment yesterday. Well done.',
      consentStatement: 'Agreed to a daily text.',
      consentRecordedAt: new Date(now.getTime() - 3_600_000),
      createdAt: new Date(now.getTime() - 3_600_000),
      updatedAt: now,
    });
    await runCheckIns({ db: t.db, clock: systemClock, publicUrl: url });
    const [text] = await t.db
      .select()
      .from(smsOutbox)
      .where(eq(smsOutbox.toPhone, '07700 900555'))
      .orderBy(desc(smsOutbox.createdAt));
    const match = new RegExp(`${url}/c#[A-Za-z0-9_-]{43}`).exec(text?.body ?? '');
    expect(match, text?.body).not.toBeNull();
    link = (match as RegExpExecArray)[0];
  });

  it('opens to three labelled answers, the monitored hours and crisis numbers, with no accessibility violations', async () => {
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'How are you today?' }).waitFor();
    await page.getByText('Monday to Friday, 9am to 5pm').waitFor();
    await page.getByText(/116 123/).waitFor();
    await expectNoAxeViolations(page);
  });

  it('answers green with the keyboard and shows the person’s own message', async () => {
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (focused.startsWith('1 – Green')) break;
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
    await page.getByText('You made it to the allotment yesterday. Well done.').waitFor();
    await expectNoAxeViolations(page);
  });

  it('never sends the token to the server in a URL or a Referer header', () => {
    const token = link.split('#')[1] as string;
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) {
      expect(request.url).not.toContain(token);
      expect(request.referer).not.toContain(token);
    }
  });
});
