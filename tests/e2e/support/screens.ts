import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** Where the services keep a review's file inside a test's data folder. */
export function reviewFilePath(dataDir: string, reviewId: string): string {
  return join(dataDir, 'reviews', `${reviewId}.review.json`);
}

/** A review in the library list, found by its title as a person sees it. */
export function reviewCard(app: Page, title: string): Locator {
  return app.getByRole('article', { name: title, exact: true });
}

/** Opens a review from the library and waits until its areas are shown. */
export async function openReviewFromLibrary(app: Page, title: string): Promise<void> {
  await reviewCard(app, title).getByRole('button', { name: /^Open/ }).click();
  await expect(app.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(app.getByRole('tablist', { name: 'Review areas' })).toBeVisible();
}

/** Switches the review screen to one of its areas and returns that area's panel. */
export async function showArea(app: Page, name: string): Promise<Locator> {
  await app.getByRole('tab', { name }).click();
  const panel = app.getByRole('tabpanel', { name });
  await expect(panel).toBeVisible();
  return panel;
}

/**
 * The CSS outline of whatever has focus, to check that keyboard focus is visible. A control drawn by its label (a
 * radio button made transparent inside a segment) shows its focus there, so the label's outline is the one read.
 */
export async function focusedOutline(app: Page): Promise<{ style: string; width: number; tag: string; name: string }> {
  return app.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const drawnBy = el && getComputedStyle(el).opacity === '0' ? el.closest('label') : null;
    const style = el ? getComputedStyle(drawnBy ?? el) : undefined;
    return {
      style: style?.outlineStyle ?? 'none',
      width: Number.parseFloat(style?.outlineWidth ?? '0'),
      tag: el?.tagName.toLowerCase() ?? '',
      name: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '',
    };
  });
}

/** Presses Tab until `target` has focus, failing after `limit` presses. */
export async function tabTo(app: Page, target: Locator, limit = 30): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await app.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Presses Shift+Tab until `target` has focus, failing after `limit` presses. */
export async function shiftTabTo(app: Page, target: Locator, limit = 30): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await app.keyboard.press('Shift+Tab');
  }
  await expect(target).toBeFocused();
}
