import { spawn } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sameRecords } from '../../../electron/services/exchange/review-history';
import { decodeReviewText, type Review } from '../../../shared/model';
import { call, comment, PRIVACY, rangeOf, reviewWithVersion, workstationOn } from '../annotations/support-review';
import { runCli } from '../support/run-cli';
import { useTempDirs } from '../support/temp-dir';
import { reviewTextOnDisk } from '../support/review-on-disk';

const tempDir = useTempDirs();

/**
 * Two laptops that parted after the chair sent the review: each then changed the same annotation's severity, the
 * legal advisor added one of her own and sent her package back. Returns the chair's data folder and her package.
 */
async function partedLaptops() {
  const chair = await reviewWithVersion(await tempDir());
  const { reviewId, version } = chair;
  const annotation = await call(chair.ws, 'annotations.add', {
    reviewId,
    versionId: version.id,
    range: rangeOf(version, 'personal data'),
    criterionIds: [PRIVACY],
    severity: 'minor',
    body: comment('Which data?'),
  });
  await chair.ws.close();
  const out = await tempDir();
  const toLegal = join(out, 'from-chair.policyreview');
  const exported = await runCli([
    'package',
    'export',
    reviewId,
    '--out',
    toLegal,
    '--json',
    '--data-dir',
    chair.dataDir,
  ]);
  expect(exported.stderr).toBe('');
  expect(JSON.parse(exported.stdout)).toEqual({ file: toLegal, bytes: (await readFile(toLegal)).length });

  const legalDir = await tempDir();
  await writeFile(
    join(legalDir, 'settings.json'),
    JSON.stringify({ user: { name: 'Lena Legal', role: 'legal', email: '' } }),
  );
  const opened = await runCli(['package', 'open', toLegal, '--json', '--data-dir', legalDir]);
  expect(opened.stderr).toBe('');
  expect(JSON.parse(opened.stdout)).toEqual({ reviewId, merged: false });

  const chairWs = await workstationOn(chair.dataDir);
  await call(chairWs, 'annotations.update', { reviewId, annotationId: annotation.id, severity: 'major' });
  await chairWs.close();
  const legalWs = await workstationOn(legalDir);
  await call(legalWs, 'settings.set', { user: { name: 'Lena Legal', role: 'legal', email: 'lena@example.org' } });
  await call(legalWs, 'annotations.update', { reviewId, annotationId: annotation.id, severity: 'critical' });
  await call(legalWs, 'annotations.add', {
    reviewId,
    versionId: version.id,
    range: rangeOf(version, 'political endorsements'),
    criterionIds: [PRIVACY],
    severity: 'info',
    body: comment('Fine.'),
  });
  await legalWs.close();
  const toChair = join(out, 'from-legal.policyreview');
  expect((await runCli(['package', 'export', reviewId, '--out', toChair, '--data-dir', legalDir])).code).toBe(0);
  return { chairDir: chair.dataDir, reviewId, annotationId: annotation.id, toChair };
}

async function reviewIn(dataDir: string, reviewId: string): Promise<Review> {
  const decoded = decodeReviewText(await reviewTextOnDisk(join(dataDir, 'reviews', `${reviewId}.review.json`)));
  if (decoded.kind !== 'current') throw new Error(`the review file is ${decoded.kind}`);
  return decoded.review;
}

describe('policy-review package, merge, conflicts, resolve', () => {
  it('gives the shapes the issue names, and resolves a conflict from the command line', async () => {
    const { chairDir, reviewId, annotationId, toChair } = await partedLaptops();
    const merged = await runCli(['merge', reviewId, toChair, '--json', '--data-dir', chairDir]);
    expect(merged.stderr).toBe('');
    const counts = JSON.parse(merged.stdout) as Record<string, number>;
    expect(Object.keys(counts).sort()).toEqual(['added', 'changed', 'conflicts', 'unchanged']);
    expect(counts).toMatchObject({ added: 1, conflicts: 1 });

    const listed = await runCli(['conflicts', reviewId, '--json', '--data-dir', chairDir]);
    const conflicts = JSON.parse(listed.stdout) as {
      id: string;
      record: unknown;
      field: string;
      values: { value: unknown; author: { name: string }; at: string }[];
    }[];
    expect(conflicts).toHaveLength(1);
    const [conflict] = conflicts;
    expect(Object.keys(conflict!).sort()).toEqual(['field', 'id', 'record', 'values']);
    expect(conflict).toMatchObject({
      id: `annotations/${annotationId}/severity`,
      record: { collection: 'annotations', id: annotationId },
      field: 'severity',
    });
    for (const side of conflict!.values) expect(Object.keys(side).sort()).toEqual(['at', 'author', 'value']);
    const keep = conflict!.values.findIndex((side) => side.author.name === 'Lena Legal');
    expect(conflict!.values[keep]!.value).toBe('critical');

    const text = await runCli(['conflicts', reviewId, '--data-dir', chairDir]);
    expect(text.stdout).toContain(`Annotation on “personal data”: Severity`);
    expect(text.stdout).toMatch(new RegExp(`--keep ${keep}  Lena Legal, .*: Critical`));

    const resolved = await runCli(['resolve', reviewId, conflict!.id, '--keep', String(keep), '--data-dir', chairDir]);
    expect(resolved.stderr).toBe('');
    expect(resolved.stdout.trim()).toBe(
      `Kept side ${keep} (Critical) for Annotation on “personal data”: Severity. No conflicts left.`,
    );
    expect((await reviewIn(chairDir, reviewId)).annotations.find((a) => a.id === annotationId)!.severity).toBe(
      'critical',
    );
    expect(JSON.parse((await runCli(['conflicts', reviewId, '--json', '--data-dir', chairDir])).stdout)).toEqual([]);
  });

  it('refuses a file that is not a package in one line, exit 1, and changes nothing', async () => {
    const { chairDir, reviewId } = await partedLaptops();
    const notAPackage = join(await tempDir(), 'minutes.policyreview');
    await writeFile(notAPackage, 'Minutes of the meeting of 3 March.');
    const before = await reviewTextOnDisk(join(chairDir, 'reviews', `${reviewId}.review.json`));
    const run = await runCli(['merge', reviewId, notAPackage, '--data-dir', chairDir]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(
      '“minutes.policyreview” was not opened: it is not a review package, or a damaged one (not a readable zip archive). Nothing was changed.',
    );
    expect(await reviewTextOnDisk(join(chairDir, 'reviews', `${reviewId}.review.json`))).toBe(before);
  });

  it('leaves the review as it was or as merged when the merge is killed (kill -9), never between', async () => {
    const { chairDir, reviewId, toChair } = await partedLaptops();
    const before = await reviewIn(chairDir, reviewId);
    // The merged review, from a merge left to finish in a copy of the same data folder.
    const finished = await tempDir();
    await cp(chairDir, finished, { recursive: true });
    const started = Date.now();
    expect((await runCli(['merge', reviewId, toChair, '--data-dir', finished])).code).toBe(0);
    const wholeRun = Date.now() - started;
    const merged = await reviewIn(finished, reviewId);
    expect(sameWork(merged, before)).toBe(false);

    const outcomes: Record<string, number> = { before: 0, merged: 0 };
    for (const fraction of [0.5, 0.65, 0.75, 0.85, 0.92, 1.0]) {
      const dataDir = await tempDir();
      await cp(chairDir, dataDir, { recursive: true });
      await killedAfter(['merge', reviewId, toChair, '--data-dir', dataDir], Math.round(wholeRun * fraction));
      const found = await reviewIn(dataDir, reviewId);
      const state = sameWork(found, merged) ? 'merged' : sameWork(found, before) ? 'before' : 'between';
      expect(state, `killed at ${Math.round(fraction * 100)}% of a whole run`).not.toBe('between');
      outcomes[state] = (outcomes[state] ?? 0) + 1;
      // Whatever the kill left, merging again finishes the job, with the conflict kept.
      const again = await runCli(['merge', reviewId, toChair, '--json', '--data-dir', dataDir]);
      expect(again.stderr).toBe('');
      expect(sameWork(await reviewIn(dataDir, reviewId), merged)).toBe(true);
      const conflicts = JSON.parse((await runCli(['conflicts', reviewId, '--json', '--data-dir', dataDir])).stdout);
      expect(conflicts).toHaveLength(1);
    }
    console.info(`kill -9 during merge: ${JSON.stringify(outcomes)} (whole run ${wholeRun} ms)`);
  }, 240_000);
});

/**
 * The same records, apart from the audit log: each merge logs itself under an id and time of its own, so two merges
 * of one package (one in a copy, one after a kill) differ there and nowhere else.
 */
function sameWork(a: Review, b: Review): boolean {
  return sameRecords({ ...a, audit: [] }, { ...b, audit: [] });
}

const bin = fileURLToPath(new URL('../../../electron/cli/bin.mjs', import.meta.url));

/** Runs the command and kills it (SIGKILL) after `ms`, or lets it end if it ends first. */
function killedAfter(args: string[], ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: 'ignore', env: { ...process.env } });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('error', reject);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
