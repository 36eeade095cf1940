import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Download, Locator, Page } from '@playwright/test';
import { expect, test, type Laptop } from './support/fixtures';
import { openReviewFromLibrary, reviewCard, showArea } from './support/screens';
import { plainTextToRichText } from '../../shared/rich-text/plain-text';
import { RIVERTON } from './support/documents';
import { importText } from './support/versions';
import { reloadAndReopen, startWorkshop } from './support/workspace';
import { noteTextsOf } from './support/status-texts';
import { childProcessesRunning } from './support/service-processes';

const repo = fileURLToPath(new URL('../..', import.meta.url));
/** The screenshots the issue asks people to look at. */
const shot = (name: string) => join(repo, 'test-results', `${name}.png`);

const JONAS = { name: 'Jonas Berg', role: 'legal' as const, email: 'jonas.berg@example.org' };
const AMIRA_IDENTITY = { name: 'Amira Haddad', role: 'chair' as const, passphrase: 'lantern orchard copper ninety' };
const QUOTE = 'Official accounts that allow comments are limited public forums';
const CRITERION = 'legal.public-forum-limits';

/** Clicks `button` and saves the download it starts into `dir`. */
async function downloadFrom(app: Page, button: Locator, dir: string): Promise<string> {
  const [download] = (await Promise.all([app.waitForEvent('download'), button.click()])) as [Download, void];
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** Chooses a file in the page's picker that `button` opens (the browser host has no native dialog). */
async function chooseFile(app: Page, button: Locator, path: string): Promise<void> {
  const [chooser] = await Promise.all([app.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(path);
}

/** Exports the open review as a package through the header's dialog, signed when `identity` is given. */
async function exportPackage(
  app: Page,
  dir: string,
  identity?: { label: string; passphrase: string },
): Promise<string> {
  await app.getByRole('button', { name: 'Export package…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export a review package' });
  if (identity) {
    await dialog.getByLabel('Sign as').selectOption({ label: identity.label });
    await dialog.getByLabel('Passphrase').fill(identity.passphrase);
  }
  const path = await downloadFrom(app, dialog.getByRole('button', { name: 'Export package…' }), dir);
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(app.getByRole('status').filter({ hasText: 'Exported the review package' })).toBeVisible();
  expect(path).toMatch(/\.policyreview$/);
  return path;
}

/** Sets the one annotation's severity through the contract, as the Document area's editor does. */
async function setSeverity(
  laptop: Pick<Laptop, 'invoke'>,
  reviewId: string,
  annotationId: string,
  severity: 'major' | 'critical',
) {
  await laptop.invoke('annotations.update', { reviewId, annotationId, severity });
}

test.describe('the committee across two laptops', () => {
  test.setTimeout(240_000);

  test('exports, opens, merges both ways, resolves a conflict in To resolve, merges the decision back, signs the report', async ({
    app,
    invoke,
    otherLaptop,
  }) => {
    const dir = await mkdtemp(join(tmpdir(), 'policy-review-exchange-e2e-'));
    const laptopB = otherLaptop;
    try {
      // Laptop A, the chair's: a review with the Riverton policy imported, an annotation and her vote.
      const workshop = await startWorkshop(app, invoke, 'Riverton across laptops');
      const { reviewId } = workshop;
      const version = await invoke('versions.get', { reviewId, versionId: workshop.v2.id });
      const start = version.text.indexOf(QUOTE);
      const annotation = await invoke('annotations.add', {
        reviewId,
        versionId: version.id,
        range: { start, end: start + QUOTE.length, exact: QUOTE },
        criterionIds: [CRITERION],
        severity: 'minor',
        body: { root: { type: 'root', children: [] } },
      });
      await invoke('votes.record', {
        reviewId,
        versionId: version.id,
        criterionId: CRITERION,
        verdict: 'not-met',
        rationale: 'Moderation is not viewpoint-neutral.',
      });
      await reloadAndReopen(app, workshop.title);
      const fromA = await exportPackage(app, dir);

      // Laptop B, the legal advisor's: the package opens as the same review, unsigned, said so.
      await laptopB.invoke('settings.set', { user: JONAS });
      await laptopB.app.reload();
      const library = laptopB.app.getByRole('heading', { level: 1, name: 'Review library' });
      await expect(library).toBeVisible();
      // A file that is not a package is refused in the services' words, and the library stays as it was.
      const notAPackage = join(dir, 'holiday-photos.policyreview');
      await writeFile(notAPackage, 'not a zip at all');
      await chooseFile(laptopB.app, laptopB.app.getByRole('button', { name: 'Open a review package…' }), notAPackage);
      const refused = laptopB.app.getByRole('alert').filter({ hasText: 'The package was not opened' });
      await expect(refused).toContainText('“holiday-photos.policyreview” was not opened: it is not a review package');
      await expect(laptopB.app.getByRole('heading', { name: 'No reviews yet' })).toBeVisible();
      await refused.getByRole('button', { name: 'Dismiss message' }).click();
      await chooseFile(laptopB.app, laptopB.app.getByRole('button', { name: 'Open a review package…' }), fromA);
      const opened = laptopB.app.getByRole('status').filter({ hasText: `Opened “${workshop.title}”` });
      // Opening runs the merge engine over the package's history, as a merge does: as long a wait as a merge's.
      await expect(opened).toBeVisible({ timeout: 30_000 });
      await expect(opened).toContainText('Not signed: it says Amira Haddad exported it');
      await expect(reviewCard(laptopB.app, workshop.title)).toBeVisible();

      // Apart, both change the annotation's severity differently; Jonas votes too.
      await setSeverity(laptopB, reviewId, annotation.id, 'critical');
      await laptopB.invoke('votes.record', {
        reviewId,
        versionId: version.id,
        criterionId: CRITERION,
        verdict: 'partial',
        rationale: 'A notice would fix it.',
      });
      await laptopB.invoke('reviews.close', { reviewId });
      await openReviewFromLibrary(laptopB.app, workshop.title);
      const fromB = await exportPackage(laptopB.app, dir);
      await setSeverity({ invoke }, reviewId, annotation.id, 'major');

      // A merges B's package: what changed and who sent it, and a conflict waiting in To resolve.
      await expect(app.getByRole('tab', { name: /To resolve/ })).toHaveCount(0);
      const stepsSeen = await noteTextsOf(app.locator('.review-screen > .package-progress[role="status"]'));
      await chooseFile(app, app.getByRole('button', { name: 'Merge a package…' }), fromB);
      const merged = app.getByRole('status').filter({ hasText: 'Merged Jonas Berg’s package' });
      await expect(merged).toBeVisible({ timeout: 30_000 });
      // Its steps were said while it ran (each takes a moment here: some may pass unshown), and nothing is left once
      // the merge has answered.
      expect(await stepsSeen()).toContainEqual(expect.stringMatching(/^Merging the package: step [1-5] of 5, \w/));
      await expect(app.locator('.package-progress')).toBeEmpty();
      await expect(merged).toContainText('1 conflict to resolve');
      await expect(merged).toContainText('Not signed');
      const resolveTab = app.getByRole('tab', { name: /To resolve/ });
      await expect(resolveTab).toContainText('1');
      await merged.getByRole('button', { name: 'Show what to resolve' }).click();
      const toResolve = app.getByRole('tabpanel', { name: /To resolve/ });
      await expect(toResolve).toBeVisible();
      const card = toResolve.getByRole('article', { name: /Severity/ });
      await expect(card).toContainText(`Annotation on “${QUOTE.slice(0, 40)}`);
      const amiraSide = card.getByRole('listitem').filter({ hasText: 'Amira Haddad' });
      const jonasSide = card.getByRole('listitem').filter({ hasText: 'Jonas Berg' });
      await expect(amiraSide).toContainText(/major/i);
      await expect(jonasSide).toContainText(/critical/i);
      await expect(card.getByRole('button', { name: 'Keep both' })).toHaveCount(0);
      await app.screenshot({ path: shot('exchange-to-resolve'), fullPage: true });

      // Jonas's value is kept: the list empties, the review shows the kept value, and focus stays in the area.
      await jonasSide.getByRole('button', { name: /^Keep this/ }).click();
      await expect(toResolve.getByRole('heading', { name: 'Nothing to resolve' })).toBeVisible({ timeout: 30_000 });
      await expect(app.getByRole('status').filter({ hasText: 'Nothing is left to resolve.' })).toBeVisible();
      await expect(toResolve.getByRole('heading', { level: 2, name: 'To resolve', exact: true })).toBeFocused();
      expect(await invoke('conflicts.list', { reviewId })).toEqual([]);
      const onA = (await invoke('reviews.read', { reviewId })).review;
      expect(onA.annotations.find((a) => a.id === annotation.id)?.severity).toBe('critical');
      const votes = await invoke('votes.list', { reviewId, versionId: version.id });
      const forum = votes.criteria.find((c) => c.criterionId === CRITERION)!;
      expect(forum.votes.map((v) => [v.voterName, v.verdict]).sort()).toEqual([
        ['Amira Haddad', 'not-met'],
        ['Jonas Berg', 'partial'],
      ]);
      await showArea(app, 'Document');
      await expect(app.getByRole('tab', { name: /To resolve/ })).toHaveCount(0);

      // A sends the decision back, signed; on B, opening it merges into the review already there.
      const identity = await invoke('identities.create', { ...AMIRA_IDENTITY, email: 'amira.haddad@example.org' });
      const back = await exportPackage(app, dir, {
        label: `Amira Haddad (Chair), amira.haddad@example.org`,
        passphrase: AMIRA_IDENTITY.passphrase,
      });
      expect(identity.id).toBeTruthy();
      await laptopB.app.getByRole('main').getByRole('button', { name: 'Library' }).click();
      await chooseFile(laptopB.app, laptopB.app.getByRole('button', { name: 'Open a review package…' }), back);
      const mergedOnB = laptopB.app.getByRole('status').filter({ hasText: 'Merged Amira Haddad’s package' });
      await expect(mergedOnB).toBeVisible({ timeout: 30_000 });
      await expect(mergedOnB).toContainText('Signed by Amira Haddad, but this computer does not trust');
      await laptopB.app.screenshot({ path: shot('exchange-library-open'), fullPage: true });
      expect(await laptopB.invoke('conflicts.list', { reviewId })).toEqual([]);
      const onB = (await laptopB.invoke('reviews.read', { reviewId })).review;
      expect(onB.annotations.find((a) => a.id === annotation.id)?.severity).toBe('critical');

      // A's report carries both votes, and the chair signs it.
      const report = await showArea(app, 'Report');
      await report.getByRole('radio', { name: /^JSON/ }).check();
      const reportFile = await downloadFrom(app, report.getByRole('button', { name: 'Export report…' }), dir);
      const reportText = await readFile(reportFile, 'utf8');
      expect(reportText).toContain('A notice would fix it.');
      expect(reportText).toContain('Moderation is not viewpoint-neutral.');
      const [kept] = await invoke('report.list', { reviewId });
      const row = report.getByRole('row').filter({ hasText: kept!.fileName });
      await row.getByRole('button', { name: `Sign ${kept!.fileName}…` }).click();
      const sign = app.getByRole('dialog', { name: `Sign “${kept!.fileName}”` });
      await sign.getByLabel('Passphrase', { exact: true }).fill(AMIRA_IDENTITY.passphrase);
      await sign.getByRole('button', { name: 'Sign report' }).click();
      await expect(sign).toBeHidden({ timeout: 30_000 });
      await expect(row.getByText(/Amira Haddad: /)).toBeVisible();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('keeps both comments from the keyboard when two laptops rewrote the same one', async ({
    app,
    invoke,
    otherLaptop,
  }) => {
    const dir = await mkdtemp(join(tmpdir(), 'policy-review-exchange-e2e-'));
    const comment = plainTextToRichText;
    const asSource = (content: string | undefined, fileName: string) => ({
      kind: 'file' as const,
      fileName,
      dataBase64: content ?? '',
    });
    try {
      await invoke('settings.set', {
        user: { name: 'Amira Haddad', role: 'chair', email: 'amira.haddad@example.org' },
      });
      await otherLaptop.invoke('settings.set', { user: JONAS });
      const { id: reviewId } = await invoke('reviews.create', { title: 'Two comments' });
      const version = await importText(invoke, reviewId, 'v1.md', await readFile(join(RIVERTON, 'v1.md'), 'utf8'));
      const text = (await invoke('versions.get', { reviewId, versionId: version.id })).text;
      const start = text.indexOf(QUOTE);
      const annotation = await invoke('annotations.add', {
        reviewId,
        versionId: version.id,
        range: { start, end: start + QUOTE.length, exact: QUOTE },
        criterionIds: [CRITERION],
        severity: 'minor',
        body: comment('Check this.'),
      });
      const fromA = await invoke('packages.export', { reviewId, destination: { kind: 'return' } });
      await otherLaptop.invoke('packages.open', { source: asSource(fromA.content, fromA.fileName) });
      await invoke('annotations.update', { reviewId, annotationId: annotation.id, body: comment('Name the forum.') });
      await otherLaptop.invoke('annotations.update', {
        reviewId,
        annotationId: annotation.id,
        body: comment('Cite the First Amendment case.'),
      });
      const fromB = await otherLaptop.invoke('packages.export', { reviewId, destination: { kind: 'return' } });
      const packageB = join(dir, 'from-jonas.policyreview');
      await writeFile(packageB, Buffer.from(fromB.content ?? '', 'base64'));
      await invoke('reviews.close', { reviewId });
      await app.reload();
      await openReviewFromLibrary(app, 'Two comments');

      // The picker closed without a file: the engine started to load the history for the merge ends at once,
      // rather than holding the review's history in memory for minutes. (Electron's own dialog tells the services.)
      if (process.env.E2E_ELECTRON !== '1') {
        const [picker] = await Promise.all([
          app.waitForEvent('filechooser'),
          app.getByRole('button', { name: 'Merge a package…' }).click(),
        ]);
        await expect.poll(() => childProcessesRunning('merge-process')).toBe(1);
        await picker.element().dispatchEvent('cancel');
        await expect.poll(() => childProcessesRunning('merge-process')).toBe(0);
      }
      await chooseFile(app, app.getByRole('button', { name: 'Merge a package…' }), packageB);
      await expect(app.getByRole('status').filter({ hasText: '1 conflict to resolve' })).toBeVisible({
        timeout: 30_000,
      });
      const toResolve = await showArea(app, 'To resolve');
      const card = toResolve.getByRole('article', { name: /Comment/ });
      await expect(card.getByText('Name the forum.')).toBeVisible();
      await expect(card.getByText('Cite the First Amendment case.')).toBeVisible();
      const keepBoth = card.getByRole('button', { name: 'Keep both' });
      await keepBoth.focus();
      await app.screenshot({ path: shot('exchange-keep-both'), fullPage: true });
      await app.keyboard.press('Enter');
      await expect(toResolve.getByRole('heading', { name: 'Nothing to resolve' })).toBeVisible({ timeout: 30_000 });
      await expect(app.getByRole('status').filter({ hasText: 'Kept both values of Comment' })).toBeVisible();
      const body = JSON.stringify(
        (await invoke('reviews.read', { reviewId })).review.annotations.find((a) => a.id === annotation.id)?.body,
      );
      expect(body).toContain('Name the forum.');
      expect(body).toContain('Cite the First Amendment case.');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
