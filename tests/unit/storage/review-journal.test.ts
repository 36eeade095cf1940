import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ReviewLibrary } from '../../../electron/services/library/review-library';
import { listBackups } from '../../../electron/services/storage/backups';
import { journalFileFor } from '../../../electron/services/storage/review-journal';
import { useTempDirs } from '../support/temp-dir';
import { createReview, member, reviewTextOnDisk, sha256OfFile } from './fixtures';

const tempDir = useTempDirs();

/** The review's file and journal copied into a new data folder, as a crash leaves them: never closed. */
async function copiedAsLeft(file: string, id: string, journal = journalFileFor(file)): Promise<ReviewLibrary> {
  const dataDir = await tempDir();
  const reviews = join(dataDir, 'reviews');
  await mkdir(reviews, { recursive: true });
  const copy = join(reviews, `${id}.review.json`);
  await copyFile(file, copy);
  await copyFile(journal, journalFileFor(copy));
  return new ReviewLibrary(dataDir, undefined, { checkEveryWrite: true });
}

async function memberNames(library: ReviewLibrary, id: string): Promise<string[]> {
  return (await library.read(id)).review.committee.map((m) => m.name);
}

describe('the journal of a review’s changes', () => {
  it('saves each change as one line beside the review file, which every reader reads with it, and writes the file whole on closing', async () => {
    const { library, id, file } = await createReview(await tempDir());
    const store = await library.openReview(id);
    const fileBefore = await sha256OfFile(file);
    await store.mutate((review) => void review.committee.push(member('Ada')));
    await store.mutate((review) => void review.committee.push(member('Ben')));

    expect(await sha256OfFile(file), 'the review file is not rewritten for a change').toBe(fileBefore);
    const lines = (await readFile(journalFileFor(file), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0]!)).toMatchObject({ journal: 'policy-review/review-journal@1', base: fileBefore });
    expect(lines[2]).toContain('"name":"Ben"');
    expect(lines[2]).not.toContain('"name":"Ada"');
    // Another process (here another library over the same folder) reads the review with its journal.
    const reader = new ReviewLibrary(join(file, '..', '..'));
    expect(await memberNames(reader, id)).toEqual(['Test Chair', 'Ada', 'Ben']);

    await library.closeAll();
    expect(existsSync(journalFileFor(file))).toBe(false);
    expect(JSON.parse(await readFile(file, 'utf8')).committee.map((m: { name: string }) => m.name)).toEqual([
      'Test Chair',
      'Ada',
      'Ben',
    ]);
  });

  it('leaves a backup of a long session’s review when the file is next written whole, not at a change', async () => {
    const { library, id, file } = await createReview(await tempDir());
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-03-01T10:00:00.000Z'));
      const store = await library.openReview(id);
      const atOpening = await listBackups(file);
      vi.setSystemTime(new Date('2026-03-01T10:11:00.000Z'));
      await store.mutate((review) => void review.committee.push(member('Ada')));
      expect(await listBackups(file), 'a change costs the change: no backup of the whole review').toEqual(atOpening);

      await library.closeAll();
      const [newest, ...older] = await listBackups(file);
      expect(older).toEqual(atOpening);
      expect(await readFile(newest!.file)).toEqual(await readFile(file));
    } finally {
      vi.useRealTimers();
    }
  });

  it('is folded into the file before closing everything returns, even while a window is closing the review', async () => {
    const { library, id, file } = await createReview(await tempDir());
    const store = await library.openReview(id);
    await store.mutate((review) => void review.committee.push(member('Ada')));
    // A window that goes away closes its reviews without anyone waiting for it, as the host closes everything.
    const windowGone = library.closeReview(id);
    await library.closeAll();

    expect(existsSync(journalFileFor(file)), 'the journal is folded in and removed').toBe(false);
    expect(JSON.parse(await readFile(file, 'utf8')).committee.map((m: { name: string }) => m.name)).toEqual([
      'Test Chair',
      'Ada',
    ]);
    expect(await windowGone).toBe(true);
  });

  it('keeps every change of a session that never closed: the next opening applies them and writes the file whole', async () => {
    const { library, id, file } = await createReview(await tempDir());
    const store = await library.openReview(id);
    for (const name of ['Ada', 'Ben', 'Cy']) await store.mutate((review) => void review.committee.push(member(name)));
    await store.mutate((review) => void (review.committee.find((m) => m.name === 'Ben')!.name = 'Ben B.'));
    await store.mutate((review) => void review.committee.splice(1, 1));

    const copy = await copiedAsLeft(file, id);
    const reopened = await copy.openReview(id);
    expect(reopened.readOnly).toBe(false);
    expect(reopened.review.committee.map((m) => m.name)).toEqual(['Test Chair', 'Ben B.', 'Cy']);
    expect(existsSync(journalFileFor(reopened.file)), 'written whole on opening').toBe(false);
    expect(await reviewTextOnDisk(reopened.file)).toBe(await readFile(reopened.file, 'utf8'));
    await reopened.mutate((review) => void review.committee.push(member('Dee')));
    expect(await memberNames(new ReviewLibrary(join(reopened.file, '..', '..')), id)).toEqual([
      'Test Chair',
      'Ben B.',
      'Cy',
      'Dee',
    ]);
    await Promise.all([library.closeAll(), copy.closeAll()]);
  });

  it('stops at a change cut short or altered: that change and any after it were never acknowledged', async () => {
    const { library, id, file } = await createReview(await tempDir());
    const store = await library.openReview(id);
    for (const name of ['Ada', 'Ben', 'Cy']) await store.mutate((review) => void review.committee.push(member(name)));
    const journal = await readFile(journalFileFor(file), 'utf8');
    const cutShort = join(await tempDir(), 'cut-short.journal');
    await writeFile(cutShort, journal.slice(0, journal.length - 40));
    expect(await memberNames(await copiedAsLeft(file, id, cutShort), id)).toEqual(['Test Chair', 'Ada', 'Ben']);

    const altered = join(await tempDir(), 'altered.journal');
    await writeFile(altered, journal.replace('"name":"Ben"', '"name":"Bob"'));
    expect(await memberNames(await copiedAsLeft(file, id, altered), id)).toEqual(['Test Chair', 'Ada']);
    await library.closeAll();
  });

  it('never applies a journal left beside a review file written whole since, and removes it on opening', async () => {
    const { library, id, file } = await createReview(await tempDir());
    const original = await readFile(file);
    const store = await library.openReview(id);
    await store.mutate((review) => void review.committee.push(member('Ada')));
    const journal = join(await tempDir(), 'left.journal');
    await copyFile(journalFileFor(file), journal);
    await library.closeAll();

    // The file is replaced (say, by a backup restored by hand) while the journal of the earlier session is put back.
    await writeFile(file, original.toString('utf8').replace('Social media policy 2026', 'Restored by hand'));
    await copyFile(journal, journalFileFor(file));
    const reopened = await library.openReview(id);
    expect(reopened.review.title).toBe('Restored by hand');
    expect(reopened.review.committee.map((m) => m.name)).toEqual(['Test Chair']);
    expect(existsSync(journalFileFor(file))).toBe(false);
    await library.closeAll();
  });

  it('writes the review whole once the journal has grown as large as it may, and journals the next change again', async () => {
    const dataDir = await tempDir();
    const { id, file } = await createReview(dataDir);
    const library = new ReviewLibrary(dataDir, undefined, { checkEveryWrite: true, journalLimitBytes: 2_000 });
    const store = await library.openReview(id);
    const fileBefore = await sha256OfFile(file);
    let changes = 0;
    while ((await sha256OfFile(file)) === fileBefore) {
      await store.mutate((review) => void review.committee.push(member(`Member ${++changes}`)));
      expect(changes, 'the file should have been written whole by now').toBeLessThan(20);
    }
    expect(changes).toBeGreaterThan(1);
    expect(existsSync(journalFileFor(file)), 'the journal is gone once the file holds it all').toBe(false);
    await store.mutate((review) => void review.committee.push(member('After')));
    expect(existsSync(journalFileFor(file))).toBe(true);
    expect(await memberNames(new ReviewLibrary(dataDir), id)).toHaveLength(changes + 2);
    await library.closeAll();
  });
});
