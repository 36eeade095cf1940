// A .docx is a zip archive. Before any converter unpacks it, its directory is checked against the limits, so a
// "zip bomb" (a small file that unpacks to gigabytes) or an archive of thousands of entries is refused at once,
// and the parts a converter will read are unpacked once here with their sizes enforced, because the sizes an
// archive declares can lie.
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError } from '../../../../shared/errors';
import type { ImportLimits } from '../types';

/** What the check learned on the way: the parts in the archive and the document properties, when present. */
export interface DocxArchive {
  names: Set<string>;
  /** docProps/core.xml (title, dates), when the archive has it. */
  coreProperties?: string | undefined;
}

/** Entries smaller than this are not held to the compression-ratio limit: small XML parts compress very well. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
const CORE_PROPERTIES = 'docProps/core.xml';
const MAX_CORE_PROPERTIES_BYTES = 256 * 1024;

/** The parts a converter parses (XML and relationships); pictures and embedded files are never unpacked. */
const isParsedPart = (name: string) => /\.(xml|rels)$/i.test(name);

export async function checkDocxArchive(bytes: Uint8Array, fileName: string, limits: ImportLimits['docx']): Promise<DocxArchive> {
  const zip = await openZip(bytes, fileName);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new AppError('E_TOO_LARGE', `“${fileName}” holds ${zip.entryCount.toLocaleString('en')} files inside, far more than a Word document (at most ${limits.maxEntries.toLocaleString('en')} are accepted). It may be a “zip bomb” or not a real document; check where it came from.`);
    }
    const entries = await readDirectory(zip, fileName, limits);
    const names = new Set(entries.map((entry) => entry.fileName));
    if (!names.has('word/document.xml')) {
      throw new AppError('E_INVALID_INPUT', `“${fileName}” is a zip archive but not a Word document (it has no word/document.xml). Open it in Word and save it as .docx, or import the PDF instead.`);
    }
    let coreProperties: string | undefined;
    for (const entry of entries.filter((e) => isParsedPart(e.fileName))) {
      const keep = entry.fileName === CORE_PROPERTIES && entry.uncompressedSize <= MAX_CORE_PROPERTIES_BYTES;
      const content = await unpack(zip, entry, fileName, keep);
      if (keep) coreProperties = content;
    }
    return { names, coreProperties };
  } finally {
    zip.close();
  }
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

/** Reads the central directory only (no unpacking), enforcing the size and ratio limits entry by entry. */
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
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (total > limits.maxUncompressedBytes || (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxCompressionRatio)) {
        return fail(zipBomb(fileName));
      }
      if (entry.isEncrypted()) {
        return fail(new AppError('E_UNSUPPORTED', `“${fileName}” is encrypted, so its text cannot be read. Open it in Word, remove the password, save it, and import it again.`));
      }
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', () => fail(damaged(fileName)));
    zip.readEntry();
  });
}

/** Unpacks one entry, failing as soon as it yields more bytes than it declared; returns its text when asked to keep it. */
function unpack(zip: ZipFile, entry: Entry, fileName: string, keep: boolean): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream: Readable) => {
      if (error || !stream) return reject(damaged(fileName));
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (keep) chunks.push(chunk);
      });
      stream.once('end', () => resolve(keep ? Buffer.concat(chunks).toString('utf8') : undefined));
      stream.once('error', (streamError: Error) => {
        stream.destroy();
        reject(/too many bytes/.test(streamError.message) ? zipBomb(fileName) : damaged(fileName));
      });
    });
  });
}

function zipBomb(fileName: string): AppError {
  return new AppError('E_TOO_LARGE', `“${fileName}” expands to far more than a Word document when unpacked, so it was not opened. It may be a “zip bomb”; check where it came from, or ask for the document as PDF.`);
}

function damaged(fileName: string): AppError {
  return new AppError('E_INVALID_INPUT', `“${fileName}” could not be opened as a Word document: the file is damaged or incomplete. Open it in Word and save it again (or ask for a fresh copy), then import it.`);
}
