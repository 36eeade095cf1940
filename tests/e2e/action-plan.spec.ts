import { expect, test } from './support/fixtures';
import { openReviewFromLibrary, showArea } from './support/screens';
import { dateFromToday, startWorkshop } from './support/workspace';

test.describe('the action plan', () => {
  test('lists open actions by due date, criterion or owner, marks overdue ones in words, and marks one done', async ({
    app,
    invoke,
    saveScreenshot,
  }) => {
    const workshop = await startWorkshop(app, invoke, 'Action plan');
    const versionId = workshop.v2.id;
    const [, jonas, lea] = workshop.members;
    const set = (criterionId: string, verdict: 'met' | 'partial' | 'not-met') =>
      invoke('assessments.set', {
        reviewId: workshop.reviewId,
        versionId,
        criterionId,
        verdict,
        rationale: '',
        annotationIds: [],
      });
    await set('governance.training', 'partial');
    await set('privacy.impact-assessment', 'not-met');
    await set('governance.purpose-scope', 'met');
    const add = (criterionId: string, description: string, ownerId: string, dueDate: string) =>
      invoke('actions.add', { reviewId: workshop.reviewId, versionId, criterionId, description, ownerId, dueDate });
    await add(
      'governance.training',
      'Add yearly refresher training for account managers.',
      jonas!.id,
      dateFromToday(40),
    );
    await add(
      'privacy.impact-assessment',
      'Run a privacy impact assessment for social listening.',
      lea!.id,
      dateFromToday(-10),
    );
    await add('governance.training', 'Name who keeps the training records.', lea!.id, dateFromToday(5));
    await invoke('reviews.close', { reviewId: workshop.reviewId });
    await app.reload();
    await openReviewFromLibrary(app, workshop.title);

    const checklist = await showArea(app, 'Checklist');
    // Only a partial or not-met verdict calls for actions.
    await expect(
      checklist.getByRole('article', { name: 'Purpose and scope' }).getByRole('button', { name: 'Add action' }),
    ).toHaveCount(0);
    await expect(
      checklist.getByRole('article', { name: 'Training and awareness' }).getByRole('button', { name: 'Add action' }),
    ).toBeVisible();
    const pia = checklist.getByRole('article', { name: 'Privacy impact assessment' });
    await expect(pia.getByText('Overdue')).toBeVisible();

    await checklist.getByRole('tab', { name: 'Action plan' }).click();
    const plan = checklist.getByRole('tabpanel', { name: 'Action plan' });
    await expect(plan.getByRole('status')).toHaveText('3 open actions, 1 overdue');
    // By due date: the overdue one first, marked in words (and with an icon), not by colour alone.
    const rows = plan.getByRole('row').filter({ has: app.getByRole('rowheader') });
    await expect(rows).toHaveText([/privacy impact assessment/, /training records/, /yearly refresher/]);
    await expect(rows.first()).toContainText('Overdue');
    await expect(rows.first().locator('.overdue-badge svg')).toHaveCount(1);
    await saveScreenshot('action-plan-by-due-date');

    await plan.getByRole('combobox', { name: 'Group by' }).selectOption('criterion');
    await expect(plan.getByRole('heading', { level: 4 })).toHaveText([
      'Privacy impact assessment',
      'Training and awareness',
    ]);

    await plan.getByRole('button', { name: 'Mark done: “Name who keeps the training records.”' }).click();
    await expect(plan.getByRole('status')).toHaveText('2 open actions, 1 overdue · 1 done');
    await expect(plan.getByRole('row', { name: /training records/ })).toHaveCount(0);
    await plan.getByRole('checkbox', { name: 'Show done actions' }).check();
    await expect(plan.getByRole('row', { name: /training records/ })).toContainText('Reopen');
    const [entry] = (await invoke('actions.plan', { reviewId: workshop.reviewId })).filter((e) =>
      e.action.description.startsWith('Name who keeps'),
    );
    expect(entry?.action.status).toBe('done');
  });
});
