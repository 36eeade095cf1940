// A zip archive from outside (a Word document, a review package) is read here under limits: its directory is checked
// before anything is unpacked, and no entry is unpacked past the size the directory declared for it, so a "zip bomb"
// (a small file that unpacks to gigabytes, or an entry that unpacks to far more than it declares) is refused once it
// passes what the limits admitted. What each kind of archive calls a problem is said by its caller, in its own words.
import { inflateRaw } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { bufferView } from './buffer-view';
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

/** The zip compression methods an archive of ours (or Word's) uses: none, and deflate. */
const STORED = 0;
const DEFLATED = 8;
/** How much of an entry's start `keep` is shown: enough to tell what kind of part it is. */
const FIRST_BYTES = 64 * 1024;

/** zlib's least output piece, and the most this asks for at once. */
const MIN_CHUNK_BYTES = 64;
const MAX_CHUNK_BYTES = 64 * 1024 * 1024;

/** Entries smaller than this are not held to the compression-ratio limit: small text entries compress very well. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

/** An archive opened for reading: its entries (checked against the limits) and a way to unpack each. */
export class BoundedZip {
  private unpackedBytes = 0;

  private constructor(
    private readonly bytes: Buffer,
    private readonly zip: ZipFile,
    readonly entries: readonly Entry[],
    private readonly limits: ZipLimits,
    private readonly problems: ZipProblems,
  ) {}

  /** Opens the archive and reads its directory; refuses at once what the directory declares beyond the limits. */
  static async open(bytes: Uint8Array, limits: ZipLimits, problems: ZipProblems): Promise<BoundedZip> {
    const buffer = bufferView(bytes);
    const zip = await openZip(buffer, problems);
    try {
      if (zip.entryCount > limits.maxEntries) throw problems.tooManyEntries(zip.entryCount);
      return new BoundedZip(buffer, zip, await readDirectory(zip, limits, problems), limits, problems);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  /**
   * Unpacks one entry in one piece, never past the size its directory declares (already held to the limits): an
   * entry that inflates to more is refused as soon as it passes that size, one that yields less is damaged. With
   * `keep` false for its first bytes, the entry is checked and let go (undefined). In one piece rather than as a
   * stream of 16 KB pieces, which took about twice as long for a review package's 14 MB review.
   */
  async unpack(entry: Entry, keep: (firstBytes: Uint8Array) => boolean = () => true): Promise<Uint8Array | undefined> {
    const { limits, problems } = this;
    const start = await this.zip.readLocalFileHeaderPromise(entry, { minimal: true }).then(
      (header) => header.fileDataStart,
      () => Promise.reject(problems.damaged()),
    );
    const stored = this.bytes.subarray(start, start + entry.compressedSize);
    let content: Uint8Array;
    if (entry.compressionMethod === STORED) content = stored.slice();
    else if (entry.compressionMethod === DEFLATED)
      content = await inflateWithin(stored, entry.uncompressedSize, problems);
    else throw problems.damaged();
    if (content.length !== entry.uncompressedSize) throw problems.damaged();
    this.unpackedBytes += content.length;
    if (this.unpackedBytes > limits.maxUncompressedBytes || tooCompressed(content.length, entry.compressedSize, limits))
      throw problems.tooLarge();
    return keep(content.subarray(0, FIRST_BYTES)) ? content : undefined;
  }

  close(): void {
    this.zip.close();
  }
}

function openZip(buffer: Buffer, problems: ZipProblems): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
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

/**
 * A deflated entry inflated whole, off the main thread, stopped by zlib once it yields more than `declared` bytes
 * (its `maxOutputLength`): a zip bomb costs no more than its directory admitted. Into one buffer of the declared
 * size where that is not huge: zlib's own 16 KB pieces, joined at the end, wrote the 14 MB twice, and memory first
 * written is dear (75 to 145 ms against about 50 for a review package's review, inflated alone).
 */
function inflateWithin(deflated: Uint8Array, declared: number, problems: ZipProblems): Promise<Uint8Array> {
  const chunkSize = Math.min(Math.max(MIN_CHUNK_BYTES, declared), MAX_CHUNK_BYTES);
  return new Promise((resolve, reject) => {
    inflateRaw(deflated, { maxOutputLength: Math.max(1, declared), chunkSize }, (error, content) => {
      if (!error) resolve(content);
      else
        reject(
          (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? problems.tooLarge() : problems.damaged(),
        );
    });
  });
}
