import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import {
  documentArea,
  dropFiles,
  failedNotice,
  importedNotice,
  IMPORT_WAIT,
  importThroughPicker,
  openNewReview,
  policyText,
  RICH_TXT,
  RIVERTON,
  SECOND_TXT,
  textFile,
  versionSwitcher,
} from './support/documents';

/** Records, from inside the page, every import row the Document area showed, so short-lived states are not missed. */
async function recordImportRows(app: Page): Promise<() => Promise<string[]>> {
  await app.evaluate(() => {
    const seen = new Set<string>();
    (window as unknown as { __importRows: Set<string> }).__importRows = seen;
    new MutationObserver(() => {
      document.querySelectorAll('.import-job').forEach((row) => seen.add(row.textContent ?? ''));
      document
        .querySelectorAll('[role="progressbar"]')
        .forEach((bar) => seen.add(`progressbar: ${bar.getAttribute('aria-label') ?? ''}`));
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => app.evaluate(() => [...(window as unknown as { __importRows: Set<string> }).__importRows]);
}

test.describe('importing policy versions', () => {
  test('imports picked files one after another, showing progress and then a summary for each', async ({
    app,
    invoke,
    saveScreenshot,
  }) => {
    await openNewReview(app, invoke, 'Picked files');
    const rows = await recordImportRows(app);
    // A long third file keeps the queue busy for a moment, so the progress can be caught on screen.
    const long = Array.from(
      { length: 400 },
      (_, n) => `Section ${n + 1}\n----------\n\n${'The council keeps a record of every post. '.repeat(40)}`,
    ).join('\n\n');
    await importThroughPicker(app, [
      textFile('first.txt', RICH_TXT),
      textFile('second.txt', SECOND_TXT),
      textFile('third.txt', long),
    ]);
    const progress = app.getByRole('progressbar', { name: /^Importing / });
    if (await progress.isVisible()) await saveScreenshot('document-import-progress');

    await expect(importedNotice(app, 'third.txt')).toBeVisible(IMPORT_WAIT);
    await expect(importedNotice(app, 'first.txt')).toContainText('Imported “first.txt” as “first”: 21 blocks');
    await expect(importedNotice(app, 'second.txt')).toBeVisible(IMPORT_WAIT);
    // In the order given, and the last one imported is the one shown.
    await expect(versionSwitcher(app).locator('option')).toHaveText(['first', 'second', 'third']);
    await expect(versionSwitcher(app)).toHaveValue(
      (await versionSwitcher(app).locator('option').nth(2).getAttribute('value')) ?? '',
    );
    await expect(policyText(app, 'third')).toContainText('Section 400');

    const seen = await rows();
    expect(seen).toContain('progressbar: Importing first.txt');
    expect(seen).toContainEqual(expect.stringMatching(/^third\.txt.*Waiting/));

    // Each summary stays until it is dismissed.
    await importedNotice(app, 'first.txt').getByRole('button', { name: 'Dismiss message' }).click();
    await expect(importedNotice(app, 'first.txt')).toHaveCount(0);
    await expect(importedNotice(app, 'second.txt')).toBeVisible(IMPORT_WAIT);
    await documentArea(app).getByRole('button', { name: 'Dismiss 2 finished imports' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'Imported' })).toHaveCount(0);
  });

  test('takes a file that is still waiting out of the queue', async ({ app, invoke, holdCalls }) => {
    await openNewReview(app, invoke, 'Changed my mind');
    // The first import is held at the services' door, so the queue is busy while the person changes their mind.
    const releaseImports = holdCalls('versions.import');
    await importThroughPicker(app, [
      textFile('large.txt', RICH_TXT),
      textFile('unwanted.txt', SECOND_TXT),
      textFile('wanted.txt', RICH_TXT),
    ]);
    await documentArea(app).getByRole('button', { name: 'Don’t import unwanted.txt' }).click();
    releaseImports();
    await expect(importedNotice(app, 'wanted.txt')).toBeVisible({ timeout: 60_000 });
    await expect(versionSwitcher(app).locator('option')).toHaveText(['large', 'wanted']);
    await expect(documentArea(app).getByText('unwanted.txt')).toHaveCount(0);
  });

  test('imports files dropped on the document area, in the order dropped', async ({ app, invoke, saveScreenshot }) => {
    await openNewReview(app, invoke, 'Dropped files');
    await expect(documentArea(app)).toContainText(
      'Import the policy: drop a Word, PDF, HTML, Markdown or text file here, or choose Import version…',
    );
    await saveScreenshot('document-empty');

    const zone = documentArea(app).locator('.document-area');
    const dataTransfer = await app.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['x'], 'x.txt', { type: 'text/plain' }));
      return transfer;
    });
    await zone.dispatchEvent('dragenter', { dataTransfer });
    await zone.dispatchEvent('dragover', { dataTransfer });
    await expect(documentArea(app).getByText('Drop to import as new versions')).toBeVisible();
    await zone.dispatchEvent('dragleave', { dataTransfer });
    await expect(documentArea(app).getByText('Drop to import as new versions')).toBeHidden();

    await dropFiles(app, zone, [textFile('2025 policy.txt', SECOND_TXT), textFile('2026 policy.txt', RICH_TXT)]);
    await expect(importedNotice(app, '2026 policy.txt')).toBeVisible(IMPORT_WAIT);
    await expect(importedNotice(app, '2025 policy.txt')).toBeVisible(IMPORT_WAIT);
    await expect(documentArea(app).getByText('Drop to import as new versions')).toBeHidden();
    await expect(versionSwitcher(app).locator('option')).toHaveText(['2025 policy', '2026 policy']);
    await expect(policyText(app, '2026 policy').locator('h1')).toHaveText('Riverton Social Media Policy');
  });

  test('says why a file was not imported, and changes nothing else', async ({ app, invoke, saveScreenshot }) => {
    await openNewReview(app, invoke, 'Bad files');
    await importThroughPicker(app, [textFile('good.txt', RICH_TXT)]);
    await expect(importedNotice(app, 'good.txt')).toBeVisible(IMPORT_WAIT);
    await importedNotice(app, 'good.txt').getByRole('button', { name: 'Dismiss message' }).click();

    await importThroughPicker(app, [
      textFile('empty.txt', ''),
      { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('This is not a PDF at all, just text.\n') },
    ]);
    await expect(failedNotice(app, 'empty.txt')).toContainText('empty');
    await expect(failedNotice(app, 'scan.pdf')).toContainText('named like a PDF');
    await saveScreenshot('document-import-error');

    await expect(versionSwitcher(app).locator('option')).toHaveText(['good']);
    await expect(policyText(app, 'good')).toBeVisible();
    expect(
      (await invoke('versions.list', { reviewId: (await invoke('reviews.list', {}))[0]!.id })).map((v) => v.label),
    ).toEqual(['good']);
    await expect(app.getByText('1 version ·', { exact: false })).toBeVisible();

    await failedNotice(app, 'empty.txt').getByRole('button', { name: 'Dismiss message' }).click();
    await expect(failedNotice(app, 'empty.txt')).toHaveCount(0);
    await expect(failedNotice(app, 'scan.pdf')).toBeVisible();
  });

  test('Import version… opens the page’s file picker when the window has no native dialog', async ({ app, invoke }) => {
    await openNewReview(app, invoke, 'No native dialog');
    const chooser = app.waitForEvent('filechooser');
    await documentArea(app).getByRole('button', { name: 'Import version…' }).click();
    const picker = await chooser;
    expect(picker.isMultiple()).toBe(true);
    await picker.setFiles([textFile('picked.txt', SECOND_TXT)]);
    await expect(importedNotice(app, 'picked.txt')).toBeVisible(IMPORT_WAIT);
    await expect(policyText(app, 'picked').locator('h2')).toHaveText('Scope');
  });

  test.describe('with a native file dialog', () => {
    test.use({ dialogFiles: [join(RIVERTON, 'v1.txt'), join(RIVERTON, 'v2.txt')] });

    test('imports each file chosen in the native dialog, by token, in order', async ({ app, invoke }) => {
      await openNewReview(app, invoke, 'Native dialog');
      await documentArea(app).getByRole('button', { name: 'Import version…' }).click();
      await expect(importedNotice(app, 'v2.txt')).toBeVisible(IMPORT_WAIT);
      await expect(importedNotice(app, 'v1.txt')).toBeVisible(IMPORT_WAIT);
      await expect(versionSwitcher(app).locator('option')).toHaveText(['v1', 'v2']);
      await expect(policyText(app, 'v2').locator('h1')).toContainText('City of Riverton');
    });
  });

  test('lists the warnings of an import and keeps them until dismissed', async ({ app, invoke, saveScreenshot }) => {
    const html =
      '<!doctype html><html><body><h1>Image policy</h1><p>Staff may post photos.</p>' +
      '<img src="chart.png" alt="Posting volumes"><p>Ask before posting faces.</p></body></html>';
    await openNewReview(app, invoke, 'Warnings');
    await importThroughPicker(app, [textFile('with-image.html', html)]);
    const notice = importedNotice(app, 'with-image.html');
    await expect(notice).toBeVisible();
    await expect(notice.getByRole('listitem').first()).toContainText(/image/i);
    await expect(documentArea(app).getByText(/import warning/)).toBeVisible();
    await saveScreenshot('document-warnings');
    await notice.getByRole('button', { name: 'Dismiss message' }).click();
    await expect(notice).toHaveCount(0);
  });
});
