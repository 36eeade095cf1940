import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileLock } from '../../../electron/services/storage/file-lock';
import { decodeReviewText, type Review } from '../../../shared/model';
import { replayableWithSeed, seededRandom, testSeed, type SeededRandom } from '../support/seeded-random';
import { useTempDirs } from '../support/temp-dir';
import { createReview, ReviewChild, reviewTextOnDisk } from './fixtures';

const tempDir = useTempDirs();
/** TEST_SEED or a fixed default; each test draws from its own generator, so its choices do not depend on the others. */
const seed = testSeed();

interface CrashKind {
  mode: 'members' | 'audit';
  /** The numbered names the writer has left in the review, in file order. */
  written: (review: Review) => string[];
  name: (n: number) => string;
}

const MEMBERS: CrashKind = {
  mode: 'members',
  written: (review) => review.committee.map((m) => m.name).filter((name) => name.startsWith('member-')),
  name: (n) => `member-${n}`,
};
const AUDIT_ENTRIES: CrashKind = {
  mode: 'audit',
  written: (review) => review.audit.filter((e) => e.action === 'test.write').map((e) => e.summary),
  name: (n) => `entry-${n}`,
};

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `rounds` writer processes one after another on one review; each is killed with SIGKILL after a random
 * number of acknowledged writes (5–60) plus a random 0–3 ms, so the kill lands at varying points of a write.
 * After each kill the file must be a valid review holding every acknowledged write, in order, and at most the
 * one write that was in flight. The numbers come from `random`, so a failure's seed replays its choices (the
 * moment the kill lands within a write still varies with the machine's timing).
 */
async function killWritersRepeatedly(kind: CrashKind, rounds: number, random: SeededRandom) {
  const dataDir = await tempDir();
  const { library, id, file } = await createReview(dataDir);
  let next = 1;
  let strayTempFiles = 0;
  let inFlightWritesKept = 0;
  for (let round = 1; round <= rounds; round++) {
    const killAfter = random.int(5, 60);
    const child = ReviewChild.start(kind.mode, dataDir, id, { first: next });
    const ready = await child.waitForLine((line) => line.startsWith('ready'));
    expect(ready, `round ${round}: the writer could not take over the lock the killed writer left`).toBe(
      'ready writable',
    );
    await child.waitForLine((line) => line === `ack ${next + killAfter - 1}`);
    await delay(random.int(0, 3));
    await child.kill();

    const acks = child.acks();
    const lastAck = acks.at(-1) ?? next - 1;
    expect(
      existsSync(FileLock.lockFileFor(file)),
      `round ${round}: the killed writer should have left its lock behind`,
    ).toBe(true);
    const decoded = decodeReviewText(await reviewTextOnDisk(file));
    if (decoded.kind !== 'current') {
      throw new Error(
        `round ${round}: after the kill the review file is ${decoded.kind}${decoded.kind === 'corrupt' ? `: ${decoded.reason}` : ''}`,
      );
    }
    const written = kind.written(decoded.review);
    const acknowledged = Array.from({ length: lastAck }, (_, i) => kind.name(i + 1));
    const withInFlight = [...acknowledged, kind.name(lastAck + 1)];
    expect(
      [acknowledged, withInFlight],
      `round ${round}: after ack ${lastAck} the file holds ${written.length} writes`,
    ).toContainEqual(written);

    if (written.length > lastAck) inFlightWritesKept++;
    strayTempFiles = (await readdir(join(file, '..'))).filter((name) => name.endsWith('.tmp')).length;
    next = written.length + 1;
  }
  // What the kills left beside the review (temp files, the lock) is not mistaken for reviews or damage.
  expect(await library.list()).toMatchObject([{ id, state: 'ok' }]);
  // And this process, too, takes over the lock the last killed writer left, and writes.
  const store = await library.openReview(id);
  expect(store.readOnlyReason).toBeUndefined();
  await store.mutate(() => undefined);
  await library.closeAll();
  return { writes: next - 1, strayTempFiles, inFlightWritesKept };
}

function report(what: string, rounds: number, outcome: Awaited<ReturnType<typeof killWritersRepeatedly>>) {
  console.info(
    `${what} (seed ${seed}): ${rounds} kills, ${outcome.writes} writes on disk, the ` +
      `unacknowledged in-flight write landed in ${outcome.inFlightWritesKept} ` +
      `rounds, ${outcome.strayTempFiles} temp files left by kills mid-write`,
  );
}

const killRounds = (kind: CrashKind, rounds: number) =>
  replayableWithSeed(seed, () => killWritersRepeatedly(kind, rounds, seededRandom(seed)));

describe('a review whose writing process is killed at random moments', () => {
  it('keeps every acknowledged committee member, and stays a valid review that the next process can open and write', async () => {
    report('members', 14, await killRounds(MEMBERS, 14));
  }, 60_000);

  it('keeps every acknowledged audit entry, and stays a valid review that the next process can open and write', async () => {
    report('audit entries', 14, await killRounds(AUDIT_ENTRIES, 14));
  }, 60_000);
});
