import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { reviewFilePath, showArea } from './support/screens';
import { annotationsPanel, pickCriteria, selectWithMouse, startWorkshop } from './support/workspace';

// What axe-core cannot see on a still screen (every screenshot is checked by it, see support/accessibility.ts):
// focus as it moves, dialogs as they open and close, and messages as they are announced.

const PHRASE = 'approves new accounts, provides templates and guidance';
const AREAS = ['Document', 'Checklist', 'Compare', 'Report', 'Committee'];

/**
 * Focuses, as the keyboard would, every element Tab can reach on the screen shown (in the open modal dialog, if
 * one is), and answers those whose focus cannot be seen: no outline of 2px or more and no box shadow. One Tab press first puts the window in keyboard mode,
 * so each element is focused as `:focus-visible` (checked, so the sweep cannot pass by seeing no focus at all).
 */
async function focusNotShown(app: Page): Promise<{ stops: number; unseen: string[] }> {
  await app.keyboard.press('Tab');
  return app.evaluate(() => {
    const root = document.querySelector('dialog[open]') ?? document;
    const tabbable = Array.from(
      root.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, textarea, summary, [contenteditable="true"], [tabindex]',
      ),
    ).filter((el) => el.tabIndex >= 0 && !el.matches(':disabled') && !el.closest('[inert]') && el.checkVisibility());
    const unseen: string[] = [];
    for (const el of tabbable) {
      el.focus();
      const style = getComputedStyle(el);
      const outline =
        style.outlineStyle !== 'none' &&
        Number.parseFloat(style.outlineWidth) >= 2 &&
        style.outlineColor !== 'rgba(0, 0, 0, 0)';
      const shown = el.matches(':focus-visible') && (outline || style.boxShadow !== 'none');
      const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
      if (!shown) unseen.push(`${el.tagName.toLowerCase()}.${el.className} “${name}”`);
    }
    return { stops: tabbable.length, unseen };
  });
}

test.describe('accessibility by keyboard and screen reader', () => {
  test('every Tab stop on the library, in each area of a review, the presenter view and a dialog shows where focus is', async ({
    app,
    invoke,
  }) => {
    await invoke('reviews.create', { title: 'An older review' });
    await app.reload();
    const library = await focusNotShown(app);
    expect(library.stops).toBeGreaterThan(5);
    expect(library.unseen).toEqual([]);

    await startWorkshop(app, invoke, 'Focus everywhere');
    for (const area of AREAS) {
      await showArea(app, area);
      const sweep = await focusNotShown(app);
      expect(sweep.stops, area).toBeGreaterThan(5);
      expect(sweep.unseen, area).toEqual([]);
    }

    await app.getByRole('button', { name: 'Present' }).click();
    const presenter = await focusNotShown(app);
    expect(presenter.stops).toBeGreaterThan(5);
    expect(presenter.unseen).toEqual([]);
    await app.keyboard.press('Escape');
    await expect(app.getByRole('dialog')).toHaveCount(0);

    await app.getByRole('button', { name: 'Settings' }).click();
    const dialog = await focusNotShown(app);
    expect(dialog.stops).toBeGreaterThan(3);
    expect(dialog.unseen).toEqual([]);
  });

  test('a dialog keeps Tab and Shift+Tab inside, and gives focus back to the button that opened it', async ({
    app,
    userName,
  }) => {
    // The settings are read before the button opens them.
    await expect(app.getByRole('complementary')).toContainText(userName);
    const settings = app.getByRole('button', { name: 'Settings' });
    await settings.focus();
    await app.keyboard.press('Enter');
    const dialog = app.getByRole('dialog', { name: 'Settings' });
    const close = dialog.getByRole('button', { name: 'Close' });
    const save = dialog.getByRole('button', { name: 'Save settings' });
    await expect(dialog.getByRole('textbox', { name: 'Your name' })).toBeFocused();
    await app.keyboard.press('Shift+Tab');
    await expect(close).toBeFocused();
    await app.keyboard.press('Shift+Tab');
    await expect(save).toBeFocused();
    await app.keyboard.press('Tab');
    await expect(close).toBeFocused();
    await app.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(settings).toBeFocused();

    await app.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Cancel' }).focus();
    await app.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(settings).toBeFocused();
  });

  test('a saved annotation is announced politely, and a save that is refused interrupts with why', async ({
    app,
    invoke,
    dataDir,
  }) => {
    const workshop = await startWorkshop(app, invoke, 'Announced');
    const panel = annotationsPanel(app);
    // The live region is on the page, empty, before anything is said: screen readers then read what comes in.
    const announcer = app.getByRole('status').and(app.getByTestId('workspace-announcer'));
    await expect(announcer).toHaveText('');

    await selectWithMouse(app, PHRASE);
    await app.getByRole('button', { name: /^Annotate/ }).click();
    await pickCriteria(app, ['approval of new accounts']);
    await panel.getByRole('button', { name: 'Save annotation' }).click();
    await expect(announcer).toHaveText('Annotation saved.');
    await expect(announcer).toHaveAttribute('aria-live', 'polite');

    // A reply, then deleted: its Delete button goes with it, so focus goes to the thread's heading.
    await panel.getByRole('textbox', { name: 'Reply' }).click();
    await app.keyboard.type('Who keeps the templates?');
    await panel.getByRole('button', { name: 'Reply', exact: true }).click();
    await panel.getByRole('button', { name: 'Delete reply by Amira Haddad' }).click();
    await app.getByRole('dialog', { name: 'Delete this reply?' }).getByRole('button', { name: 'Delete reply' }).click();
    await expect(panel.getByRole('list').filter({ hasText: 'Who keeps the templates?' })).toHaveCount(0);
    await expect(panel.getByRole('heading', { level: 3 })).toBeFocused();

    // Another computer takes the review over: the next save is refused, and the person is told at once.
    await writeFile(
      `${reviewFilePath(dataDir, workshop.reviewId)}.lock`,
      JSON.stringify({
        pid: 4242,
        host: 'other-laptop.example',
        since: new Date().toISOString(),
        app: 'Policy Review Workstation',
      }),
    );
    await showArea(app, 'Document');
    await selectWithMouse(app, 'templates and guidance');
    await app.getByRole('button', { name: /^Annotate/ }).click();
    await pickCriteria(app, ['approval of new accounts']);
    await panel.getByRole('button', { name: 'Save annotation' }).click();
    const refused = app.getByRole('alert').filter({ hasText: 'The annotation was not saved' });
    await expect(refused).toContainText('Nothing was saved');
    await expect(refused).toContainText('other-laptop.example');
  });
});
