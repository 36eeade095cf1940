// The parsing process: the host (Electron's main process, the CLI, the browser host) starts one per import and
// sends it the file; it parses it in worker threads (run-parser.ts) and answers. Its whole resident memory (the
// workers' heaps, the array buffers pdf.js and zlib fill, native memory) is sampled here every few milliseconds,
// and it stops itself above the budget, so no file can take more than that from the machine, and nothing that
// goes wrong here can bring the host down. The host watches it too (parser-process.ts).
// The host may start it before it has the file (spare-parser-process.ts): the parser's worker starts at once and
// loads what the setup expects, so the file finds it ready.
import { parentChannel, watchOwnMemory } from '../processes/service-process';
import { failureOf } from './parse-reply';
import { setupFromArguments, type ParseJob, type ProcessReply } from './parser-process-protocol';
import { WaitingWorkers } from './parser-workers';
import { parseInWorker } from './run-parser';

/** The workers and libraries the setup asks for, started while the file is on its way. */
function prepare(): WaitingWorkers | undefined {
  const setup = setupFromArguments(process.argv);
  if (!setup || !(setup.heapMb > 0)) return undefined;
  const waiting = new WaitingWorkers(setup.heapMb, setup.expect ?? [], setup.pdfHelper === true);
  // Then the stream check's library: a PDF is checked here while its parser reads it.
  if (setup.expect?.includes('pdf')) {
    void waiting.prepared
      .then(() => import('./parsers/pdf-streams'))
      .then(({ loadPdfLib }) => loadPdfLib())
      .catch(() => undefined);
  }
  // And a Word document's archive check (yauzl): the archive is unpacked here while the parser's worker loads mammoth.
  if (setup.expect?.includes('docx')) {
    void waiting.prepared
      .then(() => Promise.all([import('./parsers/docx-zip'), import('../files/bounded-zip')]))
      .catch(() => undefined);
  }
  return waiting;
}

const waiting = prepare();
const channel = parentChannel<ParseJob, ProcessReply>();
channel.onMessage(({ request }) => {
  const { limits } = request;
  watchOwnMemory(limits.maxProcessMemoryMb * 1024 * 1024);
  const progress = (done: number, total: number) => channel.send({ type: 'progress', done, total });
  parseInWorker(request, limits.timeoutMs, limits.maxHeapMb, progress, waiting).then(
    (packed) => channel.send({ type: 'done', ok: true, packed }),
    (error: unknown) => channel.send({ type: 'done', ok: false, error: failureOf(error) }),
  );
});
channel.send({ type: 'ready' });
