import type * as Playwright from 'playwright-core';
import { AppError } from '../../../shared/errors';
import { chromiumArgs, findChromium } from './find-chromium';

/**
 * Prints report HTML to PDF in a Chromium already on this computer, through Playwright: for the CLI, the browser
 * host and the tests (the Electron app prints with its own Chromium, see electron/main/print-pdf.ts). The page
 * runs without JavaScript and without a network; A4 and the margins come from the report's CSS; the PDF is
 * tagged and has an outline from the headings.
 */
export async function printWithChromium(html: string): Promise<Uint8Array> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new AppError(
      'E_UNSUPPORTED',
      'Printing a PDF needs Chromium or Google Chrome on this computer. Install one (Debian: the “chromium” package) or set CHROMIUM_PATH.',
    );
  }
  const { chromium } = await loadPlaywright();
  const browser = await chromium.launch({ executablePath, args: [...chromiumArgs(), '--disable-gpu'] });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    // Print media before the content arrives, so the report is styled and laid out for paper only, not first for
    // a screen it never shows on (about a tenth of the printing's work for a long report).
    await page.emulateMedia({ media: 'print' });
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}

/**
 * playwright-core, loaded when first needed and never bundled: the packaged app prints with Electron and does not
 * ship it, and bundled into the CLI it cannot find its own package.json. A specifier the bundler cannot read keeps
 * it an import from node_modules at run time.
 */
function loadPlaywright(): Promise<typeof Playwright> {
  const specifier = ['playwright', 'core'].join('-');
  return import(/* @vite-ignore */ specifier) as Promise<typeof Playwright>;
}
