import { expect, test } from './support/fixtures';
import { focusedOutline, openReviewFromLibrary, tabTo } from './support/screens';

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
});
