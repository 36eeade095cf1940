// A .docx is a zip archive. Before any converter sees it, its directory is checked against the limits, and then
// every entry is unpacked here with its bytes counted as they come out, so a "zip bomb" (a small file that unpacks
// to gigabytes, or a part that unpacks to far more than it declares) is refused a few megabytes in, whatever the
// part is called. The converter then reads only what this check unpacked, never the archive itself.
import type { Readable } from 'node:stream';
import type mammoth from 'mammoth';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError } from '../../../../shared/errors';
import type { ImportLimits } from '../types';

type MammothInput = Parameters<typeof mammoth.convertToHtml>[0];

/** What the check learned on the way: the document properties, when present, and the parts the converter reads. */
export interface DocxArchive {
  /** docProps/core.xml (title, dates), when the archive has it. */
  coreProperties?: string | undefined;
  /** The archive's XML parts as unpacked here, by name: what mammoth reads (`mammothInputOf`) instead of the archive. */
  parts: ReadonlyMap<string, Uint8Array>;
}

/** Entries smaller than this are not held to the compression-ratio limit: small XML parts compress very well. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
const CORE_PROPERTIES = 'docProps/core.xml';
const MAX_CORE_PROPERTIES_BYTES = 256 * 1024;

export async function checkDocxArchive(
  bytes: Uint8Array,
  fileName: string,
  limits: ImportLimits['docx'],
): Promise<DocxArchive> {
  const zip = await openZip(bytes, fileName);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new AppError(
        'E_TOO_LARGE',
        `“${fileName}” holds ${zip.entryCount.toLocaleString('en')} files inside, far more than a ` +
          `Word document (at most ${limits.maxEntries.toLocaleString('en')} are accepted). It may be ` +
          `a “zip bomb” or not a real document; check where it came from.`,
      );
    }
    const entries = await readDirectory(zip, fileName, limits);
    if (!entries.some((entry) => entry.fileName === 'word/document.xml')) {
      throw new AppError(
        'E_INVALID_INPUT',
        `“${fileName}” is a zip archive but not a Word document (it has no word/document.xml). ` +
          `Open it in Word and save it as .docx, or import the PDF instead.`,
      );
    }
    const parts = new Map<string, Uint8Array>();
    const unpacked = { bytes: 0 };
    for (const entry of entries) {
      const content = await unpack(zip, entry, fileName, limits, unpacked);
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
    if (encoding === 'base64') return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
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

function openZip(bytes: Uint8Array, fileName: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, autoClose: false }, (error, zip) => {
      if (error || !zip) reject(damaged(fileName));
      else resolve(zip);
    });
  });
}

/** Reads the central directory only (no unpacking), refusing at once what it declares beyond the limits. */
function readDirectory(zip: ZipFile, fileName: string, limits: ImportLimits['docx']): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    let total = 0;
    const fail = (error: AppError) => {
      zip.removeAllListeners();
      reject(error);
    };
    zip.on('entry', (entry: Entry) => {
      total += entry.uncompressedSize;
      if (total > limits.maxUncompressedBytes || tooCompressed(entry.uncompressedSize, entry.compressedSize, limits)) {
        return fail(zipBomb(fileName));
      }
      if (entry.isEncrypted()) {
        return fail(
          new AppError(
            'E_UNSUPPORTED',
            `“${fileName}” is encrypted, so its text cannot be read. Open it in Word, remove the password, save it, and import it again.`,
          ),
        );
      }
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', () => fail(damaged(fileName)));
    zip.readEntry();
  });
}

function tooCompressed(uncompressed: number, compressed: number, limits: ImportLimits['docx']): boolean {
  return uncompressed > RATIO_FLOOR_BYTES && uncompressed / Math.max(1, compressed) > limits.maxCompressionRatio;
}

/**
 * Unpacks one entry, counting what comes out against the archive's total and the entry's compression ratio, and
 * stopping as soon as either is exceeded or the entry yields more than it declared (yauzl's check). Keeps the
 * content of XML parts; pictures and other binary parts are checked and let go, since mammoth reads a picture only
 * when asked to convert it, and this app never asks.
 */
function unpack(
  zip: ZipFile,
  entry: Entry,
  fileName: string,
  limits: ImportLimits['docx'],
  unpacked: { bytes: number },
): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream: Readable) => {
      if (error || !stream) return reject(damaged(fileName));
      const chunks: Buffer[] = [];
      let bytes = 0;
      let keep: boolean | undefined;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        unpacked.bytes += chunk.length;
        if (unpacked.bytes > limits.maxUncompressedBytes || tooCompressed(bytes, entry.compressedSize, limits)) {
          stream.destroy();
          return reject(zipBomb(fileName));
        }
        keep ??= startsLikeXml(chunk);
        if (keep) chunks.push(chunk);
      });
      stream.once('end', () => resolve(keep === false ? undefined : Buffer.concat(chunks)));
      stream.once('error', (streamError: Error) => {
        stream.destroy();
        reject(/too many bytes/.test(streamError.message) ? zipBomb(fileName) : damaged(fileName));
      });
    });
  });
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
