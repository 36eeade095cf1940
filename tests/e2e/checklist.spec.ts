import { expect, test } from './support/fixtures';
import { openReviewFromLibrary, showArea } from './support/screens';

test.describe('the checklist area', () => {
  test('shows each criterion’s title, question and id, and its guidance on request', async ({
    app,
    invoke,
    saveScreenshot,
  }) => {
    const review = await invoke('reviews.create', { title: 'Social-media policy 2026' });
    const view = await invoke('checklist.get', { reviewId: review.id });
    await invoke('reviews.close', { reviewId: review.id });
    await app.reload();
    await openReviewFromLibrary(app, 'Social-media policy 2026');

    const panel = await showArea(app, 'Checklist');
    await expect(app.getByRole('tab', { name: 'Checklist' })).toContainText(String(view.criteria.length));
    await expect(panel).toContainText(`${view.criteria.length} criteria in ${view.categories.length} categories`);
    const navigation = panel.getByRole('navigation', { name: 'Checklist categories' });
    await expect(navigation.getByRole('button')).toHaveCount(view.categories.length);

    const first = view.criteria[0]!;
    const card = panel.getByRole('article', { name: first.title });
    await expect(card).toContainText(first.question);
    await expect(card).toContainText(first.id);
    const guidance = card.getByText(first.guidance);
    await expect(guidance).toBeHidden();
    await card.getByRole('button', { name: 'Show guidance' }).click();
    await expect(guidance).toBeVisible();
    await expect(card.getByRole('button', { name: 'Hide guidance' })).toHaveAttribute('aria-expanded', 'true');
    await saveScreenshot('review-checklist');
    await card.getByRole('button', { name: 'Hide guidance' }).click();
    await expect(guidance).toBeHidden();
  });

  test('filters the criteria by their words', async ({ app, invoke }) => {
    await invoke('reviews.create', { title: 'Filter test' });
    await app.reload();
    await openReviewFromLibrary(app, 'Filter test');
    const panel = await showArea(app, 'Checklist');
    await panel.getByRole('searchbox', { name: 'Filter criteria' }).fill('no such words anywhere');
    await expect(panel.getByRole('article')).toHaveCount(0);
    await expect(panel).toContainText('No criteria match “no such words anywhere”.');
    await panel.getByRole('button', { name: 'Clear the filter' }).click();
    await expect(panel.getByRole('article').first()).toBeVisible();
  });

  test('adds, edits and removes a criterion of the review’s own', async ({ app, invoke, saveScreenshot }) => {
    const review = await invoke('reviews.create', { title: 'Code of conduct' });
    await app.reload();
    await openReviewFromLibrary(app, 'Code of conduct');
    const panel = await showArea(app, 'Checklist');
    const before = (await invoke('checklist.get', { reviewId: review.id })).criteria.length;

    await panel.getByRole('button', { name: 'Add criterion' }).click();
    let dialog = app.getByRole('dialog', { name: 'Add a criterion' });
    await dialog.getByRole('button', { name: 'Add criterion' }).click();
    await expect(dialog.getByText('A criterion needs a title.')).toBeVisible();
    await expect(dialog.getByText('A criterion needs a question.')).toBeVisible();

    await dialog.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Governance' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Review cycle agreed with the works council');
    await dialog
      .getByRole('textbox', { name: 'Question' })
      .fill('Does the policy say when the works council reviews it?');
    await dialog.getByRole('textbox', { name: 'Guidance' }).fill('Look for a yearly review date.');
    await saveScreenshot('criterion-dialog');
    await dialog.getByRole('button', { name: 'Add criterion' }).click();
    await expect(dialog).toHaveCount(0);

    const governance = panel.getByRole('region', { name: 'Governance', exact: true });
    let card = governance.getByRole('article', { name: 'Review cycle agreed with the works council' });
    await expect(card).toBeVisible();
    await expect(card.getByText('Added in this review')).toBeVisible();
    await expect(card).toContainText('governance.custom-review-cycle-agreed-with-the-works-council');
    await expect(panel.getByRole('article')).toHaveCount(before + 1);
    await expect(app.getByRole('tab', { name: 'Checklist' })).toContainText(String(before + 1));

    await card.getByRole('button', { name: /^Edit/ }).click();
    dialog = app.getByRole('dialog', { name: 'Edit criterion' });
    await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue(
      'Review cycle agreed with the works council',
    );
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Yearly review with the works council');
    await dialog.getByRole('button', { name: 'Save criterion' }).click();
    await expect(dialog).toHaveCount(0);
    card = governance.getByRole('article', { name: 'Yearly review with the works council' });
    await expect(card).toBeVisible();
    const saved = (await invoke('checklist.get', { reviewId: review.id })).criteria.find(
      (c) => c.title === 'Yearly review with the works council',
    );
    expect(saved?.question).toBe('Does the policy say when the works council reviews it?');

    await card.getByRole('button', { name: /^Remove/ }).click();
    const confirm = app.getByRole('dialog', { name: 'Remove “Yearly review with the works council”?' });
    await confirm.getByRole('button', { name: 'Remove criterion' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(card).toHaveCount(0);
    await expect(panel.getByRole('article')).toHaveCount(before);
    expect((await invoke('checklist.get', { reviewId: review.id })).criteria).toHaveLength(before);
  });
});
