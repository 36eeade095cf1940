import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closedAfterEach } from '../support/closed-after-each';
import type { Workstation } from '../../../electron/services/workstation/workstation';
import { listBackups } from '../../../electron/services/storage/backups';

import { decodeReviewText, type RichText, serializeJson } from '../../../shared/model';
import { buildReportModel, renderReportMarkdown } from '../../../shared/report';
import { richTextToPlainText } from '../../../shared/rich-text';
import {
  call,
  comment,
  CONDUCT,
  failure,
  PRIVACY,
  rangeOf,
  reviewWithVersion,
  workstationOn,
} from '../annotations/support-review';
import { runCli } from '../support/run-cli';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const workstations = closedAfterEach<Workstation>();

const LEVELS = 20_000;
const DEEP_WORDS = 'the words at the bottom of the deep list';

/** A comment nested `levels` lists deep, as JSON text: JSON.parse reads it, and it is built without recursion. */
function deepCommentJson(levels: number): string {
  const open = '{"type":"list","listType":"bullet","children":[{"type":"listitem","children":[';
  const close = ']}]}';
  return `{"root":{"type":"root","children":[${open.repeat(levels)}{"type":"text","text":${JSON.stringify(DEEP_WORDS)}}${close.repeat(levels)}]}}`;
}

/** A one-word comment whose text node's `format` is an object nested `levels` deep, as JSON text. */
function deepFormatComment(levels: number): RichText {
  const format = `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
  return JSON.parse(
    `{"root":{"type":"root","children":[{"type":"paragraph","children":[{"type":"text","text":"x","format":${format}}]}]}}`,
  ) as RichText;
}

/**
 * A review with three annotations (the second with two replies) whose file is then edited as another tool might:
 * the comments named in `deep` are replaced by one nested 20,000 lists deep.
 */
async function reviewWithDeepComments(deep: { annotation?: number; reply?: [number, number] }[]) {
  const dataDir = await tempDir();
  const { ws, reviewId, version } = await reviewWithVersion(dataDir);
  const ids: string[] = [];
  for (const [i, words] of [
    'share personal data of residents',
    'political endorsements',
    'harass other residents',
  ].entries()) {
    const added = await call(ws, 'annotations.add', {
      reviewId,
      versionId: version.id,
      range: rangeOf(version, words),
      criterionIds: [i === 0 ? PRIVACY : CONDUCT],
      severity: 'major',
      body: comment(`Comment ${i}`),
    });
    ids.push(added.id);
  }
  const replyIds: string[] = [];
  for (const words of ['First reply', 'Second reply'])
    replyIds.push((await call(ws, 'annotations.reply', { reviewId, annotationId: ids[1]!, body: comment(words) })).id);
  await ws.close();

  const file = ws.library.fileFor(reviewId);
  const document = JSON.parse(await readFile(file, 'utf8')) as {
    annotations: { body: unknown; replies: { body: unknown }[] }[];
  };
  for (const place of deep) {
    if (place.annotation !== undefined) document.annotations[place.annotation]!.body = 'DEEP-COMMENT';
    if (place.reply) document.annotations[place.reply[0]]!.replies[place.reply[1]]!.body = 'DEEP-COMMENT';
  }
  const text = serializeJson(document).replaceAll('"DEEP-COMMENT"', () => deepCommentJson(LEVELS));
  await writeFile(file, text);
  return { dataDir, reviewId, file, ids, replyIds, version, text };
}

/** The text of the first JSON value in `text` that starts with `{` at `from`, by counting brackets outside strings. */
function recordTextAt(text: string, from: number): string {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return text.slice(from, i + 1);
    }
  }
  throw new Error('unterminated record');
}

/** The exact text of the record with `id` in a review file's text: an annotation (`indent` 4) or a reply (8). */
function recordText(text: string, id: string, indent = 4): string {
  const at = text.indexOf(`"id": "${id}"`);
  return recordTextAt(text, text.lastIndexOf(`\n${' '.repeat(indent)}{`, at) + indent + 1);
}

describe('a review with one comment nested 20,000 lists deep', () => {
  it('is read with that annotation set aside as damaged, saying which it is and what is wrong, and everything else as usual', async () => {
    const { file, ids } = await reviewWithDeepComments([{ annotation: 1 }]);
    const decoded = decodeReviewText(await readFile(file, 'utf8'));
    expect(decoded.kind).toBe('current');
    if (decoded.kind !== 'current') return;
    expect(decoded.review.annotations.map((a) => a.id)).toEqual([ids[0], ids[2]]);
    expect(decoded.damaged).toEqual([
      expect.objectContaining({
        where: 'annotations[1]',
        kind: 'annotation',
        id: ids[1],
        author: 'Ada Chair',
        quote: 'political endorsements',
        problem: 'The comment is nested more than 32 levels deep.',
      }),
    ]);
  });

  it('can still be changed, and every save keeps the damaged annotation in the file byte for byte', async () => {
    const { dataDir, reviewId, file, ids, version, text } = await reviewWithDeepComments([{ annotation: 1 }]);
    const damagedText = recordText(text, ids[1]!);
    expect(damagedText.length).toBeGreaterThan(LEVELS * 50);

    const ws = await workstationOn(dataDir);
    workstations.push(ws);
    const opened = await call(ws, 'reviews.open', { reviewId });
    expect(opened.readOnly).toBe(false);
    expect(opened.review.annotations.map((a) => a.id)).toEqual([ids[0], ids[2]]);
    expect(opened.damagedRecords).toEqual([
      expect.objectContaining({
        where: 'annotations[1]',
        kind: 'annotation',
        id: ids[1],
        problem: 'The comment is nested more than 32 levels deep.',
      }),
    ]);

    const added = await call(ws, 'annotations.add', {
      reviewId,
      versionId: version.id,
      range: rangeOf(version, 'official accounts'),
      criterionIds: [PRIVACY],
      severity: 'minor',
      body: comment('Saved beside it'),
    });
    await call(ws, 'committee.set', { reviewId, members: [{ name: 'Bo Member', role: 'member' }] });
    const after = await readFile(file, 'utf8');
    expect(recordText(after, ids[1]!)).toBe(damagedText);
    const reread = decodeReviewText(after);
    expect(reread.kind === 'current' && reread.review.annotations.map((a) => a.id)).toEqual([ids[0], ids[2], added.id]);
    expect(reread.kind === 'current' && reread.damaged.map((d) => d.where)).toEqual(['annotations[1]']);
  });

  it('renders the Markdown report and the command line’s report without it, and no comment can exhaust the stack', async () => {
    const { dataDir, reviewId, file } = await reviewWithDeepComments([{ annotation: 1 }]);
    const decoded = decodeReviewText(await readFile(file, 'utf8'));
    if (decoded.kind !== 'current') throw new Error(decoded.kind);
    const markdown = renderReportMarkdown(buildReportModel(decoded.review, { generatedAt: new Date().toISOString() }));
    expect(markdown).toContain('Comment 0');
    expect(markdown).not.toContain(DEEP_WORDS);

    const report = await runCli([
      'report',
      reviewId,
      '--format',
      'md',
      '--out',
      join(dataDir, 'report.md'),
      '--data-dir',
      dataDir,
    ]);
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);

    const deepBody = JSON.parse(deepCommentJson(LEVELS)) as RichText;
    expect(() => richTextToPlainText(deepBody)).not.toThrow();
  });

  it('is shown by `policy-review show`: which record, and what is wrong with it', async () => {
    const { dataDir, reviewId, ids, replyIds } = await reviewWithDeepComments([{ reply: [1, 0] }, { annotation: 2 }]);
    const shown = await runCli(['show', reviewId, '--data-dir', dataDir]);
    expect(shown).toMatchObject({ code: 0, stderr: '' });
    expect(shown.stdout).toContain(
      '  damaged: 2 records are left out, and kept in the file as they are until removed in the app:\n',
    );
    expect(shown.stdout).toMatch(
      new RegExp(
        `\n    annotations\\[1\\]\\.replies\\[0\\]: reply \\(${replyIds[0]}, by Ada Chair, [^)]*\\)\\. The comment is nested more than 32 levels deep\\.\n`,
      ),
    );
    expect(shown.stdout).toMatch(
      new RegExp(
        `\n    annotations\\[2\\]: annotation \\(${ids[2]}, by Ada Chair, [^,]*, on “harass other ` +
          `residents”\\)\\. The comment is nested more than 32 levels deep\\.\n`,
      ),
    );

    const json = await runCli(['show', reviewId, '--json', '--data-dir', dataDir]);
    expect((JSON.parse(json.stdout) as { damagedRecords: unknown[] }).damagedRecords).toEqual([
      expect.objectContaining({ where: 'annotations[1].replies[0]', kind: 'reply', id: replyIds[0] }),
      expect.objectContaining({ where: 'annotations[2]', kind: 'annotation', id: ids[2] }),
    ]);

    const list = await runCli(['list', '--data-dir', dataDir]);
    expect(list.stdout).toContain(`[2 damaged records: see \`policy-review show ${reviewId.slice(0, 8)}\`]`);
  });
});

describe('damaged replies and other damaged annotations', () => {
  it('sets aside one damaged reply, keeps its annotation and the other replies, and writes the reply back in its place', async () => {
    const { dataDir, reviewId, file, ids, replyIds, text } = await reviewWithDeepComments([{ reply: [1, 0] }]);
    const ws = await workstationOn(dataDir);
    workstations.push(ws);
    const opened = await call(ws, 'reviews.open', { reviewId });
    expect(opened.damagedRecords).toEqual([
      expect.objectContaining({
        where: 'annotations[1].replies[0]',
        kind: 'reply',
        problem: 'The comment is nested more than 32 levels deep.',
      }),
    ]);
    const annotation = opened.review.annotations.find((a) => a.id === ids[1]);
    expect(annotation?.replies.map((r) => richTextToPlainText(r.body))).toEqual(['Second reply']);

    await call(ws, 'annotations.reply', { reviewId, annotationId: ids[1]!, body: comment('Third reply') });
    const after = await readFile(file, 'utf8');
    expect(recordText(after, replyIds[0]!, 8)).toBe(recordText(text, replyIds[0]!, 8));
    const reread = decodeReviewText(after);
    expect(
      reread.kind === 'current' && reread.review.annotations[1]?.replies.map((r) => richTextToPlainText(r.body)),
    ).toEqual(['Second reply', 'Third reply']);
    expect(reread.kind === 'current' && reread.damaged.map((d) => d.where)).toEqual(['annotations[1].replies[0]']);
  });

  it('sets aside an annotation that breaks the review format, saying where, instead of refusing the whole review', async () => {
    const dataDir = await tempDir();
    const { ws, reviewId, version } = await reviewWithVersion(dataDir);
    const added = await call(ws, 'annotations.add', {
      reviewId,
      versionId: version.id,
      range: rangeOf(version, 'political endorsements'),
      criterionIds: [CONDUCT],
      severity: 'major',
      body: comment('Fine'),
    });
    // Brackets, quotes and backslashes inside its strings must not confuse where the record ends in the file.
    const other = await call(ws, 'annotations.add', {
      reviewId,
      versionId: version.id,
      range: rangeOf(version, 'harass other residents'),
      criterionIds: [CONDUCT],
      severity: 'minor',
      body: comment('Odd "]}[{ \\" text'),
    });
    await ws.close();
    const file = ws.library.fileFor(reviewId);
    const text = (await readFile(file, 'utf8')).replace('"severity": "minor"', '"severity": "catastrophic"');
    await writeFile(file, text);

    const decoded = decodeReviewText(text);
    expect(decoded.kind).toBe('current');
    if (decoded.kind !== 'current') return;
    expect(decoded.review.annotations.map((a) => a.id)).toEqual([added.id]);
    expect(decoded.damaged).toEqual([
      expect.objectContaining({
        where: 'annotations[1]',
        id: other.id,
        problem: expect.stringMatching(/^It does not match the review format \(severity: /) as unknown,
      }),
    ]);

    const reopened = await workstationOn(dataDir);
    workstations.push(reopened);
    await call(reopened, 'committee.set', { reviewId, members: [{ name: 'Bo Member', role: 'member' }] });
    expect(recordText(await readFile(file, 'utf8'), other.id)).toBe(recordText(text, other.id));
  });

  it('removes a damaged record only when a person asks, after a backup that still holds it, and says so in the audit log', async () => {
    const { dataDir, reviewId, file, ids, text } = await reviewWithDeepComments([{ annotation: 0 }, { annotation: 2 }]);
    const ws = await workstationOn(dataDir);
    workstations.push(ws);
    const opened = await call(ws, 'reviews.open', { reviewId });
    expect(opened.damagedRecords.map((d) => d.where)).toEqual(['annotations[0]', 'annotations[2]']);

    const removed = await call(ws, 'reviews.removeDamagedRecord', { reviewId, where: 'annotations[0]' });
    // The other damaged annotation moved up one place in the file, and is still there byte for byte.
    expect(removed.damagedRecords).toEqual([expect.objectContaining({ where: 'annotations[1]', id: ids[2] })]);
    const after = await readFile(file, 'utf8');
    expect(after).not.toContain(`"id": "${ids[0]}"`);
    expect(recordText(after, ids[2]!)).toBe(recordText(text, ids[2]!));

    const backups = await listBackups(file);
    const kept = backups.find((b) => b.createdAt === removed.backupCreatedAt);
    expect(kept && recordText(await readFile(kept.file, 'utf8'), ids[0]!)).toBe(recordText(text, ids[0]!));
    const [newest] = await call(ws, 'audit.list', { reviewId, limit: 1 });
    expect(newest).toMatchObject({
      action: 'reviews.removeDamagedRecord',
      summary: expect.stringContaining(
        `Removed the damaged annotation at annotations[0] (${ids[0]}): The comment is nested more than 32 levels deep.`,
      ) as unknown,
    });

    expect(await failure(ws, 'reviews.removeDamagedRecord', { reviewId, where: 'annotations[0]' })).toMatchObject({
      code: 'E_NOT_FOUND',
    });
  });
});

describe('a comment as input', () => {
  it.each([
    [
      'nested 20,000 lists deep',
      () => JSON.parse(deepCommentJson(LEVELS)) as RichText,
      'The comment is nested more than 32 levels deep.',
    ],
    [
      'its text format is an object nested 20,000 levels deep',
      () => deepFormatComment(LEVELS),
      'The comment is nested more than 32 levels deep.',
    ],
  ])('is refused with E_INVALID_INPUT when %s, saving nothing', async (_what, body, says) => {
    const { ws, reviewId, version } = await reviewWithVersion(await tempDir());
    workstations.push(ws);
    const file = ws.library.fileFor(reviewId);
    const before = await readFile(file);
    const error = await failure(ws, 'annotations.add', {
      reviewId,
      versionId: version.id,
      range: rangeOf(version, 'political endorsements'),
      criterionIds: [CONDUCT],
      severity: 'major',
      body: body(),
    });
    expect(error).toMatchObject({ code: 'E_INVALID_INPUT', message: expect.stringContaining(says) as unknown });
    expect(await readFile(file)).toEqual(before);
  });
});
