import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { closedAfterEach } from '../support/closed-after-each';
import type { Workstation } from '../../../electron/services/workstation/workstation';
import { checkHistoryFormat } from '../../../electron/services/exchange/package-history';
import { readOpenConflicts, writeListedConflicts } from '../../../electron/services/exchange/open-conflicts';
import * as Y from 'yjs';
import {
  historyChunks,
  historyOfChunks,
  loadHistory,
  wholeHistory,
} from '../../../electron/services/exchange/history-format';
import { setField } from '../../../shared/domain/merge/registers';
import {
  change,
  fieldKey,
  fieldsOf,
  formatsOf,
  MERGEABLE_REVIEW_FORMAT,
  newMergeableReview,
  supersededOf,
  type MergeableReview,
} from '../../../shared/domain/merge/mergeable-review';
import {
  CHAIR,
  laptopClock,
  LEGAL as LEGAL_AUTHOR,
  receive,
  setFormat,
  startingReview,
  writerFor,
} from '../domain/merge/support-laptops';
import {
  call,
  comment,
  commentWithLink,
  failure,
  rangeOf,
  reviewWithVersion,
  textSource,
  workstationOn,
  PRIVACY,
} from '../annotations/support-review';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const open = closedAfterEach<Workstation>();

/** A package as the page gets it back (`destination: return`), as bytes. */
async function exportPackage(ws: Workstation, reviewId: string, signing?: { identityId: string; passphrase: string }) {
  const result = await call(ws, 'packages.export', { reviewId, destination: { kind: 'return' }, ...signing });
  return Buffer.from(result.content!, 'base64');
}

const asSource = (bytes: Uint8Array, fileName = 'review.policyreview') => textSource(fileName, bytes);

/** The history a package carries. */
async function historyOf(bytes: Uint8Array): Promise<Uint8Array> {
  return (await JSZip.loadAsync(bytes)).file('history.yjs')!.async('uint8array');
}

const START = '2026-03-02T10:00:00.000Z';

/** The chair's laptop with a review, and the legal advisor's laptop, empty, acting as Lena. */
async function twoLaptops() {
  const chair = await reviewWithVersion(await tempDir());
  open.push(chair.ws);
  const legalDir = await tempDir();
  const legal = await workstationOn(legalDir);
  open.push(legal);
  await call(legal, 'settings.set', { user: { name: 'Lena Legal', role: 'legal', email: 'lena@example.org' } });
  const annotation = await call(chair.ws, 'annotations.add', {
    reviewId: chair.reviewId,
    versionId: chair.version.id,
    range: rangeOf(chair.version, 'personal data'),
    criterionIds: [PRIVACY],
    severity: 'minor',
    body: comment('Which data? Say it.'),
  });
  return { ...chair, chair: chair.ws, legal, legalDir, annotation };
}

/** Two laptops that set the same annotation's severity apart, the chair's having merged the other's package. */
async function mergedWithConflict() {
  const laptops = await twoLaptops();
  const { chair, legal, reviewId, annotation } = laptops;
  await call(legal, 'packages.open', { source: asSource(await exportPackage(chair, reviewId)) });
  await call(chair, 'annotations.update', { reviewId, annotationId: annotation.id, severity: 'major' });
  await call(legal, 'annotations.update', { reviewId, annotationId: annotation.id, severity: 'critical' });
  await call(chair, 'packages.merge', { reviewId, source: asSource(await exportPackage(legal, reviewId)) });
  return laptops;
}

describe('review packages between two laptops', () => {
  it('opens on the other laptop as the same review, merges both ways, and keeps a conflict for a person', async () => {
    const { chair, legal, reviewId, version, annotation } = await twoLaptops();
    // A review that never travelled has no history for a merge to load ahead.
    expect(await call(chair, 'history.prepare', { reviewId })).toEqual({ held: false });

    const opened = await call(legal, 'packages.open', { source: asSource(await exportPackage(chair, reviewId)) });
    expect(opened).toMatchObject({ reviewId, merged: false, sender: { exportedBy: { name: 'Ada Chair' } } });
    expect(opened.sender.signature).toBeUndefined();
    const onLegal = await call(legal, 'reviews.read', { reviewId });
    expect(onLegal.review.annotations.map((a) => a.id)).toEqual([annotation.id]);
    expect(onLegal.review.versions[0]!.text).toBe(version.text);

    // Apart: both change the same annotation's severity, and each adds work of their own.
    await call(chair, 'annotations.update', { reviewId, annotationId: annotation.id, severity: 'major' });
    await call(chair, 'annotations.reply', { reviewId, annotationId: annotation.id, body: comment('Agreed.') });
    await call(legal, 'annotations.update', { reviewId, annotationId: annotation.id, severity: 'critical' });
    const lenas = await call(legal, 'annotations.add', {
      reviewId,
      versionId: version.id,
      range: rangeOf(version, 'political endorsements'),
      criterionIds: [PRIVACY],
      severity: 'info',
      body: comment('Fine as it is.'),
    });

    const fromLegal = await exportPackage(legal, reviewId);
    // The chair chooses the package: meanwhile the review's history is loaded, and the merge takes it.
    expect(await call(chair, 'history.prepare', { reviewId })).toEqual({ held: true });
    const merged = await call(chair, 'packages.merge', { reviewId, source: asSource(fromLegal) });
    expect(merged.counts).toMatchObject({ added: 1, conflicts: 1 });
    const conflicts = await call(chair, 'conflicts.list', { reviewId });
    expect(conflicts).toHaveLength(1);
    const [conflict] = conflicts;
    expect(conflict).toMatchObject({
      id: `annotations/${annotation.id}/severity`,
      field: 'severity',
      fieldLabel: 'Severity',
      canKeepBoth: false,
    });
    expect(conflict!.recordLabel).toBe('Annotation on “personal data”');
    expect(conflict!.values.map((side) => [side.value, side.author?.name])).toEqual(
      expect.arrayContaining([
        ['major', 'Ada Chair'],
        ['critical', 'Lena Legal'],
      ]),
    );
    const onChair = (await call(chair, 'reviews.read', { reviewId })).review;
    expect(onChair.annotations.map((a) => a.id)).toEqual(expect.arrayContaining([annotation.id, lenas.id]));
    expect(onChair.annotations.find((a) => a.id === annotation.id)!.replies).toHaveLength(1);
    expect(onChair.audit.at(-1)).toMatchObject({
      action: 'review.merge',
      actor: { name: 'Ada Chair' },
      summary: expect.stringMatching(
        /^Merged a package from Lena Legal \(exported .* UTC\): \d+ added, \d+ changed, 1 conflicts to resolve\.$/,
      ),
    });

    // The report lists the conflict among its open items until someone resolves it.
    const report = await call(chair, 'report.export', { reviewId, format: 'md', destination: { kind: 'return' } });
    expect(report.content).toContain('**Conflicts between laptops, unresolved:** 1.');
    expect(report.content).toMatch(
      /\| Annotation on “personal data” \| Severity \| (Major \(Ada Chair\)<br>Critical \(Lena Legal\)|Critical \(Lena Legal\)<br>Major \(Ada Chair\)) \|/,
    );

    // Merging the same package again changes nothing.
    const again = await call(chair, 'packages.merge', { reviewId, source: asSource(fromLegal) });
    expect(again.counts).toMatchObject({ added: 0, changed: 0 });

    const keep = conflict!.values.findIndex((side) => side.value === 'critical');
    const resolved = await call(chair, 'conflicts.resolve', { reviewId, conflictId: conflict!.id, keep });
    expect(resolved.remaining).toBe(0);
    expect(await call(chair, 'conflicts.list', { reviewId })).toEqual([]);
    const settled = await call(chair, 'report.export', { reviewId, format: 'md', destination: { kind: 'return' } });
    expect(settled.content).toContain('None: every merged change is settled.');
    const after = (await call(chair, 'reviews.read', { reviewId })).review;
    expect(after.annotations.find((a) => a.id === annotation.id)!.severity).toBe('critical');
    expect(after.audit.find((entry) => entry.action === 'conflict.resolve')).toMatchObject({
      summary: 'Resolved a conflict in Annotation on “personal data”, Severity: kept “Critical”.',
    });

    // Back to the legal advisor: opening a package of a review she has merges it, the decision included.
    const back = await call(legal, 'packages.open', { source: asSource(await exportPackage(chair, reviewId)) });
    expect(back).toMatchObject({ reviewId, merged: true });
    expect(await call(legal, 'conflicts.list', { reviewId })).toEqual([]);
    const onLegalNow = (await call(legal, 'reviews.read', { reviewId })).review;
    expect(onLegalNow.annotations.find((a) => a.id === annotation.id)).toMatchObject({ severity: 'critical' });
    expect(onLegalNow.annotations.find((a) => a.id === annotation.id)!.replies).toHaveLength(1);
  });

  it('decides and exports with the history loaded while the person read or chose, caught up with what was written since', async () => {
    const { chair, legal, reviewId, annotation } = await mergedWithConflict();
    const [conflict] = await call(chair, 'conflicts.list', { reviewId });
    // The person reads the conflict in To resolve: its history is loaded meanwhile, and the decision takes it.
    expect(await call(chair, 'history.prepare', { reviewId })).toEqual({ held: true });
    const keep = conflict!.values.findIndex((side) => side.value === 'critical');
    expect(await call(chair, 'conflicts.resolve', { reviewId, conflictId: conflict!.id, keep })).toMatchObject({
      remaining: 0,
    });
    expect(await call(chair, 'history.release', { reviewId })).toEqual({ ended: false });
    expect(await call(chair, 'conflicts.list', { reviewId })).toEqual([]);

    // The person opens Export: the history is loaded again (the decision wrote it), and the chair changes the
    // severity once more before saving the package; the export takes the history and catches it up.
    expect(await call(chair, 'history.prepare', { reviewId })).toEqual({ held: true });
    await call(chair, 'annotations.update', { reviewId, annotationId: annotation.id, severity: 'info' });
    const fromChair = await exportPackage(chair, reviewId);
    expect(await call(chair, 'history.release', { reviewId })).toEqual({ ended: false });

    // The legal advisor takes both in, without a conflict: the decision, then the change made after the loading.
    await call(legal, 'packages.merge', { reviewId, source: asSource(fromChair) });
    expect(await call(legal, 'conflicts.list', { reviewId })).toEqual([]);
    const onLegal = (await call(legal, 'reviews.read', { reviewId })).review;
    expect(onLegal.annotations.find((a) => a.id === annotation.id)!.severity).toBe('info');
    expect(onLegal.audit.map((entry) => entry.action)).toContain('conflict.resolve');
  });

  it('keeps both comments when asked', async () => {
    const { chair, legal, reviewId, annotation } = await twoLaptops();
    await call(legal, 'packages.open', { source: asSource(await exportPackage(chair, reviewId)) });
    await call(chair, 'annotations.update', { reviewId, annotationId: annotation.id, body: comment('Name the data.') });
    await call(legal, 'annotations.update', { reviewId, annotationId: annotation.id, body: comment('Cite the act.') });
    await call(chair, 'packages.merge', { reviewId, source: asSource(await exportPackage(legal, reviewId)) });
    const [conflict] = await call(chair, 'conflicts.list', { reviewId });
    expect(conflict).toMatchObject({ field: 'body', fieldLabel: 'Comment', canKeepBoth: true });
    expect(conflict!.values.map((side) => side.text).sort()).toEqual(['Cite the act.', 'Name the data.']);
    await call(chair, 'conflicts.resolve', { reviewId, conflictId: conflict!.id, keep: 'both' });
    const body = (await call(chair, 'reviews.read', { reviewId })).review.annotations[0]!.body;
    const texts = JSON.stringify(body);
    expect(texts).toContain('Name the data.');
    expect(texts).toContain('Cite the act.');
  });

  it('finds a new conflict after every earlier one was resolved (the count kept beside the history)', async () => {
    const { chair, legal, reviewId, annotation } = await twoLaptops();
    await call(legal, 'packages.open', { source: asSource(await exportPackage(chair, reviewId)) });
    const clash = async (mine: 'major' | 'info', theirs: 'critical' | 'minor') => {
      await call(chair, 'annotations.update', { reviewId, annotationId: annotation.id, severity: mine });
      await call(legal, 'annotations.update', { reviewId, annotationId: annotation.id, severity: theirs });
      await call(chair, 'packages.merge', { reviewId, source: asSource(await exportPackage(legal, reviewId)) });
      return call(chair, 'conflicts.list', { reviewId });
    };
    const [first] = await clash('major', 'critical');
    await call(chair, 'conflicts.resolve', { reviewId, conflictId: first!.id, keep: 0 });
    expect(await call(chair, 'conflicts.list', { reviewId })).toEqual([]);
    await call(legal, 'packages.merge', { reviewId, source: asSource(await exportPackage(chair, reviewId)) });
    const again = await clash('info', 'minor');
    expect(again.map((c) => [c.field, c.values.map((side) => side.value).sort()])).toEqual([
      ['severity', ['info', 'minor']],
    ]);
  });

  it('lists conflicts where merges made them, kept beside the history, and everywhere when only their count is known', async () => {
    const { chair, reviewId, annotation, dataDir } = await mergedWithConflict();
    const openConflicts = join(dataDir, 'reviews', `${reviewId}.history.yjs.open-conflicts`);
    const conflictId = `annotations/${annotation.id}/severity`;
    const said = () => readFile(openConflicts, 'utf8').then((text) => JSON.parse(text) as { ids: string[] });
    expect((await said()).ids).toEqual([conflictId]);
    const listed = await call(chair, 'conflicts.list', { reviewId });
    expect(listed.map((c) => c.id)).toEqual([conflictId]);

    // The places said are where listing looks, and only there: it never asks the engine at every field again.
    await writeFile(openConflicts, `${JSON.stringify({ ids: [`annotations/${annotation.id}/body`] })}\n`);
    expect(await call(chair, 'conflicts.list', { reviewId })).toEqual([]);
    // A review whose file an earlier version of the app wrote says only how many: listing looks everywhere, and
    // then keeps where it found them.
    await writeFile(openConflicts, '1\n');
    expect(await call(chair, 'conflicts.list', { reviewId })).toEqual(listed);
    expect((await said()).ids).toEqual([conflictId]);

    // With none left, the count says so alone: nothing to list, so nothing is kept of the review to list it against.
    await call(chair, 'conflicts.resolve', { reviewId, conflictId, keep: 0 });
    expect(await said()).toEqual({ ids: [] });
  });

  it('gives the conflicts as listed last while nothing was written since, and reads them again once something was', async () => {
    const { chair, reviewId, annotation, dataDir } = await mergedWithConflict();
    // The merge listed what it left, as To resolve shows it (so showing it loads nothing).
    const reviewFile = join(dataDir, 'reviews', `${reviewId}.review.json`);
    const review = async (ws = chair) => (await call(ws, 'reviews.read', { reviewId })).review;
    const leftByMerge = (await readOpenConflicts(reviewFile, await review()))!.listed!;
    expect(leftByMerge.map((c) => c.id)).toEqual([`annotations/${annotation.id}/severity`]);
    expect(await call(chair, 'conflicts.list', { reviewId })).toEqual(leftByMerge);

    // Said again with a label of its own, and nothing written since: that is what listing gives.
    const relabelled = leftByMerge.map((c) => ({ ...c, recordLabel: 'As listed before' }));
    await writeListedConflicts(reviewFile, await review(), relabelled);
    expect(await call(chair, 'conflicts.list', { reviewId })).toEqual(relabelled);
    // Closing the review writes its file anew, the same review: opened again, that is still what listing gives.
    await chair.close();
    const again = await workstationOn(dataDir);
    open.push(again);
    expect(await call(again, 'conflicts.list', { reviewId })).toEqual(relabelled);
    // The chair sets the severity herself, which decides it: the review is written, so the conflicts are read anew.
    await call(again, 'annotations.update', { reviewId, annotationId: annotation.id, severity: 'minor' });
    expect(await call(again, 'conflicts.list', { reviewId })).toEqual([]);
    expect(await readOpenConflicts(reviewFile, await review(again))).toEqual({ count: 0, ids: [] });
  });

  it('catches the history up before a decision once the review was written since the merge, so a field set since stays decided', async () => {
    const { chair, reviewId, annotation, dataDir } = await mergedWithConflict();
    const reviewFile = join(dataDir, 'reviews', `${reviewId}.review.json`);
    const review = async () => (await call(chair, 'reviews.read', { reviewId })).review;
    // Right after the merge, its history holds the review as written: a decision then needs no catching up.
    expect((await readOpenConflicts(reviewFile, await review()))!.historyHoldsReview).toBe(true);

    // The chair sets the severity herself, which decides the conflict, and then keeps a side of it (a stale list).
    await call(chair, 'annotations.update', { reviewId, annotationId: annotation.id, severity: 'info' });
    expect((await readOpenConflicts(reviewFile, await review()))!.historyHoldsReview).toBeUndefined();
    const conflictId = `annotations/${annotation.id}/severity`;
    await expect(call(chair, 'conflicts.resolve', { reviewId, conflictId, keep: 0 })).rejects.toThrow(
      /There is no open conflict/,
    );
    expect((await review()).annotations.find((a) => a.id === annotation.id)!.severity).toBe('info');
  });

  it('ends the engine loaded for a merge when no package is chosen, and merges without it', async () => {
    const { chair, legal, reviewId, annotation } = await twoLaptops();
    await call(legal, 'packages.open', { source: asSource(await exportPackage(chair, reviewId)) });
    await call(legal, 'annotations.update', { reviewId, annotationId: annotation.id, severity: 'major' });
    expect(await call(chair, 'history.prepare', { reviewId })).toEqual({ held: true });
    expect(await call(chair, 'history.release', { reviewId })).toEqual({ ended: true });
    expect(await call(chair, 'history.release', { reviewId })).toEqual({ ended: false });
    const merged = await call(chair, 'packages.merge', {
      reviewId,
      source: asSource(await exportPackage(legal, reviewId)),
    });
    expect(merged.counts).toMatchObject({ changed: 1, conflicts: 0 });
  });

  it('announces each step of opening and merging a package to the request that asked', async () => {
    const { chair, legal, reviewId } = await twoLaptops();
    const seen: string[] = [];
    for (const ws of [chair, legal])
      ws.onEvent((event) => {
        if (event.type === 'package.progress')
          seen.push(`${event.requestId.slice(0, 4)} ${event.step}/${event.steps} ${event.doing}`);
      });
    const newHere = '4e6a8c0e-2b4d-4f6a-8c0e-2b4d6f8a0c2e';
    await call(legal, 'packages.open', { source: asSource(await exportPackage(chair, reviewId)), requestId: newHere });
    expect(seen).toEqual([
      '4e6a 1/5 Reading the package',
      '4e6a 3/5 Checking the package’s history',
      '4e6a 5/5 Adding the review to your library',
    ]);

    const merging = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
    for (const [ws, requestId] of [
      [chair, merging],
      [legal, merging],
    ] as const) {
      seen.length = 0;
      const from = await exportPackage(ws === chair ? legal : chair, reviewId);
      if (ws === chair) await call(ws, 'packages.merge', { reviewId, source: asSource(from), requestId });
      // A package of a review already here, opened from the library, is merged, step by step the same.
      else
        expect(await call(ws, 'packages.open', { source: asSource(from), requestId })).toMatchObject({ merged: true });
      expect(seen).toEqual([
        'a1b2 1/5 Reading the package',
        'a1b2 2/5 Bringing this review’s history up to date',
        'a1b2 3/5 Merging the package’s changes',
        'a1b2 4/5 Checking what arrived',
        'a1b2 5/5 Saving the merged review',
      ]);
    }

    // Without a request id, nothing is announced.
    seen.length = 0;
    await call(chair, 'packages.merge', { reviewId, source: asSource(await exportPackage(legal, reviewId)) });
    expect(seen).toEqual([]);
  });

  it('signs a package with the sender’s identity and says who sent it', async () => {
    const { chair, legal, reviewId } = await twoLaptops();
    const identity = await call(chair, 'identities.create', {
      name: 'Ada Chair',
      role: 'chair',
      passphrase: 'correct horse battery',
    });
    const signed = await exportPackage(chair, reviewId, {
      identityId: identity.id,
      passphrase: 'correct horse battery',
    });
    const opened = await call(legal, 'packages.open', { source: asSource(signed) });
    expect(opened.sender.signature).toMatchObject({ signer: 'Ada Chair', intact: true, trusted: false });

    // The manifest changed after signing: refused, and nothing is added.
    const zip = await JSZip.loadAsync(signed);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { title: string };
    manifest.title = 'Another title';
    zip.file('manifest.json', JSON.stringify(manifest));
    const tampered = await zip.generateAsync({ type: 'uint8array' });
    const other = await workstationOn(await tempDir());
    open.push(other);
    const error = await failure(other, 'packages.open', { source: asSource(tampered, 'tampered.policyreview') });
    expect(error.message).toMatch(/^“tampered\.policyreview” was not opened: its signature does not hold/);
    expect(await call(other, 'reviews.list', {})).toEqual([]);
  });
});

describe('bad packages are refused in one line, and nothing changes', () => {
  async function refusal(bytes: Uint8Array, into?: { ws: Workstation; reviewId: string }) {
    if (into)
      return failure(into.ws, 'packages.merge', {
        reviewId: into.reviewId,
        source: asSource(bytes, 'bad.policyreview'),
      });
    const ws = await workstationOn(await tempDir());
    open.push(ws);
    const error = await failure(ws, 'packages.open', { source: asSource(bytes, 'bad.policyreview') });
    expect(await call(ws, 'reviews.list', {})).toEqual([]);
    return error;
  }

  async function rezipped(bytes: Uint8Array, change: (zip: JSZip) => void | Promise<void>) {
    const zip = await JSZip.loadAsync(bytes);
    await change(zip);
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  interface PackageManifest {
    format: string;
    parts: { name: string; sha256: string; bytes: number }[];
  }

  /** The package with its manifest changed by `change` (and any signature over it left as it was). */
  async function withManifest(bytes: Uint8Array, change: (manifest: PackageManifest) => void) {
    return rezipped(bytes, async (zip) => {
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as PackageManifest;
      change(manifest);
      zip.file('manifest.json', JSON.stringify(manifest));
    });
  }

  const manifestOf = async (bytes: Uint8Array) =>
    JSON.parse(await (await JSZip.loadAsync(bytes)).file('manifest.json')!.async('string')) as PackageManifest;

  it('refuses what is not a package, a part whose hash differs, an entry that climbs out, a zip bomb', async () => {
    const { chair, reviewId } = await twoLaptops();
    const good = await exportPackage(chair, reviewId);

    expect((await refusal(Buffer.from('%PDF-1.7 not a zip'))).message).toBe(
      '“bad.policyreview” was not opened: it is not a review package, or a damaged one (not a readable zip archive). Nothing was changed.',
    );
    const changedPart = await rezipped(good, async (zip) => {
      const review = JSON.parse(await zip.file('review.json')!.async('string')) as { title: string };
      zip.file('review.json', JSON.stringify({ ...review, title: 'Changed on the way' }));
    });
    expect((await refusal(changedPart)).message).toBe(
      '“bad.policyreview” was not opened: its part “review.json” is not the one its manifest names (SHA-256 differs). Nothing was changed.',
    );
    const climbing = await rezipped(good, (zip) => {
      zip.file('../../.bashrc', 'echo owned', { createFolders: false });
    });
    expect((await refusal(climbing)).message).toMatch(
      /^“bad\.policyreview” was not opened: it holds an entry named “\.\.\/\.\.\/\.bashrc”, which points outside the package's own folder/,
    );
    const bomb = await rezipped(good, (zip) => {
      zip.file(`sources/${'0'.repeat(64)}`, Buffer.alloc(20 * 1024 * 1024));
    });
    expect((await refusal(bomb)).message).toMatch(/was not opened: it unpacks to far more than a review package/);
    const withoutHistory = await rezipped(good, (zip) => void zip.remove('history.yjs'));
    expect((await refusal(withoutHistory)).message).toBe(
      '“bad.policyreview” was not opened: it lacks “history.yjs”, which its manifest lists. Nothing was changed.',
    );
  });

  /** A package with one part replaced, its manifest naming the new part, as a program that made it so would. */
  async function withPart(bytes: Uint8Array, name: string, content: Uint8Array) {
    const replaced = await rezipped(bytes, (zip) => void zip.file(name, content));
    return withManifest(replaced, (manifest) => {
      const part = manifest.parts.find((p) => p.name === name)!;
      Object.assign(part, { sha256: createHash('sha256').update(content).digest('hex'), bytes: content.length });
    });
  }

  it('refuses a package whose review is not the one its history holds, and adds nothing', async () => {
    const { chair, reviewId } = await twoLaptops();
    const good = await exportPackage(chair, reviewId);
    const review = JSON.parse(await (await JSZip.loadAsync(good)).file('review.json')!.async('string')) as {
      title: string;
    };
    const retitled = await withPart(
      good,
      'review.json',
      Buffer.from(JSON.stringify({ ...review, title: 'Not what the history says' })),
    );
    expect((await refusal(retitled)).message).toBe(
      'This package’s review and its history disagree, so it cannot be merged later; nothing was opened. Ask the sender to export it again.',
    );
  });

  it('refuses a package whose history a newer app wrote, saying to update, and opens one this app wrote', async () => {
    const { chair, reviewId } = await twoLaptops();
    const good = await exportPackage(chair, reviewId);
    const history = loadHistory(await historyOf(good));
    const later = setFormat(history, 'policy-review/review-document@9', writerFor(CHAIR, laptopClock(1, START)));
    const fromNewerApp = await withPart(good, 'history.yjs', wholeHistory(later).bytes);
    const error = await refusal(fromNewerApp);
    expect(error.code).toBe('E_UNSUPPORTED');
    expect(error.message).toBe(
      '“bad.policyreview” was not opened: its history.yjs is of a newer format (9) than this app reads; update Policy Review Workstation to open it. Nothing was changed.',
    );
    const ws = await workstationOn(await tempDir());
    open.push(ws);
    expect((await call(ws, 'packages.open', { source: asSource(good) })).reviewId).toBe(reviewId);
  });

  it('refuses to merge a package whose history is damaged or cut short, changing nothing, and merges it whole', async () => {
    const { chair, legal, reviewId, dataDir, annotation } = await twoLaptops();
    await call(legal, 'packages.open', { source: asSource(await exportPackage(chair, reviewId)) });
    await call(legal, 'annotations.update', { reviewId, annotationId: annotation.id, severity: 'critical' });
    const fromLegal = await exportPackage(legal, reviewId);
    const history = await historyOf(fromLegal);
    const file = join(dataDir, 'reviews', `${reviewId}.review.json`);
    const before = await readFile(file);

    const chunks = historyChunks(history);
    const garbled = chunks.map((chunk) => ({ ...chunk, update: new Uint8Array(chunk.update.length).fill(7) }));
    for (const broken of [
      new Uint8Array(4096).fill(7),
      history.subarray(0, history.length >> 1),
      historyOfChunks(garbled),
    ]) {
      const error = await refusal(await withPart(fromLegal, 'history.yjs', broken), { ws: chair, reviewId });
      expect(error.code).toBe('E_INVALID_INPUT');
      expect(error.message).toMatch(/damaged/);
      expect((await readFile(file)).equals(before)).toBe(true);
    }

    const merged = await call(chair, 'packages.merge', { reviewId, source: asSource(fromLegal) });
    expect(merged.counts).toMatchObject({ added: 0, changed: 1, conflicts: 0 });
    const onChair = await call(chair, 'reviews.read', { reviewId });
    expect(onChair.review.annotations.find((a) => a.id === annotation.id)?.severity).toBe('critical');
  });

  /** Lena's package after she changed one annotation, and its history's chunks. */
  async function packageInChunks() {
    const laptops = await twoLaptops();
    const { chair, legal, reviewId } = laptops;
    const fromChair = await exportPackage(chair, reviewId);
    await call(legal, 'packages.open', { source: asSource(fromChair) });
    await call(legal, 'annotations.update', {
      reviewId,
      annotationId: laptops.annotation.id,
      severity: 'critical',
    });
    const fromLegal = await exportPackage(legal, reviewId);
    return { ...laptops, fromChair, fromLegal, chunks: historyChunks(await historyOf(fromLegal)) };
  }

  it('carries the history as the chair sent it with Lena’s work after it, and a merge takes in her part alone', async () => {
    const { chair, reviewId, annotation, fromChair, fromLegal, chunks } = await packageInChunks();
    expect((await manifestOf(fromLegal)).format).toBe('policy-review/package@3');
    // The chair's history as she sent it, then what Lena wrote since.
    expect(chunks.slice(0, -1)).toEqual(historyChunks(await historyOf(fromChair)));
    expect(chunks.length).toBeGreaterThan(1);
    // Everything before Lena's part made unreadable: a merge that read it would refuse the package as damaged.
    const onlyHerPart = historyOfChunks(
      chunks.map((chunk, at) =>
        at === chunks.length - 1 ? chunk : { ...chunk, update: new Uint8Array(chunk.update.length).fill(7) },
      ),
    );
    const merged = await call(chair, 'packages.merge', {
      reviewId,
      source: asSource(await withPart(fromLegal, 'history.yjs', onlyHerPart)),
    });
    expect(merged.counts).toMatchObject({ added: 0, changed: 1, conflicts: 0 });
    const onChair = await call(chair, 'reviews.read', { reviewId });
    expect(onChair.review.annotations.find((a) => a.id === annotation.id)?.severity).toBe('critical');

    // A laptop without the review opens the package whole, as the same review.
    const third = await workstationOn(await tempDir());
    open.push(third);
    const opened = await call(third, 'packages.open', { source: asSource(fromLegal) });
    expect(opened).toMatchObject({ reviewId, merged: false });
    const onThird = await call(third, 'reviews.read', { reviewId });
    expect(onThird.review.annotations.find((a) => a.id === annotation.id)?.severity).toBe('critical');
  });

  it('refuses a package of the app before its history moved to Yjs, saying to ask for one exported again', async () => {
    const { chair, reviewId } = await twoLaptops();
    const asBefore = await withManifest(await exportPackage(chair, reviewId), (manifest) => {
      manifest.format = 'policy-review/package@2';
    });
    const error = await refusal(asBefore);
    expect(error.code).toBe('E_UNSUPPORTED');
    expect(error.message).toMatch(
      /made by an older version of the app.*ask the sender to update the app and export it again/,
    );
  });

  it('refuses to merge a history holding what the app never writes (a script link, an unknown severity), changing nothing', async () => {
    const { chair, legal, reviewId, dataDir, annotation } = await twoLaptops();
    await call(legal, 'packages.open', { source: asSource(await exportPackage(chair, reviewId)) });
    const fromLegal = await exportPackage(legal, reviewId);
    const historyBytes = await historyOf(fromLegal);
    const file = join(dataDir, 'reviews', `${reviewId}.review.json`);
    const before = await readFile(file);
    const hostile: [string, unknown, RegExp][] = [
      ['body', commentWithLink('javascript:alert(1)'), /javascript:/],
      ['severity', 'apocalyptic', /severity/],
    ];
    for (const [field, value, problem] of hostile) {
      // Another laptop's engine wrote the value as the app would store it, but the app never makes such a value.
      const written = loadHistory(historyBytes);
      change(written, writerFor(LEGAL_AUTHOR, laptopClock(2, START)), 'test.tamper', () =>
        setField(
          fieldsOf(written, 'annotations', annotation.id),
          fieldKey(annotation.id, field),
          JSON.stringify(value),
          supersededOf(written),
        ),
      );
      const tampered = await withPart(fromLegal, 'history.yjs', wholeHistory(written).bytes);
      const error = await refusal(tampered, { ws: chair, reviewId });
      expect(error.code).toBe('E_INVALID_INPUT');
      expect(error.message).toMatch(/^The package holds records this app does not accept \(/);
      expect(error.message).toMatch(problem);
      expect((await readFile(file)).equals(before)).toBe(true);
    }
  });

  it('reads a format two laptops wrote at once: the same one passes, a newer one among them is refused', () => {
    const clock = laptopClock(1, '2026-03-02T10:00:00.000Z');
    // A history of a format before, which each laptop moves on as it next writes.
    const started = setFormat(
      newMergeableReview(startingReview(clock), writerFor(CHAIR, clock)),
      'policy-review/review-document@3',
      writerFor(CHAIR, clock),
    );
    const writeFormat = (format: string) => setFormat(receive(started), format, writerFor(CHAIR, clock));
    const joined = (a: MergeableReview, b: MergeableReview) => {
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
      return a;
    };
    const bothUpgraded = joined(writeFormat(MERGEABLE_REVIEW_FORMAT), writeFormat(MERGEABLE_REVIEW_FORMAT));
    expect(formatsOf(bothUpgraded)).toEqual([MERGEABLE_REVIEW_FORMAT, MERGEABLE_REVIEW_FORMAT]);
    expect(() => checkHistoryFormat(bothUpgraded, 'two.policyreview')).not.toThrow();

    const oneNewer = joined(writeFormat(MERGEABLE_REVIEW_FORMAT), writeFormat('policy-review/review-document@9'));
    expect(() => checkHistoryFormat(oneNewer, 'two.policyreview')).toThrow(
      '“two.policyreview” was not opened: its history.yjs is of a newer format (9) than this app reads',
    );
  });

  it('refuses a package of another review given to merge, leaving the review file as it was', async () => {
    const { chair, reviewId, dataDir } = await twoLaptops();
    const { id: otherId } = await call(chair, 'reviews.create', { title: 'Another review' });
    const otherPackage = await exportPackage(chair, otherId);
    const file = join(dataDir, 'reviews', `${reviewId}.review.json`);
    const before = await readFile(file);
    const error = await refusal(otherPackage, { ws: chair, reviewId });
    expect(error.message).toBe(
      'This package holds another review (“Another review”), not “Workspace test”; nothing was merged. Open it from the library to add it as a review of its own.',
    );
    expect((await readFile(file)).equals(before)).toBe(true);
  });
});
