import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { MethodArgs, MethodName, MethodResult } from '../../../shared/api';
import { reviewFilePath } from './screens';

type Invoke = <M extends MethodName>(method: M, args: MethodArgs<M>) => Promise<MethodResult<M>>;

/** Imports a text file into a review through the contract, as the page would, and returns the version. */
export async function importText(
  invoke: Invoke,
  reviewId: string,
  fileName: string,
  text: string,
): Promise<MethodResult<'versions.import'>['version']> {
  const { version } = await invoke('versions.import', {
    reviewId,
    source: { kind: 'file', fileName, dataBase64: Buffer.from(text, 'utf8').toString('base64') },
  });
  return version;
}

/**
 * Adds annotations on a version straight into the review file, as another member's work would arrive: the
 * contract has no way to add them yet. The review must be closed first, so the services read the file again.
 */
export async function addAnnotations(
  dataDir: string,
  reviewId: string,
  versionId: string,
  quotes: string[],
): Promise<void> {
  const file = reviewFilePath(dataDir, reviewId);
  const review = JSON.parse(await readFile(file, 'utf8')) as {
    annotations: unknown[];
    versions: { id: string; text: string }[];
  };
  const text = review.versions.find((v) => v.id === versionId)?.text ?? '';
  const now = new Date().toISOString();
  for (const exact of quotes) {
    const start = text.indexOf(exact);
    review.annotations.push({
      id: randomUUID(),
      versionId,
      target: {
        source: versionId,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact,
            prefix: text.slice(Math.max(0, start - 16), start),
            suffix: text.slice(start + exact.length, start + exact.length + 16),
          },
          { type: 'TextPositionSelector', start, end: start + exact.length },
        ],
      },
      criterionIds: [],
      severity: 'minor',
      status: 'open',
      body: { root: { type: 'root', children: [] } },
      author: { name: 'Jonas Berg', role: 'legal' },
      createdAt: now,
      updatedAt: now,
      replies: [],
      anchorState: 'anchored',
    });
  }
  await writeFile(file, JSON.stringify(review, null, 2));
}
