import { expect, test } from './support/fixtures';
import { policyText } from './support/documents';
import { showArea } from './support/screens';
import {
  annotationsOn,
  annotationsPanel,
  dateFromToday,
  markedText,
  markOf,
  pickCriteria,
  reloadAndReopen,
  selectWithKeyboard,
  selectWithMouse,
  startWorkshop,
} from './support/workspace';

const PHRASE_MOUSE = 'share timely and accurate information with residents';
const PHRASE_KEYBOARD = 'answering questions within the response times published on the account';
const PHRASE_OVERLAP = 'accurate information with residents, to listen to their views';

test.describe('a review workshop', () => {
  test('annotates passages against criteria, discusses them, records verdicts and an action plan, and finds it all again after a reload', async ({
    app,
    invoke,
    saveScreenshot,
  }) => {
    test.setTimeout(180_000);
    const workshop = await startWorkshop(app, invoke);
    const panel = annotationsPanel(app);
    const text = policyText(app);
    // The most recent version is the one under review.
    await expect(app.getByRole('combobox', { name: 'Version' })).toHaveValue(workshop.v2.id);

    // 1. Select words with the mouse and annotate them against two criteria found by searching.
    await selectWithMouse(app, PHRASE_MOUSE);
    const annotate = app.getByRole('button', { name: /^Annotate/ });
    await expect(annotate).toBeVisible();
    await expect(annotate).toHaveAttribute('title', /Ctrl\+Alt\+M/);
    await annotate.click();
    await expect(panel.getByRole('heading', { name: 'New annotation' })).toBeVisible();
    await expect(panel.getByRole('blockquote').or(panel.locator('blockquote'))).toHaveText(PHRASE_MOUSE);
    await pickCriteria(app, ['accuracy checks', 'purpose and scope']);
    await expect(panel.getByRole('list', { name: 'Chosen criteria' }).getByRole('listitem')).toHaveCount(2);
    await panel.getByRole('radio', { name: 'Major' }).check();
    const comment = panel.getByRole('textbox', { name: 'Comment' });
    await comment.click();
    await app.keyboard.type('Say who checks ');
    await app.keyboard.press('Control+B');
    await app.keyboard.type('accuracy');
    await app.keyboard.press('Control+B');
    await app.keyboard.type(' before a post goes out.');
    await expect(comment.locator('strong, .comment-bold')).toHaveText('accuracy');
    await saveScreenshot('workspace-annotate-form');
    await panel.getByRole('button', { name: 'Save annotation' }).click();

    await expect(panel.getByRole('heading', { name: /and 1 other/ })).toBeVisible();
    let saved = await annotationsOn(invoke, workshop.reviewId, workshop.v2.id);
    expect(saved).toHaveLength(1);
    const first = saved[0]!;
    expect(first.target.selector[0].exact).toBe(PHRASE_MOUSE);
    expect(first.severity).toBe('major');
    expect(first.criterionIds).toHaveLength(2);
    await expect.poll(() => markedText(app, first.id)).toBe(PHRASE_MOUSE);
    await expect(markOf(app, first.id).first()).toHaveAttribute('data-severity', 'major');

    // 2. Select other words with the keyboard and annotate them with the shortcut.
    await selectWithKeyboard(app, PHRASE_KEYBOARD);
    await app.keyboard.press('Control+Alt+M');
    await expect(panel.locator('blockquote')).toHaveText(PHRASE_KEYBOARD);
    await pickCriteria(app, ['feedback channels']);
    await panel.getByRole('radio', { name: 'Critical' }).check();
    await panel.getByRole('textbox', { name: 'Comment' }).click();
    await app.keyboard.type('Publish the response times in the policy itself.');
    await app.keyboard.press('Control+Enter');
    await expect.poll(async () => (await annotationsOn(invoke, workshop.reviewId, workshop.v2.id)).length).toBe(2);
    saved = await annotationsOn(invoke, workshop.reviewId, workshop.v2.id);
    const second = saved.find((a) => a.id !== first.id)!;
    expect(second.target.selector[0].exact).toBe(PHRASE_KEYBOARD);
    await expect.poll(() => markedText(app, second.id)).toBe(PHRASE_KEYBOARD);

    // 3. Overlapping words: the shared run carries both annotations and is drawn by the more severe.
    await panel.getByRole('button', { name: 'All annotations' }).click();
    await selectWithMouse(app, PHRASE_OVERLAP);
    await app.getByRole('button', { name: /^Annotate/ }).click();
    await pickCriteria(app, ['accessible content']);
    await panel.getByRole('radio', { name: 'Minor' }).check();
    await panel.getByRole('button', { name: 'Save annotation' }).click();
    await expect.poll(async () => (await annotationsOn(invoke, workshop.reviewId, workshop.v2.id)).length).toBe(3);
    const third = (await annotationsOn(invoke, workshop.reviewId, workshop.v2.id)).find(
      (a) => a.id !== first.id && a.id !== second.id,
    )!;
    await expect.poll(() => markedText(app, third.id)).toBe(PHRASE_OVERLAP);
    const shared = text.locator(`mark[data-annotation-ids~="${first.id}"][data-annotation-ids~="${third.id}"]`);
    await expect(shared).toHaveText('accurate information with residents');
    await expect(shared).toHaveAttribute('data-severity', 'major');

    // 4. Hovering or focusing a highlight says what it is about; Enter opens its thread.
    await markOf(app, second.id).first().focus();
    const tooltip = app.getByRole('tooltip');
    await expect(tooltip).toContainText('Critical');
    await expect(markOf(app, second.id).first()).toHaveAccessibleDescription(/Critical/);
    await saveScreenshot('workspace-highlights');
    await app.keyboard.press('Enter');
    await expect(panel.getByRole('heading', { level: 3 })).toBeFocused();
    await expect(panel.locator('blockquote')).toHaveText(PHRASE_KEYBOARD);

    // 5. The thread: a reply, then resolve; the thread's Show in text brings focus back to the words.
    await panel.getByRole('textbox', { name: 'Reply' }).click();
    await app.keyboard.type('Agreed: two working days, as in the service charter.');
    await panel.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect(panel.getByRole('list').filter({ hasText: 'two working days' })).toBeVisible();
    await panel.getByRole('button', { name: 'Resolve' }).click();
    await expect(panel.getByText('Resolved', { exact: true })).toBeVisible();
    await expect(markOf(app, second.id).first()).toHaveAttribute('data-settled', '');
    await saveScreenshot('workspace-thread');
    await panel.getByRole('button', { name: 'Show in text' }).click();
    await expect(markOf(app, second.id).first()).toBeFocused();

    // 6. Delete with undo.
    await markOf(app, third.id).last().click();
    await expect(panel.locator('blockquote')).toHaveText(PHRASE_OVERLAP);
    await panel.getByRole('button', { name: 'Delete annotation' }).click();
    const toast = app.getByRole('status').filter({ hasText: 'Annotation deleted' });
    await expect(toast).toBeVisible();
    await expect(markOf(app, third.id)).toHaveCount(0);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => markedText(app, third.id)).toBe(PHRASE_OVERLAP);

    // 7. Filters narrow the list and the highlights.
    await panel.getByRole('button', { name: 'All annotations' }).click();
    await panel.getByRole('button', { name: 'Filters' }).click();
    await panel.getByRole('combobox', { name: 'Severity' }).selectOption('critical');
    await expect(panel.getByRole('status').filter({ hasText: '1 of 3 annotations shown' })).toBeVisible();
    await expect(panel.getByRole('list', { name: /Annotations in the order/ }).getByRole('listitem')).toHaveCount(1);
    await expect(markOf(app, first.id).first()).toHaveClass(/is-filtered-out/);
    await expect(markOf(app, second.id).first()).not.toHaveClass(/is-filtered-out/);
    await saveScreenshot('annotation-filters');
    await panel.getByRole('combobox', { name: 'Severity' }).selectOption('');
    await panel.getByRole('combobox', { name: 'Author' }).selectOption('Amira Haddad');
    await expect(panel.getByRole('list', { name: /Annotations in the order/ }).getByRole('listitem')).toHaveCount(3);
    await panel.getByRole('button', { name: 'Clear filters' }).click();

    // 8. Verdicts with rationales, an action on a partial verdict, and the action plan with an overdue action.
    const checklist = await showArea(app, 'Checklist');
    await expect(checklist.getByText('0 of 46 reviewed')).toBeVisible();
    const purpose = checklist.getByRole('article', { name: 'Purpose and scope' });
    await purpose.getByRole('radio', { name: 'Met', exact: true }).check();
    await purpose
      .getByRole('textbox', { name: 'Rationale' })
      .fill('Section 1 states purpose, scope and who the policy covers.');
    await purpose.getByRole('textbox', { name: 'Rationale' }).blur();
    await expect(purpose.getByText('Saved', { exact: true })).toBeVisible();
    await expect(
      purpose.getByRole('button', { name: /share timely and accurate information with residents/ }),
    ).toBeVisible();

    const accuracy = checklist.getByRole('article', { name: 'Publishing approval and accuracy checks' });
    await accuracy.getByRole('radio', { name: 'Partly met' }).check();
    await accuracy
      .getByRole('textbox', { name: 'Rationale' })
      .fill('Accuracy is named but nobody is responsible for checking it.');
    await accuracy.getByRole('button', { name: 'Add action' }).click();
    await accuracy
      .getByRole('textbox', { name: 'Action needed' })
      .fill('Name the reviewer who checks facts before publishing.');
    await accuracy.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'Jonas Berg (Legal advisor)' });
    await accuracy.getByLabel('Due date').fill(dateFromToday(21));
    await accuracy.getByRole('button', { name: 'Add action' }).click();
    await expect(accuracy.getByText('Name the reviewer who checks facts')).toBeVisible();
    await accuracy.getByRole('button', { name: 'Add action' }).click();
    await accuracy.getByRole('textbox', { name: 'Action needed' }).fill('Publish a corrections page.');
    await accuracy.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'Lea Novak (Privacy officer)' });
    await accuracy.getByLabel('Due date').fill(dateFromToday(-3));
    await accuracy.getByRole('button', { name: 'Add action' }).click();
    await expect(accuracy.getByText('Overdue')).toBeVisible();
    await expect(checklist.getByText('2 of 46 reviewed')).toBeVisible();
    await accuracy.evaluate((card) => card.scrollIntoView({ block: 'center' }));
    await saveScreenshot('checklist-verdicts');

    await checklist.getByRole('tab', { name: 'Action plan' }).click();
    const plan = checklist.getByRole('tabpanel', { name: 'Action plan' });
    await expect(plan.getByRole('status')).toHaveText('2 open actions, 1 overdue');
    const overdueRow = plan.getByRole('row', { name: /Publish a corrections page/ });
    await expect(overdueRow).toContainText('Overdue');
    await expect(overdueRow).toContainText('Lea Novak');
    await plan.getByRole('combobox', { name: 'Group by' }).selectOption('owner');
    await expect(plan.getByRole('heading', { name: 'Jonas Berg' })).toBeVisible();
    await saveScreenshot('action-plan');
    await plan.getByRole('button', { name: 'Mark done: “Publish a corrections page.”' }).click();
    await expect(plan.getByRole('status')).toHaveText('1 open action · 1 done');

    // 9. The committee's audit log says who did what.
    const committee = await showArea(app, 'Committee');
    const audit = committee.getByRole('table', { name: /Audit log/ });
    await expect(audit.getByRole('row').filter({ hasText: 'Annotation added' }).first()).toContainText('Amira Haddad');
    await expect(audit).toContainText('Verdict recorded');
    await saveScreenshot('audit-log');

    // 10. After a reload everything is there, highlighted on the same words.
    await reloadAndReopen(app, workshop.title);
    await expect.poll(() => markedText(app, first.id)).toBe(PHRASE_MOUSE);
    await expect.poll(() => markedText(app, second.id)).toBe(PHRASE_KEYBOARD);
    await expect.poll(() => markedText(app, third.id)).toBe(PHRASE_OVERLAP);
    await expect(markOf(app, second.id).first()).toHaveAttribute('data-settled', '');
    await markOf(app, second.id).first().click();
    await expect(panel.getByText('Agreed: two working days')).toBeVisible();
    const checklistAgain = await showArea(app, 'Checklist');
    await expect(checklistAgain.getByText('2 of 46 reviewed')).toBeVisible();
    await expect(
      checklistAgain.getByRole('article', { name: 'Purpose and scope' }).getByRole('textbox', { name: 'Rationale' }),
    ).toHaveValue('Section 1 states purpose, scope and who the policy covers.');
  });
});
