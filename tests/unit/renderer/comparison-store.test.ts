import { describe, expect, it } from 'vitest';
import { closedAfterEach } from '../support/closed-after-each';
import type { Workstation } from '../../../electron/services/workstation/workstation';
import {
  type ComparisonState,
  ComparisonStore,
  KEPT_PAIRS,
} from '../../../renderer/src/features/compare/comparisonStore';
import { call, importFile, reviewIn, RIVERTON } from '../import/support-import';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const opened = closedAfterEach<Workstation>();

/** A review with Riverton's three versions, and a store that asks its real services, counting what it asks. */
async function storeOverReview() {
  const { ws, reviewId } = await reviewIn(await tempDir());
  opened.push(ws);
  const versions = [];
  for (const file of ['v1.md', 'v2.md', 'v3.md'])
    versions.push((await importFile(ws, reviewId, `${RIVERTON}/${file}`)).version);
  const asked: string[] = [];
  const answers: Promise<unknown>[] = [];
  const store = new ComparisonStore((fromVersionId, toVersionId) => {
    asked.push(`${fromVersionId}>${toVersionId}`);
    const answer = call(ws, 'compare.versions', { reviewId, fromVersionId, toVersionId });
    answers.push(answer);
    return answer;
  });
  return { ws, reviewId, versions: versions.map((v) => v.id), store, asked, answers };
}

/** Until the store has told its listeners `times` times. */
function changes(store: ComparisonStore, times: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const stop = store.subscribe(() => {
      if (++seen < times) return;
      stop();
      resolve();
    });
  });
}

const statusOf = (state: ComparisonState | undefined) => state?.status;

describe('the comparisons of an open review', () => {
  it('asks for a pair once, however often it is wanted, and keeps the services’ answer', async () => {
    const { ws, reviewId, versions, store, asked } = await storeOverReview();
    const [v1, v2] = versions as [string, string];
    expect(store.state(v1, v2)).toBeUndefined();

    const answered = changes(store, 2);
    store.load(v1, v2);
    expect(statusOf(store.state(v1, v2))).toBe('loading');
    // Wanted again while on its way (the Compare area opened before the answer came): not asked again.
    store.load(v1, v2);
    await answered;
    store.load(v1, v2);

    expect(asked).toEqual([`${v1}>${v2}`]);
    const state = store.state(v1, v2);
    expect(state).toEqual({
      status: 'done',
      value: await call(ws, 'compare.versions', { reviewId, fromVersionId: v1, toVersionId: v2 }),
    });
    // The other way round is another pair.
    expect(store.state(v2, v1)).toBeUndefined();
  });

  it('keeps a failure until asked to retry, then asks again', async () => {
    const { versions, store, asked } = await storeOverReview();
    const [v1] = versions as [string];
    const gone = crypto.randomUUID();

    const failed = changes(store, 2);
    store.load(v1, gone);
    await failed;
    const state = store.state(v1, gone);
    expect(state?.status).toBe('failed');
    expect(state?.status === 'failed' && state.error.message).toMatch(/not in this review/);
    store.load(v1, gone);
    expect(asked).toHaveLength(1);

    const failedAgain = changes(store, 2);
    store.retry(v1, gone);
    expect(statusOf(store.state(v1, gone))).toBe('loading');
    await failedAgain;
    expect(asked).toEqual([`${v1}>${gone}`, `${v1}>${gone}`]);
    expect(statusOf(store.state(v1, gone))).toBe('failed');
  });

  it(`keeps the last ${KEPT_PAIRS} pairs asked for, and lets an answer for a pair let go meanwhile pass`, async () => {
    const { versions, store, answers } = await storeOverReview();
    const [v1, v2, v3] = versions as [string, string, string];
    const pairs: [string, string][] = [
      [v1, v2],
      [v2, v3],
      [v1, v3],
      [v2, v1],
      [v3, v2],
    ];
    for (const [from, to] of pairs) store.load(from, to);
    // The first pair was let go while on its way: its answer, when it comes, is not kept.
    expect(store.state(v1, v2)).toBeUndefined();
    await Promise.all(answers);
    // The listeners are told of each answer before the services' promise settles for the next reader.
    await Promise.resolve();

    expect(store.state(v1, v2)).toBeUndefined();
    for (const [from, to] of pairs.slice(1)) expect(statusOf(store.state(from, to))).toBe('done');
  });
});
