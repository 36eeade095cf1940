import { readFile, rm, writeFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures';
import { openReviewFromLibrary, reviewCard, reviewFilePath, showArea } from './support/screens';

test.describe('the review library', () => {
  test('says what to do when there are no reviews yet', async ({ app, saveScreenshot }) => {
    await expect(app.getByRole('heading', { name: 'No reviews yet' })).toBeVisible();
    await expect(app.getByText(/Type a title under New review above and choose Create review/)).toBeVisible();
    await expect(app.getByRole('textbox', { name: 'New review' })).toBeVisible();
    await saveScreenshot('library-empty');
  });

  test('creates a review, lists it, and opens it on its checklist of every category', async ({
    app,
    invoke,
    saveScreenshot,
  }) => {
    await app.getByRole('textbox', { name: 'New review' }).fill('Social-media policy 2026');
    await app.getByRole('button', { name: 'Create review' }).click();

    const card = reviewCard(app, 'Social-media policy 2026');
    await expect(card).toBeVisible();
    await expect(app.getByRole('status').filter({ hasText: 'Created “Social-media policy 2026”' })).toBeVisible();
    await expect(app.getByRole('textbox', { name: 'New review' })).toHaveValue('');
    await expect(app.getByRole('heading', { name: 'No reviews yet' })).toHaveCount(0);

    await app.getByRole('textbox', { name: 'New review' }).fill('Code of conduct for staff online');
    await app.getByRole('button', { name: 'Create review' }).click();
    await expect(reviewCard(app, 'Code of conduct for staff online')).toBeVisible();
    await saveScreenshot('library-with-reviews');

    const created = (await invoke('reviews.list', {})).find((r) => r.title === 'Social-media policy 2026')!;
    const view = await invoke('checklist.get', { reviewId: created.id });
    await openReviewFromLibrary(app, 'Social-media policy 2026');
    await expect(app.getByRole('navigation', { name: 'Main' })).toContainText('Social-media policy 2026');

    const checklist = await showArea(app, 'Checklist');
    await expect(checklist.getByRole('article')).toHaveCount(view.criteria.length);
    for (const category of view.categories) {
      const inCategory = view.criteria.filter((c) => c.category === category.id);
      const section = checklist.getByRole('region', { name: category.label, exact: true });
      await expect(section.getByRole('heading', { level: 3, name: category.label })).toBeVisible();
      await expect(section).toContainText(category.description);
      await expect(section).toContainText(`${inCategory.length} ${inCategory.length === 1 ? 'criterion' : 'criteria'}`);
      await expect(section.getByRole('article')).toHaveCount(inCategory.length);
      for (const criterion of inCategory)
        await expect(section.getByRole('article', { name: criterion.title, exact: true })).toContainText(
          criterion.question,
        );
    }
  });

  test('shows why a title is refused, next to the field', async ({ app }) => {
    await app.getByRole('button', { name: 'Create review' }).click();
    const field = app.getByRole('textbox', { name: 'New review' });
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(app.getByText('A title is required.')).toBeVisible();
  });

  test('renames a review', async ({ app, invoke, saveScreenshot }) => {
    await invoke('reviews.create', { title: 'Draft policy' });
    await app.reload();
    await reviewCard(app, 'Draft policy').getByRole('button', { name: 'Rename' }).click();

    const dialog = app.getByRole('dialog', { name: 'Rename review' });
    await expect(dialog.getByRole('textbox', { name: 'Title' })).toBeFocused();
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Social-media policy, second draft');
    await saveScreenshot('rename-dialog');
    await dialog.getByRole('button', { name: 'Rename' }).click();

    await expect(dialog).toHaveCount(0);
    await expect(reviewCard(app, 'Social-media policy, second draft')).toBeVisible();
    await expect(reviewCard(app, 'Draft policy')).toHaveCount(0);
    const [summary] = await invoke('reviews.list', {});
    expect(summary?.title).toBe('Social-media policy, second draft');
  });

  test('asks before deleting: Cancel keeps the review, confirming removes it', async ({
    app,
    invoke,
    saveScreenshot,
  }) => {
    await invoke('reviews.create', { title: 'Old code of conduct' });
    await app.reload();
    const card = reviewCard(app, 'Old code of conduct');
    const deleteButton = card.getByRole('button', { name: 'Delete' });

    await deleteButton.click();
    const dialog = app.getByRole('dialog', { name: 'Delete “Old code of conduct”?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('nothing is erased');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await saveScreenshot('delete-confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(card).toBeVisible();
    await expect(deleteButton).toBeFocused();
    expect(await invoke('reviews.list', {})).toHaveLength(1);

    await deleteButton.click();
    await app.getByRole('dialog').getByRole('button', { name: 'Delete review' }).click();
    await expect(app.getByRole('dialog')).toHaveCount(0);
    await expect(card).toHaveCount(0);
    await expect(app.getByRole('status').filter({ hasText: 'Deleted “Old code of conduct”' })).toBeVisible();
    await expect(app.getByRole('heading', { name: 'No reviews yet' })).toBeVisible();
    expect(await invoke('reviews.list', {})).toHaveLength(0);
  });

  test('shows why a delete failed in the dialog, in words', async ({ app, invoke, dataDir }) => {
    const created = await invoke('reviews.create', { title: 'Removed behind our back' });
    await app.reload();
    const deleteButton = reviewCard(app, 'Removed behind our back').getByRole('button', { name: 'Delete' });
    await expect(deleteButton).toBeVisible();
    // Another program removes the file while the library shows it.
    await rm(reviewFilePath(dataDir, created.id));
    await deleteButton.click();
    const dialog = app.getByRole('dialog', { name: 'Delete “Removed behind our back”?' });
    await dialog.getByRole('button', { name: 'Delete review' }).click();
    await expect(dialog.getByRole('alert')).toContainText('That review no longer exists.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(reviewCard(app, 'Removed behind our back')).toHaveCount(0);
  });

  test('shows a damaged review with its problem, and Restore backup brings it back', async ({
    app,
    invoke,
    dataDir,
    saveScreenshot,
  }) => {
    const created = await invoke('reviews.create', { title: 'Data-protection notice' });
    await invoke('reviews.create', { title: 'Healthy review' });
    // A backup is written when a review is opened, so open and close it once before damaging it.
    await invoke('reviews.open', { reviewId: created.id });
    await invoke('reviews.close', { reviewId: created.id });
    await writeFile(
      reviewFilePath(dataDir, created.id),
      '{"schemaVersion": 1, "title": "Data-protection notice", "committee": [ garbage',
    );

    await app.getByRole('button', { name: 'Refresh' }).click();
    const card = reviewCard(app, 'Data-protection notice');
    await expect(card.getByText('Damaged')).toBeVisible();
    await expect(card).toContainText('cannot be opened');
    await expect(card).toContainText('not valid JSON');
    await expect(card).toContainText('Last good backup');
    await expect(card.getByRole('button', { name: /^Open/ })).toHaveCount(0);
    await saveScreenshot('library-damaged-review');

    await card.getByRole('button', { name: 'Restore backup' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'Restored “Data-protection notice”' })).toBeVisible();
    await expect(card.getByText('Damaged')).toHaveCount(0);
    const { criteria } = await invoke('checklist.get', { reviewId: created.id });
    await invoke('reviews.close', { reviewId: created.id });
    await expect(card).toContainText(`${criteria.length} criteria`);
    await openReviewFromLibrary(app, 'Data-protection notice');
    await expect(app.getByRole('status').filter({ hasText: 'Read-only' })).toHaveCount(0);
    const restored = JSON.parse(await readFile(reviewFilePath(dataDir, created.id), 'utf8')) as { title: string };
    expect(restored.title).toBe('Data-protection notice');
  });
});
