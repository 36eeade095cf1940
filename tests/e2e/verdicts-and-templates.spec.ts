import { readFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures';
import { textFile } from './support/documents';
import { openReviewFromLibrary, reviewCard, showArea } from './support/screens';
import { recordSplitVotes, startWorkshop } from './support/workspace';

test.describe('the checklist with verdicts', () => {
  test('records verdicts with progress per category and overall, and shows each criterion’s annotations', async ({
    app,
    invoke,
  }) => {
    const workshop = await startWorkshop(app, invoke, 'Verdicts by category');
    const version = await invoke('versions.get', { reviewId: workshop.reviewId, versionId: workshop.v2.id });
    const exact = 'Official accounts that allow comments are limited public forums';
    const start = version.text.indexOf(exact);
    const annotation = await invoke('annotations.add', {
      reviewId: workshop.reviewId,
      versionId: version.id,
      range: { start, end: start + exact.length, exact },
      criterionIds: ['legal.public-forum-limits'],
      severity: 'critical',
      body: { root: { type: 'root', children: [] } },
    });
    await invoke('reviews.close', { reviewId: workshop.reviewId });
    await app.reload();
    await openReviewFromLibrary(app, workshop.title);

    const checklist = await showArea(app, 'Checklist');
    await expect(checklist.getByRole('combobox', { name: 'Verdicts for' })).toHaveValue(version.id);
    const legal = checklist.getByRole('region', { name: 'Legal', exact: true });
    await expect(legal.getByRole('meter', { name: 'Legal: criteria reviewed' })).toHaveAttribute(
      'aria-valuetext',
      '0 of 5 reviewed',
    );
    const card = legal.getByRole('article', { name: 'Free-speech limits on a government forum' });
    await card.getByRole('radio', { name: 'Not met' }).check();
    await expect(legal.getByRole('meter', { name: 'Legal: criteria reviewed' })).toHaveAttribute(
      'aria-valuetext',
      '1 of 5 reviewed',
    );
    await expect(checklist.getByRole('meter', { name: 'Criteria reviewed for this version' })).toHaveAttribute(
      'aria-valuetext',
      '1 of 46 reviewed',
    );
    await card.getByRole('radio', { name: 'Not applicable' }).focus();
    // Arrow keys move along the verdicts, as in any radio group.
    await app.keyboard.press('ArrowLeft');
    await expect(card.getByRole('radio', { name: 'Not met' })).toBeChecked();
    await expect
      .poll(
        async () =>
          (await invoke('assessments.list', { reviewId: workshop.reviewId, versionId: version.id }))[0]?.verdict,
      )
      .toBe('not-met');

    // The supporting annotation leads to its words in the text.
    await card.getByRole('button', { name: /Official accounts that allow comments/ }).click();
    await expect(app.getByRole('tabpanel', { name: 'Document' })).toBeVisible();
    await expect(app.locator(`mark[data-annotation-ids~="${annotation.id}"]`).first()).toBeFocused();
    await expect(app.getByRole('complementary', { name: 'Annotations' }).locator('blockquote')).toHaveText(exact);
  });

  test('shows each member’s vote beside the verdict, records the user’s own, and lists the criteria most disagreed on first', async ({
    app,
    invoke,
    saveScreenshot,
  }) => {
    const workshop = await startWorkshop(app, invoke, 'Votes by member');
    const target = { reviewId: workshop.reviewId, versionId: workshop.v2.id };
    const FORUM = 'legal.public-forum-limits';
    await recordSplitVotes(invoke, workshop);
    await invoke('reviews.close', { reviewId: workshop.reviewId });
    await app.reload();
    await openReviewFromLibrary(app, workshop.title);

    const checklist = await showArea(app, 'Checklist');
    const agreement = checklist.getByRole('region', { name: 'Members’ agreement' });
    await expect(agreement).toContainText('Fleiss’ kappa 0.20 over 2 criteria');
    await expect(
      agreement.getByRole('list', { name: 'Criteria the members disagree on most' }).getByRole('listitem'),
    ).toHaveText(['Free-speech limits on a government forum 1 of 2 agree (50 %)']);

    const card = checklist
      .getByRole('region', { name: 'Legal', exact: true })
      .getByRole('article', { name: 'Free-speech limits on a government forum' });
    await card.getByRole('radio', { name: 'Not met' }).check();
    const votes = card.getByRole('group', { name: 'Members’ votes' });
    await expect(votes.getByRole('listitem')).toHaveText([
      'Not met Jonas Berg (Legal advisor): No appeal route.',
      'Partly met Lea Novak (Privacy officer)Differs from the verdict',
    ]);
    // The reasons written before voting go with the vote.
    await votes.getByRole('textbox', { name: 'Your reasons (saved with your vote)' }).fill('The rules cite the act.');
    await votes
      .getByRole('combobox', { name: 'Your vote on “Free-speech limits on a government forum”' })
      .selectOption('Met');
    await expect(votes.getByRole('listitem')).toHaveCount(3);
    await expect(votes.getByRole('listitem').first()).toHaveText(
      'Met Amira Haddad (Chair)Differs from the verdict: The rules cite the act.',
    );
    await expect(votes).toContainText('1 of 3 agree (33 %)');
    await card.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await saveScreenshot('checklist-votes');
    const listed = await invoke('votes.list', target);
    expect(listed.criteria.find((c) => c.criterionId === FORUM)?.votes.map((v) => [v.voterName, v.verdict])).toEqual([
      ['Amira Haddad', 'met'],
      ['Jonas Berg', 'not-met'],
      ['Lea Novak', 'partial'],
    ]);

    await votes.getByRole('textbox', { name: 'Your reasons' }).fill('Section 4 cites the act.');
    await votes.getByRole('button', { name: 'Save my reasons' }).click();
    await expect(votes.getByRole('listitem').first()).toHaveText(
      'Met Amira Haddad (Chair)Differs from the verdict: Section 4 cites the act.',
    );
    await votes.getByRole('button', { name: 'Withdraw my vote' }).click();
    await expect(votes.getByRole('listitem')).toHaveCount(2);
    await expect(
      votes.getByRole('combobox', { name: 'Your vote on “Free-speech limits on a government forum”' }),
    ).toHaveValue('');
  });

  test('reorders criteria from the keyboard, saves the checklist as a template and starts a new review from it', async ({
    app,
    invoke,
    saveScreenshot,
  }) => {
    await invoke('settings.set', { user: { name: 'Amira Haddad', role: 'chair', email: '' } });
    const review = await invoke('reviews.create', { title: 'Template source' });
    await invoke('reviews.close', { reviewId: review.id });
    await app.reload();
    await openReviewFromLibrary(app, 'Template source');
    const checklist = await showArea(app, 'Checklist');
    const before = (await invoke('checklist.get', { reviewId: review.id })).criteria
      .filter((c) => c.category === 'stakeholder')
      .map((c) => c.title);

    const down = checklist.getByRole('button', { name: `Move “${before[0]}” down` });
    await down.focus();
    await app.keyboard.press('Enter');
    await expect
      .poll(async () =>
        (await invoke('checklist.get', { reviewId: review.id })).criteria
          .filter((c) => c.category === 'stakeholder')
          .map((c) => c.title),
      )
      .toEqual([before[1], before[0], ...before.slice(2)]);
    // Focus stays with the moved criterion, so pressing again moves it further.
    await expect(checklist.getByRole('button', { name: `Move “${before[0]}” down` })).toBeFocused();
    await expect(app.getByTestId('workspace-announcer')).toHaveText(
      `Moved “${before[0]}” to position 2 in Stakeholders.`,
    );
    await expect(
      checklist.getByRole('region', { name: 'Stakeholders', exact: true }).getByRole('article').first(),
    ).toHaveAccessibleName(before[1]!);

    const downloading = app.waitForEvent('download');
    await checklist.getByRole('button', { name: 'Save as template…' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Template source.checklist.json');
    const content = await readFile(await download.path(), 'utf8');
    const template = JSON.parse(content) as { criteria: { title: string; category: string }[] };
    expect(
      template.criteria
        .filter((c) => c.category === 'stakeholder')
        .map((c) => c.title)
        .slice(0, 2),
    ).toEqual([before[1], before[0]]);
    await expect(checklist.getByRole('status').filter({ hasText: 'saved to your downloads' })).toBeVisible();

    // A new review from the template, in the library.
    await app.getByRole('button', { name: 'Library' }).first().click();
    await app.getByRole('button', { name: 'New review from template…' }).click();
    const dialog = app.getByRole('dialog', { name: 'New review from a template' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('From the template');
    await dialog
      .getByLabel('Template file to upload')
      .setInputFiles(textFile('not-a-template.json', JSON.stringify({ hello: 'world' })));
    await expect(dialog).toContainText('not-a-template.json');
    await dialog.getByRole('button', { name: 'Create review' }).click();
    await expect(dialog.getByRole('alert')).toContainText(
      '“not-a-template.json” is not a checklist template this app can use',
    );
    await saveScreenshot('new-review-from-template-refused');

    await dialog
      .getByLabel('Template file to upload')
      .setInputFiles(textFile('Template source.checklist.json', content));
    await dialog.getByRole('button', { name: 'Create review' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(reviewCard(app, 'From the template')).toContainText('46 criteria');
    await openReviewFromLibrary(app, 'From the template');
    const copied = await showArea(app, 'Checklist');
    await expect(
      copied.getByRole('region', { name: 'Stakeholders', exact: true }).getByRole('article').first(),
    ).toHaveAccessibleName(before[1]!);
  });
});
