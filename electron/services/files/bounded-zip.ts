// A zip archive from outside (a Word document, a review package) is read here under limits: its directory is checked
// before anything is unpacked, and every entry is unpacked with its bytes counted as they come out, so a "zip bomb"
// (a small file that unpacks to gigabytes, or an entry that unpacks to far more than it declares) is refused a few
// megabytes in. What each kind of archive calls a problem is said by its caller, in its own words.
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { AppError } from '../../../shared/errors';

export interface ZipLimits {
  maxEntries: number;
  /** All entries together, unpacked. */
  maxUncompressedBytes: number;
  /** Unpacked over packed size, for entries over RATIO_FLOOR_BYTES. */
  maxCompressionRatio: number;
}

/** The errors an archive's problems become, worded for what the archive is meant to be. */
export interface ZipProblems {
  /** Not a zip archive, or a damaged one. */
  damaged(): AppError;
  /** More entries than the limit. */
  tooManyEntries(count: number): AppError;
  /** More bytes unpacked than the limit, or too high a compression ratio. */
  tooLarge(): AppError;
  encrypted(): AppError;
  /** An entry's name is absolute or climbs out of the archive's folder (`../`), or uses backslashes. */
  unsafeName(name: string): AppError;
}

/** Entries smaller than this are not held to the compression-ratio limit: small text entries compress very well. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

/** An archive opened for reading: its entries (checked against the limits) and a way to unpack each. */
export class BoundedZip {
  private unpackedBytes = 0;

  private constructor(
    private readonly zip: ZipFile,
    readonly entries: readonly Entry[],
    private readonly limits: ZipLimits,
    private readonly problems: ZipProblems,
  ) {}

  /** Opens the archive and reads its directory; refuses at once what the directory declares beyond the limits. */
  static async open(bytes: Uint8Array, limits: ZipLimits, problems: ZipProblems): Promise<BoundedZip> {
    const zip = await openZip(bytes, problems);
    try {
      if (zip.entryCount > limits.maxEntries) throw problems.tooManyEntries(zip.entryCount);
      return new BoundedZip(zip, await readDirectory(zip, limits, problems), limits, problems);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  /**
   * Unpacks one entry, counting what comes out against the archive's total and the entry's ratio, stopping as soon
   * as either is exceeded or the entry yields more than it declared. With `keep` false for its first bytes, the
   * entry is checked and let go (undefined).
   */
  unpack(entry: Entry, keep: (firstChunk: Uint8Array) => boolean = () => true): Promise<Uint8Array | undefined> {
    const { limits, problems } = this;
    return new Promise((resolve, reject) => {
      this.zip.openReadStream(entry, (error, stream: Readable) => {
        if (error || !stream) return reject(problems.damaged());
        const chunks: Buffer[] = [];
        let bytes = 0;
        let kept: boolean | undefined;
        stream.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          this.unpackedBytes += chunk.length;
          if (this.unpackedBytes > limits.maxUncompressedBytes || tooCompressed(bytes, entry.compressedSize, limits)) {
            stream.destroy();
            return reject(problems.tooLarge());
          }
          kept ??= keep(chunk);
          if (kept) chunks.push(chunk);
        });
        stream.once('end', () => resolve(kept === false ? undefined : Buffer.concat(chunks)));
        stream.once('error', (streamError: Error) => {
          stream.destroy();
          reject(/too many bytes/.test(streamError.message) ? problems.tooLarge() : problems.damaged());
        });
      });
    });
  }

  close(): void {
    this.zip.close();
  }
}

function openZip(bytes: Uint8Array, problems: ZipProblems): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Names are decoded here rather than by yauzl, so an unsafe one is refused in the caller's words.
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, validateEntrySizes: true, autoClose: false, decodeStrings: false },
      (error, zip) => {
        if (error || !zip) reject(problems.damaged());
        else resolve(zip);
      },
    );
  });
}

function readDirectory(zip: ZipFile, limits: ZipLimits, problems: ZipProblems): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    let total = 0;
    const fail = (error: AppError) => {
      zip.removeAllListeners();
      reject(error);
    };
    zip.on('entry', (entry: Entry) => {
      const name = entryName(entry);
      if (unsafeName(name)) return fail(problems.unsafeName(name));
      entry.fileName = name;
      total += entry.uncompressedSize;
      if (total > limits.maxUncompressedBytes || tooCompressed(entry.uncompressedSize, entry.compressedSize, limits))
        return fail(problems.tooLarge());
      if (entry.isEncrypted()) return fail(problems.encrypted());
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', () => fail(problems.damaged()));
    zip.readEntry();
  });
}

/** The entry's name as yauzl decodes it (UTF-8 flag, Info-ZIP Unicode path field, else CP437). */
function entryName(entry: Entry): string {
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
}

/** Absolute, climbing out (`..`), with a drive letter or backslashes: never a name an archive of ours holds. */
function unsafeName(name: string): boolean {
  return (
    name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name) || name.split('/').some((p) => p === '..')
  );
}

function tooCompressed(uncompressed: number, compressed: number, limits: ZipLimits): boolean {
  return uncompressed > RATIO_FLOOR_BYTES && uncompressed / Math.max(1, compressed) > limits.maxCompressionRatio;
}
