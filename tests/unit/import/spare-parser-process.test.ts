// A parsing process started ahead of an import (electron/services/import/spare-parser-process.ts): the import takes
// it, it parses that one file and ends, and one nobody takes ends on its own. The processes are the real ones,
// started by the real starter; the tests only note which were started and when each ended.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { forkServiceProcess } from '../../../electron/services/processes/fork-service-process';
import { typedProcess } from '../../../electron/services/processes/service-process';
import { parseInProcess } from '../../../electron/services/import/parser-process';
import {
  setupFromArguments,
  type ParserProcess,
  type ParserSetup,
} from '../../../electron/services/import/parser-process-protocol';
import { ANY_POLICY, SpareParserProcess } from '../../../electron/services/import/spare-parser-process';
import { DEFAULT_IMPORT_LIMITS, type ImportFormat } from '../../../electron/services/import/types';
import { flateBombPdf } from '../../../fixtures/generator/memory-bombs';
import { useTempDirs } from '../support/temp-dir';
import { call, reviewIn, RIVERTON } from './support-import';

const tempDir = useTempDirs();

interface Started {
  child: ParserProcess;
  setup: ParserSetup | undefined;
  ended: Promise<void>;
}

/** Node's own starter, noting each process it starts: what it was told to prepare, and when it ends. */
function notedStarts() {
  const started: Started[] = [];
  const start = (modulePath: string, args: readonly string[]): ParserProcess => {
    const child: ParserProcess = typedProcess(forkServiceProcess(modulePath, args));
    started.push({
      child,
      setup: setupFromArguments(args),
      ended: new Promise((resolve) => child.onExit(() => resolve())),
    });
    return child;
  };
  return { started, start };
}

const request = async (format: ImportFormat, file: string) => ({
  format,
  fileName: file,
  bytes: new Uint8Array(await readFile(`${RIVERTON}/${file}`)),
  limits: DEFAULT_IMPORT_LIMITS,
});

describe('a parsing process started ahead of an import', () => {
  it('is taken by the next import, parses that file and ends; the file after gets a process of its own', async () => {
    const { started, start } = notedStarts();
    const spare = new SpareParserProcess({ heapMb: DEFAULT_IMPORT_LIMITS.maxHeapMb, startProcess: start });
    spare.warmUp({ expect: ['markdown'] });
    expect(started).toHaveLength(1);
    expect(started[0]!.setup).toEqual({ heapMb: DEFAULT_IMPORT_LIMITS.maxHeapMb, expect: ['markdown'] });

    const first = await parseInProcess(await request('markdown', 'v1.md'), { spare, startProcess: start });
    expect(first.blocks.length).toBeGreaterThan(40);
    expect(started).toHaveLength(1);
    await started[0]!.ended;

    spare.warmUp({ expect: ['markdown'] });
    const second = await parseInProcess(await request('markdown', 'v2.md'), { spare, startProcess: start });
    expect(second.blocks.length).toBeGreaterThan(40);
    expect(started).toHaveLength(2);
    expect(started[1]!.child.pid).not.toBe(started[0]!.child.pid);
    await started[1]!.ended;
  }, 60_000);

  it('parses a file of another format than it prepared for', async () => {
    const { started, start } = notedStarts();
    const spare = new SpareParserProcess({ heapMb: DEFAULT_IMPORT_LIMITS.maxHeapMb, startProcess: start });
    spare.warmUp({ expect: ['pdf'], pdfHelper: true });
    const parsed = await parseInProcess(await request('docx', 'v1.docx'), { spare, startProcess: start });
    expect(parsed.blocks.length).toBeGreaterThan(40);
    expect(started).toHaveLength(1);
  }, 60_000);

  it('is not handed to an import once it has ended: the import starts its own', async () => {
    const { started, start } = notedStarts();
    const spare = new SpareParserProcess({ heapMb: DEFAULT_IMPORT_LIMITS.maxHeapMb, startProcess: start });
    spare.warmUp();
    started[0]!.child.kill();
    await started[0]!.ended;
    const parsed = await parseInProcess(await request('txt', 'v1.txt'), { spare, startProcess: start });
    expect(parsed.blocks.length).toBeGreaterThan(40);
    expect(started).toHaveLength(2);
  }, 60_000);

  it('ends on its own when no import takes it in time, and when its host lets it go', async () => {
    const { started, start } = notedStarts();
    const idle = new SpareParserProcess({ heapMb: DEFAULT_IMPORT_LIMITS.maxHeapMb, startProcess: start, idleMs: 200 });
    idle.warmUp();
    await started[0]!.ended;
    expect(idle.take()).toBeUndefined();

    const disposed = new SpareParserProcess({ heapMb: DEFAULT_IMPORT_LIMITS.maxHeapMb, startProcess: start });
    disposed.warmUp();
    disposed.dispose();
    await started[1]!.ended;
  }, 60_000);

  it('refuses a PDF whose stream unpacks to gigabytes with the stream check’s answer, its workers having started before the file came', async () => {
    const { start } = notedStarts();
    const spare = new SpareParserProcess({ heapMb: DEFAULT_IMPORT_LIMITS.maxHeapMb, startProcess: start });
    spare.warmUp(ANY_POLICY);
    const bomb = {
      format: 'pdf' as const,
      fileName: 'flate-bomb.pdf',
      bytes: (await flateBombPdf()).pdf,
      limits: DEFAULT_IMPORT_LIMITS,
    };
    const error = await parseInProcess(bomb, { spare, startProcess: start }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'E_TOO_LARGE',
      message: expect.stringMatching(/“flate-bomb\.pdf” holds a compressed part .* that unpacks to more than 64 MB/),
    });
  }, 120_000);
});

describe('the workstation’s parsing process for the next import', () => {
  /** A workstation whose native file dialog answers `chosen`, and the processes its imports start. */
  async function workstationChoosing(chosen: string[]) {
    const { started, start } = notedStarts();
    const { ws, reviewId } = await reviewIn(await tempDir(), {
      chooseFiles: async () => chosen,
      startServiceProcess: start,
    });
    return { ws, reviewId, started };
  }

  it('starts one, preparing the PDF and Word parsers, when the file dialog opens for an import, and the import takes it', async () => {
    const { ws, reviewId, started } = await workstationChoosing([`${RIVERTON}/v1.md`]);
    const [chosen] = await call(ws, 'files.choose', { purpose: 'import-version' });
    expect(started.map(({ setup }) => setup)).toEqual([{ heapMb: DEFAULT_IMPORT_LIMITS.maxHeapMb, ...ANY_POLICY }]);
    const { version } = await call(ws, 'versions.import', {
      reviewId,
      source: { kind: 'chosen', token: chosen!.token },
    });
    expect(version.blocks).toBeGreaterThan(40);
    expect(started).toHaveLength(1);
    await started[0]!.ended;
    await ws.close();
  }, 60_000);

  it('starts one when files are on their way (dragged over the window), which the dropped file’s import takes', async () => {
    const { ws, reviewId, started } = await workstationChoosing([]);
    expect(await call(ws, 'versions.prepareImport', {})).toEqual({ preparing: true });
    expect(await call(ws, 'versions.prepareImport', {})).toEqual({ preparing: true });
    expect(started).toHaveLength(1);
    const bytes = await readFile(`${RIVERTON}/v1.docx`);
    const { version } = await call(ws, 'versions.import', {
      reviewId,
      source: { kind: 'file', fileName: 'v1.docx', dataBase64: bytes.toString('base64') },
    });
    expect(version.blocks).toBeGreaterThan(40);
    expect(started).toHaveLength(1);
    await started[0]!.ended;
    await ws.close();
  }, 60_000);

  it('ends it when the person cancels the dialog', async () => {
    const { ws, started } = await workstationChoosing([]);
    expect(await call(ws, 'files.choose', { purpose: 'import-version' })).toEqual([]);
    await started[0]!.ended;
    await ws.close();
  }, 60_000);

  it('starts the next chosen file’s process, prepared for its format, once the one before is imported', async () => {
    const { ws, reviewId, started } = await workstationChoosing([`${RIVERTON}/v1.md`, `${RIVERTON}/v2.txt`]);
    const [first, second] = await call(ws, 'files.choose', { purpose: 'import-version' });
    await call(ws, 'versions.import', { reviewId, source: { kind: 'chosen', token: first!.token } });
    expect(started.map(({ setup }) => setup?.expect)).toEqual([ANY_POLICY.expect, ['txt']]);
    await call(ws, 'versions.import', { reviewId, source: { kind: 'chosen', token: second!.token } });
    expect(started).toHaveLength(2);
    await Promise.all(started.map(({ ended }) => ended));
    await ws.close();
  }, 60_000);
});
