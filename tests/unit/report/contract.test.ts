import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiResult, MethodArgs, MethodName, MethodResult } from '../../../shared/api';
import { openWorkstation, type Workstation } from '../../../electron/services/workstation/workstation';
import { useTempDirs } from '../support/temp-dir';
import { RIVERTON, rivertonLibrary, TEST_IDENTITY } from './support-review';

const tempDir = useTempDirs();
const PASSPHRASE = 'a passphrase nobody stores';

async function call<M extends MethodName>(ws: Workstation, method: M, args: MethodArgs<M>): Promise<MethodResult<M>> {
  const result = (await ws.invoke(method, args)) as ApiResult<MethodResult<M>>;
  if (!result.ok) throw Object.assign(new Error(`${result.error.code}: ${result.error.message}`), result.error);
  return result.value;
}

/**
 * The Riverton review behind the real contract, with results checked against their schemas. PDFs are "printed"
 * by a stand-in that returns the fixture PDF, so these tests need no Chromium (the report tests print for real).
 */
async function riverton(
  printed: () => void = () => undefined,
): Promise<{ ws: Workstation; reviewId: string; dataDir: string; dialog: NativeDialog }> {
  const dataDir = await tempDir();
  const { review } = await rivertonLibrary(dataDir);
  const fixturePdf = await readFile(`${RIVERTON}/v1.pdf`);
  const dialog: NativeDialog = { files: [] };
  const ws = await openWorkstation({
    dataDir,
    host: 'browser',
    checkResults: true,
    logError: () => undefined,
    printPdf: async () => {
      printed();
      return new Uint8Array(fixturePdf);
    },
    chooseFiles: async () => dialog.files,
    chooseSaveFile: async () => dialog.savePath,
  });
  await call(ws, 'settings.set', { user: { name: 'Ana Díaz', role: 'chair', email: 'ana.diaz@riverton.example' } });
  return { ws, reviewId: review.id, dataDir, dialog };
}

/** What the host's native dialogs answer next: the files a person picks, the path they save to. */
interface NativeDialog {
  files: string[];
  savePath?: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('report and identity methods of the contract', () => {
  it('exports each format back to the page, keeps it with the review and lists it with its hash', async () => {
    const { ws, reviewId } = await riverton();
    const md = await call(ws, 'report.export', { reviewId, format: 'md', destination: { kind: 'return' } });
    expect(md).toMatchObject({
      saved: false,
      fileName: expect.stringMatching(/^city-of-riverton-social-media-policy-report-\d{4}-\d{2}-\d{2}\.md$/),
    });
    expect(md.content).toContain('# City of Riverton — Social Media Policy');
    expect(md.sha256).toBe(sha256(Buffer.from(md.content!, 'utf8')));
    const pdf = await call(ws, 'report.export', { reviewId, format: 'pdf', destination: { kind: 'return' } });
    const pdfBytes = Buffer.from(pdf.content!, 'base64');
    expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.report).toMatchObject({ format: 'pdf', signable: true, sha256: sha256(pdfBytes), signatures: [] });
    const w3c = await call(ws, 'report.export', { reviewId, format: 'w3c', destination: { kind: 'return' } });
    expect(JSON.parse(w3c.content!)).toMatchObject({ type: 'AnnotationCollection' });
    expect(w3c.fileName).toMatch(/-annotations-\d{4}-\d{2}-\d{2}\.w3c\.jsonld$/);
    const html = await call(ws, 'report.export', { reviewId, format: 'html', destination: { kind: 'return' } });
    expect(html.content).toMatch(/^<!doctype html>/);
    const listed = await call(ws, 'report.list', { reviewId });
    expect(listed.map((r) => r.format).sort()).toEqual(['html', 'md', 'pdf', 'w3c']);
    const { review } = await call(ws, 'reviews.open', { reviewId });
    expect(review.audit.filter((a) => a.action === 'report.export')).toHaveLength(4);
  });

  it('announces each step of a PDF export as it begins, to the request that asked, and a viewer’s without keeping', async () => {
    const seen: string[] = [];
    const { ws, reviewId } = await riverton(() => seen.push('Chromium prints'));
    ws.onEvent((event) => {
      if (event.type === 'report.progress')
        seen.push(`${event.requestId.slice(0, 4)} ${event.step}/${event.steps} ${event.doing}`);
    });
    await call(ws, 'reviews.open', { reviewId });
    const requestId = '9b2d4c1e-5f60-4a7b-8c9d-0e1f2a3b4c5d';
    await call(ws, 'report.export', { reviewId, format: 'pdf', destination: { kind: 'return' }, requestId });
    expect(seen).toEqual([
      '9b2d 1/4 Building the report',
      '9b2d 2/4 Printing the report',
      'Chromium prints',
      '9b2d 3/4 Adding signature fields',
      '9b2d 4/4 Keeping the report with the review',
    ]);

    seen.length = 0;
    await call(ws, 'report.export', { reviewId, format: 'md', destination: { kind: 'return' } });
    expect(seen).toEqual([]);
    const viewerRequest = '1c3e5a7b-9d0f-4b2c-8e4a-6c8e0a2b4d6f';
    const viewer = await ws.invoke(
      'report.export',
      { reviewId, format: 'md', destination: { kind: 'return' }, requestId: viewerRequest },
      { windowId: 'viewer' },
    );
    expect(viewer).toMatchObject({ ok: true });
    expect(seen).toEqual(['1c3e 1/1 Building the report']);
  });

  it('writes an export where the save dialog chose, and gives a second export of the day a name of its own', async () => {
    const { ws, reviewId, dataDir, dialog } = await riverton();
    const path = join(dataDir, 'chosen-report.json');
    dialog.savePath = path;
    const { token } = (await call(ws, 'files.chooseSave', { purpose: 'report', suggestedName: 'report.json' }))!;
    const saved = await call(ws, 'report.export', { reviewId, format: 'json', destination: { kind: 'chosen', token } });
    expect(saved).toMatchObject({ fileName: 'chosen-report.json', saved: true });
    expect(saved.content).toBeUndefined();
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({
      format: 'policy-review-report',
      review: { id: reviewId },
    });
    const again = await call(ws, 'report.export', { reviewId, format: 'json', destination: { kind: 'return' } });
    expect(again.report.fileName).toMatch(/ \(2\)\.json$/);
  });

  it('gives a window that only views the review its report, without keeping it', async () => {
    const { ws, reviewId } = await riverton();
    expect(await ws.invoke('reviews.open', { reviewId }, { windowId: 'editor' })).toMatchObject({
      ok: true,
      value: { readOnly: false },
    });
    const viewer = (await ws.invoke(
      'report.export',
      { reviewId, format: 'md', destination: { kind: 'return' } },
      { windowId: 'viewer' },
    )) as ApiResult<MethodResult<'report.export'>>;
    expect(viewer).toMatchObject({ ok: true, value: { saved: false, report: { signable: false } } });
    expect(await ws.invoke('report.list', { reviewId }, { windowId: 'editor' })).toEqual({ ok: true, value: [] });
  });

  it('signs a kept PDF with an identity made in the app, records the sign-off, and verifies as intact and trusted', async () => {
    const { ws, reviewId } = await riverton();
    const identity = await call(ws, 'identities.create', {
      name: 'Ana Díaz',
      role: 'chair',
      email: 'ana.diaz@riverton.example',
      passphrase: PASSPHRASE,
    });
    const exported = await call(ws, 'report.export', { reviewId, format: 'pdf', destination: { kind: 'return' } });
    const { signOff, report } = await call(ws, 'report.sign', {
      reviewId,
      reportFile: exported.fileName,
      identityId: identity.id,
      passphrase: PASSPHRASE,
      meaning: 'Approved',
    });
    expect(signOff).toMatchObject({
      signer: { name: 'Ana Díaz', role: 'chair', email: 'ana.diaz@riverton.example' },
      meaning: 'Approved',
      reportFile: exported.fileName,
      reportSha256: exported.sha256,
    });
    expect(report).toMatchObject({
      sha256: exported.sha256,
      signatures: [expect.objectContaining({ signOffId: signOff.id, meaning: 'Approved' })],
    });
    expect(report.currentSha256).not.toBe(report.sha256);
    const { review } = await call(ws, 'reviews.open', { reviewId });
    expect(review.signoffs.at(-1)).toEqual(signOff);
    expect(review.audit.at(-1)).toMatchObject({ action: 'report.sign', subjectId: signOff.id });

    const signed = await call(ws, 'report.save', {
      reviewId,
      reportFile: exported.fileName,
      destination: { kind: 'return' },
    });
    expect(signed.sha256).toBe(report.currentSha256);
    const verified = await call(ws, 'report.verify', {
      source: { kind: 'file', fileName: signed.fileName, dataBase64: signed.content! },
    });
    expect(verified).toMatchObject({
      kind: 'pdf',
      valid: true,
      signatures: [
        {
          signer: 'Ana Díaz',
          meaning: 'Approved',
          intact: true,
          coversWholeFile: true,
          trusted: true,
          trustedAs: 'identity',
        },
      ],
    });
  });

  it('refuses a wrong passphrase with a clear error and changes nothing', async () => {
    const { ws, reviewId, dataDir } = await riverton();
    const identity = await call(ws, 'identities.create', { name: 'Ben Okafor', role: 'legal', passphrase: PASSPHRASE });
    const exported = await call(ws, 'report.export', { reviewId, format: 'pdf', destination: { kind: 'return' } });
    const before = (await call(ws, 'reviews.open', { reviewId })).review;
    const result = await ws.invoke('report.sign', {
      reviewId,
      reportFile: exported.fileName,
      identityId: identity.id,
      passphrase: 'not the passphrase',
      meaning: 'Legal review',
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'E_INVALID_INPUT',
        message: expect.stringMatching(/^The passphrase is not right for this identity\. Nothing was signed/),
      },
    });
    const after = (await call(ws, 'reviews.open', { reviewId })).review;
    expect(after.signoffs).toEqual(before.signoffs);
    expect(after.audit).toEqual(before.audit);
    const [kept] = await call(ws, 'report.list', { reviewId });
    expect(kept).toMatchObject({ currentSha256: exported.sha256, signatures: [] });
    const files = await readdir(join(dataDir, 'reviews', `${reviewId}.reports`));
    expect(files.sort()).toEqual([exported.fileName, 'reports.json'].sort());
  });

  it('never writes a passphrase to disk', async () => {
    const { ws, reviewId, dataDir } = await riverton();
    const identity = await call(ws, 'identities.create', { name: 'Chen Wei', role: 'privacy', passphrase: PASSPHRASE });
    const exported = await call(ws, 'report.export', { reviewId, format: 'json', destination: { kind: 'return' } });
    await call(ws, 'report.sign', {
      reviewId,
      reportFile: exported.fileName,
      identityId: identity.id,
      passphrase: PASSPHRASE,
      meaning: 'Reviewed',
    });
    const everything = await readAll(dataDir);
    expect(everything).not.toContain(PASSPHRASE);
  });

  it('signs a JSON report into its .jws file and verifies it from the two files', async () => {
    const { ws, reviewId, dataDir, dialog } = await riverton();
    const identity = await call(ws, 'identities.create', { name: 'Chen Wei', role: 'privacy', passphrase: PASSPHRASE });
    const exported = await call(ws, 'report.export', { reviewId, format: 'json', destination: { kind: 'return' } });
    const { report } = await call(ws, 'report.sign', {
      reviewId,
      reportFile: exported.fileName,
      identityId: identity.id,
      passphrase: PASSPHRASE,
      meaning: 'Reviewed',
    });
    expect(report).toMatchObject({ signatureFile: `${exported.fileName}.jws`, currentSha256: exported.sha256 });
    const folder = join(dataDir, 'reviews', `${reviewId}.reports`);
    const jws = await readFile(join(folder, `${exported.fileName}.jws`));
    const verified = await call(ws, 'report.verify', {
      source: {
        kind: 'file',
        fileName: exported.fileName,
        dataBase64: Buffer.from(exported.content!).toString('base64'),
      },
      signatures: { kind: 'file', fileName: `${exported.fileName}.jws`, dataBase64: jws.toString('base64') },
    });
    expect(verified).toMatchObject({
      kind: 'json',
      valid: true,
      signatures: [{ signer: 'Chen Wei', intact: true, trusted: true }],
    });
    const savedJws = await call(ws, 'report.save', {
      reviewId,
      reportFile: `${exported.fileName}.jws`,
      destination: { kind: 'return' },
    });
    expect(savedJws.content).toBe(jws.toString('utf8'));
    // A report chosen in main's dialog brings its .jws along by itself.
    dialog.files = [join(folder, exported.fileName)];
    const [chosen] = await call(ws, 'files.choose', { purpose: 'report-to-verify' });
    expect(await call(ws, 'report.verify', { source: { kind: 'chosen', token: chosen!.token } })).toMatchObject({
      valid: true,
    });
  });

  it('refuses to sign a Markdown report, saying which formats can be signed', async () => {
    const { ws, reviewId } = await riverton();
    const identity = await call(ws, 'identities.create', {
      name: 'Dana Smith',
      role: 'stakeholder',
      passphrase: PASSPHRASE,
    });
    const exported = await call(ws, 'report.export', { reviewId, format: 'md', destination: { kind: 'return' } });
    const result = await ws.invoke('report.sign', {
      reviewId,
      reportFile: exported.fileName,
      identityId: identity.id,
      passphrase: PASSPHRASE,
      meaning: 'Reviewed',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'E_UNSUPPORTED', message: expect.stringContaining('as PDF or JSON') },
    });
    expect(
      await ws.invoke('report.sign', {
        reviewId,
        reportFile: '../../settings.json',
        identityId: identity.id,
        passphrase: PASSPHRASE,
        meaning: 'Reviewed',
      }),
    ).toMatchObject({ ok: false, error: { code: 'E_INVALID_INPUT' } });
  });

  it('imports a PKCS #12 identity, exports certificates and keeps a list of trusted colleagues', async () => {
    const { ws } = await riverton();
    const p12 = await readFile(`${TEST_IDENTITY}/test-signer.p12`);
    const imported = await call(ws, 'identities.import', {
      source: { kind: 'file', fileName: 'test-signer.p12', dataBase64: p12.toString('base64') },
      passphrase: 'test-only-passphrase',
      role: 'legal',
    });
    expect(imported).toMatchObject({ name: 'Test Signer', origin: 'pkcs12' });
    expect((await call(ws, 'identities.list', {})).map((i) => i.id)).toEqual([imported.id]);
    const exported = await call(ws, 'identities.exportCertificate', {
      identityId: imported.id,
      destination: { kind: 'return' },
    });
    expect(exported.content).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const ca = await readFile(`${TEST_IDENTITY}/test-ca.cert.pem`);
    const trusted = await call(ws, 'identities.trust', {
      source: { kind: 'file', fileName: 'test-ca.cert.pem', dataBase64: ca.toString('base64') },
    });
    expect(trusted.name).toContain('Riverton Test CA');
    expect((await call(ws, 'identities.listTrusted', {})).map((t) => t.fingerprint)).toEqual([trusted.fingerprint]);
    expect(await call(ws, 'identities.untrust', { fingerprint: trusted.fingerprint })).toEqual({ removed: true });
    expect(await call(ws, 'identities.listTrusted', {})).toEqual([]);
  });
});

async function readAll(dir: string): Promise<string> {
  let text = '';
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) text += (await readFile(join(entry.parentPath, entry.name))).toString('latin1');
  }
  return text;
}
