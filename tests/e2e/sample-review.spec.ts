import { expect, test } from './support/fixtures';
import { annotationsPanel } from './support/workspace';
import { policyText } from './support/documents';
import { reviewCard, showArea } from './support/screens';

const SAMPLE = 'Sample: City of Riverton social media policy';

test.describe('the sample review', () => {
  test('opens in one click from the empty library: two versions, annotations, verdicts, votes and an action plan', async ({
    app,
    invoke,
    saveScreenshot,
    saveReadmeScreen,
  }) => {
    test.setTimeout(120_000);
    const welcome = app.locator('.empty-state');
    await expect(welcome.getByRole('heading', { name: 'No reviews yet' })).toBeVisible();
    await welcome.getByRole('button', { name: 'Open a sample review' }).click();
    // Each step is read out while the services build it.
    await expect(app.getByRole('status').filter({ hasText: /Building the sample review: step \d of 5/ })).toBeVisible();
    await saveScreenshot('sample-review-building');

    await expect(app.getByRole('heading', { level: 1, name: SAMPLE })).toBeVisible({ timeout: 60_000 });
    const [summary] = await invoke('reviews.list', {});
    const { review } = await invoke('reviews.read', { reviewId: summary!.id });
    const [older, newer] = review.versions;

    // The Document area shows the newer version with its annotations: carried ones and new ones.
    await expect(app.getByRole('combobox', { name: 'Version' })).toHaveValue(newer!.id);
    const onNewer = review.annotations.filter((a) => a.versionId === newer!.id);
    for (const annotation of onNewer.filter((a) => a.anchorState !== 'orphaned'))
      await expect(policyText(app).locator(`mark[data-annotation-ids~="${annotation.id}"]`).first()).toBeVisible();
    await expect(annotationsPanel(app)).toContainText(
      '“A person remains responsible for everything that is published.”',
    );
    await expect(annotationsPanel(app)).toContainText('Orphaned: not in this version');
    await saveReadmeScreen('document');

    const checklist = await showArea(app, 'Checklist');
    const titles = new Map(review.checklist.criteria.map((c) => [c.id, c.title]));
    const judged = review.assessments.filter((a) => a.versionId === newer!.id);
    expect(judged.length).toBeGreaterThanOrEqual(4);
    for (const assessment of judged) {
      const card = checklist.getByRole('article', { name: titles.get(assessment.criterionId), exact: true });
      await expect(card.getByRole('radio', { checked: true })).toHaveAttribute('value', assessment.verdict);
    }
    // The picture shows a judged criterion with its rationale and action, not only the area's header.
    await checklist
      .getByRole('article', { name: titles.get('content.ai-generated'), exact: true })
      .evaluate((card) => card.scrollIntoView({ block: 'start' }));
    await saveReadmeScreen('checklist');

    await checklist.getByRole('tab', { name: 'Action plan' }).click();
    const plan = checklist.getByRole('tabpanel', { name: 'Action plan' });
    await expect(plan.getByRole('status')).toHaveText('2 open actions, 1 overdue');

    const compare = await showArea(app, 'Compare');
    await expect(compare.getByRole('combobox', { name: 'Older' })).toHaveValue(older!.id);
    await expect(compare.getByRole('combobox', { name: 'Newer' })).toHaveValue(newer!.id);
    await saveReadmeScreen('compare');

    await showArea(app, 'Report');
    await saveReadmeScreen('report');

    await app.getByRole('button', { name: 'Present' }).click();
    const presenter = app.getByRole('dialog', { name: SAMPLE });
    await presenter
      .getByRole('group', { name: 'Criteria to present' })
      .getByRole('button', { name: /With disagreement/ })
      .click();
    // The members split on two criteria: the feedback channels (the checklist's order puts it first) and AI content.
    await expect(presenter.locator('.presenter-position')).toHaveText('Criterion 1 of 2');
    await expect(presenter.getByRole('region', { name: /^Members’ votes/ })).toContainText('Tomás Reyes');
    await saveReadmeScreen('presenter');
    await saveScreenshot('sample-review');
    await app.keyboard.press('Escape');
    await expect(presenter).toHaveCount(0);

    await app.getByRole('button', { name: 'Library' }).first().click();
    await expect(reviewCard(app, SAMPLE)).toBeVisible();
    await saveReadmeScreen('library');
  });

  test.describe('for a newcomer without a name', () => {
    test.use({ userName: '' });

    test('looks around without being asked, and asks for the name at the first verdict', async ({ app, invoke }) => {
      test.setTimeout(120_000);
      await app.getByRole('button', { name: 'Open a sample review' }).click();
      await expect(app.getByRole('heading', { level: 1, name: SAMPLE })).toBeVisible({ timeout: 60_000 });
      const prompt = app.getByRole('dialog', { name: 'Before your first change: who are you?' });
      const checklist = await showArea(app, 'Checklist');
      await showArea(app, 'Compare');
      await showArea(app, 'Checklist');
      await expect(prompt).toHaveCount(0);

      const card = checklist.getByRole('article', { name: 'Purpose and scope', exact: true });
      await card.getByRole('radio', { name: 'Met', exact: true }).check();
      await prompt.getByRole('textbox', { name: 'Your name, as the committee will see it' }).fill('Ingrid Solberg');
      await app.keyboard.press('Enter');
      await expect(prompt).toHaveCount(0);
      await expect(card.getByRole('radio', { name: 'Met', exact: true })).toBeChecked();

      const [summary] = await invoke('reviews.list', {});
      const { review } = await invoke('reviews.read', { reviewId: summary!.id });
      const verdict = review.assessments.find((a) => a.criterionId === 'governance.purpose-scope');
      expect([verdict?.verdict, verdict?.author.name]).toEqual(['met', 'Ingrid Solberg']);
    });
  });
});
