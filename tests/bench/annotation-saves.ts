import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plainTextToRichText } from '../../shared/rich-text';
import { ReviewLibrary } from '../../electron/services/library/review-library';
import { newReviewDocument } from '../../shared/domain/reviews/new-review';
import { systemClock } from '../../shared/domain/clock';
import { openWorkstation } from '../../electron/services/workstation/workstation';
import { generateAnnotations, generatePolicyBlocks, seededRandom, versionFromBlocks } from './generate-policy';
import { percentile } from './stats';

/**
 * Adding an annotation to a large review through the real contract, as the app does: a 100-page version
 * (about 1,700 blocks) with 1,000 annotations; 200 `annotations.add` calls, each measured from the call until
 * the review is durably on disk (the call returns only then). The workstation runs as in the app, without the
 * tests' whole-review and result checks.
 */
export async function benchAnnotationSaves(): Promise<{ p50: number; p95: number; max: number; reviewBytes: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'policy-review-bench-'));
  try {
    const review = newReviewDocument('Annotation bench', { name: 'Bench', role: 'chair' }, systemClock);
    const version = versionFromBlocks(generatePolicyBlocks(100), 'v1');
    review.versions.push(version);
    const criteria = review.checklist.criteria.map((c) => c.id);
    review.annotations.push(...generateAnnotations(version, 1000, criteria));
    await new ReviewLibrary(dataDir).create(review);

    const ws = await openWorkstation({ dataDir, host: 'browser' });
    try {
      const opened = await ws.invoke('reviews.open', { reviewId: review.id });
      if (!opened.ok) throw new Error(`reviews.open failed: ${opened.error.message}`);
      const random = seededRandom(5);
      const times: number[] = [];
      for (let i = 0; i < 200; i++) {
        const start = Math.floor(random() * (version.text.length - 200));
        const end = start + 20 + Math.floor(random() * 60);
        const args = {
          reviewId: review.id,
          versionId: version.id,
          range: { start, end, exact: version.text.slice(start, end) },
          criterionIds: [criteria[i % criteria.length]!],
          severity: (['info', 'minor', 'major', 'critical'] as const)[i % 4],
          body: plainTextToRichText(`Bench comment ${i}: this passage needs a clearer owner.`),
        };
        const started = performance.now();
        const result = await ws.invoke('annotations.add', args);
        times.push(performance.now() - started);
        if (!result.ok) throw new Error(`annotations.add failed: ${result.error.message}`);
      }
      const reviewBytes = (await stat(ws.library.fileFor(review.id))).size;
      return {
        p50: round(percentile(times, 50)),
        p95: round(percentile(times, 95)),
        max: round(Math.max(...times)),
        reviewBytes,
      };
    } finally {
      await ws.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
