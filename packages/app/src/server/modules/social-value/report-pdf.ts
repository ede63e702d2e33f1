import type { Browser } from 'playwright-core';
import { AppError } from '../../http/app-error.ts';

/**
 * Prints HTML to a tagged PDF with Debian's Chromium (never a downloaded browser). One browser is
 * started on first use and shared; each render gets its own context with scripts off and every
 * network request refused, and at most two renders run at once (the server has two cores).
 */
export type PdfRenderer = { render: (html: string) => Promise<Buffer>; close: () => Promise<void> };

export const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
const maxConcurrent = 2;

const pdfUnavailable = () =>
  new AppError(
    'service_unavailable',
    503,
    'PDF export is not available just now. Try again shortly.',
    undefined,
    {
      'retry-after': '5',
    },
  );

export function createPdfRenderer(): PdfRenderer {
  let browser: Promise<Browser> | undefined;
  let isClosed = false;
  let running = 0;
  const waiting: (() => void)[] = [];

  const launch = async (): Promise<Browser> => {
    // playwright-core is loaded only when a PDF is asked for, so the server runs without it.
    const { chromium } = await import('playwright-core');
    const started = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    started.on('disconnected', () => {
      browser = undefined;
    });
    return started;
  };

  const acquire = async () => {
    if (running >= maxConcurrent) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
  };
  const release = () => {
    running--;
    waiting.shift()?.();
  };

  return {
    async render(html) {
      if (isClosed) throw pdfUnavailable();
      await acquire();
      try {
        browser ??= launch();
        const context = await (await browser).newContext({ javaScriptEnabled: false, offline: true });
        try {
          await context.route('**/*', (route) => route.abort());
          const page = await context.newPage();
          await page.setContent(html, { waitUntil: 'load' });
          return await page.pdf({
            format: 'A4',
            printBackground: true,
            tagged: true,
            outline: true,
            preferCSSPageSize: true,
          });
        } finally {
          await context.close();
        }
      } catch (error) {
        if (error instanceof AppError) throw error;
        browser = undefined;
        throw Object.assign(pdfUnavailable(), { cause: error });
      } finally {
        release();
      }
    },
    async close() {
      isClosed = true;
      const open = browser;
      browser = undefined;
      if (open) await (await open.catch(() => undefined))?.close();
    },
  };
}
