import { join } from 'node:path';
import { expect, SCREENSHOT_DIR, test } from './support/fixtures';
import { policyText } from './support/documents';
import { openReviewFromLibrary, showArea } from './support/screens';
import { annotationsPanel, markOf, startWorkshop } from './support/workspace';
import { BROWSER_APP_URL } from '../../electron/browser/bind-page';

test.describe('a review open in two windows', () => {
  test('the second window gets a read-only workspace that says why', async ({ app, invoke }) => {
    test.skip(process.env.E2E_ELECTRON === '1', 'a second page of the browser host stands for a second window');
    test.setTimeout(120_000);
    const workshop = await startWorkshop(app, invoke, 'Open twice');
    const text = workshop.v2;
    const version = await invoke('versions.get', { reviewId: workshop.reviewId, versionId: text.id });
    const exact = 'approves new accounts';
    const start = version.text.indexOf(exact);
    const annotation = await invoke('annotations.add', {
      reviewId: workshop.reviewId,
      versionId: text.id,
      range: { start, end: start + exact.length, exact },
      criterionIds: ['accounts.inventory-approval'],
      severity: 'major',
      body: {
        root: {
          type: 'root',
          children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Name the register.', format: 0 }] }],
        },
      },
    });
    await invoke('assessments.set', {
      reviewId: workshop.reviewId,
      versionId: text.id,
      criterionId: 'accounts.inventory-approval',
      verdict: 'partial',
      rationale: 'Steps are listed.',
      annotationIds: [annotation.id],
    });

    // A second window of the same app on the same review (each page is a window of its own).
    const second = await app.context().newPage();
    await second.goto(BROWSER_APP_URL);
    await openReviewFromLibrary(second, workshop.title);
    const banner = second.getByRole('status').filter({ hasText: 'Read-only' });
    await expect(banner).toContainText('open for editing in another window');
    await expect(banner).toContainText('cannot be added or changed');
    await expect(policyText(second)).toBeVisible();

    // The highlight is there and its thread can be read, but nothing in it can be changed.
    await markOf(second, annotation.id).first().click();
    const panel = annotationsPanel(second);
    await expect(panel.getByText('Name the register.')).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Resolve' })).toHaveCount(0);
    await expect(panel.getByRole('button', { name: 'Delete annotation' })).toHaveCount(0);
    await expect(panel.getByRole('textbox', { name: 'Reply' })).toHaveCount(0);
    await panel.getByRole('button', { name: 'All annotations' }).click();
    await expect(panel).toContainText('Read-only here');

    // Selecting words offers no Annotate button, and the shortcut says why.
    const { x, y } = (await policyText(second).locator('p').nth(2).boundingBox())!;
    await second.mouse.dblclick(x + 30, y + 8);
    await expect(second.getByRole('button', { name: /^Annotate/ })).toHaveCount(0);
    await second.keyboard.press('Control+Alt+M');
    await expect(second.getByTestId('workspace-announcer')).toHaveText(
      'This review is read-only here: annotations cannot be added.',
    );

    const checklist = await showArea(second, 'Checklist');
    const card = checklist.getByRole('article', { name: 'Approval of new accounts and account inventory' });
    await expect(card.getByRole('radio', { name: 'Partly met' })).toBeChecked();
    await expect(card.getByRole('radio', { name: 'Partly met' })).toBeDisabled();
    await expect(card.getByRole('textbox', { name: 'Rationale' })).toHaveAttribute('readonly', '');
    await expect(card.getByRole('button', { name: 'Add action' })).toHaveCount(0);
    await expect(checklist.getByRole('button', { name: /^Move/ })).toHaveCount(0);
    await second.getByRole('tab', { name: 'Document' }).click();
    await second.screenshot({ path: join(SCREENSHOT_DIR, 'read-only-second-window.png') });

    // The first window still edits.
    await expect(app.getByRole('status').filter({ hasText: 'Read-only' })).toHaveCount(0);
    await second.close();
  });
});
