import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import type { Review } from '../../shared/model';
import { expect, test } from './support/fixtures';
import { documentArea, importedNotice, IMPORT_WAIT, policyText, RIVERTON, versionSwitcher } from './support/documents';
import { savedReview } from './support/saved-review';
import { focusedOutline, shiftTabTo, tabTo } from './support/screens';
import { annotationsPanel, markedText } from './support/workspace';

const AMIRA = {
  name: 'Amira Haddad',
  role: 'chair' as const,
  email: 'amira.haddad@example.org',
  passphrase: 'lantern orchard copper ninety',
};
const TITLE = 'Riverton by keyboard';
/** Words of version 1 the journey finds, extends by two words (and the comma) and annotates; they stay as they are in version 2. */
const FOUND = 'how official accounts are created';
const SELECTED = 'how official accounts are created, managed and';
const CRITERION = 'Approval of new accounts and account inventory';
const ACTION = 'List every official account with its owner and approval date.';

/** The element with focus has a visible focus ring. */
async function expectVisibleFocus(app: Page): Promise<void> {
  const ring = await focusedOutline(app);
  expect(ring.style, `focus ring of ${ring.tag} “${ring.name.slice(0, 40)}”`).not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
}

/** Presses Enter on the focused control and answers the file dialog it opens with `paths`. */
async function enterAndChoose(app: Page, paths: string[]): Promise<void> {
  const [chooser] = await Promise.all([app.waitForEvent('filechooser'), app.keyboard.press('Enter')]);
  await chooser.setFiles(paths);
}

/** Presses Enter on the focused control and saves the download it starts into `dir`. */
async function enterAndDownload(app: Page, dir: string): Promise<string> {
  const [download] = (await Promise.all([app.waitForEvent('download'), app.keyboard.press('Enter')])) as [
    Download,
    void,
  ];
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** Moves along the review's area tabs with the arrow keys, from the one with focus, to `name`. */
async function arrowToArea(app: Page, name: string): Promise<Locator> {
  const tab = app.getByRole('tab', { name });
  for (let i = 0; i < 6 && !(await tab.evaluate((el) => el === document.activeElement)); i++)
    await app.keyboard.press('ArrowRight');
  await expect(tab).toBeFocused();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  const panel = app.getByRole('tabpanel', { name });
  await expect(panel).toBeVisible();
  return panel;
}

test.describe('a review from start to signed report, with the keyboard only', () => {
  test.setTimeout(240_000);

  test('creates, imports, annotates, records a verdict with an action, compares and carries, exports, signs and verifies', async ({
    app,
    invoke,
    dataDir,
    saveScreenshot,
  }) => {
    const dir = await mkdtemp(join(tmpdir(), 'policy-review-keys-e2e-'));
    try {
      // Setup, not the journey: who is working, and the signing identity she made on this laptop before.
      await invoke('settings.set', { user: { name: AMIRA.name, role: AMIRA.role, email: AMIRA.email } });
      await invoke('identities.create', {
        name: AMIRA.name,
        role: AMIRA.role,
        email: AMIRA.email,
        passphrase: AMIRA.passphrase,
      });
      await app.reload();

      await test.step('create a review: type its title, Enter, then open it', async () => {
        await tabTo(app, app.getByRole('textbox', { name: 'New review' }));
        await expectVisibleFocus(app);
        await app.keyboard.type(TITLE);
        await app.keyboard.press('Enter');
        const card = app.getByRole('article', { name: TITLE });
        await expect(card).toBeVisible();
        await tabTo(app, card.getByRole('button', { name: /^Open/ }));
        await expectVisibleFocus(app);
        await app.keyboard.press('Enter');
        await expect(app.getByRole('heading', { level: 1, name: TITLE })).toBeFocused();
      });

      const [created] = await invoke('reviews.list', {});
      const reviewId = created!.id;

      await test.step('import two versions of the policy from the file dialog', async () => {
        const importButton = documentArea(app).getByRole('button', { name: 'Import version…' });
        await tabTo(app, importButton);
        await expectVisibleFocus(app);
        await enterAndChoose(app, [join(RIVERTON, 'v1.md'), join(RIVERTON, 'v2.md')]);
        await expect(importedNotice(app, 'v1.md')).toBeVisible(IMPORT_WAIT);
        await expect(importedNotice(app, 'v2.md')).toBeVisible(IMPORT_WAIT);
        // The empty state's button went with the first version: focus is on the bar's, not lost to the page.
        await expect(importButton).toBeFocused();
        await expectVisibleFocus(app);
        await expect(versionSwitcher(app).locator('option')).toHaveCount(2);
        await expect(policyText(app)).toContainText('City of Riverton');
        await saveScreenshot('keyboard-journey-imported');
      });
      const [v1, v2] = await invoke('versions.list', { reviewId });
      expect(v2?.source.fileName).toBe('v2.md');
      const v1Text = policyText(app, v1!.label);

      await test.step('show version 1: the version list, Arrow Up', async () => {
        await shiftTabTo(app, versionSwitcher(app));
        await expectVisibleFocus(app);
        await expect(versionSwitcher(app)).toHaveValue(v2!.id);
        await app.keyboard.press('ArrowUp');
        await expect(versionSwitcher(app)).toHaveValue(v1!.id);
        await expect(v1Text).toBeVisible();
      });

      await test.step('select words: find them with Ctrl+F, extend with Ctrl+Shift+Right Arrow, annotate with Ctrl+Alt+M', async () => {
        await app.keyboard.press('Control+F');
        const find = documentArea(app).getByRole('searchbox', { name: 'Find in the policy text' });
        await expect(find).toBeFocused();
        await expectVisibleFocus(app);
        await app.keyboard.type(FOUND);
        await expect(documentArea(app).getByRole('status').filter({ hasText: 'match' })).toHaveText(
          '1 match: Enter selects the first.',
        );
        await app.keyboard.press('Enter');
        await expect(v1Text).toBeFocused();
        await expectVisibleFocus(app);
        expect(await app.evaluate(() => document.getSelection()?.toString())).toBe(FOUND);
        // Word by word: the comma, “managed”, “and”.
        for (let i = 0; i < 3; i++) await app.keyboard.press('Control+Shift+ArrowRight');
        expect(await app.evaluate(() => document.getSelection()?.toString())).toBe(SELECTED);
        await saveScreenshot('keyboard-journey-selected');
        await app.keyboard.press('Control+Alt+M');

        const panel = annotationsPanel(app);
        await expect(panel.locator('blockquote')).toHaveText(SELECTED);
        const picker = panel.getByRole('combobox', { name: 'Criteria' });
        await expect(picker).toBeFocused();
        await app.keyboard.type('account inventory');
        await expect(panel.getByRole('option', { name: new RegExp(CRITERION) })).toBeVisible();
        await app.keyboard.press('Enter');
        await expect(panel.getByRole('list', { name: 'Chosen criteria' }).getByRole('listitem')).toHaveText([
          new RegExp(CRITERION),
        ]);
        await app.keyboard.press('Tab');
        await expect(panel.getByRole('radio', { name: 'Minor' })).toBeFocused();
        await expectVisibleFocus(app);
        await app.keyboard.press('ArrowRight');
        await expect(panel.getByRole('radio', { name: 'Major' })).toBeChecked();
        await tabTo(app, panel.getByRole('textbox', { name: 'Comment' }));
        await app.keyboard.type('Closing accounts needs an owner too.');
        await saveScreenshot('keyboard-journey-annotation-form');
        await app.keyboard.press('Control+Enter');
        await expect(
          panel.getByRole('article').filter({ hasText: 'Closing accounts needs an owner too.' }),
        ).toBeVisible();
      });
      const [annotation] = await invoke('annotations.list', { reviewId, versionId: v1!.id });
      expect(annotation?.target.selector[0].exact).toBe(SELECTED);
      expect(annotation?.criterionIds).toEqual(['accounts.inventory-approval']);
      expect(annotation?.severity).toBe('major');
      expect(JSON.stringify(annotation?.body)).toContain('Closing accounts needs an owner too.');
      await expect.poll(() => markedText(app, annotation!.id)).toBe(SELECTED);

      await test.step('record a verdict with an action: Checklist by arrow keys, filter, verdict by arrows, Add action', async () => {
        await shiftTabTo(app, app.getByRole('tab', { name: 'Document' }), 60);
        const checklist = await arrowToArea(app, 'Checklist');
        await expect(checklist.getByRole('combobox', { name: 'Verdicts for' })).toHaveValue(v1!.id);
        await tabTo(app, checklist.getByRole('searchbox', { name: 'Filter criteria' }));
        await expectVisibleFocus(app);
        await app.keyboard.type('account inventory');
        const card = checklist.getByRole('article', { name: CRITERION });
        await expect(card).toBeVisible();
        await expect(checklist.getByRole('article')).toHaveCount(1);
        // One tab stop for the verdicts; the arrows move along them, recording each as radio buttons do.
        await tabTo(app, card.getByRole('radio', { name: 'Not yet reviewed' }));
        await expectVisibleFocus(app);
        await app.keyboard.press('ArrowRight');
        await app.keyboard.press('ArrowRight');
        await expect(card.getByRole('radio', { name: 'Partly met' })).toBeChecked();
        await app.keyboard.press('Tab');
        await expect(card.getByRole('textbox', { name: 'Rationale' })).toBeFocused();
        await app.keyboard.type('New accounts are approved, but nobody keeps the list.');
        await tabTo(app, card.getByRole('button', { name: 'Add action' }));
        await expectVisibleFocus(app);
        await app.keyboard.press('Enter');
        const form = card.getByRole('form', { name: `Action for “${CRITERION}”` });
        await expect(form.getByRole('textbox', { name: 'Action needed' })).toBeFocused();
        await app.keyboard.type(ACTION);
        await app.keyboard.press('Tab');
        await expect(form.getByRole('combobox', { name: 'Owner' })).toBeFocused();
        await expect(form.getByRole('combobox', { name: 'Owner' })).toHaveText(new RegExp(AMIRA.name));
        await tabTo(app, form.getByRole('button', { name: 'Add action' }));
        await expectVisibleFocus(app);
        await app.keyboard.press('Enter');
        await expect(card.getByRole('listitem').filter({ hasText: ACTION })).toBeVisible();
        // The form went with the action added: focus is back on the button that opened it.
        await expect(card.getByRole('button', { name: 'Add action' })).toBeFocused();
        await saveScreenshot('keyboard-journey-checklist');
      });

      await test.step('compare the two versions and carry the annotation: Compare by arrow keys, N, Carry', async () => {
        await shiftTabTo(app, app.getByRole('tab', { name: 'Checklist' }), 60);
        const compare = await arrowToArea(app, 'Compare');
        await expect(compare.getByRole('combobox', { name: 'Older' })).toHaveValue(v1!.id);
        await expect(compare.getByRole('combobox', { name: 'Newer' })).toHaveValue(v2!.id);
        const position = compare.locator('.change-position');
        await expect(position).toHaveText(/^\d+ changes$/);
        await app.keyboard.press('n');
        await expect(position).toHaveText(/^Change 1 of \d+$/);
        await expect(app.locator(':focus')).toHaveAttribute('aria-label', /^Change 1: /);
        await expectVisibleFocus(app);
        await saveScreenshot('keyboard-journey-compare');
        const carry = compare.getByRole('button', { name: `Carry annotations to ${v2!.label}` });
        await tabTo(app, carry, 120);
        await expectVisibleFocus(app);
        await app.keyboard.press('Enter');
        await expect(compare.locator('.carry-outcome .banner-title')).toHaveText('Carried 1 annotation');
        await expect(
          compare.getByText('1 annotation on the older version, 1 carried to the newer one so far.'),
        ).toBeVisible();
      });

      let signedPath = '';
      await test.step('export the report as PDF, sign it with a passphrase, save the signed copy', async () => {
        await shiftTabTo(app, app.getByRole('tab', { name: 'Compare' }), 120);
        const report = await arrowToArea(app, 'Report');
        await tabTo(app, report.getByRole('radio', { name: /^PDF/ }));
        await expect(report.getByRole('radio', { name: /^PDF/ })).toBeChecked();
        await expectVisibleFocus(app);
        await tabTo(app, report.getByRole('button', { name: 'Export report…' }));
        await expectVisibleFocus(app);
        await enterAndDownload(app, dir);
        await expect(report.getByRole('status').filter({ hasText: /Exported the report as PDF/ })).toBeVisible({
          timeout: 60_000,
        });
        const [kept] = await invoke('report.list', { reviewId });
        const fileName = kept!.fileName;
        const row = report.getByRole('row').filter({ hasText: fileName });
        await expect(row.getByText('Not signed yet')).toBeVisible();

        const sign = row.getByRole('button', { name: `Sign ${fileName}…` });
        await tabTo(app, sign);
        await expectVisibleFocus(app);
        await app.keyboard.press('Enter');
        const dialog = app.getByRole('dialog', { name: `Sign “${fileName}”` });
        await expect(dialog).toBeVisible();
        await expect(dialog.getByRole('combobox', { name: 'Sign as' })).toHaveText(new RegExp(AMIRA.name));
        await tabTo(app, dialog.getByRole('radio', { name: 'Reviewed' }));
        await expectVisibleFocus(app);
        await app.keyboard.press('ArrowRight');
        await expect(dialog.getByRole('radio', { name: 'Approved' })).toBeChecked();
        await saveScreenshot('keyboard-journey-sign-dialog');
        await tabTo(app, dialog.getByLabel('Passphrase', { exact: true }));
        await app.keyboard.type(AMIRA.passphrase);
        await app.keyboard.press('Enter');
        await expect(dialog).toBeHidden({ timeout: 30_000 });
        await expect(row.getByText(`${AMIRA.name}: Approved`)).toBeVisible();
        await expect(sign).toBeFocused();

        await tabTo(app, row.getByRole('button', { name: `Save a copy of ${fileName}…` }));
        await expectVisibleFocus(app);
        signedPath = await enterAndDownload(app, dir);
        expect((await readFile(signedPath)).subarray(0, 5).toString()).toBe('%PDF-');
      });

      await test.step('verify the signed report: Verify a report…, choose the file', async () => {
        const report = app.getByRole('tabpanel', { name: 'Report' });
        await tabTo(app, report.getByRole('button', { name: 'Verify a report…' }));
        await expectVisibleFocus(app);
        await enterAndChoose(app, [signedPath]);
        const verify = report.getByRole('region', { name: /^Verification of/ });
        await expect(verify.getByText('Every signature is intact and every signer is trusted')).toBeVisible({
          timeout: 30_000,
        });
        const signatures = verify
          .getByRole('list', { name: 'Signatures, in the order they were made' })
          .locator('> li');
        await expect(signatures).toHaveCount(1);
        await expect(signatures.first()).toContainText(AMIRA.name);
        await expect(signatures.first()).toContainText('Covers the whole file');
        await expect(signatures.first()).toContainText('Trusted: one of your identities on this computer');
        // Focus goes to the result, where reading it starts.
        await expect(app.locator(':focus')).toHaveText(/^Verification of/);
        await saveScreenshot('keyboard-journey-verified');
      });

      // What the keyboard did is in the saved review, as any reader of the file finds it.
      const saved = await savedReview<Review>(dataDir, reviewId);
      const live = saved.annotations.filter((a) => !a.deletedAt);
      expect(live.filter((a) => a.versionId === v1!.id)).toHaveLength(1);
      expect(live.filter((a) => a.versionId === v2!.id).map((a) => a.carriedFrom)).toEqual([annotation!.id]);
      const assessment = saved.assessments.find(
        (a) => a.versionId === v1!.id && a.criterionId === 'accounts.inventory-approval',
      );
      expect(assessment?.verdict).toBe('partial');
      expect(assessment?.rationale).toBe('New accounts are approved, but nobody keeps the list.');
      expect(assessment?.actions.map((a) => a.description)).toEqual([ACTION]);
      const amira = saved.committee.find((m) => m.name === AMIRA.name);
      expect(assessment?.actions[0]?.ownerId).toBe(amira?.id);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
