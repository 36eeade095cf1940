// A PDF keeps page contents, fonts and object lists in compressed streams, and pdf.js unpacks each one into a
// single growing array buffer, which no worker heap limit counts: a 1.5 MB file can hold one stream that unpacks
// to gigabytes. So before pdf.js opens a file, pdf-lib finds every stream in it, and each is either shown small
// enough by its length (DEFLATE unpacks at most 1,032 bytes per byte) or unpacked here by zlib with a ceiling.
// pdf-lib itself unpacks object and cross-reference streams as it parses; those are held to the same ceiling
// first (see guardPdfLib). This is the first line: the parsing process's memory budget stands behind it for
// whatever it cannot see (pictures' codecs, streams only pdf.js's repair of a broken file would find).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { constants, inflateRawSync } from 'node:zlib';
import type * as PdfLibModule from '@cantoo/pdf-lib';
import type { PDFObject, PDFRawStream } from '@cantoo/pdf-lib';
import { AppError } from '../../../../shared/errors';
import { formatSize } from '../../../../shared/domain/file-size';
import type { ImportLimits } from '../types';

type PdfLib = typeof PdfLibModule;

/** The most bytes each filter can make of one byte: DEFLATE's 1,032, run-length's 64, ASCII85's 4 ("z"). */
const MOST_PER_BYTE: Record<string, number> = {
  FlateDecode: 1032,
  Fl: 1032,
  RunLengthDecode: 64,
  RL: 64,
  ASCII85Decode: 4,
  A85: 4,
  ASCIIHexDecode: 1,
  AHx: 1,
};
/** Filters whose output can be bounded here by unpacking; the picture codecs are left to pdf.js, which never unpacks pictures for text. */
const UNPACKED_HERE = new Set([
  'FlateDecode',
  'Fl',
  'LZWDecode',
  'LZW',
  'RunLengthDecode',
  'RL',
  'ASCII85Decode',
  'A85',
  'ASCIIHexDecode',
  'AHx',
]);
/** pdf-lib parses this many objects, then lets the event loop run (the process's memory watch samples there). */
const OBJECTS_PER_TICK = 2_000;

/** What one check found: the first stream over the ceiling, if any. */
interface StreamCheck {
  readonly maxBytes: number;
  readonly checked: WeakSet<PDFRawStream>;
  tooLarge?: 'unpacks' | 'damaged';
}

/** The check pdf-lib's own stream readers answer to while a file is parsed; checks run one at a time per thread. */
let active: StreamCheck | undefined;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Refuses a PDF with a stream that unpacks to more than `limits.maxStreamBytes`, with E_TOO_LARGE. A file pdf-lib
 * cannot parse, or can parse but not decrypt, passes unchecked: pdf.js then says what is wrong with it, or asks
 * for its password, and the process's memory budget still holds.
 */
export function checkPdfStreams(bytes: Uint8Array, fileName: string, limits: ImportLimits['pdf']): Promise<void> {
  const run = queue.then(() => checkAlone(bytes, fileName, limits.maxStreamBytes));
  queue = run.catch(() => undefined);
  return run;
}

async function checkAlone(bytes: Uint8Array, fileName: string, maxBytes: number): Promise<void> {
  const lib = await loadPdfLib();
  const check: StreamCheck = { maxBytes, checked: new WeakSet() };
  active = check;
  try {
    const objects = await parsedObjects(lib, bytes);
    for (const object of objects ?? []) {
      if (check.tooLarge) break;
      if (object instanceof lib.PDFRawStream && !check.checked.has(object) && !isPicture(lib, object))
        checkStream(lib, object, check);
    }
  } finally {
    active = undefined;
  }
  if (check.tooLarge) throw tooLargeError(fileName, maxBytes, check.tooLarge);
}

/** Every indirect object of the file, decrypted when it opens without a password; undefined when pdf-lib cannot tell. */
async function parsedObjects(lib: PdfLib, bytes: Uint8Array): Promise<PDFObject[] | undefined> {
  try {
    const context = await lib.PDFParser.forBytesWithOptions(bytes, OBJECTS_PER_TICK).parseDocument();
    if (!context.trailerInfo.Encrypt) return context.enumerateIndirectObjects().map(([, object]) => object);
    const opened = await lib.PDFDocument.load(bytes, {
      password: '',
      updateMetadata: false,
      parseSpeed: OBJECTS_PER_TICK,
    });
    return opened.context.enumerateIndirectObjects().map(([, object]) => object);
  } catch {
    return undefined;
  }
}

/** Images (XObjects of subtype Image): pdf.js reads text without ever unpacking them. */
function isPicture(lib: PdfLib, stream: PDFRawStream): boolean {
  return stream.dict.lookup(lib.PDFName.of('Subtype')) === lib.PDFName.of('Image');
}

/** Holds one stream to the ceiling: by its length when that proves it small, else by unpacking it filter by filter. */
function checkStream(lib: PdfLib, stream: PDFRawStream, check: StreamCheck): void {
  check.checked.add(stream);
  const filters = filtersOf(lib, stream);
  const most = filters.reduce(
    (bytes, { name }) => bytes * (MOST_PER_BYTE[name] ?? Number.POSITIVE_INFINITY),
    stream.contents.length,
  );
  if (most <= check.maxBytes) return;
  let data = stream.contents;
  for (const { name, params } of filters) {
    if (!UNPACKED_HERE.has(name)) return;
    const unpacked =
      name === 'FlateDecode' || name === 'Fl'
        ? inflateWithin(data, check.maxBytes)
        : decodeWithin(lib, stream, data, name, params, check.maxBytes);
    if (unpacked === 'damaged') {
      // pdf.js unpacks past some errors zlib stops at (a distance too far back, an unknown length code): what it
      // could make of the stream is bounded by its length alone.
      if (data.length * 1032 > check.maxBytes) check.tooLarge = 'damaged';
      return;
    }
    if (unpacked === 'unreadable') return;
    if (unpacked === 'too-large' || unpacked.length > check.maxBytes) {
      check.tooLarge = 'unpacks';
      return;
    }
    data = unpacked;
  }
}

interface Filter {
  name: string;
  params: PDFObject | undefined;
}

function filtersOf(lib: PdfLib, stream: PDFRawStream): Filter[] {
  const filter = stream.dict.lookup(lib.PDFName.of('Filter'));
  const params = stream.dict.lookup(lib.PDFName.of('DecodeParms'));
  const nameOf = (object: PDFObject | undefined) => (object instanceof lib.PDFName ? object.decodeText() : 'unknown');
  if (filter instanceof lib.PDFArray) {
    return filter.asArray().map((entry, index) => ({
      name: nameOf(stream.dict.context.lookup(entry)),
      params: params instanceof lib.PDFArray ? stream.dict.context.lookup(params.get(index)) : undefined,
    }));
  }
  return filter === undefined ? [] : [{ name: nameOf(filter), params }];
}

/**
 * zlib, stopped one byte past the ceiling, on the stream read as pdf.js reads it: a two-byte header it checks the
 * same way ('unreadable' if pdf.js would refuse it), then DEFLATE data, whose closing checksum pdf.js ignores. A
 * stream cut short gives what it holds; one zlib finds damaged is 'damaged'.
 */
function inflateWithin(data: Uint8Array, maxBytes: number): Uint8Array | 'too-large' | 'damaged' | 'unreadable' {
  const [method = 0, flags = 0] = data;
  if ((method & 0x0f) !== 8 || ((method << 8) | flags) % 31 !== 0 || (flags & 0x20) !== 0) return 'unreadable';
  try {
    return inflateRawSync(data.subarray(2), { maxOutputLength: maxBytes + 1, finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    return error instanceof RangeError ? 'too-large' : 'damaged';
  }
}

/** pdf-lib's decoders for the other filters read a block at a time, so asking for one byte past the ceiling stops them there. */
function decodeWithin(
  lib: PdfLib,
  stream: PDFRawStream,
  data: Uint8Array,
  name: string,
  params: PDFObject | undefined,
  maxBytes: number,
): Uint8Array | 'unreadable' {
  try {
    const dict = stream.dict.context.obj({
      Filter: name,
      ...(params instanceof lib.PDFDict ? { DecodeParms: params } : {}),
    });
    const bytes = lib.decodePDFRawStream(lib.PDFRawStream.of(dict, data)).getBytes(maxBytes + 1);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  } catch {
    return 'unreadable';
  }
}

let loading: Promise<PdfLib> | undefined;

/**
 * pdf-lib's minified single-file build (the same code as the package's modules, about half the time to load), in
 * its CommonJS form: Node has to parse the ES module form twice to tell which kind it is (its package does not
 * say), which took a third of its loading time. Its readers of object and cross-reference streams are made to
 * check a stream before they unpack it. The parsing process loads it while it waits for its file.
 */
export function loadPdfLib(): Promise<PdfLib> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    let lib: PdfLib;
    try {
      lib = require(join(dirname(dirname(require.resolve('@cantoo/pdf-lib'))), 'dist', 'pdf-lib.min.js')) as PdfLib;
    } catch {
      lib = await import('@cantoo/pdf-lib');
    }
    guardPdfLib(lib);
    return lib;
  })();
  return loading;
}

/**
 * pdf-lib unpacks an object stream (a compressed list of objects) or a cross-reference stream as soon as it parses
 * one, with its own DEFLATE reader, which has no ceiling. Its two readers are wrapped so the active check sees the
 * stream first; an oversized one is read as empty (pdf-lib then just finds no objects in it), and the check fails.
 */
function guardPdfLib(lib: PdfLib): void {
  const objectStreams = lib.PDFObjectStreamParser.forStream;
  const crossReferenceStreams = lib.PDFXRefStreamParser.forStream;
  const guarded = (stream: PDFRawStream): PDFRawStream => {
    if (active && !active.tooLarge) checkStream(lib, stream, active);
    return active?.tooLarge ? lib.PDFRawStream.of(stream.dict, new Uint8Array(0)) : stream;
  };
  lib.PDFObjectStreamParser.forStream = (stream, shouldWaitForTick) =>
    objectStreams(guarded(stream), shouldWaitForTick);
  lib.PDFXRefStreamParser.forStream = (stream) => crossReferenceStreams(guarded(stream));
}

function tooLargeError(fileName: string, maxBytes: number, reason: 'unpacks' | 'damaged'): AppError {
  const what =
    reason === 'unpacks'
      ? `unpacks to more than ${formatSize(maxBytes)}`
      : `is damaged and could unpack to more than ${formatSize(maxBytes)}`;
  return new AppError(
    'E_TOO_LARGE',
    `“${fileName}” holds a compressed part (a page’s content, a font or another stream) ` +
      `that ${what}, far more than any policy needs, so it was not opened. It may have been made ` +
      `to exhaust this computer’s memory; check where it came from, or ask for the policy as a ` +
      `Word document or a fresh PDF.`,
  );
}
