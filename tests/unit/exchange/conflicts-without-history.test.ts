import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { closedAfterEach } from '../support/closed-after-each';
import type { Workstation } from '../../../electron/services/workstation/workstation';
import { call, reviewWithVersion } from '../annotations/support-review';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const open = closedAfterEach<Workstation>();

it('answers a review that never travelled with no conflicts, without starting its history', async () => {
  // The app asks on opening every review; a history started then would cost a pass over the whole review each time.
  const { ws, dataDir, reviewId } = await reviewWithVersion(await tempDir());
  open.push(ws);
  expect(await call(ws, 'conflicts.list', { reviewId })).toEqual([]);
  expect((await readdir(join(dataDir, 'reviews'))).filter((name) => name.includes('.history.'))).toEqual([]);

  // Exported, it has a history, begun then, and so known to hold no conflict: asked again, the history is not read.
  await call(ws, 'packages.export', { reviewId, destination: { kind: 'return' } });
  const history = join(dataDir, 'reviews', `${reviewId}.history.yjs`);
  expect(JSON.parse(await readFile(`${history}.open-conflicts`, 'utf8'))).toEqual({ ids: [] });
  await writeFile(history, 'not a history the engine could load');
  expect(await call(ws, 'conflicts.list', { reviewId })).toEqual([]);
});
