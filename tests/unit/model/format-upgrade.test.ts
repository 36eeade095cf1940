import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReviewLibrary } from '../../../electron/services/library/review-library';
import { newReviewDocument } from '../../../shared/domain/reviews/new-review';
import { systemClock } from '../../../shared/domain/clock';
import { listBackups } from '../../../electron/services/storage/backups';

import {
  decodeReviewText,
  REVIEW_MIGRATIONS,
  SCHEMA_VERSION,
  type ReviewFormat,
  serializeJson,
} from '../../../shared/model';
import { useTempDirs } from '../support/temp-dir';
import { reviewTextOnDisk } from '../support/review-on-disk';

const tempDir = useTempDirs();

/** A format whose version 0 called the title `name`; then today's migrations up to today's review. */
const FORMAT_WITH_RENAME: ReviewFormat = {
  version: SCHEMA_VERSION,
  migrations: [
    {
      from: 0,
      name: '0000-rename-name-to-title',
      up: ({ name, ...rest }) => ({ ...rest, title: name }),
    },
    ...REVIEW_MIGRATIONS,
  ],
};
const NEWER = SCHEMA_VERSION + 1;

/** A review file as another version of the app wrote it, in a library that reads `FORMAT_WITH_RENAME`. */
async function libraryWith(document: (review: Record<string, unknown>) => Record<string, unknown>) {
  const dataDir = await tempDir();
  const library = new ReviewLibrary(dataDir, FORMAT_WITH_RENAME);
  const review = newReviewDocument('Social media policy', { name: 'Test Chair', role: 'chair' }, systemClock);
  const file = library.fileFor(review.id);
  const bytes = Buffer.from(serializeJson(document(review as unknown as Record<string, unknown>)));
  await mkdir(join(dataDir, 'reviews'), { recursive: true });
  await writeFile(file, bytes);
  return { library, id: review.id, file, bytes };
}

const olderFormat = ({ title, ...rest }: Record<string, unknown>) => ({ ...rest, schemaVersion: 0, name: title });
const newerFormat = (review: Record<string, unknown>) => ({
  ...review,
  schemaVersion: NEWER,
  reviewDeadline: '2027-01-31',
});
const newerAndUnreadable = (review: Record<string, unknown>) => ({
  ...review,
  schemaVersion: NEWER,
  committee: { chair: 'x' },
});

describe('opening a review saved in an older format', () => {
  it('first keeps the original bytes as a backup', async () => {
    const { library, id, file, bytes } = await libraryWith(olderFormat);
    await library.openReview(id);
    await library.closeAll();
    const backups = await listBackups(file);
    expect(backups).toHaveLength(1);
    expect(await readFile(backups[0]?.file ?? '')).toEqual(bytes);
  });

  it('then writes the migrated review in its place, and can write to it', async () => {
    const { library, id, file } = await libraryWith(olderFormat);
    const store = await library.openReview(id);
    const onDisk = decodeReviewText(await reviewTextOnDisk(file));
    expect(onDisk).toMatchObject({
      kind: 'current',
      review: { schemaVersion: SCHEMA_VERSION, title: 'Social media policy' },
    });
    expect(await reviewTextOnDisk(file)).not.toContain('"name": "Social media policy"');
    await expect(store.mutate((draft) => (draft.title = 'Renamed'))).resolves.toBe('Renamed');
    await library.closeAll();
  });
});

describe('opening a review saved by a newer version of the app', () => {
  it('shows what it understands read-only, saying to update the app', async () => {
    const { library, id } = await libraryWith(newerFormat);
    const store = await library.openReview(id);
    expect(store.readOnly).toBe(true);
    expect(store.readOnlyReason).toMatch(
      `newer version of Policy Review Workstation (format ${NEWER}; this app reads up to format ${SCHEMA_VERSION})`,
    );
    expect(store.readOnlyReason).toMatch(/update the app to edit it/);
    expect(store.review.title).toBe('Social media policy');
  });

  it('refuses writes with E_READ_ONLY', async () => {
    const { library, id } = await libraryWith(newerFormat);
    const store = await library.openReview(id);
    await expect(store.mutate((draft) => (draft.title = 'Changed'))).rejects.toMatchObject({ code: 'E_READ_ONLY' });
  });

  it('leaves the file byte-identical', async () => {
    const { library, id, file, bytes } = await libraryWith(newerFormat);
    const store = await library.openReview(id);
    await store.mutate((draft) => (draft.title = 'Changed')).catch(() => undefined);
    await library.list();
    await library.closeAll();
    expect(await readFile(file)).toEqual(bytes);
  });

  it('refuses with E_NEWER_FORMAT, saying to update the app, when it cannot understand it', async () => {
    const { library, id, file, bytes } = await libraryWith(newerAndUnreadable);
    const opening = library.openReview(id);
    await expect(opening).rejects.toMatchObject({
      code: 'E_NEWER_FORMAT',
      message: expect.stringContaining('Update the app to open it.') as unknown,
    });
    expect(await readFile(file)).toEqual(bytes);
  });
});

describe('opening a review of format 1, before members voted', () => {
  it('gives it an empty list of votes, after a backup', async () => {
    const dataDir = await tempDir();
    const library = new ReviewLibrary(dataDir);
    const review = newReviewDocument('Social media policy', { name: 'Test Chair', role: 'chair' }, systemClock);
    const { votes, ...formatOne } = { ...review, schemaVersion: 1 };
    expect(votes).toEqual([]);
    await mkdir(join(dataDir, 'reviews'), { recursive: true });
    await writeFile(library.fileFor(review.id), serializeJson(formatOne));
    const store = await library.openReview(review.id);
    expect(store.review).toEqual({ ...review, schemaVersion: SCHEMA_VERSION, votes: [] });
    expect(await listBackups(library.fileFor(review.id))).toHaveLength(1);
    await library.closeAll();
  });
});
