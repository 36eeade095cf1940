import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReviewLibrary } from '../../../electron/services/library/review-library';
import { finishReportPdf } from '../../../electron/services/report/report-pdf';
import { RIVERTON } from '../report/support-review';
import { amiraIn2020, caExtensions, makeCertificate, pkcs12Of } from '../signing/support-pki';
import { PASSPHRASE, pdfsig, qpdfCheck } from '../signing/support-signing';
import { runCli } from '../support/run-cli';
import { useTempDirs } from '../support/temp-dir';
import { reportToSign } from '../signing/support-reports';
import { appendUpdate, redrawPage } from '../signing/support-tampering';

const tempDir = useTempDirs();
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('policy-review sign', () => {
  it('signs a report PDF in turn for two members and records each sign-off in its review', async () => {
    const dataDir = await tempDir();
    const { reviewId, file, sha256: exported, ana, ben, passphraseFile } = await reportToSign(dataDir, 'pdf');
    const first = await runCli([
      'sign',
      file,
      '--identity',
      ana,
      '--passphrase-file',
      passphraseFile,
      '--meaning',
      'Approved',
      '--data-dir',
      dataDir,
    ]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Signed');
    expect(first.stdout).toContain(`Recorded as a sign-off in the review ${reviewId}.`);
    const second = await runCli([
      'sign',
      file,
      '--identity',
      ben.slice(0, 8),
      '--passphrase-file',
      passphraseFile,
      '--meaning',
      'Legal review',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({
      signer: { name: 'Ben Okafor', role: 'legal' },
      meaning: 'Legal review',
      reportSha256: exported,
    });

    expect(pdfsig(file).map((s) => [s.signer, s.valid, s.totalDocument])).toEqual([
      ['Ana Díaz', true, false],
      ['Ben Okafor', true, true],
    ]);
    expect(qpdfCheck(file)).toContain('No syntax or stream encoding errors found');
    const { review } = await new ReviewLibrary(dataDir).read(reviewId);
    const recorded = review.signoffs.filter((s) => s.reportSha256 === exported);
    expect(recorded.map((s) => [s.signer.name, s.meaning, s.reportFile])).toEqual([
      ['Ana Díaz', 'Approved', expect.stringMatching(/-report-\d{4}-\d{2}-\d{2}\.pdf$/)],
      ['Ben Okafor', 'Legal review', expect.stringMatching(/-report-\d{4}-\d{2}-\d{2}\.pdf$/)],
    ]);
  }, 60_000);

  it('refuses to sign a report redrawn after an earlier signature, recording nothing', async () => {
    const dataDir = await tempDir();
    const { reviewId, file, ana, ben, passphraseFile } = await reportToSign(dataDir, 'pdf');
    expect(
      (await runCli(['sign', file, '--identity', ana, '--passphrase-file', passphraseFile, '--data-dir', dataDir]))
        .code,
    ).toBe(0);
    writeFileSync(file, await appendUpdate(readFileSync(file), (update) => redrawPage(update, 1)));
    const tampered = sha256(file);

    const run = await runCli([
      'sign',
      file,
      '--identity',
      ben,
      '--passphrase-file',
      passphraseFile,
      '--data-dir',
      dataDir,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'Nothing was signed: this report was changed after it was signed. Page 1 changed after Ana Díaz signed.',
    );
    expect(sha256(file)).toBe(tampered);
    const { review } = await new ReviewLibrary(dataDir).read(reviewId);
    expect(review.signoffs.map((s) => s.signer.name)).not.toContain('Ben Okafor');
  }, 60_000);

  it('refuses a wrong passphrase with one clear line, leaving the file and the review as they were', async () => {
    const dataDir = await tempDir();
    const { reviewId, file, ana } = await reportToSign(dataDir, 'pdf');
    const before = sha256(file);
    const wrong = join(dataDir, 'wrong.txt');
    writeFileSync(wrong, 'not my passphrase\n');
    const run = await runCli(['sign', file, '--identity', ana, '--passphrase-file', wrong, '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(
      'policy-review sign: The passphrase is not right for this identity. Nothing was signed',
    );
    expect(sha256(file)).toBe(before);
    const { review } = await new ReviewLibrary(dataDir).read(reviewId);
    expect(review.signoffs.map((s) => s.meaning)).toEqual(['Reviewed']);
  }, 60_000);

  it('signs nothing when the report’s review cannot record the sign-off (it is open elsewhere)', async () => {
    const dataDir = await tempDir();
    const { reviewId, file, ana, passphraseFile } = await reportToSign(dataDir, 'pdf');
    const before = sha256(file);
    const library = new ReviewLibrary(dataDir);
    await library.openReview(reviewId);
    try {
      const run = await runCli([
        'sign',
        file,
        '--identity',
        ana,
        '--passphrase-file',
        passphraseFile,
        '--data-dir',
        dataDir,
      ]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('cannot record the sign-off, so nothing was signed');
      expect(sha256(file)).toBe(before);
    } finally {
      await library.closeAll();
    }
  }, 60_000);

  it('signs a JSON report into FILE.jws, leaving the report itself unchanged', async () => {
    const dataDir = await tempDir();
    const { reviewId, file, sha256: exported, ana, passphraseFile } = await reportToSign(dataDir, 'json');
    const run = await runCli([
      'sign',
      file,
      '--identity',
      ana,
      '--passphrase-file',
      passphraseFile,
      '--data-dir',
      dataDir,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('the signature is in report.json.jws');
    expect(sha256(file)).toBe(exported);
    expect(JSON.parse(readFileSync(`${file}.jws`, 'utf8'))).toMatchObject({
      signatures: [expect.objectContaining({ protected: expect.any(String) })],
    });
    const { review } = await new ReviewLibrary(dataDir).read(reviewId);
    expect(review.signoffs.at(-1)).toMatchObject({
      signer: { name: 'Ana Díaz' },
      meaning: 'Reviewed',
      reportSha256: exported,
    });
  }, 60_000);

  it('signs a PDF that is no report of this library, saying it recorded no sign-off', async () => {
    const dataDir = await tempDir();
    const { reviewId, ana, passphraseFile } = await reportToSign(dataDir, 'pdf');
    const foreign = join(dataDir, 'policy.pdf');
    writeFileSync(foreign, readFileSync(`${RIVERTON}/v1.pdf`));
    const run = await runCli([
      'sign',
      foreign,
      '--identity',
      ana,
      '--passphrase-file',
      passphraseFile,
      '--data-dir',
      dataDir,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Not recorded in a review');
    expect(pdfsig(foreign)).toEqual([expect.objectContaining({ valid: true, totalDocument: true })]);
    const { review } = await new ReviewLibrary(dataDir).read(reviewId);
    expect(review.signoffs).toHaveLength(1);
  }, 60_000);

  it('records no sign-off for an unrelated PDF that names the review in a comment, and says so', async () => {
    const dataDir = await tempDir();
    const { reviewId, ana, passphraseFile } = await reportToSign(dataDir, 'pdf');
    const foreign = join(dataDir, 'unrelated.pdf');
    const utf16 = Buffer.from(reviewId, 'utf16le').swap16().toString('hex');
    writeFileSync(
      foreign,
      Buffer.concat([readFileSync(`${RIVERTON}/v1.pdf`), Buffer.from(`%/PolicyReviewId <feff${utf16}>\n`)]),
    );
    const run = await runCli([
      'sign',
      foreign,
      '--identity',
      ana,
      '--passphrase-file',
      passphraseFile,
      '--data-dir',
      dataDir,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Not recorded in a review: the file is not a report of a review in this library.');
    const { review } = await new ReviewLibrary(dataDir).read(reviewId);
    expect(review.signoffs.map((s) => s.meaning)).toEqual(['Reviewed']);
  }, 60_000);

  it('records no sign-off for a PDF whose document information names the review but that is none of its reports', async () => {
    const dataDir = await tempDir();
    const { reviewId, ana, passphraseFile } = await reportToSign(dataDir, 'pdf');
    const impostor = join(dataDir, 'impostor.pdf');
    writeFileSync(
      impostor,
      await finishReportPdf(readFileSync(`${RIVERTON}/v1.pdf`), {
        title: 'Looks like a report',
        reviewId,
        generator: 'someone else',
        committeeSize: 1,
      }),
    );
    const run = await runCli([
      'sign',
      impostor,
      '--identity',
      ana,
      '--passphrase-file',
      passphraseFile,
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout) as { signOffId: string | null; notRecorded?: string };
    expect(printed.signOffId).toBeNull();
    expect(printed.notRecorded).toMatch(
      new RegExp(
        `^the file names the review ${reviewId}, but it is none of the reports kept with that review, as exported or as signed since`,
      ),
    );
    expect(pdfsig(impostor)).toEqual([expect.objectContaining({ valid: true, totalDocument: true })]);
    const { review } = await new ReviewLibrary(dataDir).read(reviewId);
    expect(review.signoffs).toHaveLength(1);
  }, 60_000);

  it('records no sign-off for a JSON report changed since it was exported', async () => {
    const dataDir = await tempDir();
    const { reviewId, file, ana, passphraseFile } = await reportToSign(dataDir, 'json');
    const report = JSON.parse(readFileSync(file, 'utf8')) as { review: { title: string } };
    report.review.title = 'APPROVED WITHOUT RESERVATIONS';
    writeFileSync(file, JSON.stringify(report, null, 2));
    const run = await runCli([
      'sign',
      file,
      '--identity',
      ana,
      '--passphrase-file',
      passphraseFile,
      '--data-dir',
      dataDir,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      `Not recorded in a review: the file names the review ${reviewId}, but it is none of the reports kept with that review`,
    );
    const { review } = await new ReviewLibrary(dataDir).read(reviewId);
    expect(review.signoffs).toHaveLength(1);
  }, 60_000);

  it('warns when importing an identity whose certificate cannot sign, and signs nothing with it', async () => {
    const dataDir = await tempDir();
    const { reviewId, file, passphraseFile } = await reportToSign(dataDir, 'pdf');
    const before = sha256(file);
    const ca = makeCertificate({ name: 'Riverton Council CA', extensions: caExtensions() });
    const amira = amiraIn2020(ca);
    const p12 = join(dataDir, 'amira.p12');
    writeFileSync(p12, pkcs12Of(amira, [ca], PASSPHRASE));
    const imported = await runCli([
      'identity',
      'import',
      p12,
      '--role',
      'chair',
      '--passphrase-file',
      passphraseFile,
      '--data-dir',
      dataDir,
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Cannot sign: Amira Haddad’s certificate expired on 31 December 2020, 00:00 UTC');
    const id = /Imported the identity ([0-9a-f-]{36})/.exec(imported.stdout)?.[1];
    const run = await runCli([
      'sign',
      file,
      '--identity',
      id!,
      '--passphrase-file',
      passphraseFile,
      '--data-dir',
      dataDir,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(
      new RegExp(
        /^policy-review sign: Nothing was signed: /.source +
          /Amira Haddad’s certificate expired on 31 December 2020, 00:00 UTC \(it is now .*\)\. /.source +
          /Amira Haddad’s certificate may not be used to sign documents /.source +
          /\(its key usage is key encipherment only\)\. /.source +
          /It cannot sign\. Ask your organisation for a new signing certificate/.source,
      ),
    );
    expect(sha256(file)).toBe(before);
    const { review } = await new ReviewLibrary(dataDir).read(reviewId);
    expect(review.signoffs).toHaveLength(1);
  }, 60_000);
});
