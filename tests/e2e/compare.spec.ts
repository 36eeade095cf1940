import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { policyText } from './support/documents';
import { showArea } from './support/screens';
import {
  annotationsPanel,
  markedText,
  markOf,
  phraseEnds,
  reloadAndReopen,
  selectWithMouse,
  startWorkshop,
} from './support/workspace';

/** Passages of version 1 of the Riverton policy, each meeting a different fate in version 2. */
const REWORDED = 'uses social media to share timely information with residents'; // "and accurate" added around it
const MOVED = 'the rule that was applied and their own name'; // its paragraph moved to another section
const DELETED = 'to invite comment on City services'; // replaced by other words
const KEPT = 'how official accounts are created, managed and closed';
const MODERATORS = 'Moderators must record each removed comment'; // reworded in the moved paragraph
/** Where the moderators' passage belongs in version 2: a person re-points it here. */
const MODERATORS_NOW = 'Moderators record each removed or hidden comment, the date';

const EMPTY_BODY = { root: { type: 'root' as const, children: [] } };

function compareArea(app: Page): Locator {
  return app.getByRole('tabpanel', { name: 'Compare' });
}

test.describe('comparing versions and carrying annotations forward', () => {
  test('shows what changed, carries annotations to the new version, lets a person settle the uncertain ones, and marks the criteria to re-check', async ({
    app,
    invoke,
    saveScreenshot,
  }) => {
    test.setTimeout(180_000);
    const workshop = await startWorkshop(app, invoke, 'Compare Riverton versions');
    const { reviewId, v1, v2 } = workshop;
    const older = await invoke('versions.get', { reviewId, versionId: v1.id });
    const annotate = async (exact: string, criterionId: string) => {
      const start = older.text.indexOf(exact);
      expect(start, `“${exact}” is in version 1`).toBeGreaterThanOrEqual(0);
      return invoke('annotations.add', {
        reviewId,
        versionId: v1.id,
        range: { start, end: start + exact.length, exact },
        criterionIds: [criterionId],
        severity: 'major',
        body: EMPTY_BODY,
      });
    };
    const reworded = await annotate(REWORDED, 'governance.purpose-scope');
    const moved = await annotate(MOVED, 'content.moderation-procedure');
    const deleted = await annotate(DELETED, 'stakeholder.feedback-channels');
    await annotate(KEPT, 'accounts.inventory-approval');
    const moderators = await annotate(MODERATORS, 'records.deleted-content');
    await invoke('assessments.set', {
      reviewId,
      versionId: v1.id,
      criterionId: 'content.moderation-procedure',
      verdict: 'met',
      rationale: 'Removals are logged.',
      annotationIds: [moved.id],
    });
    await invoke('reviews.close', { reviewId });
    await reloadAndReopen(app, workshop.title);

    // 1. The comparison of the last two versions, with counts as the services compute them.
    const area = await showArea(app, 'Compare');
    await expect(area.getByRole('combobox', { name: 'Older' })).toHaveValue(v1.id);
    await expect(area.getByRole('combobox', { name: 'Newer' })).toHaveValue(v2.id);
    const expected = await invoke('compare.versions', { reviewId, fromVersionId: v1.id, toVersionId: v2.id });
    const summary = area.getByRole('list', { name: 'Summary of changes' });
    for (const kind of ['unchanged', 'changed', 'added', 'removed', 'moved'] as const) {
      await expect(summary.locator(`[data-kind="${kind}"]`)).toHaveText(
        new RegExp(`^\\D*${expected.counts[kind]}\\s*${kind}$`),
      );
    }
    const changes = expected.counts.changed + expected.counts.added + expected.counts.removed + expected.counts.moved;
    expect(changes).toBeGreaterThan(3);

    // Side by side: the older words struck out on the left, the newer ones marked on the right, in the same row.
    const split = area.getByRole('region', { name: `${v1.label} and ${v2.label}, side by side` });
    const purposeRow = split.getByRole('group').filter({ hasText: 'to share timely and accurate information' });
    await expect(purposeRow).toHaveAttribute('aria-label', /Changed$/);
    await expect(purposeRow.locator('.compare-cell.is-old')).toContainText(
      'to share timely information with residents, to invite comment on City services',
    );
    await expect(purposeRow.locator('.compare-cell.is-old del', { hasText: 'invite comment' })).toHaveCount(1);
    await expect(purposeRow.locator('.compare-cell.is-new ins').first()).toHaveText(/and accurate/);
    await expect(purposeRow.locator('.compare-cell.is-new del')).toHaveCount(0);
    // The moderation paragraph moved to the records section and was reworded: one block, said to be both.
    const movedRow = split.getByRole('group', { name: /Moved and changed$/ });
    await expect(movedRow).toHaveCount(expected.blocks.filter((b) => b.kind === 'moved' && b.edited).length);
    await expect(movedRow.first()).toContainText('Moderators record each removed or hidden comment');
    await expect(movedRow.first().locator('.change-tag')).toContainText('was under');

    // Next and previous change from the keyboard: the change is focused and the position is said.
    const position = area.locator('.change-position');
    await expect(position).toHaveAttribute('role', 'status');
    await expect(position).toHaveText(`${changes} changes`);
    await app.keyboard.press('n');
    await expect(position).toHaveText(`Change 1 of ${changes}`);
    await expect(app.locator(':focus')).toHaveAttribute('aria-label', /^Change 1: /);
    await app.keyboard.press('n');
    await expect(position).toHaveText(`Change 2 of ${changes}`);
    await expect(app.locator(':focus')).toHaveAttribute('aria-label', /^Change 2: /);
    await app.keyboard.press('Alt+ArrowDown');
    await expect(position).toHaveText(`Change 3 of ${changes}`);
    await app.keyboard.press('p');
    await expect(position).toHaveText(`Change 2 of ${changes}`);
    await expect(app.locator(':focus')).toHaveAttribute('aria-label', /^Change 2: /);
    await expect(app.locator(':focus')).toBeInViewport();
    await area.getByRole('button', { name: 'Next change' }).click();
    await expect(position).toHaveText(`Change 3 of ${changes}`);
    await app.keyboard.press('Alt+ArrowUp');
    await expect(position).toHaveText(`Change 2 of ${changes}`);
    await split.evaluate((el) => el.scrollTo({ top: 0 }));
    await saveScreenshot('compare-side-by-side');

    // Inline: one column, removed and added words interleaved.
    await area.getByRole('button', { name: 'Inline' }).click();
    await expect(area.getByRole('button', { name: 'Inline' })).toHaveAttribute('aria-pressed', 'true');
    const inline = area.getByRole('region', { name: `Changes from ${v1.label} to ${v2.label}, inline` });
    await expect(split).toHaveCount(0);
    const inlineRow = inline.getByRole('group').filter({ hasText: 'to share timely and accurate information' });
    await expect(inlineRow.locator('del').first()).toBeVisible();
    await expect(inlineRow.locator('ins', { hasText: 'listen to their views' })).toBeVisible();
    await expect(inlineRow.locator('del', { hasText: 'invite comment' })).toBeVisible();
    await app.keyboard.press('n');
    await expect(position).toHaveText(`Change 3 of ${changes}`);
    await saveScreenshot('compare-inline');

    // 2. Carry the annotations forward; the outcome matches what the services made.
    const carryButton = area.getByRole('button', { name: `Carry annotations to ${v2.label}` });
    await expect(
      area.getByText('5 annotations on the older version, 0 carried to the newer one so far.'),
    ).toBeVisible();
    await carryButton.click();
    const outcome = area.locator('.carry-outcome');
    await expect(outcome.locator('.banner-title')).toHaveText('Carried 5 annotations');
    await expect(
      area.getByText('5 annotations on the older version, 5 carried to the newer one so far.'),
    ).toBeVisible();
    const carried = await invoke('annotations.list', { reviewId, versionId: v2.id });
    expect(carried).toHaveLength(5);
    const stateWords = { anchored: 'in place', moved: 'moved', fuzzy: 'text changed', orphaned: 'orphaned' } as const;
    for (const [state, words] of Object.entries(stateWords)) {
      const count = carried.filter((a) => a.anchorState === state).length;
      await expect(outcome.locator(`[data-anchor-state="${state}"]`)).toHaveText(new RegExp(`^${count} ${words}: `));
    }
    const onV2 = (source: { id: string }) => carried.find((a) => a.carriedFrom === source.id)!;
    expect(onV2(deleted).anchorState).toBe('orphaned');
    // Carrying again adds nothing, and says so.
    await carryButton.click();
    await expect(outcome.locator('.banner-title')).toHaveText('Nothing new to carry');
    await expect(outcome).toContainText(`All 5 of its annotations are already on ${v2.label}; none was carried twice.`);
    expect(await invoke('annotations.list', { reviewId, versionId: v2.id })).toHaveLength(5);

    // 3. The carried annotations that moved or changed wait for a person: old words beside new ones.
    const review = area.getByRole('region', { name: /Carried annotations to confirm/ });
    const waiting = carried.filter((a) => a.anchorState === 'moved' || a.anchorState === 'fuzzy');
    expect(waiting.length).toBeGreaterThanOrEqual(3);
    await expect(review.getByRole('listitem')).toHaveCount(waiting.length);
    const rewordedItem = review.locator(`[data-annotation-id="${onV2(reworded).id}"]`);
    await expect(rewordedItem.locator('.is-before blockquote')).toHaveText(REWORDED);
    await expect(rewordedItem.locator('.is-now blockquote')).toHaveText(onV2(reworded).target.selector[0].exact);
    await expect(rewordedItem.locator('.is-now blockquote')).toContainText('timely and accurate information');
    await expect(rewordedItem.locator('[data-anchor-state="fuzzy"] .badge')).toHaveText('Text changed: to confirm');
    await expect(rewordedItem.locator('[data-anchor-state="fuzzy"] .anchor-state-origin')).toHaveText(
      `from ${v1.label}`,
    );
    await saveScreenshot('compare-carry-review');

    await rewordedItem.getByRole('button', { name: /^Confirm/ }).click();
    await expect(rewordedItem).toHaveCount(0);
    await expect
      .poll(
        async () =>
          (await invoke('annotations.list', { reviewId, versionId: v2.id })).find((a) => a.id === onV2(reworded).id)
            ?.anchorState,
      )
      .toBe('anchored');

    await review
      .locator(`[data-annotation-id="${onV2(moved).id}"]`)
      .getByRole('button', { name: /^Mark orphaned/ })
      .click();
    const orphanedList = area.getByRole('region', { name: /Orphaned annotations/ });
    await expect(orphanedList.locator(`[data-annotation-id="${onV2(moved).id}"]`)).toBeVisible();
    await expect(orphanedList.locator(`[data-annotation-id="${onV2(deleted).id}"]`)).toContainText(DELETED);
    await expect
      .poll(
        async () =>
          (await invoke('annotations.list', { reviewId, versionId: v2.id })).find((a) => a.id === onV2(moved).id)
            ?.anchorState,
      )
      .toBe('orphaned');

    // Re-point: the Document area opens on the newer version; the selected words are attached.
    await review
      .locator(`[data-annotation-id="${onV2(moderators).id}"]`)
      .getByRole('button', { name: /^Re-point/ })
      .click();
    await expect(app.getByRole('tabpanel', { name: 'Document' })).toBeVisible();
    await expect(app.getByRole('combobox', { name: 'Version' })).toHaveValue(v2.id);
    await expect(app.getByText('Re-pointing an annotation')).toBeVisible();
    // The text's sections are laid out when first scrolled to, and their real height moves what follows: let
    // them settle before the drag measures where the words are.
    await phraseEnds(policyText(app), MODERATORS_NOW);
    await app.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await selectWithMouse(app, MODERATORS_NOW);
    await app.getByRole('button', { name: /^Attach here/ }).click();
    await expect(compareArea(app)).toBeVisible();
    await expect
      .poll(
        async () =>
          (await invoke('annotations.list', { reviewId, versionId: v2.id })).find((a) => a.id === onV2(moderators).id)
            ?.target.selector[0].exact,
      )
      .toBe(MODERATORS_NOW);
    const repointed = (await invoke('annotations.list', { reviewId, versionId: v2.id })).find(
      (a) => a.id === onV2(moderators).id,
    )!;
    expect(repointed.anchorState).toBe('anchored');
    await expect(review.locator(`[data-annotation-id="${repointed.id}"]`)).toHaveCount(0);

    // 4. In the text: orphaned annotations are not highlighted; the re-pointed one is, on its new words; badges say where each stands.
    await showArea(app, 'Document');
    await expect(policyText(app, v2.label)).toBeVisible();
    await expect.poll(() => markedText(app, repointed.id)).toBe(MODERATORS_NOW);
    await expect(markOf(app, onV2(deleted).id)).toHaveCount(0);
    await expect(markOf(app, onV2(moved).id)).toHaveCount(0);
    const panel = annotationsPanel(app);
    const orphanItem = panel.locator(`[data-annotation-id="${onV2(deleted).id}"]`);
    await expect(orphanItem.locator('[data-anchor-state="orphaned"] .badge')).toHaveText(
      'Orphaned: not in this version',
    );
    await expect(orphanItem.locator('[data-anchor-state="orphaned"] .anchor-state-origin')).toHaveText(
      `from ${v1.label}`,
    );
    await orphanItem.click();
    await expect(panel.getByRole('button', { name: 'Show in text' })).toBeDisabled();
    await expect(panel.locator('.thread-badges [data-anchor-state="orphaned"]')).toContainText(
      'Orphaned: not in this version',
    );
    await panel.getByRole('button', { name: 'All annotations' }).click();

    // 5. The criteria to re-check, as the services find them, with the earlier verdict; the Checklist marks them.
    await showArea(app, 'Compare');
    const impact = await invoke('compare.impact', { reviewId, fromVersionId: v1.id, toVersionId: v2.id });
    expect(impact.criteria.map((c) => c.criterionId)).toContain('content.moderation-procedure');
    const impactList = area.getByRole('region', { name: /Criteria to re-check/ });
    await expect(impactList.getByRole('listitem')).toHaveCount(impact.criteria.length);
    const moderation = impactList.locator('[data-criterion-id="content.moderation-procedure"]');
    await expect(moderation).toContainText(`Verdict on ${v1.label}: Met`);
    const moderationTitle = impact.criteria.find((c) => c.criterionId === 'content.moderation-procedure')!.title;
    await moderation.getByRole('button', { name: `Re-check in Checklist: ${moderationTitle}` }).click();
    const checklist = app.getByRole('tabpanel', { name: 'Checklist' });
    await expect(checklist).toBeVisible();
    await expect(checklist.getByRole('combobox', { name: 'Verdicts for' })).toHaveValue(v2.id);
    const card = checklist.getByRole('article', { name: moderationTitle });
    await expect(card.locator('.recheck-marker')).toContainText(`Changed since ${v1.label}: re-check.`);
    await expect(card.locator('.recheck-marker')).toContainText('was Met');
    await expect(card).toBeInViewport();
    await expect(checklist.locator('.recheck-marker')).toHaveCount(impact.criteria.length);
    const untouched = checklist.locator('[data-criterion-id="privacy.consent"]');
    await expect(untouched.locator('.recheck-marker')).toHaveCount(0);
    await saveScreenshot('checklist-change-impact');
    // An orphaned annotation's chip opens its thread, which says why it is not in the text.
    const feedbackCard = checklist.locator('[data-criterion-id="stakeholder.feedback-channels"]');
    await feedbackCard
      .getByRole('button', { name: /open the thread \(its words are no longer in this version\)$/ })
      .click();
    await expect(panel.locator('.thread-badges [data-anchor-state="orphaned"]')).toContainText(
      'Orphaned: not in this version',
    );
    await expect(panel.getByRole('button', { name: 'Show in text' })).toBeDisabled();

    // 6. After a reload, every decision is still there.
    await reloadAndReopen(app, workshop.title);
    const again = await showArea(app, 'Compare');
    const stillWaiting = (await invoke('annotations.list', { reviewId, versionId: v2.id })).filter(
      (a) => a.anchorState === 'moved' || a.anchorState === 'fuzzy',
    );
    expect(stillWaiting).toHaveLength(waiting.length - 3);
    await expect(
      again.getByRole('region', { name: /Carried annotations to confirm/ }).getByRole('listitem'),
    ).toHaveCount(stillWaiting.length);
    const orphanedAgain = again.getByRole('region', { name: /Orphaned annotations/ });
    await expect(orphanedAgain.locator(`[data-annotation-id="${onV2(moved).id}"]`)).toBeVisible();
    await expect(orphanedAgain.locator(`[data-annotation-id="${onV2(deleted).id}"]`)).toBeVisible();
    await again.getByRole('button', { name: `Carry annotations to ${v2.label}` }).click();
    await expect(again.locator('.carry-outcome')).toContainText('Nothing new to carry');
    await showArea(app, 'Checklist');
    await expect(app.getByRole('tabpanel', { name: 'Checklist' }).locator('.recheck-marker')).toHaveCount(
      impact.criteria.length,
    );
  });
});
