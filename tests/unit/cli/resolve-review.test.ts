import { describe, expect, it } from 'vitest';
import { openCliWorkstation } from '../../../electron/cli/cli-workstation';
import type { CliContext } from '../../../electron/cli/context';
import { resolveReviewId } from '../../../electron/cli/resolve-review';
import { createReview, sampleReview } from '../storage/fixtures';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

/** The command line's services over `dataDir`, with the contract methods called through them, in order. */
async function recordedContext(dataDir: string) {
  const { ctx, close } = await openCliWorkstation({ 'data-dir': dataDir }, { out: () => {} });
  const called: string[] = [];
  const recorded: CliContext = {
    ...ctx,
    call: (method, args) => {
      called.push(method);
      return ctx.call(method, args);
    },
  };
  return { ctx: recorded, called, close };
}

describe('finding the review a command names', () => {
  it('takes a review’s id as it is, without reading every review in the library to list them', async () => {
    const dataDir = await tempDir();
    const { id } = await createReview(dataDir, sampleReview('Privacy notice 2026'));
    await createReview(dataDir, sampleReview('Code of conduct 2026'));
    const { ctx, called, close } = await recordedContext(dataDir);
    try {
      expect(await resolveReviewId(ctx, id)).toBe(id);
      expect(await resolveReviewId(ctx, `${dataDir}/reviews/${id}.review.json`)).toBe(id);
      expect(called).toEqual([]);

      // Any other name is looked for among the reviews listed.
      expect(await resolveReviewId(ctx, id.slice(0, 8))).toBe(id);
      expect(await resolveReviewId(ctx, 'PRIVACY NOTICE 2026')).toBe(id);
      expect(called).toEqual(['reviews.list', 'reviews.list']);
    } finally {
      await close();
    }
  });

  it('looks for an id with no file in the library among the others, and says when none matches', async () => {
    const dataDir = await tempDir();
    await createReview(dataDir, sampleReview('Privacy notice 2026'));
    const { ctx, called, close } = await recordedContext(dataDir);
    const unknown = '00000000-0000-4000-8000-000000000000';
    try {
      await expect(resolveReviewId(ctx, unknown)).rejects.toMatchObject({
        code: 'E_NOT_FOUND',
        message: expect.stringContaining(`No review matches “${unknown}”`) as unknown,
      });
      expect(called).toEqual(['reviews.list']);
    } finally {
      await close();
    }
  });
});
