import { expect, test } from './support/fixtures';
import { documentArea, policyText } from './support/documents';
import { focusedOutline, openReviewFromLibrary, tabTo } from './support/screens';
import { startWorkshop } from './support/workspace';

test.describe('keyboard use', () => {
  test('Tab reaches the create field and its button, with a visible focus ring, and Enter creates', async ({ app }) => {
    const field = app.getByRole('textbox', { name: 'New review' });
    await tabTo(app, app.getByRole('button', { name: 'Library' }));
    expect((await focusedOutline(app)).style).not.toBe('none');
    await tabTo(app, field);
    const ring = await focusedOutline(app);
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);

    await app.keyboard.type('Keyboard-only review');
    await app.keyboard.press('Tab');
    await expect(app.getByRole('button', { name: 'Create review' })).toBeFocused();
    expect((await focusedOutline(app)).style).not.toBe('none');
    await app.keyboard.press('Enter');
    await expect(app.getByRole('article', { name: 'Keyboard-only review' })).toBeVisible();

    await tabTo(app, app.getByRole('article', { name: 'Keyboard-only review' }).getByRole('button', { name: /^Open/ }));
    expect((await focusedOutline(app)).style).not.toBe('none');
    await app.keyboard.press('Enter');
    await expect(app.getByRole('heading', { level: 1, name: 'Keyboard-only review' })).toBeFocused();
  });

  test('the arrow keys, Home and End move between the review areas', async ({ app, invoke }) => {
    await invoke('reviews.create', { title: 'Tabs by keyboard' });
    await app.reload();
    await openReviewFromLibrary(app, 'Tabs by keyboard');

    const tab = (name: string) => app.getByRole('tab', { name });
    await tabTo(app, tab('Document'));
    expect((await focusedOutline(app)).style).not.toBe('none');
    await expect(tab('Document')).toHaveAttribute('aria-selected', 'true');

    await app.keyboard.press('ArrowRight');
    await expect(tab('Checklist')).toBeFocused();
    await expect(tab('Checklist')).toHaveAttribute('aria-selected', 'true');
    await expect(app.getByRole('tabpanel', { name: 'Checklist' })).toBeVisible();
    await expect(app.getByRole('tabpanel', { name: 'Document' })).toBeHidden();
    expect((await focusedOutline(app)).style).not.toBe('none');

    await app.keyboard.press('End');
    await expect(tab('Committee')).toBeFocused();
    await expect(app.getByRole('tabpanel', { name: 'Committee' })).toBeVisible();
    await app.keyboard.press('ArrowRight');
    await expect(tab('Document')).toBeFocused();
    await app.keyboard.press('ArrowLeft');
    await expect(tab('Committee')).toBeFocused();
    await app.keyboard.press('Home');
    await expect(tab('Document')).toBeFocused();
    await expect(app.getByRole('tabpanel', { name: 'Document' })).toBeVisible();

    // One tab stop for the whole list: Tab leaves it for the panel.
    await app.keyboard.press('Tab');
    await expect(app.getByRole('tabpanel', { name: 'Document' })).toBeFocused();
  });

  test('a dialog keeps focus inside, closes on Escape and gives focus back', async ({ app, invoke }) => {
    await invoke('reviews.create', { title: 'Dialog focus' });
    await app.reload();
    const rename = app.getByRole('article', { name: 'Dialog focus' }).getByRole('button', { name: 'Rename' });
    await rename.focus();
    await app.keyboard.press('Enter');
    const dialog = app.getByRole('dialog', { name: 'Rename review' });
    await expect(dialog.getByRole('textbox', { name: 'Title' })).toBeFocused();
    for (let i = 0; i < 6; i++) {
      await app.keyboard.press('Tab');
      expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
      expect((await focusedOutline(app)).style).not.toBe('none');
    }
    await app.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(rename).toBeFocused();
  });

  test('Ctrl+F finds words in the policy text; Enter and Shift+Enter select each place in turn, across blocks too', async ({
    app,
    invoke,
  }) => {
    const workshop = await startWorkshop(app, invoke, 'Find by keyboard');
    const { text } = await invoke('versions.get', { reviewId: workshop.reviewId, versionId: workshop.v2.id });
    const find = documentArea(app).getByRole('searchbox', { name: 'Find in the policy text' });
    const status = documentArea(app).locator('.document-find-status');
    const selected = () => app.evaluate(() => document.getSelection()?.toString() ?? '');
    const places = text.match(/official accounts/gi) ?? [];
    expect(places.length).toBeGreaterThan(2);

    await app.keyboard.press('Control+F');
    await expect(find).toBeFocused();
    await expect(find).toHaveAttribute('aria-keyshortcuts', 'Control+F');
    await app.keyboard.type('no such words here');
    await expect(status).toHaveText('No match for “no such words here”.');
    await app.keyboard.press('Enter');
    await expect(find).toBeFocused();

    await app.keyboard.press('Control+A');
    await app.keyboard.type('Official  ACCOUNTS');
    await expect(status).toHaveText(`${places.length} matches: Enter selects the first.`);
    await app.keyboard.press('Enter');
    await expect(status).toHaveText(`Match 1 of ${places.length} is selected in the text.`);
    await expect(policyText(app)).toBeFocused();
    expect(await selected()).toBe(places[0]);

    // Ctrl+F goes back to the words, Enter to the next place; Shift+Enter back, and round from the first to the last.
    await app.keyboard.press('Control+F');
    await expect(find).toBeFocused();
    await app.keyboard.press('Enter');
    await expect(status).toHaveText(`Match 2 of ${places.length} is selected in the text.`);
    await app.keyboard.press('Control+F');
    await app.keyboard.press('Shift+Enter');
    await expect(status).toHaveText(`Match 1 of ${places.length} is selected in the text.`);
    await app.keyboard.press('Control+F');
    await app.keyboard.press('Shift+Enter');
    await expect(status).toHaveText(`Match ${places.length} of ${places.length} is selected in the text.`);
    await expect(policyText(app)).toBeFocused();
    await expect(app.getByRole('button', { name: /^Annotate/ })).toBeVisible();

    // Over two blocks: the heading and the paragraph after it, as the version's text has them.
    await app.keyboard.press('Control+F');
    await app.keyboard.type('1.1 Purpose The City of Riverton uses');
    await app.keyboard.press('Enter');
    await expect(status).toHaveText('Match 1 of 1 is selected in the text.');
    expect((await selected()).replace(/\s+/g, ' ')).toBe('1.1 Purpose The City of Riverton uses');
  });
});
