import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { openReviewFromLibrary, showArea } from './support/screens';
import { importText } from './support/versions';

/** A policy long enough that the Compare area draws most of its rows after the first screen. */
const PARAGRAPHS = 400;
/** Version 2 rewords every tenth paragraph: 40 changes, most of them far below the first screen. */
const EDITED_EVERY = 10;
const CHANGES = PARAGRAPHS / EDITED_EVERY;

function policy(revised: boolean): string {
  const blocks = ['# Entries of the register'];
  for (let n = 1; n <= PARAGRAPHS; n++) {
    const reworded = revised && n % EDITED_EVERY === 0;
    blocks.push(`Paragraph ${n}: the committee ${reworded ? 'must' : 'may'} review entry ${n} of the register.`);
  }
  return blocks.join('\n\n');
}

/** A review of the policy and its revision, opened from the library as a person opens it (nothing cached). */
async function openTwoVersions(app: Page, invoke: Parameters<typeof importText>[0], title: string) {
  const { id: reviewId } = await invoke('reviews.create', { title });
  const v1 = await importText(invoke, reviewId, 'v1.md', policy(false));
  const v2 = await importText(invoke, reviewId, 'v2.md', policy(true));
  await invoke('reviews.close', { reviewId });
  await app.reload();
  await openReviewFromLibrary(app, title);
  return { v1, v2 };
}

test('a long comparison ends with every row drawn, and next change and Changes only reach every change', async ({
  app,
  invoke,
}) => {
  test.setTimeout(180_000);
  const { v1, v2 } = await openTwoVersions(app, invoke, 'Register review');
  const area = await showArea(app, 'Compare');
  const rows = area.getByRole('region', { name: `${v1.label} and ${v2.label}, side by side` });
  const position = area.locator('.change-position');
  const focused = app.locator(':focus');

  // Next change goes through every change in order, each focused, in view and told by its number.
  await expect(position).toHaveText(`${CHANGES} changes`);
  for (let k = 1; k <= CHANGES; k++) {
    await app.keyboard.press('n');
    await expect(position).toHaveText(`Change ${k} of ${CHANGES}`);
    await expect(focused).toHaveAttribute('aria-label', `Change ${k}: Changed`);
    await expect(focused).toContainText(`Paragraph ${k * EDITED_EVERY}: the committee must review`);
    await expect(focused).toBeInViewport();
  }

  // Every block is in the page, for find in page and screen readers: the last paragraph, each change as a group.
  await expect(rows.getByText(`Paragraph ${PARAGRAPHS}: the committee must review`)).toHaveCount(1);
  await expect(rows.getByText(`Paragraph ${PARAGRAPHS - 1}: the committee may review`)).toHaveCount(2);
  await expect(rows.getByRole('group', { name: /^Change \d+: Changed$/ })).toHaveCount(CHANGES);

  // Changes only: just the changes, and previous change still goes back through them (Alt+Up: the focus is on the
  // check box, where a plain letter is not a command). Every row stays in the page to show again at once, but out of
  // sight, of screen readers (one group per change) and of the keyboard.
  await area.getByRole('checkbox', { name: 'Changes only' }).check();
  const unchanged = rows.getByText(`Paragraph ${PARAGRAPHS - 1}: the committee may review`);
  await expect(unchanged.filter({ visible: true })).toHaveCount(0);
  await expect(unchanged.first()).toBeHidden();
  await expect(rows.locator('[inert]').getByText(`Paragraph ${PARAGRAPHS - 1}: the committee may review`)).toHaveCount(
    2,
  );
  await expect(rows.getByRole('group', { name: /^Change \d+: Changed$/ })).toHaveCount(CHANGES);
  for (let k = CHANGES - 1; k >= CHANGES - 3; k--) {
    await app.keyboard.press(k === CHANGES - 1 ? 'Alt+ArrowUp' : 'p');
    await expect(position).toHaveText(`Change ${k} of ${CHANGES}`);
    await expect(focused).toContainText(`Paragraph ${k * EDITED_EVERY}: the committee must review`);
    await expect(focused).toBeInViewport();
  }

  // Every block again, and next change reaches the last change once more.
  await area.getByRole('checkbox', { name: 'Changes only' }).uncheck();
  for (let k = CHANGES - 2; k <= CHANGES; k++) {
    await app.keyboard.press(k === CHANGES - 2 ? 'Alt+ArrowDown' : 'n');
    await expect(position).toHaveText(`Change ${k} of ${CHANGES}`);
    await expect(focused).toContainText(`Paragraph ${k * EDITED_EVERY}: the committee must review`);
    await expect(focused).toBeInViewport();
  }
  await expect(unchanged.filter({ visible: true })).toHaveCount(2);
  await expect(rows.getByRole('group', { name: /^Change \d+: Changed$/ })).toHaveCount(CHANGES);
});

test('the comparison is made while the document is read, so the Compare area opens on it without a wait', async ({
  app,
  invoke,
}) => {
  const { v1, v2 } = await openTwoVersions(app, invoke, 'Register review, compared ahead');
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
  await expect(area.locator('.change-position')).toHaveText(`${CHANGES} changes`);
  await expect(rows.getByText(`Paragraph ${PARAGRAPHS}: the committee must review`)).toHaveCount(1);
  await expect(app.locator('body')).not.toHaveAttribute('data-comparing-shown');
  await expect(area.getByRole('status').filter({ hasText: 'Comparing' })).toHaveCount(0);
});
