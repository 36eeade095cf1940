import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Review } from '../../../shared/model';
import { reviewRecordId } from '../../../shared/model/name-based-id';
import { plainTextToRichText } from '../../../shared/rich-text';
import { openWorkstation } from '../../../electron/services/workstation/workstation';
import { call, RIVERTON } from '../import/support-import';
import { counterId, fixedClock } from '../support/fixed-clock';
import { useTempDirs } from '../support/temp-dir';
import { reviewTextOnDisk } from '../support/review-on-disk';

// The services around the domain operations (import, report export, signing, the store's save) record their
// stamps by the workstation's clock too: a session through the contract with a pinned clock gives one exact review.

const tempDir = useTempDirs();

const START = '2026-03-02T09:00:00.000Z';
const at = (minute: number) => `2026-03-02T09:${String(minute).padStart(2, '0')}:00.000Z`;
const CHAIR = { name: 'Ada Chair', role: 'chair' as const, email: 'ada@example.org' };
const PASSPHRASE = 'correct horse battery staple';
const QUOTE = 'The Communications Office administers this policy.';

/**
 * A chair's session through the contract, one step a minute: create a review, import a version, annotate it, make
 * a signing identity, export the JSON report and sign it. Returns the review file's bytes and what the services said.
 */
async function clockedSession() {
  const clock = fixedClock(START);
  const ws = await openWorkstation({ dataDir: await tempDir(), host: 'browser', checkResults: true, clock });
  try {
    await call(ws, 'settings.set', { user: CHAIR });
    const { id: reviewId } = await call(ws, 'reviews.create', { title: 'Riverton social media policy' }); // 1, 2, 3
    clock.setTo(at(1));
    const bytes = await readFile(`${RIVERTON}/v1.txt`);
    const source = { kind: 'file' as const, fileName: 'v1.txt', dataBase64: bytes.toString('base64') };
    const { version } = await call(ws, 'versions.import', { reviewId, source, label: '2021' }); // named, 4
    const { text } = await call(ws, 'versions.get', { reviewId, versionId: version.id });
    clock.setTo(at(2));
    const start = text.indexOf(QUOTE);
    await call(ws, 'annotations.add', {
      reviewId,
      versionId: version.id,
      range: { start, end: start + QUOTE.length, exact: QUOTE },
      criterionIds: ['privacy.consent'],
      severity: 'minor',
      body: plainTextToRichText('Who, by name?'),
    }); // 5, 6
    clock.setTo(at(3));
    const identity = await call(ws, 'identities.create', { ...CHAIR, passphrase: PASSPHRASE });
    clock.setTo(at(4));
    const exported = await call(ws, 'report.export', { reviewId, format: 'json', destination: { kind: 'return' } }); // 7
    clock.setTo(at(5));
    const signed = await call(ws, 'report.sign', {
      reviewId,
      reportFile: exported.fileName,
      identityId: identity.id,
      passphrase: PASSPHRASE,
      meaning: 'Approved',
    }); // 8, 9
    const reports = await call(ws, 'report.list', { reviewId });
    const file = ws.library.fileFor(reviewId);
    await ws.close();
    return { reviewText: await reviewTextOnDisk(file), identity, exported, signed, reports };
  } catch (error) {
    await ws.close();
    throw error;
  }
}

describe('a session through the services with a fixed clock', () => {
  let runs: [Awaited<ReturnType<typeof clockedSession>>, Awaited<ReturnType<typeof clockedSession>>];
  beforeAll(async () => {
    // The same session twice, in two data folders: the first run's review is checked, then compared with the second.
    runs = [await clockedSession(), await clockedSession()];
  });

  it('records exactly the clock’s ids and times: import, export, sign-off and save', () => {
    const { reviewText, identity, exported, signed, reports } = runs[0];
    const review = JSON.parse(reviewText) as Review;
    const id = counterId;
    expect([review.id, review.createdAt, review.updatedAt]).toEqual([id(2), START, at(5)]);
    // The version's id is named from the review and the source's bytes, so another laptop importing them agrees.
    const versionId = reviewRecordId(id(2), 'version', review.versions[0]!.source.sha256);
    expect(review.versions.map((v) => [v.id, v.importedAt, v.label])).toEqual([[versionId, at(1), '2021']]);
    expect(review.annotations.map((a) => [a.id, a.versionId, a.createdAt])).toEqual([[id(5), versionId, at(2)]]);
    expect(review.signoffs.map((s) => [s.id, s.signedAt, s.reportFile, s.reportSha256, s.meaning])).toEqual([
      [id(8), at(5), exported.fileName, exported.sha256, 'Approved'],
    ]);
    expect(signed.signOff).toEqual(review.signoffs[0]);
    expect(review.audit.map((e) => [e.id, e.at, e.action])).toEqual([
      [id(3), START, 'reviews.create'],
      [id(4), at(1), 'versions.import'],
      [id(6), at(2), 'annotations.add'],
      [id(7), at(4), 'report.export'],
      [id(9), at(5), 'report.sign'],
    ]);

    // Beside the review: the kept report and the identity are dated by the same clock.
    expect(reports.map((r) => [r.fileName, r.exportedAt, r.signatures.map((s) => s.signedAt)])).toEqual([
      [exported.fileName, at(4), [at(5)]],
    ]);
    expect(JSON.parse(exported.content ?? '{}')).toMatchObject({ generatedAt: at(4) });
    expect(identity.createdAt).toBe(at(3));

    // Nothing in the review was stamped by the computer's clock or a random id.
    const uuids = new Set(reviewText.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g));
    expect([...uuids].sort()).toEqual([...Array.from({ length: 9 }, (_, n) => counterId(n + 1)), versionId].sort());
    const times = new Set(reviewText.match(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g));
    expect([...times].sort()).toEqual([START, at(1), at(2), at(4), at(5)]);
  });

  it('writes byte-identical review files, and the same report, when the same session runs twice', () => {
    const [first, second] = runs;
    expect(second.reviewText).toBe(first.reviewText);
    expect(second.exported.sha256).toBe(first.exported.sha256);
  });
});
