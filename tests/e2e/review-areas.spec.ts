import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures';
import { openReviewFromLibrary, reviewFilePath, showArea } from './support/screens';

test.describe('the review screen', () => {
  test('has Document, Checklist, Compare, Report and Committee areas, each saying what it holds', async ({
    app,
    invoke,
    saveScreenshot,
  }) => {
    await invoke('reviews.create', { title: 'Social-media policy 2026' });
    await app.reload();
    await openReviewFromLibrary(app, 'Social-media policy 2026');
    await expect(app.getByRole('tab')).toHaveText([/Document/, /Checklist/, /Compare/, /Report/, /Committee/]);

    const documentArea = await showArea(app, 'Document');
    await expect(documentArea).toContainText(
      'Import the policy: drop a Word, PDF, HTML, Markdown or text file here, or choose Import version…',
    );
    await expect(documentArea.getByRole('button', { name: 'Import version…' })).toBeEnabled();
    await saveScreenshot('review-document');

    const compare = await showArea(app, 'Compare');
    await expect(compare.getByRole('heading', { name: 'Nothing to compare yet' })).toBeVisible();
    await expect(compare).toContainText('Comparing needs two versions of the policy; this review has 0 versions.');
    await compare.getByRole('button', { name: 'Go to the Document area' }).click();
    await expect(app.getByRole('tabpanel', { name: 'Document' })).toBeVisible();
    await showArea(app, 'Compare');
    await saveScreenshot('review-compare');

    const report = await showArea(app, 'Report');
    await expect(report).toContainText('Export the committee’s findings, sign them in turn');
    await expect(report.getByRole('button', { name: 'Export report…' })).toBeEnabled();
    await expect(report).toContainText('No reports yet.');
    await expect(report).toContainText('No one has signed a report of this review yet.');
    await saveScreenshot('review-report');
  });

  test('renames the open review and goes back to the library, closing it', async ({ app, invoke, dataDir }) => {
    const created = await invoke('reviews.create', { title: 'First title' });
    await app.reload();
    await openReviewFromLibrary(app, 'First title');
    await app.getByRole('button', { name: 'Rename' }).click();
    await app
      .getByRole('dialog', { name: 'Rename review' })
      .getByRole('textbox', { name: 'Title' })
      .fill('Second title');
    await app.getByRole('dialog').getByRole('button', { name: 'Rename' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Second title' })).toBeVisible();
    await expect(app.getByRole('navigation', { name: 'Main' })).toContainText('Second title');

    await app.getByRole('button', { name: 'Library' }).first().click();
    await expect(app.getByRole('heading', { level: 1, name: 'Review library' })).toBeFocused();
    await expect(app.getByRole('article', { name: 'Second title' })).toBeVisible();
    // Closed: nobody holds the review's lock any more.
    await expect.poll(() => existsSync(`${reviewFilePath(dataDir, created.id)}.lock`)).toBe(false);
  });

  test('says why a review cannot be opened, on the review screen', async ({ app, invoke, dataDir }) => {
    const created = await invoke('reviews.create', { title: 'Will break' });
    await app.reload();
    // Damage the file only once the library has listed it as healthy, as if it broke while the app was open.
    await expect(app.getByRole('article', { name: 'Will break' }).getByRole('button', { name: /^Open/ })).toBeVisible();
    await writeFile(reviewFilePath(dataDir, created.id), '{"schemaVersion": 1, "title": "Will break"');
    await app.getByRole('article', { name: 'Will break' }).getByRole('button', { name: /^Open/ }).click();
    const alert = app.getByRole('alert').filter({ hasText: 'This review could not be opened' });
    await expect(alert).toContainText('is not valid JSON');
    await alert.getByRole('button', { name: 'Back to the library' }).click();
    await expect(app.getByRole('article', { name: 'Will break' }).getByText('Damaged')).toBeVisible();
  });
});
