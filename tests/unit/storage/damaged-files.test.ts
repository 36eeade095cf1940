import { randomBytes, randomUUID } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReviewLibrary } from '../../../electron/services/library/review-library';
import { backupFolderFor } from '../../../electron/services/storage/backups';

import { decodeReviewText, type Review, serializeJson } from '../../../shared/model';
import { runCli } from '../support/run-cli';
import { useTempDirs } from '../support/temp-dir';
import { createReview, sampleReview, sha256OfFile } from './fixtures';
import { reviewTextOnDisk } from '../support/review-on-disk';

const tempDir = useTempDirs();

interface Damage {
  name: string;
  damage: (goodBytes: string, review: Review) => Buffer;
  /** What the message must say is wrong. */
  says: RegExp;
}

const DAMAGES: Damage[] = [
  {
    name: 'a file cut short in the middle',
    damage: (good) => Buffer.from(good.slice(0, Math.floor(good.length / 2))),
    says: /it is not valid JSON \(.+\); it may have been cut short/,
  },
  {
    name: 'valid JSON whose committee is not a list',
    damage: (_, review) => Buffer.from(serializeJson({ ...review, committee: 'x' })),
    says: /does not match the review format: committee: /,
  },
  {
    name: 'valid JSON with a version whose label is empty',
    damage: (_, review) =>
      Buffer.from(
        serializeJson({
          ...review,
          versions: [
            {
              id: randomUUID(),
              label: '',
              importedAt: review.createdAt,
              importedBy: { name: 'Test Chair' },
              source: { fileName: 'policy.txt', mediaType: 'text/plain', sha256: '0'.repeat(64), bytes: 0 },
              blocks: [],
              text: '',
              warnings: [],
            },
          ],
        }),
      ),
    says: /does not match the review format: versions\[0\]\.label: /,
  },
  {
    name: 'binary garbage',
    // Starts with terminal control bytes (clear screen, carriage return, vertical tab), as a binary file may.
    damage: () =>
      Buffer.concat([Buffer.from('\u001b[2J\r\u000b\u0000', 'latin1'), Buffer.from([0x89, 0xff]), randomBytes(2048)]),
    says: /it is not valid JSON/,
  },
  {
    name: 'an empty file',
    damage: () => Buffer.alloc(0),
    says: /it is not valid JSON/,
  },
];

/** A review file in a fresh library, damaged as `damage` says; optionally opened once while good, which leaves a backup. */
async function damagedReview(damage: Damage, { openedWhileGood = false } = {}) {
  const dataDir = await tempDir();
  const review = sampleReview('Damaged policy review');
  const { library, id, file } = await createReview(dataDir, review);
  if (openedWhileGood) {
    await library.openReview(id);
    await library.closeAll();
  }
  const good = await readFile(file);
  const damaged = damage.damage(good.toString('utf8'), review);
  await writeFile(file, damaged);
  // A new library, as after a restart: nothing of the good file is held in memory.
  return { dataDir, library: new ReviewLibrary(dataDir), id, file, good, damaged, sha256: await sha256OfFile(file) };
}

describe.each(DAMAGES)('a review file that is $name', (damage) => {
  it('is refused with E_CORRUPT, saying what is wrong and that the file was not changed', async () => {
    const { library, id } = await damagedReview(damage);
    const opening = library.openReview(id);
    await expect(opening).rejects.toMatchObject({ code: 'E_CORRUPT' });
    const message = await opening.catch((error: Error) => error.message);
    expect(message).toMatch(damage.says);
    expect(message).toContain('The file has not been changed.');
    expect(message).toContain('No usable backup was found.');
  });

  it('is listed as corrupt, with the problem', async () => {
    const { library, id } = await damagedReview(damage);
    const listed = (await library.list()).find((summary) => summary.id === id);
    expect(listed).toMatchObject({ state: 'corrupt', problem: expect.stringMatching(damage.says) as unknown });
    expect(listed?.lastGoodBackup).toBeUndefined();
  });

  it('keeps its bytes when the library opens, lists and reads it', async () => {
    const { library, id, file, sha256 } = await damagedReview(damage);
    await library.openReview(id).catch(() => undefined);
    await library.list();
    await library.read(id).catch(() => undefined);
    await library.closeAll();
    expect(await sha256OfFile(file)).toBe(sha256);
  });

  it('keeps its bytes when the command line lists, shows and checks it', async () => {
    const { dataDir, id, file, sha256 } = await damagedReview(damage);
    for (const command of ['list', 'show', 'checklist']) {
      await runCli([command, ...(command === 'list' ? [] : [id]), '--data-dir', dataDir]);
    }
    expect(await sha256OfFile(file)).toBe(sha256);
  });

  it('is reported by the command line in one line on stderr (exit 1) by show and checklist, and listed (exit 0) by list', async () => {
    const { dataDir, id } = await damagedReview(damage);
    const [list, show, checklist] = await Promise.all([
      runCli(['list', '--data-dir', dataDir]),
      runCli(['show', id, '--data-dir', dataDir]),
      runCli(['checklist', id, '--data-dir', dataDir]),
    ]);
    expect(list).toMatchObject({ code: 0, stderr: '' });
    expect(list.stdout).toContain(`${id}  `);
    expect(list.stdout).toContain('[corrupt]');
    for (const [name, run] of [
      ['show', show],
      ['checklist', checklist],
    ] as const) {
      expect(run.code, `${name} exit code`).toBe(1);
      // One line of plain text: no line breaks and no control characters (a damaged file's bytes could clear the terminal).
      expect(run.stderr.endsWith('\n'), `${name} stderr ends its line`).toBe(true);
      expect(run.stderr.slice(0, -1), `${name} stderr: ${JSON.stringify(run.stderr)}`).not.toMatch(
        /[\p{Cc}\p{Zl}\p{Zp}]/u,
      );
      expect(run.stderr).toMatch(damage.says);
      expect(run.stderr).toContain('The file has not been changed.');
    }
  });

  describe('when a good backup exists', () => {
    it('offers the last good backup, in the error and in the list', async () => {
      const { library, id, file } = await damagedReview(damage, { openedWhileGood: true });
      const message = await library.openReview(id).then(
        () => 'opened',
        (error: Error) => error.message,
      );
      expect(message).toMatch(/A backup from \d{4}-\d\d-\d\d \d\d:\d\d UTC passes its checks/);
      const listed = (await library.list()).find((summary) => summary.id === id);
      expect(listed?.lastGoodBackup?.file.startsWith(backupFolderFor(file) + sep)).toBe(true);
      expect(listed?.problem).toContain('A backup from');
    });

    it('restores the backup, and keeps the damaged bytes beside the review', async () => {
      const { library, id, file, good, damaged } = await damagedReview(damage, { openedWhileGood: true });
      const summary = await library.restoreBackup(id);
      expect(summary.state).toBe('ok');
      expect(await readFile(file)).toEqual(good);
      expect(decodeReviewText(await reviewTextOnDisk(file)).kind).toBe('current');
      const kept = (await readdir(dirname(file))).filter((name) => name.startsWith(`${basename(file)}.replaced-`));
      expect(kept).toHaveLength(1);
      expect(await readFile(join(dirname(file), kept[0] ?? ''))).toEqual(damaged);
    });
  });
});
