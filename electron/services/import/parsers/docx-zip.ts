// A .docx is a zip archive. Before any converter sees it, it is unpacked here under the import's limits (see
// bounded-zip.ts), so a "zip bomb" is refused a few megabytes in, whatever the part is called. The converter then
// reads only what this check unpacked, never the archive itself. In an import the check runs in the parsing
// process's own thread while the parser's worker starts (run-parser.ts); the parser gets the parts it unpacked.
import type mammoth from 'mammoth';
import { AppError } from '../../../../shared/errors';
import type { ZipProblems } from '../../files/bounded-zip';
import type { DocxArchive, ImportLimits } from '../types';
import { bufferView } from '../../files/buffer-view';

type MammothInput = Parameters<typeof mammoth.convertToHtml>[0];

const CORE_PROPERTIES = 'docProps/core.xml';
const MAX_CORE_PROPERTIES_BYTES = 256 * 1024;

/** The archive checked against `limits` (sizes, ratio, entries, names) and its XML parts unpacked, or an AppError. */
export async function checkDocxArchive(
  bytes: Uint8Array,
  fileName: string,
  limits: ImportLimits['docx'],
): Promise<DocxArchive> {
  // The zip reader loads with the first check: a parser given parts checked already never needs it.
  const { BoundedZip } = await import('../../files/bounded-zip');
  const zip = await BoundedZip.open(bytes, limits, docxProblems(fileName, limits));
  try {
    if (!zip.entries.some((entry) => entry.fileName === 'word/document.xml')) {
      throw new AppError(
        'E_INVALID_INPUT',
        `“${fileName}” is a zip archive but not a Word document (it has no word/document.xml). ` +
          `Open it in Word and save it as .docx, or import the PDF instead.`,
      );
    }
    const parts = new Map<string, Uint8Array>();
    for (const entry of zip.entries) {
      // Pictures and other binary parts are checked and let go: mammoth reads a picture only when asked to
      // convert it, and this app never asks.
      const content = await zip.unpack(entry, startsLikeXml);
      if (content) parts.set(entry.fileName, content);
    }
    const core = parts.get(CORE_PROPERTIES);
    const coreProperties =
      core && core.length <= MAX_CORE_PROPERTIES_BYTES ? Buffer.from(core).toString('utf8') : undefined;
    return { coreProperties, parts };
  } finally {
    zip.close();
  }
}

function docxProblems(fileName: string, limits: ImportLimits['docx']): ZipProblems {
  return {
    damaged: () => damaged(fileName),
    tooLarge: () => zipBomb(fileName),
    tooManyEntries: (count) =>
      new AppError(
        'E_TOO_LARGE',
        `“${fileName}” holds ${count.toLocaleString('en')} files inside, far more than a ` +
          `Word document (at most ${limits.maxEntries.toLocaleString('en')} are accepted). It may be ` +
          `a “zip bomb” or not a real document; check where it came from.`,
      ),
    encrypted: () =>
      new AppError(
        'E_UNSUPPORTED',
        `“${fileName}” is encrypted, so its text cannot be read. Open it in Word, remove the password, save it, and import it again.`,
      ),
    // Word never writes such a name; a file that holds one was made to attack whoever unpacks it.
    unsafeName: () => damaged(fileName),
  };
}

/**
 * The unpacked parts in the shape mammoth opens a .docx as: `exists(name)` and `read(name, encoding)` (its
 * lib/unzip.js accepts an opened archive as `{ file }`, beside a path or a buffer).
 */
class UnpackedParts {
  constructor(private readonly parts: ReadonlyMap<string, Uint8Array>) {}

  exists(name: string): boolean {
    return this.parts.has(name);
  }

  async read(name: string, encoding?: string): Promise<Uint8Array | string> {
    const bytes = this.parts.get(name);
    if (!bytes) throw new Error(`The document has no part ${name}.`);
    if (encoding === 'base64') return bufferView(bytes).toString('base64');
    return encoding ? new TextDecoder(encoding).decode(bytes) : bytes;
  }
}

/**
 * The parts, as mammoth's input. Its published types know only paths and buffers; the `file` input it also takes
 * is typed here.
 */
export function mammothInputOf(parts: ReadonlyMap<string, Uint8Array>): MammothInput {
  return { file: new UnpackedParts(parts) } as unknown as MammothInput;
}

/** Whether a part's first bytes are XML's: `<`, after an optional byte order mark and white space. */
function startsLikeXml(chunk: Uint8Array): boolean {
  let at = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
  while (at < chunk.length && (chunk[at] === 0x20 || chunk[at] === 0x09 || chunk[at] === 0x0a || chunk[at] === 0x0d))
    at++;
  return at === chunk.length || chunk[at] === 0x3c;
}

function zipBomb(fileName: string): AppError {
  return new AppError(
    'E_TOO_LARGE',
    `“${fileName}” expands to far more than a Word document when unpacked, so it was not ` +
      `opened. It may be a “zip bomb”; check where it came from, or ask for the document as PDF.`,
  );
}

function damaged(fileName: string): AppError {
  return new AppError(
    'E_INVALID_INPUT',
    `“${fileName}” could not be opened as a Word document: the file is damaged or incomplete. ` +
      `Open it in Word and save it again (or ask for a fresh copy), then import it.`,
  );
}
