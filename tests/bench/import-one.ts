// One measurement in a fresh process, so peak memory belongs to it alone:
//   tsx tests/bench/import-one.ts app|raw FILE
// `app` imports the file the way the app does (format check, worker with limits, blocks, durable save);
// `raw` runs only the parser library on it (mammoth for .docx, pdf.js text extraction for .pdf).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { ReviewLibrary } from '../../electron/services/library/review-library';
import { newReviewDocument } from '../../electron/services/reviews/new-review';
import { importVersion } from '../../electron/services/versions/import-version';

const [mode, file] = process.argv.slice(2);
if ((mode !== 'app' && mode !== 'raw') || !file) throw new Error('usage: import-one.ts app|raw FILE');

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
const baseline = process.memoryUsage().rss;
const bytes = await readFile(file);

const started = performance.now();
let blocks = 0;
if (mode === 'app') {
  const dataDir = await mkdtemp(join(tmpdir(), 'policy-review-bench-'));
  const library = new ReviewLibrary(dataDir);
  const review = newReviewDocument('Bench', { name: 'Bench' });
  await library.create(review);
  const store = await library.openReview(review.id);
  const { version } = await importVersion(store, { fileName: basename(file), bytes }, { actor: { name: 'Bench' } });
  blocks = version.blocks.length;
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
} else if (extname(file) === '.docx') {
  const mammoth = await import('mammoth');
  const { value } = await mammoth.convertToHtml({ buffer: bytes });
  blocks = value.split('</p>').length - 1;
} else {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  for (let n = 1; n <= doc.numPages; n++) blocks += (await (await doc.getPage(n)).getTextContent()).items.length;
  await doc.destroy();
}
const ms = performance.now() - started;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
console.log(JSON.stringify({ ms: Math.round(ms), peakRssMb: Math.round(peakRss / 2 ** 20), growthMb: Math.round((peakRss - baseline) / 2 ** 20), units: blocks }));
