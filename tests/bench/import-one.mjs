// One measurement in a fresh plain-Node process (no TypeScript loader), so time and peak memory are the app's:
//   node tests/bench/import-one.mjs app|app-warm|command|raw|raw-command FILE
// `app` runs the built `policy-review import` (format check, parsing process with its workers and limits, blocks,
// durable save) into a new review, in a process where the command line is loaded already; `app-warm` does the
// same with its parsing process started a second before, as the app starts one when the person opens the file
// dialog (not knowing the file yet); `command` times the whole `policy-review import` command, from starting its
// process to its end, as a person at a terminal waits for it. `raw` runs only the parser library (mammoth for
// .docx, pdf.js text for .pdf); `raw-command` times a whole process that does that.
// Prints one JSON line: time, this process's peak memory, and for `app` the parsing processes' peak (sampled from
// /proc, Linux only) and the error the import answered, if any.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';

const [mode, file] = process.argv.slice(2);
if (!['app', 'app-warm', 'command', 'raw', 'raw-command'].includes(mode) || !file)
  throw new Error('usage: import-one.mjs app|app-warm|command|raw|raw-command FILE');

/** How long the parsing process has to get ready in `app-warm`: about as long as a person takes to pick a file. */
const WARM_MS = 1000;

/** The highest peak resident memory (VmHWM) of this process's children, in kilobytes, sampled every few milliseconds. */
function watchChildren() {
  let peakKb = 0;
  const sample = () => {
    let children = [];
    try {
      children = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'latin1')
        .trim()
        .split(/\s+/)
        .filter(Boolean);
    } catch {
      return;
    }
    for (const pid of children) {
      try {
        peakKb = Math.max(
          peakKb,
          Number(/^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1] ?? 0),
        );
      } catch {
        // It has just ended.
      }
    }
  };
  const timer = setInterval(sample, 5);
  return () => {
    clearInterval(timer);
    sample();
    return process.platform === 'linux' ? Math.round(peakKb / 1024) : null;
  };
}

let units = 0;
let ms;
let parserPeakRssMb = null;
let error = null;
if (mode === 'app' || mode === 'app-warm') {
  const { runCli } = await import(new URL('../../out/main/cli.js', import.meta.url).href);
  const dataDir = await mkdtemp(join(tmpdir(), 'policy-review-bench-'));
  let created = '';
  await runCli(['new', '--title', 'Bench', '--json', '--data-dir', dataDir], {
    out: (text) => (created = text),
    err: (text) => console.error(text),
  });
  const reviewId = JSON.parse(created).id;
  if (mode === 'app-warm') {
    // A build from before parsing processes were started ahead has no warm-up: it just waits as long.
    const warmUp = await import(new URL('../../out/main/parser-warm-up.js', import.meta.url).href).catch(
      () => undefined,
    );
    warmUp?.importParser.warmUp(warmUp.ANY_POLICY);
    await new Promise((resolve) => setTimeout(resolve, WARM_MS));
  }
  let printed = '';
  const stopWatching = watchChildren();
  const started = performance.now();
  const code = await runCli(['import', reviewId, file, '--json', '--data-dir', dataDir], {
    out: (text) => (printed = text),
    err: (text) => (error = text),
  });
  ms = performance.now() - started;
  parserPeakRssMb = stopWatching();
  if (code === 0) units = JSON.parse(printed).blocks;
  await rm(dataDir, { recursive: true, force: true });
} else if (mode === 'command' || mode === 'raw-command') {
  const bin = new URL('../../electron/cli/bin.mjs', import.meta.url).pathname;
  const dataDir = await mkdtemp(join(tmpdir(), 'policy-review-bench-'));
  const reviewId = JSON.parse(
    spawnSync(process.execPath, [bin, 'new', '--title', 'Bench', '--json', '--data-dir', dataDir], { encoding: 'utf8' })
      .stdout,
  ).id;
  const args =
    mode === 'command'
      ? [bin, 'import', reviewId, file, '--json', '--data-dir', dataDir]
      : [new URL(import.meta.url).pathname, 'raw', file];
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  ms = performance.now() - started;
  if (run.status === 0)
    units = mode === 'command' ? JSON.parse(run.stdout).blocks : JSON.parse(run.stdout.trim().split('\n').at(-1)).units;
  else error = run.stderr.trim();
  await rm(dataDir, { recursive: true, force: true });
} else {
  const bytes = await readFile(file);
  const started = performance.now();
  if (extname(file) === '.docx') {
    const mammoth = await import('mammoth');
    units = (await mammoth.convertToHtml({ buffer: bytes })).value.split('</p>').length - 1;
  } else {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    for (let n = 1; n <= doc.numPages; n++) units += (await (await doc.getPage(n)).getTextContent()).items.length;
    await doc.destroy();
  }
  ms = performance.now() - started;
}
// maxRSS is the peak resident memory of this whole process, worker threads included (kilobytes on Linux).
console.log(
  JSON.stringify({
    ms: Math.round(ms),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    parserPeakRssMb,
    units,
    error,
  }),
);
