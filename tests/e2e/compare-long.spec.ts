import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { openReviewFromLibrary, showArea } from './support/screens';
import { importText } from './support/versions';

/**
 * A register of `paragraphs` entries; its revision rewords every `editedEvery`-th. A comparison of up to 2,000 rows
 * is drawn whole, a longer one only near the screen (useGroupsNearView): a test of each.
 */
interface Register {
  paragraphs: number;
  editedEvery: number;
}
const SHORT: Register = { paragraphs: 400, editedEvery: 10 };
const LONG: Register = { paragraphs: 2100, editedEvery: 50 };

function policy({ paragraphs, editedEvery }: Register, revised: boolean): string {
  const blocks = ['# Entries of the register'];
  for (let n = 1; n <= paragraphs; n++) {
    const reworded = revised && n % editedEvery === 0;
    blocks.push(`Paragraph ${n}: the committee ${reworded ? 'must' : 'may'} review entry ${n} of the register.`);
  }
  return blocks.join('\n\n');
}

/** A review of the policy and its revision, opened from the library as a person opens it (nothing cached). */
async function openTwoVersions(app: Page, invoke: Parameters<typeof importText>[0], title: string, size: Register) {
  const { id: reviewId } = await invoke('reviews.create', { title });
  const v1 = await importText(invoke, reviewId, 'v1.md', policy(size, false));
  const v2 = await importText(invoke, reviewId, 'v2.md', policy(size, true));
  await invoke('reviews.close', { reviewId });
  await app.reload();
  await openReviewFromLibrary(app, title);
  return { v1, v2 };
}

test('a long comparison keeps only the rows near the screen, and next change, scrolling and Changes only reach every row', async ({
  app,
  invoke,
  saveScreenshot,
}) => {
  test.setTimeout(180_000);
  const { paragraphs, editedEvery } = LONG;
  const changes = paragraphs / editedEvery;
  const { v1, v2 } = await openTwoVersions(app, invoke, 'Register review', LONG);
  const area = await showArea(app, 'Compare');
  const rows = area.getByRole('region', { name: `${v1.label} and ${v2.label}, side by side` });
  const position = area.locator('.change-position');
  const focused = app.locator(':focus');
  const rowsInPage = rows.locator('.compare-row');
  const lastParagraph = rows.getByText(`Paragraph ${paragraphs}: the committee must review`);

  // Next change goes through every change in order, each drawn, focused, in view and told by its number.
  await expect(position).toHaveText(`${changes} changes`);
  for (let k = 1; k <= changes; k++) {
    await app.keyboard.press('n');
    await expect(position).toHaveText(`Change ${k} of ${changes}`);
    await expect(focused).toHaveAttribute('aria-label', `Change ${k}: Changed`);
    await expect(focused).toContainText(`Paragraph ${k * editedEvery}: the committee must review`);
    await expect(focused).toBeInViewport();
  }
  // The page holds the rows near the screen, not the 2,101 of the comparison.
  await expect(rows).toHaveAttribute('aria-busy', 'false');
  expect(await rowsInPage.count()).toBeLessThan(300);

  // The last change focused and the words of the row before it selected, then the list scrolled to its start: the
  // rows far behind hand their elements to the rows coming in, and neither the focus nor the selection stays on
  // elements that now show another block (a copy would copy its words). The focus goes to the list.
  await expect(focused).toHaveAttribute('aria-label', `Change ${changes}: Changed`);
  const selected = () => app.evaluate(() => document.getSelection()?.toString() ?? '');
  const wordsOf = rows.locator('.compare-cell.is-new p', { hasText: `Paragraph ${paragraphs - 1}: the committee` });
  await wordsOf.evaluate((words) => document.getSelection()?.setBaseAndExtent(words, 0, words, 1));
  expect(await selected()).toBe(
    `Paragraph ${paragraphs - 1}: the committee may review entry ${paragraphs - 1} of the register.`,
  );
  await rows.evaluate((scroller) => scroller.scrollTo({ top: 0 }));
  await expect(rows.getByText('Entries of the register').first()).toBeInViewport();
  await expect(rows).toBeFocused();
  await expect(rows).toHaveAttribute('aria-busy', 'false');
  await expect(rows.locator(':focus')).toHaveCount(0);
  expect(await selected()).toBe('');

  // Scrolling by keyboard reaches the end and the start, and the end again, their rows drawn as they come into view.
  // The list settles after End before Home is pressed: a Home pressed while the rows above the end are still being
  // laid out can be lost, as their heights move the scroll position (a known fault, left for later).
  await rows.focus();
  await app.keyboard.press('End');
  await expect(lastParagraph).toBeInViewport();
  await expect(rows).toHaveAttribute('aria-busy', 'false');
  await app.keyboard.press('Home');
  await expect(rows.getByText('Entries of the register')).toHaveCount(2);
  await expect(rows.getByText('Entries of the register').first()).toBeInViewport();
  await expect(lastParagraph).toHaveCount(0);
  await app.keyboard.press('End');
  await expect(lastParagraph).toBeInViewport();
  expect(await rowsInPage.count()).toBeLessThan(300);
  await expect(rows).toHaveAttribute('aria-busy', 'false');
  await saveScreenshot('compare-long-end');

  // Changes only: just the changes, and previous change still goes back through them (Alt+Up: the focus is on the
  // check box, where a plain letter is not a command).
  const onlyChanges = area.getByRole('checkbox', { name: 'Changes only' });
  const unchanged = rows.getByText(`Paragraph ${paragraphs - 1}: the committee may review`);
  await expect(unchanged).toHaveCount(2);
  await onlyChanges.check();
  await expect(unchanged).toHaveCount(0);
  await expect(rows.getByRole('group', { name: /^Change \d+: Changed$/ })).toHaveCount(changes);
  for (let k = changes - 1; k >= changes - 3; k--) {
    await app.keyboard.press(k === changes - 1 ? 'Alt+ArrowUp' : 'p');
    await expect(position).toHaveText(`Change ${k} of ${changes}`);
    await expect(focused).toContainText(`Paragraph ${k * editedEvery}: the committee must review`);
    await expect(focused).toBeInViewport();
  }

  // Every row again, where it was scrolled to (the end); previous and next change go on from the current one.
  await onlyChanges.uncheck();
  await expect(lastParagraph).toBeInViewport();
  await expect(unchanged).toHaveCount(2);
  for (const [key, k] of [
    ['Alt+ArrowDown', changes - 2],
    ['n', changes - 1],
    ['n', changes],
  ] as const) {
    await app.keyboard.press(key);
    await expect(position).toHaveText(`Change ${k} of ${changes}`);
    await expect(focused).toContainText(`Paragraph ${k * editedEvery}: the committee must review`);
    await expect(focused).toBeInViewport();
  }
});

test('a comparison of up to 2,000 rows ends with every row in the page, for selection and screen readers', async ({
  app,
  invoke,
}) => {
  const { paragraphs, editedEvery } = SHORT;
  const { v1, v2 } = await openTwoVersions(app, invoke, 'Register review, short', SHORT);
  const area = await showArea(app, 'Compare');
  const rows = area.getByRole('region', { name: `${v1.label} and ${v2.label}, side by side` });
  await expect(rows).toHaveAttribute('aria-busy', 'false');
  await expect(rows.locator('.compare-row')).toHaveCount(paragraphs + 1);
  await expect(rows.getByText(`Paragraph ${paragraphs}: the committee must review`)).toHaveCount(1);
  await expect(rows.getByText(`Paragraph ${paragraphs - 1}: the committee may review`)).toHaveCount(2);
  await expect(rows.getByRole('group', { name: /^Change \d+: Changed$/ })).toHaveCount(paragraphs / editedEvery);
});

test('the comparison is made while the document is read, so the Compare area opens on it without a wait', async ({
  app,
  invoke,
}) => {
  const { v1, v2 } = await openTwoVersions(app, invoke, 'Register review, compared ahead', SHORT);
  // The Document area shows; the pair the Compare area would show is compared meanwhile.
  await app.waitForFunction(
    ([from, to]) =>
      performance.getEntriesByName('compare:ready').some((mark) => {
        const pair = (mark as PerformanceMark).detail as { fromVersionId: string; toVersionId: string };
        return pair.fromVersionId === from && pair.toVersionId === to;
      }),
    [v1.id, v2.id],
  );

  // Opening the area draws the comparison at once: no "Comparing…" step on the way.
  await app.evaluate(() => {
    const panel = document.getElementById('review-area-panel-compare');
    if (!panel) throw new Error('the Compare area’s panel is not in the page');
    const seen = new MutationObserver(() => {
      if (panel.querySelector('.loading-text')) document.body.dataset['comparingShown'] = 'yes';
    });
    seen.observe(panel, { childList: true, subtree: true });
  });
  const area = await showArea(app, 'Compare');
  const rows = area.getByRole('region', { name: `${v1.label} and ${v2.label}, side by side` });
  await expect(area.locator('.change-position')).toHaveText(`${SHORT.paragraphs / SHORT.editedEvery} changes`);
  await expect(rows.getByText(`Paragraph ${SHORT.paragraphs}: the committee must review`)).toHaveCount(1);
  await expect(app.locator('body')).not.toHaveAttribute('data-comparing-shown');
  await expect(area.getByRole('status').filter({ hasText: 'Comparing' })).toHaveCount(0);
});
