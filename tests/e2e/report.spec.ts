import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Download, Locator, Page } from '@playwright/test';
import { IdentityStore } from '../../electron/services/identities/identity-store';
import { signReportBytes } from '../../electron/services/signing/sign-report';
import { signPdf } from '../../electron/services/signing/sign-pdf';
import { appendUpdate, redrawPage } from '../unit/signing/support-tampering';
import { expect, test } from './support/fixtures';
import { openReviewFromLibrary, showArea } from './support/screens';
import { startWorkshop } from './support/workspace';
import { noteTextsOf } from './support/status-texts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const TEST_IDENTITY = join(repo, 'fixtures/identities');
const run = promisify(execFile);

const AMIRA = {
  name: 'Amira Haddad',
  role: 'Chair',
  email: 'amira.haddad@example.org',
  passphrase: 'lantern orchard copper ninety',
};
const JONAS = {
  name: 'Jonas Berg',
  role: 'Legal advisor',
  email: 'jonas.berg@example.org',
  passphrase: 'harbour violet seventeen kites',
};

/** What poppler's pdfsig says about a PDF, or undefined when it is not installed. pdfsig exits 0 even on failure, so its text is what counts. */
async function pdfsig(path: string): Promise<string | undefined> {
  if (!existsSync('/usr/bin/pdfsig')) return undefined;
  const { stdout, stderr } = await run('pdfsig', [path]).catch((error: { stdout?: string; stderr?: string }) => ({
    stdout: error.stdout ?? '',
    stderr: error.stderr ?? '',
  }));
  return `${stdout}\n${stderr}`;
}

/** Clicks `button` and saves the download it starts into `dir`. */
async function downloadFrom(app: Page, button: Locator, dir: string): Promise<string> {
  const [download] = (await Promise.all([app.waitForEvent('download'), button.click()])) as [Download, void];
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** Chooses files in the page's file picker that `button` opens. */
async function chooseFiles(app: Page, button: Locator, paths: string[]): Promise<void> {
  const [chooser] = await Promise.all([app.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(paths);
}

async function createIdentity(app: Page, area: Locator, person: typeof AMIRA): Promise<void> {
  await area.getByRole('button', { name: 'New identity…' }).click();
  const dialog = app.getByRole('dialog', { name: 'New signing identity' });
  await dialog.getByLabel('Name').fill(person.name);
  await dialog.getByLabel('Role').selectOption({ label: person.role });
  await dialog.getByLabel('Email').fill(person.email);
  await dialog.getByLabel('Passphrase', { exact: true }).fill('short');
  await expect(dialog.getByText('Strength: Too short.')).toBeVisible();
  await dialog.getByLabel('Passphrase', { exact: true }).fill(person.passphrase);
  await expect(dialog.getByText(/Strength: (Fair|Strong)\./)).toBeVisible();
  await dialog.getByLabel('Passphrase again').fill(person.passphrase);
  await dialog.getByRole('button', { name: 'Create identity' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expect(area.getByRole('listitem').filter({ hasText: person.email })).toBeVisible();
}

/** Signs the report in `row` through the Sign dialog; returns the dialog for checks. */
async function openSignDialog(app: Page, row: Locator, fileName: string): Promise<Locator> {
  await row.getByRole('button', { name: `Sign ${fileName}…` }).click();
  const dialog = app.getByRole('dialog', { name: `Sign “${fileName}”` });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('the report: export, sign in turn, verify', () => {
  test.setTimeout(180_000);

  test('exports a PDF, two members sign it in turn, a wrong passphrase changes nothing, and the signatures verify', async ({
    app,
    invoke,
    saveScreenshot,
  }) => {
    const dir = await mkdtemp(join(tmpdir(), 'policy-review-report-e2e-'));
    try {
      const workshop = await startWorkshop(app, invoke, 'Signed report');
      const version = await invoke('versions.get', { reviewId: workshop.reviewId, versionId: workshop.v2.id });
      const annotate = async (exact: string, criterionId: string, severity: 'major' | 'critical') => {
        const start = version.text.indexOf(exact);
        expect(start).toBeGreaterThanOrEqual(0);
        return invoke('annotations.add', {
          reviewId: workshop.reviewId,
          versionId: version.id,
          range: { start, end: start + exact.length, exact },
          criterionIds: [criterionId],
          severity,
          body: { root: { type: 'root', children: [] } },
        });
      };
      const forum = await annotate(
        'Official accounts that allow comments are limited public forums',
        'legal.public-forum-limits',
        'critical',
      );
      await annotate('must be linked to a departmental email address', 'governance.roles-approval', 'major');
      await invoke('assessments.set', {
        reviewId: workshop.reviewId,
        versionId: version.id,
        criterionId: 'legal.public-forum-limits',
        verdict: 'not-met',
        rationale: 'Moderation rules are not viewpoint-neutral.',
        annotationIds: [forum.id],
      });
      await invoke('assessments.set', {
        reviewId: workshop.reviewId,
        versionId: version.id,
        criterionId: 'governance.purpose-scope',
        verdict: 'met',
        rationale: '',
        annotationIds: [],
      });
      await invoke('reviews.close', { reviewId: workshop.reviewId });
      await app.reload();
      await openReviewFromLibrary(app, workshop.title);
      const area = await showArea(app, 'Report');
      await expect(area.getByText('No reports yet.')).toBeVisible();

      // Two members make their identities on this laptop.
      const identities = area.getByRole('region', { name: /Signing identities/ });
      await createIdentity(app, identities, AMIRA);
      await createIdentity(app, identities, JONAS);
      await identities.scrollIntoViewIfNeeded();
      await saveScreenshot('identities');

      // Export a PDF: it is printed, kept with the review and downloaded, its steps told in a live region as
      // they come (recorded as they change, since a short report goes through them in moments).
      await expect(area.getByRole('radio', { name: /^PDF/ })).toBeChecked();
      const progress = area.locator('.report-progress[role="status"]');
      const saidSoFar = await noteTextsOf(progress);
      const exported = await downloadFrom(app, area.getByRole('button', { name: 'Export report…' }), dir);
      await expect(area.getByRole('status').filter({ hasText: /Exported the report as PDF/ })).toBeVisible({
        timeout: 60_000,
      });
      expect(await saidSoFar()).toContainEqual(
        expect.stringMatching(/^Exporting the report as PDF: step 2 of 4, printing the report…/),
      );
      await expect(progress).toHaveText('');
      const [kept] = await invoke('report.list', { reviewId: workshop.reviewId });
      expect(kept?.format).toBe('pdf');
      const fileName = kept!.fileName;
      expect((await readFile(exported)).subarray(0, 5).toString()).toBe('%PDF-');
      const row = area.getByRole('row').filter({ hasText: fileName });
      await expect(row.getByText(kept!.sha256.slice(0, 12))).toBeVisible();
      await expect(row.getByText('Not signed yet')).toBeVisible();

      // Amira signs first: approved.
      let dialog = await openSignDialog(app, row, fileName);
      await dialog.getByLabel('Sign as').selectOption({ label: `${AMIRA.name} (Chair), ${AMIRA.email}` });
      await dialog.getByRole('radio', { name: 'Approved' }).check();
      await dialog.getByLabel('Passphrase', { exact: true }).fill(AMIRA.passphrase);
      await saveScreenshot('report-sign-dialog');
      await dialog.getByRole('button', { name: 'Sign report' }).click();
      await expect(dialog).toBeHidden({ timeout: 30_000 });
      await expect(row.getByText(`${AMIRA.name}: Approved`)).toBeVisible();

      // Jonas types a wrong passphrase: a clear error beside the field, and nothing changes.
      const before = (await invoke('report.list', { reviewId: workshop.reviewId }))[0]!;
      dialog = await openSignDialog(app, row, fileName);
      await dialog.getByLabel('Sign as').selectOption({ label: `${JONAS.name} (Legal advisor), ${JONAS.email}` });
      await dialog.getByRole('radio', { name: 'Own words' }).check();
      await dialog.getByLabel('Your words').fill('Legal review: compliant subject to the moderation action');
      const passphrase = dialog.getByLabel('Passphrase', { exact: true });
      await passphrase.fill('not his passphrase');
      await dialog.getByRole('button', { name: 'Sign report' }).click();
      await expect(dialog.getByText(/The passphrase is not right for this identity/)).toBeVisible({ timeout: 30_000 });
      await expect(passphrase).toHaveValue('');
      await expect(passphrase).toBeFocused();
      const after = (await invoke('report.list', { reviewId: workshop.reviewId }))[0]!;
      expect(after.currentSha256).toBe(before.currentSha256);
      expect(after.signatures).toHaveLength(1);
      const signOffs = area.getByRole('table', { name: /Sign-offs/ });
      await expect(signOffs.getByRole('row')).toHaveCount(2);

      // With the right passphrase, Jonas signs second.
      await passphrase.fill(JONAS.passphrase);
      await dialog.getByRole('button', { name: 'Sign report' }).click();
      await expect(dialog).toBeHidden({ timeout: 30_000 });
      await expect(
        row.getByText(`${JONAS.name}: Legal review: compliant subject to the moderation action`),
      ).toBeVisible();
      await expect(signOffs.getByRole('row')).toHaveCount(3);
      await expect(signOffs.getByRole('row', { name: new RegExp(AMIRA.name) })).toContainText('Chair');
      await expect(signOffs.getByRole('row', { name: new RegExp(JONAS.name) })).toContainText('Legal advisor');
      await expect(signOffs.getByRole('row', { name: new RegExp(JONAS.name) })).toContainText(
        kept!.sha256.slice(0, 12),
      );

      // The signed copy, saved from the list.
      const signed = await downloadFrom(app, row.getByRole('button', { name: `Save a copy of ${fileName}…` }), dir);
      const report = await pdfsig(signed);
      if (report === undefined) {
        console.warn(
          'pdfsig (poppler-utils) is not installed: the check of the signed PDF by a standard tool was skipped.',
        );
      } else {
        expect(report.match(/Signature is Valid\./g) ?? []).toHaveLength(2);
        expect(report).toContain('Total document signed');
        expect(report).not.toContain('Digest Mismatch');
      }

      // Verified in the app: both intact, the last covers the whole file, both signers are this laptop's identities.
      await chooseFiles(app, area.getByRole('button', { name: 'Verify a report…' }), [signed]);
      const verify = area.getByRole('region', { name: /^Verification of/ });
      await expect(verify.getByText('Every signature is intact and every signer is trusted')).toBeVisible({
        timeout: 30_000,
      });
      const signatures = verify.getByRole('list', { name: 'Signatures, in the order they were made' }).locator('> li');
      await expect(signatures).toHaveCount(2);
      await expect(signatures.nth(0)).toContainText(AMIRA.name);
      await expect(signatures.nth(0)).toContainText('Intact: the signed bytes are unchanged');
      await expect(signatures.nth(0)).toContainText('later signatures were added after it');
      await expect(signatures.nth(1)).toContainText(JONAS.name);
      await expect(signatures.nth(1)).toContainText('Intact: the signed bytes are unchanged');
      await expect(signatures.nth(1)).toContainText('Covers the whole file');
      await expect(signatures.nth(1)).toContainText('Trusted: one of your identities on this computer');

      // A colleague from another organisation countersigns on their own computer, with a CA-issued identity.
      const elsewhere = new IdentityStore(join(dir, 'colleague'));
      const colleague = await elsewhere.importPkcs12({
        bytes: await readFile(join(TEST_IDENTITY, 'test-signer.p12')),
        passphrase: (await readFile(join(TEST_IDENTITY, 'test-signer.passphrase'), 'utf8')).trim(),
        role: 'legal',
      });
      const unlocked = await elsewhere.unlock(
        colleague.id,
        (await readFile(join(TEST_IDENTITY, 'test-signer.passphrase'), 'utf8')).trim(),
      );
      const countersigned = join(dir, 'countersigned.pdf');
      const third = await signReportBytes(
        { fileName: 'countersigned.pdf', bytes: await readFile(signed) },
        unlocked,
        'Reviewed',
      );
      await writeFile(countersigned, third.pdf!);

      await chooseFiles(app, area.getByRole('button', { name: 'Verify a report…' }), [countersigned]);
      await expect(verify).toHaveAccessibleName('Verification of “countersigned.pdf”');
      await expect(
        verify.getByText('Every signature is intact, but one signer is not trusted on this computer'),
      ).toBeVisible({ timeout: 30_000 });
      await expect(signatures).toHaveCount(3);
      await expect(signatures.nth(2)).toContainText('Test Signer');
      await expect(signatures.nth(2)).toContainText('Not trusted');
      await expect(signatures.nth(2)).toContainText('Covers the whole file');
      // The verdict at the top of the window, with the signatures under it.
      await verify.evaluate((section) => section.scrollIntoView({ block: 'start' }));
      await saveScreenshot('report-verify-result');

      // Trusting the colleague's CA makes the signature trusted.
      await chooseFiles(app, identities.getByRole('button', { name: 'Add certificate…' }), [
        join(TEST_IDENTITY, 'test-ca.cert.pem'),
      ]);
      await expect(
        identities.getByRole('status').filter({ hasText: 'You now trust the certificate of' }),
      ).toBeVisible();
      await verify.getByRole('button', { name: 'Check again' }).click();
      await expect(verify.getByText('Every signature is intact and every signer is trusted')).toBeVisible({
        timeout: 30_000,
      });
      await expect(signatures.nth(2)).toContainText('Trusted: issued by a certificate you trust');

      // Page 1 redrawn after the others signed, then countersigned: the change is named, and the report not valid.
      const redrawn = join(dir, 'redrawn.pdf');
      const tampered = await appendUpdate(await readFile(signed), (update) => redrawPage(update, 1));
      // The app refuses to countersign it (a unit test shows it); the attacker signs with a tool of their own.
      await writeFile(
        redrawn,
        await signPdf(tampered, { signer: unlocked.signer, key: unlocked, meaning: 'Reviewed', signedAt: new Date() }),
      );
      await chooseFiles(app, area.getByRole('button', { name: 'Verify a report…' }), [redrawn]);
      await expect(verify).toHaveAccessibleName('Verification of “redrawn.pdf”');
      await expect(verify.getByText('Do not rely on this report: it was changed after it was signed')).toBeVisible({
        timeout: 30_000,
      });
      await expect(signatures.nth(0)).toContainText(
        `Changed after signing: Page 1 changed after ${AMIRA.name} signed.`,
      );
      await expect(signatures.nth(1)).toContainText(
        `Changed after signing: Page 1 changed after ${JONAS.name} signed.`,
      );
      await expect(signatures.nth(2)).not.toContainText('Changed after signing');
      await verify.evaluate((section) => section.scrollIntoView({ block: 'start' }));
      await saveScreenshot('report-verify-changed');

      await area.getByRole('table', { name: /Exported reports/ }).scrollIntoViewIfNeeded();
      await saveScreenshot('report-area');

      // Trust removed again: its row goes with the button that asked, so focus goes to Add certificate….
      await identities.getByRole('button', { name: /^Stop trusting / }).click();
      await app
        .getByRole('dialog', { name: /^Stop trusting / })
        .getByRole('button', { name: 'Stop trusting' })
        .click();
      await expect(
        identities.getByRole('status').filter({ hasText: 'You no longer trust the certificate of' }),
      ).toBeVisible();
      await expect(identities.getByRole('button', { name: 'Add certificate…' })).toBeFocused();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('exports a JSON report, signs it with a detached signature and verifies it with its .jws', async ({
    app,
    invoke,
  }) => {
    const dir = await mkdtemp(join(tmpdir(), 'policy-review-report-e2e-'));
    try {
      const workshop = await startWorkshop(app, invoke, 'JSON report');
      const area = await showArea(app, 'Report');
      const identities = area.getByRole('region', { name: /Signing identities/ });
      await createIdentity(app, identities, AMIRA);

      await area.getByRole('radio', { name: /^JSON report/ }).check();
      await downloadFrom(app, area.getByRole('button', { name: 'Export report…' }), dir);
      await expect(area.getByRole('status').filter({ hasText: /Exported the report as JSON report/ })).toBeVisible({
        timeout: 30_000,
      });
      const [kept] = await invoke('report.list', { reviewId: workshop.reviewId });
      expect(kept?.format).toBe('json');
      const row = area.getByRole('row').filter({ hasText: kept!.fileName });

      const dialog = await openSignDialog(app, row, kept!.fileName);
      await dialog.getByRole('radio', { name: 'Reviewed' }).check();
      await dialog.getByLabel('Passphrase', { exact: true }).fill(AMIRA.passphrase);
      await dialog.getByRole('button', { name: 'Sign report' }).click();
      await expect(dialog).toBeHidden({ timeout: 30_000 });
      await expect(row.getByText(`${AMIRA.name}: Reviewed`)).toBeVisible();
      await expect(area.getByRole('table', { name: /Sign-offs/ }).getByRole('row')).toHaveCount(2);

      const report = await downloadFrom(
        app,
        row.getByRole('button', { name: `Save a copy of ${kept!.fileName}…` }),
        dir,
      );
      const signatures = await downloadFrom(app, row.getByRole('button', { name: /^Save signatures: / }), dir);
      expect(signatures.endsWith('.jws')).toBe(true);

      // Chosen alone, the JSON report asks for its signatures file; then it verifies.
      await chooseFiles(app, area.getByRole('button', { name: 'Verify a report…' }), [report]);
      const verify = area.getByRole('region', { name: /^Verification of/ });
      await chooseFiles(app, verify.getByRole('button', { name: 'Choose signatures file…' }), [signatures]);
      await expect(verify.getByText('Every signature is intact and every signer is trusted')).toBeVisible({
        timeout: 30_000,
      });
      await expect(
        verify.getByRole('list', { name: 'Signatures, in the order they were made' }).locator('> li'),
      ).toContainText(['Intact: the signed bytes are unchanged']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
