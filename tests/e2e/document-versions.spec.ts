import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import {
  documentArea,
  dropFiles,
  fileFromDisk,
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
import { savedReview } from './support/saved-review';
import { openReviewFromLibrary, reviewFilePath } from './support/screens';
import { addAnnotations, importText } from './support/versions';

const versionsPanel = (app: Page) => app.getByRole('region', { name: /^Versions/ });

test.describe('versions of the policy', () => {
  test('switches between versions, and the choice survives a reload', async ({ app, invoke }) => {
    await openNewReview(app, invoke, 'Two versions');
    await importThroughPicker(app, [textFile('2025.txt', RICH_TXT), textFile('2026.txt', SECOND_TXT)]);
    await expect(importedNotice(app, '2026.txt')).toBeVisible(IMPORT_WAIT);
    // The most recent import is shown.
    await expect(policyText(app, '2026').locator('h2')).toHaveText('Scope');
    await expect(versionSwitcher(app).locator('option')).toHaveText(['2025', '2026']);

    await versionSwitcher(app).selectOption({ label: '2025' });
    await expect(policyText(app, '2025').locator('h2')).toHaveText('Purpose');
    await expect(policyText(app, '2026')).toHaveCount(0);
    // The choice holds while the person visits another area.
    await app.getByRole('tab', { name: /Checklist/ }).click();
    await app.getByRole('tab', { name: /Document/ }).click();
    await expect(policyText(app, '2025')).toBeVisible();
    await expect(app.getByText('2 versions ·')).toBeVisible();

    await app.reload();
    await openReviewFromLibrary(app, 'Two versions');
    await expect(versionSwitcher(app).locator('option')).toHaveText(['2025', '2026']);
    await expect(versionSwitcher(app).locator('option:checked')).toHaveText('2025');
    await expect(policyText(app, '2025').locator('h3')).toHaveText('Approved accounts');
  });

  test('renames a version and sets, then clears, its effective date', async ({ app, invoke, saveScreenshot }) => {
    const reviewId = await openNewReview(app, invoke, 'Dates');
    await importThroughPicker(app, [textFile('draft.txt', RICH_TXT)]);
    await expect(importedNotice(app, 'draft.txt')).toBeVisible(IMPORT_WAIT);

    await documentArea(app)
      .getByRole('button', { name: /^Versions/ })
      .click();
    await expect(documentArea(app).getByRole('button', { name: /^Versions/ })).toHaveAttribute('aria-expanded', 'true');
    await versionsPanel(app).getByRole('button', { name: 'Edit “draft”' }).click();
    const dialog = app.getByRole('dialog', { name: 'Edit version' });
    await expect(dialog.getByRole('textbox', { name: 'Label' })).toBeFocused();
    await dialog.getByRole('textbox', { name: 'Label' }).fill('   ');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('A version needs a label.')).toBeVisible();
    await saveScreenshot('edit-version-dialog');

    await dialog.getByRole('textbox', { name: 'Label' }).fill('Adopted 2026');
    await dialog.getByLabel('Effective date').fill('2026-03-01');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(app.getByRole('status').filter({ hasText: 'Saved version “Adopted 2026”.' })).toBeVisible();
    await expect(versionSwitcher(app).locator('option')).toHaveText(['Adopted 2026 — effective Mar 1, 2026']);
    await expect(versionsPanel(app).getByRole('listitem', { name: 'Adopted 2026' })).toContainText(
      'Effective Mar 1, 2026',
    );
    await expect(policyText(app, 'Adopted 2026')).toBeVisible();
    expect((await invoke('versions.list', { reviewId }))[0]).toMatchObject({
      label: 'Adopted 2026',
      effectiveDate: '2026-03-01',
    });

    await versionsPanel(app).getByRole('button', { name: 'Edit “Adopted 2026”' }).click();
    await dialog.getByRole('button', { name: 'Clear date' }).click();
    await expect(dialog.getByLabel('Effective date')).toBeFocused();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(versionSwitcher(app).locator('option')).toHaveText(['Adopted 2026']);
    await expect(versionsPanel(app).getByRole('listitem', { name: 'Adopted 2026' })).toContainText('No effective date');
    expect((await invoke('versions.list', { reviewId }))[0]?.effectiveDate).toBeUndefined();
  });

  test('reorders versions with the move buttons, from the keyboard', async ({ app, invoke, saveScreenshot }) => {
    const reviewId = await openNewReview(app, invoke, 'Order');
    await importThroughPicker(app, [
      textFile('a.txt', RICH_TXT),
      textFile('b.txt', SECOND_TXT),
      textFile('c.txt', RICH_TXT.replace('Purpose', 'Aims')),
    ]);
    await expect(importedNotice(app, 'c.txt')).toBeVisible(IMPORT_WAIT);
    await documentArea(app).getByRole('button', { name: 'Dismiss 3 finished imports' }).click();

    await documentArea(app)
      .getByRole('button', { name: /^Versions/ })
      .click();
    const panel = versionsPanel(app);
    await expect(panel.getByRole('listitem')).toHaveCount(3);
    await expect(panel.getByRole('button', { name: 'Move “a” up' })).toBeDisabled();
    await expect(panel.getByRole('button', { name: 'Move “c” down' })).toBeDisabled();

    await panel.getByRole('button', { name: 'Move “c” up' }).focus();
    await app.keyboard.press('Enter');
    await expect(versionSwitcher(app).locator('option')).toHaveText(['a', 'c', 'b']);
    await expect(panel.getByRole('button', { name: 'Move “c” up' })).toBeFocused();
    await expect(panel.getByRole('status')).toHaveText('Moved “c” to position 2 of 3.');
    await app.keyboard.press('Enter');
    await expect(versionSwitcher(app).locator('option')).toHaveText(['c', 'a', 'b']);
    // At the top, moving up no longer applies: focus goes to moving down.
    await expect(panel.getByRole('button', { name: 'Move “c” down' })).toBeFocused();
    expect((await invoke('versions.list', { reviewId })).map((v) => v.label)).toEqual(['c', 'a', 'b']);
    // The version shown does not change when the order does.
    await expect(policyText(app, 'c')).toBeVisible();
    await expect(panel.getByRole('listitem').first()).toContainText('Shown');
    await saveScreenshot('document-versions-reordered');
  });

  test('deletes a version after a confirmation that says how many annotations go with it', async ({
    app,
    invoke,
    dataDir,
  }) => {
    const created = await invoke('reviews.create', { title: 'Deleting' });
    const annotated = await importText(invoke, created.id, 'annotated.txt', RICH_TXT);
    await importText(invoke, created.id, 'plain.txt', SECOND_TXT);
    await invoke('reviews.close', { reviewId: created.id });
    await addAnnotations(dataDir, created.id, annotated.id, ['council staff', 'residents']);
    await app.reload();
    await openReviewFromLibrary(app, 'Deleting');

    await documentArea(app)
      .getByRole('button', { name: /^Versions/ })
      .click();
    await versionsPanel(app).getByRole('button', { name: 'Delete “annotated”' }).click();
    const confirm = app.getByRole('dialog', { name: 'Delete version “annotated”?' });
    await expect(confirm).toContainText('“annotated” is removed from this review, and its 2 annotations with it.');
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(versionSwitcher(app).locator('option')).toHaveText(['annotated', 'plain']);

    await versionsPanel(app).getByRole('button', { name: 'Delete “annotated”' }).click();
    await confirm.getByRole('button', { name: 'Delete version' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(
      app.getByRole('status').filter({ hasText: 'Deleted version “annotated” and its 2 annotations.' }),
    ).toBeVisible();
    await expect(versionSwitcher(app).locator('option')).toHaveText(['plain']);
    // Its Delete button went with the version: focus goes to Import version…, not the page.
    await expect(documentArea(app).getByRole('button', { name: 'Import version…' })).toBeFocused();
    expect((await invoke('versions.list', { reviewId: created.id })).map((v) => v.label)).toEqual(['plain']);
    const saved = await savedReview<{ annotations: { deletedAt?: string }[] }>(dataDir, created.id);
    expect(saved.annotations.every((a) => a.deletedAt)).toBe(true);

    await versionsPanel(app).getByRole('button', { name: 'Delete “plain”' }).click();
    const last = app.getByRole('dialog', { name: 'Delete version “plain”?' });
    await expect(last).toContainText('It has no annotations.');
    await last.getByRole('button', { name: 'Delete version' }).click();
    await expect(documentArea(app).getByRole('heading', { name: 'No policy version yet' })).toBeVisible();
    await expect(app.getByText('0 versions ·')).toBeVisible();
  });

  test('lists where each version came from in the versions panel', async ({ app, invoke, saveScreenshot }) => {
    test.setTimeout(120_000);
    const reviewId = await openNewReview(app, invoke, 'Riverton social-media policy review');
    const html =
      '<!doctype html><html><body><h1>Riverton social media policy</h1><p>Staff may post photos.' +
      '</p><img src="chart.png" alt="Posting volumes"><p>Ask before posting faces.</p></body></html>';
    const files = [
      textFile('riverton-2021.txt', RICH_TXT),
      await fileFromDisk(join(RIVERTON, 'v2.md')),
      textFile('riverton-2026-web.html', html),
    ];
    await dropFiles(app, documentArea(app).locator('.document-area'), files);
    await expect(versionSwitcher(app).locator('option')).toHaveCount(files.length, { timeout: 60_000 });
    await documentArea(app)
      .getByRole('button', { name: /finished imports|Dismiss message/ })
      .first()
      .click();
    const [first] = await invoke('versions.list', { reviewId });

    await documentArea(app)
      .getByRole('button', { name: /^Versions/ })
      .click();
    const row = versionsPanel(app).getByRole('listitem', { name: 'riverton-2021' });
    await expect(row).toContainText('riverton-2021.txt');
    await expect(row).toContainText('Plain text');
    await expect(row).toContainText(`${RICH_TXT.length} bytes`);
    await expect(row).toContainText('21 blocks');
    await expect(row).toContainText('No import warnings');
    await expect(row).toContainText(/Imported .* by /);
    const sha = row.locator('code');
    await expect(sha).toHaveText(`${first!.source.sha256.slice(0, 12)}…`);
    await expect(sha).toHaveAttribute('title', first!.source.sha256);
    if (files.length === 3) {
      const web = versionsPanel(app).getByRole('listitem', { name: 'riverton-2026-web' });
      await web.getByText('1 import warning').click();
      await expect(web.getByRole('listitem')).toContainText(/image/);
    }
    await saveScreenshot('document-versions-panel');
    await versionsPanel(app).getByRole('button', { name: 'Close the versions panel' }).click();
    await expect(versionsPanel(app)).toHaveCount(0);
  });

  test('in a read-only review, versions can be read and switched but not imported or changed', async ({
    app,
    invoke,
    dataDir,
  }) => {
    const created = await invoke('reviews.create', { title: 'Read-only versions' });
    await importText(invoke, created.id, 'one.txt', RICH_TXT);
    await importText(invoke, created.id, 'two.txt', SECOND_TXT);
    await invoke('reviews.close', { reviewId: created.id });
    const file = reviewFilePath(dataDir, created.id);
    await writeFile(
      file,
      JSON.stringify({ ...(JSON.parse(await readFile(file, 'utf8')) as object), schemaVersion: 99 }),
    );
    await app.reload();
    await openReviewFromLibrary(app, 'Read-only versions');

    await expect(documentArea(app).getByRole('button', { name: 'Import version…' })).toBeDisabled();
    await versionSwitcher(app).selectOption({ label: 'one' });
    await expect(policyText(app, 'one').locator('h1')).toHaveText('Riverton Social Media Policy');
    await documentArea(app)
      .getByRole('button', { name: /^Versions/ })
      .click();
    await expect(versionsPanel(app).getByRole('listitem')).toHaveCount(2);
    await expect(versionsPanel(app).getByRole('button', { name: /^(Move|Edit|Delete)/ })).toHaveCount(0);

    await dropFiles(app, documentArea(app).locator('.document-area'), [textFile('three.txt', SECOND_TXT)]);
    await expect(versionSwitcher(app).locator('option')).toHaveCount(2);
    await expect(documentArea(app).getByRole('region', { name: 'Imports' })).toHaveCount(0);
  });
});
