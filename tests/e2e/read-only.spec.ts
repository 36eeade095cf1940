import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { expect, test } from './support/fixtures';
import { openReviewFromLibrary, reviewCard, reviewFilePath, showArea } from './support/screens';

test.describe('reviews this window may not change', () => {
  test('a review saved by a newer version of the app is listed and opened read-only', async ({
    app,
    invoke,
    dataDir,
    saveScreenshot,
  }) => {
    const created = await invoke('reviews.create', { title: 'Policy from the future' });
    const file = reviewFilePath(dataDir, created.id);
    const document = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...document, schemaVersion: 99 }));

    await app.reload();
    const card = reviewCard(app, 'Policy from the future');
    await expect(card.getByText('Newer format · read-only')).toBeVisible();
    await expect(card).toContainText('Saved by a newer version of the app');
    await expect(card.getByRole('button', { name: 'Rename' })).toBeDisabled();

    await openReviewFromLibrary(app, 'Policy from the future');
    const banner = app.getByRole('status').filter({ hasText: 'Read-only' });
    await expect(banner).toContainText('saved by a newer version of Policy Review Workstation');
    await expect(app.getByRole('button', { name: 'Rename' })).toBeDisabled();
    await saveScreenshot('review-read-only');

    const checklist = await showArea(app, 'Checklist');
    await expect(checklist.getByRole('button', { name: 'Add criterion' })).toBeDisabled();
    await expect(checklist.getByRole('button', { name: /^Edit/ })).toHaveCount(0);
    await expect(checklist.getByRole('button', { name: /^Remove/ })).toHaveCount(0);

    const committee = await showArea(app, 'Committee');
    await expect(committee.getByRole('button', { name: 'Add member' })).toBeDisabled();
  });

  test('a review open in another process shows who holds it and opens read-only', async ({ app, invoke, dataDir }) => {
    const created = await invoke('reviews.create', { title: 'Shared on the team drive' });
    // The lock a second app instance leaves: a live process (the test runner's parent) on this computer.
    const holder = {
      pid: process.ppid,
      host: hostname(),
      since: new Date().toISOString(),
      app: 'Policy Review Workstation',
    };
    await writeFile(`${reviewFilePath(dataDir, created.id)}.lock`, JSON.stringify(holder));

    await app.reload();
    const card = reviewCard(app, 'Shared on the team drive');
    await expect(card.getByText('Open elsewhere · read-only')).toBeVisible();
    await expect(card).toContainText(`process ${process.ppid} on ${hostname()}`);
    await expect(card.getByRole('button', { name: 'Delete' })).toBeDisabled();

    await openReviewFromLibrary(app, 'Shared on the team drive');
    await expect(app.getByRole('status').filter({ hasText: 'Read-only' })).toContainText(
      'open in another window or process',
    );
  });
});
