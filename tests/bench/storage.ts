import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReviewLibrary } from '../../electron/services/library/review-library';
import { newReviewDocument } from '../../shared/domain/reviews/new-review';
import { systemClock } from '../../shared/domain/clock';
import { generateAnnotations, generatePolicyBlocks, versionFromBlocks } from './generate-policy';
import { percentile } from './stats';

/**
 * Saving a change to a large review: a 100-page version (about 1,700 blocks) with 1,000 annotations; 200
 * changes, each measured from the call until the new file is durably on disk (fsync of file and folder).
 */
export async function benchStorage(): Promise<Record<string, unknown>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'policy-review-bench-'));
  try {
    const library = new ReviewLibrary(dataDir);
    const review = newReviewDocument('Bench review', { name: 'Bench', role: 'chair' }, systemClock);
    const version = versionFromBlocks(generatePolicyBlocks(100), 'v1');
    review.versions.push(version);
    const criteria = review.checklist.criteria.map((c) => c.id);
    review.annotations.push(...generateAnnotations(version, 1000, criteria));
    await library.create(review);
    const openStart = performance.now();
    const store = await library.openReview(review.id);
    const openMs = performance.now() - openStart;
    const extra = generateAnnotations(version, 200, criteria, 3);
    const times: number[] = [];
    for (const annotation of extra) {
      const started = performance.now();
      await store.mutate((draft) => {
        draft.annotations.push(annotation);
      });
      times.push(performance.now() - started);
    }
    const bytes = (await stat(store.file)).size;
    await store.close();
    return {
      reviewBytes: bytes,
      blocks: version.blocks.length,
      words: version.text.split(/\s+/).length,
      annotations: 1200,
      openMs: round(openMs),
      saveMs: { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(Math.max(...times)) },
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
