import { expect, test } from './support/fixtures';
import { showArea } from './support/screens';
import {
  annotationsOn,
  annotationsPanel,
  markedText,
  markOf,
  pickCriteria,
  reloadAndReopen,
  selectWithMouse,
  startWorkshop,
} from './support/workspace';

const PHRASE = 'approves new accounts, provides templates and guidance';

test.describe('drafts of unsaved work', () => {
  test('a half-written annotation, reply and rationale survive a reload, and go once saved', async ({
    app,
    invoke,
    saveScreenshot,
  }) => {
    test.setTimeout(120_000);
    const workshop = await startWorkshop(app, invoke, 'Drafts survive');
    const panel = annotationsPanel(app);

    // A new annotation, half filled in.
    await selectWithMouse(app, PHRASE);
    await app.getByRole('button', { name: /^Annotate/ }).click();
    await pickCriteria(app, ['approval of new accounts']);
    await panel.getByRole('radio', { name: 'Info' }).check();
    await panel.getByRole('textbox', { name: 'Comment' }).click();
    await app.keyboard.type('Who keeps the templates up to date?');
    await expect(panel.getByText('Draft saved')).toBeVisible();

    await reloadAndReopen(app, workshop.title);
    await expect(panel.getByRole('heading', { name: 'New annotation' })).toBeFocused();
    await expect(panel.getByText('Restored from the draft you had not saved.')).toBeVisible();
    await expect(panel.locator('blockquote')).toHaveText(PHRASE);
    // The words it is about are marked in the text again.
    const pendingWords = await app.evaluate(() => {
      const highlight = (CSS.highlights as unknown as Map<string, Set<Range>>).get('pending-annotation');
      return highlight ? [...highlight][0]?.toString() : undefined;
    });
    expect(pendingWords).toBe(PHRASE);
    await expect(panel.getByRole('list', { name: 'Chosen criteria' })).toContainText(
      'Approval of new accounts and account inventory',
    );
    await expect(panel.getByRole('radio', { name: 'Info' })).toBeChecked();
    await expect(panel.getByRole('textbox', { name: 'Comment' })).toHaveText('Who keeps the templates up to date?');
    await saveScreenshot('annotation-draft-restored');
    await panel.getByRole('button', { name: 'Save annotation' }).click();
    await expect.poll(async () => (await annotationsOn(invoke, workshop.reviewId, workshop.v2.id)).length).toBe(1);
    const [annotation] = await annotationsOn(invoke, workshop.reviewId, workshop.v2.id);
    await expect.poll(() => markedText(app, annotation!.id)).toBe(PHRASE);
    expect(await invoke('drafts.get', { reviewId: workshop.reviewId })).toEqual({});

    // A reply, typed and left unsent; the window is hidden (as when it is closed) before the pause is over.
    await panel.getByRole('textbox', { name: 'Reply' }).click();
    await app.keyboard.type('The Communications Office, every year.');
    await app.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
    await expect
      .poll(async () => Object.keys(await invoke('drafts.get', { reviewId: workshop.reviewId })))
      .toEqual([`reply:${annotation!.id}`]);

    // A rationale, typed and not yet saved.
    const checklist = await showArea(app, 'Checklist');
    const card = checklist.getByRole('article', { name: 'Approval of new accounts and account inventory' });
    await card.getByRole('textbox', { name: 'Rationale' }).fill('Section 2.3 lists the steps; the register is named.');
    await expect
      .poll(async () => Object.keys(await invoke('drafts.get', { reviewId: workshop.reviewId })).length)
      .toBe(2);

    await reloadAndReopen(app, workshop.title);
    await markOf(app, annotation!.id).first().click();
    await expect(panel.getByRole('textbox', { name: 'Reply' })).toHaveText('The Communications Office, every year.');
    await panel.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect(panel.getByRole('list').filter({ hasText: 'every year' })).toBeVisible();
    const checklistAgain = await showArea(app, 'Checklist');
    const rationale = checklistAgain
      .getByRole('article', { name: 'Approval of new accounts and account inventory' })
      .getByRole('textbox', { name: 'Rationale' });
    await expect(rationale).toHaveValue('Section 2.3 lists the steps; the register is named.');
    await rationale.focus();
    await rationale.blur();
    await expect.poll(async () => invoke('drafts.get', { reviewId: workshop.reviewId })).toEqual({});
    const [assessment] = await invoke('assessments.list', { reviewId: workshop.reviewId, versionId: workshop.v2.id });
    expect(assessment?.rationale).toBe('Section 2.3 lists the steps; the register is named.');
  });
});
