import { randomUUID } from 'node:crypto';
import { open, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { expect, test } from './support/fixtures';
import { savedReview } from './support/saved-review';
import { openReviewFromLibrary, reviewCard, reviewFilePath } from './support/screens';
import { addAnnotations, importText } from './support/versions';

const POLICY =
  'Staff must not share personal data of residents on official accounts.\n\nComments that harass other residents are hidden.\n';

/** A comment nested `levels` lists deep, as JSON text (JSON.parse reads it; JSON.stringify could not write it). */
function deepCommentJson(levels: number): string {
  const open = '{"type":"list","listType":"bullet","children":[{"type":"listitem","children":[';
  return `{"root":{"type":"root","children":[${open.repeat(levels)}{"type":"text","text":"deep"}${']}]}'.repeat(levels)}]}}`;
}

test.describe('faults in a review file that must not lock a person out', () => {
  test('a damaged annotation is shown with what is wrong, the rest of the review works, and it is removed only after asking', async ({
    app,
    invoke,
    dataDir,
    saveScreenshot,
  }) => {
    await invoke('settings.set', { user: { name: 'Amira Haddad', role: 'chair', email: 'amira.haddad@example.org' } });
    const created = await invoke('reviews.create', { title: 'Policy with a damaged comment' });
    const version = await importText(invoke, created.id, 'policy.txt', POLICY);
    await invoke('reviews.close', { reviewId: created.id });
    await addAnnotations(dataDir, created.id, version.id, ['personal data of residents', 'harass other residents']);
    // Another tool nested the second comment 20,000 lists deep.
    const file = reviewFilePath(dataDir, created.id);
    const document = JSON.parse(await readFile(file, 'utf8')) as { annotations: { body: unknown }[] };
    document.annotations[1]!.body = 'DEEP';
    const damagedText = deepCommentJson(20_000);
    await writeFile(
      file,
      JSON.stringify(document, null, 2).replace('"DEEP"', () => damagedText),
    );

    await app.reload();
    const card = reviewCard(app, 'Policy with a damaged comment');
    await expect(card.getByText('1 damaged record')).toBeVisible();
    await openReviewFromLibrary(app, 'Policy with a damaged comment');
    const panel = app.getByRole('status').filter({ hasText: 'damaged record in this review cannot be shown' });
    await expect(panel).toContainText('Annotation on “harass other residents” by Jonas Berg');
    await expect(panel).toContainText('annotations[1]');
    await expect(panel).toContainText('The comment is nested more than 32 levels deep.');
    await expect(app.getByRole('button', { name: 'Rename' })).toBeEnabled();
    await saveScreenshot('review-damaged-record');

    // The rest of the review saves as usual, and the damaged record stays in the file as it was.
    await invoke('committee.set', {
      reviewId: created.id,
      members: [
        { name: 'Amira Haddad', role: 'chair' },
        { name: 'Lea Novak', role: 'privacy' },
      ],
    });
    expect(await readFile(file, 'utf8')).toContain(damagedText);

    await panel.getByRole('button', { name: 'Remove the damaged record annotations[1]…' }).click();
    const dialog = app.getByRole('dialog', { name: 'Remove this damaged annotation?' });
    await expect(dialog).toContainText('A backup of the file as it is now, with the record, is kept');
    await saveScreenshot('review-damaged-record-remove');
    await dialog.getByRole('button', { name: 'Remove annotation' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'The damaged record was removed.' })).toBeVisible();
    await expect(panel).toHaveCount(0);
    // The button that opened the dialog went with the record: focus goes to the review's heading, not the page.
    await expect(app.getByRole('heading', { level: 1, name: 'Policy with a damaged comment' })).toBeFocused();
    expect(await readFile(file, 'utf8')).not.toContain(damagedText);
  });

  test('a review locked under another computer’s name can be taken over after a warning, and that is recorded', async ({
    app,
    invoke,
    dataDir,
    saveScreenshot,
  }) => {
    await invoke('settings.set', { user: { name: 'Amira Haddad', role: 'chair', email: 'amira.haddad@example.org' } });
    const created = await invoke('reviews.create', { title: 'Policy on the shared drive' });
    const file = reviewFilePath(dataDir, created.id);
    await writeFile(
      `${file}.lock`,
      JSON.stringify({
        pid: 4242,
        host: 'old-laptop.example',
        since: '2026-01-05T09:30:00.000Z',
        app: 'Policy Review Workstation',
      }),
    );

    await app.reload();
    await openReviewFromLibrary(app, 'Policy on the shared drive');
    const banner = app.getByRole('status').filter({ hasText: 'Read-only' });
    await expect(banner).toContainText('marked as open for editing on another computer');
    await expect(banner).toContainText('process 4242 on old-laptop.example');
    await expect(app.getByRole('button', { name: 'Rename' })).toBeDisabled();
    await banner.getByRole('button', { name: 'Take over…' }).click();

    const dialog = app.getByRole('dialog', { name: 'Take over this review from “old-laptop.example”?' });
    await expect(dialog).toContainText('Take it over only if no one is editing it there any more');
    await expect(dialog).toContainText('nothing they change from now on is saved');
    await saveScreenshot('review-take-over-lock');
    await dialog.getByRole('button', { name: 'Take over and edit here' }).click();

    await expect(app.getByRole('status').filter({ hasText: 'You took over the review' })).toBeVisible();
    await expect(banner).toHaveCount(0);
    // Take over… went with the banner: focus goes to the review's heading, not the page.
    await expect(app.getByRole('heading', { level: 1, name: 'Policy on the shared drive' })).toBeFocused();
    await expect(app.getByRole('button', { name: 'Rename' })).toBeEnabled();
    await saveScreenshot('review-taken-over');
    expect(JSON.parse(await readFile(`${file}.lock`, 'utf8'))).toMatchObject({ host: hostname() });
    const saved = await savedReview<{
      audit: { action: string; summary: string; actor: { name: string } }[];
    }>(dataDir, created.id);
    expect(saved.audit.at(-1)).toMatchObject({
      action: 'reviews.takeOverLock',
      actor: { name: 'Amira Haddad' },
      summary: expect.stringContaining('process 4242 on “old-laptop.example”') as unknown,
    });
  });

  test('a review file far too large to read is listed as such, with what to do, and the rest of the library as usual', async ({
    app,
    invoke,
    dataDir,
    saveScreenshot,
  }) => {
    await invoke('reviews.create', { title: 'Code of conduct 2026' });
    // 600 MB that take no disk space: a sparse file.
    const huge = await open(reviewFilePath(dataDir, randomUUID()), 'w');
    await huge.truncate(600 * 1024 * 1024);
    await huge.close();

    await app.reload();
    await expect(reviewCard(app, 'Code of conduct 2026').getByRole('button', { name: /^Open/ })).toBeEnabled();
    const card = app.locator('.review-card').filter({ hasText: 'Too large to open' });
    await expect(card).toContainText(
      'is 600 MB, more than the 256 MB a review can be, so it was not read. It has not been changed.',
    );
    await expect(card.getByRole('button', { name: /^Open/ })).toHaveCount(0);
    await saveScreenshot('library-too-large-file');
  });
});
