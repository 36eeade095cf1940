import { describe, expect, it } from 'vitest';
import { decodeReviewText } from '../../../shared/model';
import { useTempDirs } from '../support/temp-dir';
import { createReview, member } from './fixtures';
import { reviewTextOnDisk } from '../support/review-on-disk';

const tempDir = useTempDirs();

async function membersOnDisk(file: string): Promise<string[]> {
  const decoded = decodeReviewText(await reviewTextOnDisk(file));
  if (decoded.kind !== 'current') throw new Error(`the review file is ${decoded.kind}`);
  return decoded.review.committee.map((m) => m.name);
}

describe('writes to one review', () => {
  it('applies 100 concurrent changes one after another, in the order asked, and saves all of them', async () => {
    const { library, id, file } = await createReview(await tempDir());
    const store = await library.openReview(id);
    const founders = store.review.committee.map((m) => m.name);
    const names = Array.from({ length: 100 }, (_, i) => `member-${i + 1}`);
    const committeeSizeSeen: number[] = [];
    const finished: string[] = [];

    await Promise.all(
      names.map((name) =>
        store
          .mutate((draft) => {
            committeeSizeSeen.push(draft.committee.length);
            draft.committee.push(member(name));
            return name;
          })
          .then((done) => finished.push(done)),
      ),
    );
    await library.closeAll();

    // Each change saw the one before it: none started from a stale copy.
    expect(committeeSizeSeen).toEqual(names.map((_, i) => founders.length + i));
    expect(finished).toEqual(names);
    expect(await membersOnDisk(file)).toEqual([...founders, ...names]);
  });

  it('rejects a change that would make the review invalid without saving it, and goes on with the next', async () => {
    const { library, id, file } = await createReview(await tempDir());
    const store = await library.openReview(id);
    const first = store.mutate((draft) => void draft.committee.push(member('First')));
    const invalid = store.mutate((draft) => void draft.committee.push(member('   ')));
    const third = store.mutate((draft) => void draft.committee.push(member('Third')));
    await expect(invalid).rejects.toMatchObject({ code: 'E_INVALID_INPUT' });
    await Promise.all([first, third]);
    await library.closeAll();
    expect((await membersOnDisk(file)).slice(-2)).toEqual(['First', 'Third']);
  });

  it('undoes a change that fails half-way, in memory as on disk, and goes on with the next', async () => {
    const { library, id, file } = await createReview(await tempDir());
    const store = await library.openReview(id);
    const failing = store.mutate((draft) => {
      draft.committee.push(member('Half-way'));
      throw new Error('the change failed after it began');
    });
    await expect(failing).rejects.toThrow('failed after it began');
    expect(store.review.committee.map((m) => m.name)).not.toContain('Half-way');
    await store.mutate((draft) => void draft.committee.push(member('Next')));
    await library.closeAll();
    const onDisk = await membersOnDisk(file);
    expect(onDisk).toContain('Next');
    expect(onDisk).not.toContain('Half-way');
  });
});
