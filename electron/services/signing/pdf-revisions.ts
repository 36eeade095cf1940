import {
  decodePDFRawStream,
  PDFContext,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFObjectStreamParser,
  PDFRawStream,
  PDFRef,
  PDFXRefStreamParser,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { bufferView } from '../files/buffer-view';

/** A revision, or a part of one, that cannot be read: the message says what, in words, for "cannot be checked". */
export class UnreadableRevision extends Error {}

/** Where one object of a revision is defined: at a byte offset, inside an object stream, or nowhere (freed). */
export type XrefEntry = { kind: 'free' } | { kind: 'offset'; offset: number } | { kind: 'compressed'; stream: number };

/** One cross-reference section (a classic table with its trailer, or a cross-reference stream) and what it defines. */
export interface XrefSection {
  /** Where the section starts: its `xref` keyword, or its stream object's header. */
  at: number;
  trailer: PDFDict;
  prev: number | undefined;
  /** How the section defines object `number`; undefined when it does not name it. */
  entry(number: number): XrefEntry | undefined;
  /** Every object number the section names. */
  numbers(): Iterable<number>;
  /** The object streams its entries point into. */
  objectStreams: Set<number>;
}

/** Sections a file may chain: far more than any real file has, so that a loop or a hostile file stops early. */
const MAX_SECTIONS = 10_000;

/**
 * Reads a PDF's revisions as the file's own cross-reference sections define them, without parsing the whole file:
 * each section is read once, and objects only when asked for. An incremental update appends a section whose /Prev
 * points at the one before; a revision is the chain that starts at one `startxref`. Classic tables, cross-reference
 * streams (PDF 1.5) and hybrid files (/XRefStm) are read; anything that does not read cleanly throws
 * `UnreadableRevision` rather than being guessed at, since what cannot be read cannot be said unchanged.
 */
export class PdfRevisions {
  private readonly sections = new Map<number, XrefSection>();
  private readonly objects = new Map<string, PDFObject>();
  private readonly objectStreams = new Map<number, Map<number, PDFObject>>();
  /** One context for parsing: objects refer to others by PDFRef, which are resolved through a revision, not here. */
  readonly context = PDFContext.create();

  constructor(readonly bytes: Uint8Array) {}

  /** The revision that `[0, end)` closes: the bytes must end with `startxref N %%EOF` (and a line end). */
  revisionEndingAt(end: number): Revision {
    const tail = Buffer.from(
      this.bytes.buffer,
      this.bytes.byteOffset + Math.max(0, end - 1024),
      Math.min(end, 1024),
    ).toString('latin1');
    const match = /startxref\s+(\d+)\s+%%EOF[ \t\r\n]*$/.exec(tail);
    if (!match) throw new UnreadableRevision('the signed bytes do not end where a revision of the file ends');
    return this.revisionAt(Number(match[1]));
  }

  /** The file's last revision, as a reader finds it: from the last `startxref` in the file. */
  lastRevision(): Revision {
    const bytes = bufferView(this.bytes);
    const at = bytes.lastIndexOf('startxref', undefined, 'latin1');
    const match = at < 0 ? null : /^startxref\s+(\d+)\s+%%EOF/.exec(bytes.toString('latin1', at, at + 40));
    if (!match) throw new UnreadableRevision('the file does not end with a cross-reference section');
    return this.revisionAt(Number(match[1]));
  }

  /** The revision whose newest cross-reference section starts at `startxref`. */
  revisionAt(startxref: number): Revision {
    const chain: XrefSection[] = [];
    const seen = new Set<number>();
    for (let at: number | undefined = startxref; at !== undefined; at = chain.at(-1)?.prev) {
      if (seen.has(at) || chain.length >= MAX_SECTIONS)
        throw new UnreadableRevision('its cross-reference sections point at each other in a loop');
      seen.add(at);
      chain.push(this.section(at));
    }
    return new Revision(this, chain);
  }

  /** The cross-reference section at `at`, read once. */
  section(at: number): XrefSection {
    let section = this.sections.get(at);
    if (!section) {
      if (!Number.isSafeInteger(at) || at < 0 || at >= this.bytes.length)
        throw new UnreadableRevision(`a cross-reference section is said to be at byte ${at}, outside the file`);
      section = this.startsWith('xref', at) ? this.readTableSection(at) : this.readStreamSection(at);
      this.sections.set(at, section);
    }
    return section;
  }

  /** The object defined at byte `offset` (its `N G obj` header there), parsed once. */
  objectAt(offset: number, number: number): PDFObject {
    const key = `@${offset}`;
    let object = this.objects.get(key);
    if (!object) {
      const head = this.latin1(offset, offset + 48);
      const header = /^\s*(\d+)\s+(\d+)\s+obj\b/.exec(head);
      if (!header || Number(header[1]) !== number)
        throw new UnreadableRevision(
          `object ${number} is not at byte ${offset}, where the cross-reference section says`,
        );
      object = this.parse(offset + header[0].length, PDFRef.of(number, Number(header[2])), `object ${number}`);
      this.objects.set(key, object);
    }
    return object;
  }

  /**
   * The objects of the object stream whose definition is at `offset`, by number. A stream that defines one number
   * twice is refused: which of the two a reader shows is up to the reader.
   */
  objectStreamAt(offset: number, number: number): Map<number, PDFObject> {
    let objects = this.objectStreams.get(offset);
    if (!objects) {
      const stream = this.objectAt(offset, number);
      if (!(stream instanceof PDFRawStream) || stream.dict.get(PDFName.of('Type')) !== PDFName.of('ObjStm')) {
        throw new UnreadableRevision(`object ${number} is said to be an object stream and is not one`);
      }
      // A context of its own, which the parser fills with the stream's objects.
      const context = PDFContext.create();
      const count = stream.dict.get(PDFName.of('N'));
      try {
        const own = decodedStream(stream, context);
        // The parse runs to its end before this returns (it only waits when asked to yield); a failure part-way
        // leaves objects out, which the count below catches, so the promise's own rejection is not needed.
        PDFObjectStreamParser.forStream(own)
          .parseIntoContext()
          .catch(() => undefined);
      } catch (error) {
        throw new UnreadableRevision(`the object stream ${number} cannot be decoded (${describeError(error)})`);
      }
      objects = new Map(context.enumerateIndirectObjects().map(([ref, object]) => [ref.objectNumber, object]));
      if (!(count instanceof PDFNumber) || objects.size !== count.asNumber())
        throw new UnreadableRevision(`the object stream ${number} defines an object twice, or not as many as it says`);
      this.objectStreams.set(offset, objects);
    }
    return objects;
  }

  /** Whether the bytes at `at` begin with `keyword`. */
  startsWith(keyword: string, at: number): boolean {
    return this.latin1(at, at + keyword.length) === keyword;
  }

  latin1(start: number, end: number): string {
    return bufferView(this.bytes).toString('latin1', start, Math.min(end, this.bytes.length));
  }

  private parse(at: number, ref: PDFRef | undefined, what: string): PDFObject {
    try {
      return PDFObjectParser.forBytes(this.bytes.subarray(at), this.context).parseObject(ref);
    } catch (error) {
      throw new UnreadableRevision(`${what} at byte ${at} cannot be read (${describeError(error)})`);
    }
  }

  /**
   * A classic table, read lazily: its subsection headers now, an entry when it is asked for (entries are 20 bytes
   * each, so entry N is found by arithmetic). A report's first table names tens of thousands of objects, of which a
   * check reads a handful.
   */
  private readTableSection(at: number): XrefSection {
    const read = (start: number, end: number) => this.latin1(start, end);
    const table = readClassicXrefTable(read, at + 4);
    if (!table) throw new UnreadableRevision(`the cross-reference table at byte ${at} cannot be read`);
    const trailer = this.parse(table.trailerAt, undefined, 'the trailer');
    if (!(trailer instanceof PDFDict))
      throw new UnreadableRevision(`the trailer at byte ${table.trailerAt} is not a dictionary`);
    const own = (number: number): XrefEntry | undefined => {
      const sub = table.subsections.find(({ first, count }) => number >= first && number < first + count);
      if (!sub) return undefined;
      const entry = classicXrefEntry(read, sub.at + (number - sub.first) * 20);
      if (!entry) throw new UnreadableRevision(`the cross-reference table at byte ${at} cannot be read`);
      return entry.inUse ? { kind: 'offset', offset: entry.offset } : { kind: 'free' };
    };
    const numbers = () =>
      table.subsections.flatMap(({ first, count }) => Array.from({ length: count }, (_, i) => first + i));
    // A hybrid file's table is completed by a cross-reference stream; the table's own entries come first.
    const hybridAt = trailer.get(PDFName.of('XRefStm'));
    if (hybridAt === undefined)
      return { at, trailer, prev: prevOf(trailer), entry: own, numbers, objectStreams: new Set() };
    if (!(hybridAt instanceof PDFNumber))
      throw new UnreadableRevision(`the trailer at byte ${table.trailerAt} has an unreadable /XRefStm`);
    const hybrid = this.readStreamSection(hybridAt.asNumber());
    return {
      at,
      trailer,
      prev: prevOf(trailer),
      entry: (number) => own(number) ?? hybrid.entry(number),
      numbers: () => new Set([...numbers(), ...hybrid.numbers()]),
      objectStreams: hybrid.objectStreams,
    };
  }

  private readStreamSection(at: number): XrefSection {
    const header = /^\s*(\d+)\s+\d+\s+obj\b/.exec(this.latin1(at, at + 48));
    if (!header) throw new UnreadableRevision(`there is no cross-reference section at byte ${at}`);
    const stream = this.objectAt(at, Number(header[1]));
    if (!(stream instanceof PDFRawStream) || stream.dict.get(PDFName.of('Type')) !== PDFName.of('XRef')) {
      throw new UnreadableRevision(`there is no cross-reference section at byte ${at}`);
    }
    const entries = new Map<number, XrefEntry>();
    try {
      // A context of its own: the parser records the stream's trailer entries in the context it reads with.
      const context = PDFContext.create();
      const own = decodedStream(stream, context);
      for (const entry of PDFXRefStreamParser.forStream(own).parseIntoContext()) {
        const number = entry.ref.objectNumber;
        if (entries.has(number)) continue;
        entries.set(
          number,
          entry.deleted
            ? { kind: 'free' }
            : entry.inObjectStream
              ? { kind: 'compressed', stream: entry.offset }
              : { kind: 'offset', offset: entry.offset },
        );
      }
    } catch (error) {
      throw new UnreadableRevision(
        `the cross-reference stream at byte ${at} cannot be decoded (${describeError(error)})`,
      );
    }
    const objectStreams = new Set(
      [...entries.values()].flatMap((entry) => (entry.kind === 'compressed' ? [entry.stream] : [])),
    );
    return {
      at,
      trailer: stream.dict,
      prev: prevOf(stream.dict),
      entry: (number) => entries.get(number),
      numbers: () => entries.keys(),
      objectStreams,
    };
  }
}

/**
 * One revision of the file: the chain of cross-reference sections from one `startxref`, newest first. Looks objects
 * up as a reader of that revision would, and says how each object number is defined in it.
 */
export class Revision {
  constructor(
    private readonly file: PdfRevisions,
    readonly sections: readonly XrefSection[],
  ) {}

  /** Where the revision's newest cross-reference section starts: what identifies the revision. */
  get startxref(): number {
    return this.sections[0]!.at;
  }

  /** A trailer entry: the newest section that has it (cross-reference streams of later sections may leave some out). */
  trailerEntry(key: string): PDFObject | undefined {
    for (const section of this.sections) {
      const value = section.trailer.get(PDFName.of(key));
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** How object `number` is defined in this revision; undefined when no section names it. */
  entry(number: number): XrefEntry | undefined {
    for (const section of this.sections) {
      const entry = section.entry(number);
      if (entry) return entry;
    }
    return undefined;
  }

  /** Every object number a section of this revision names. */
  numbers(): Set<number> {
    const numbers = new Set<number>();
    for (const section of this.sections) for (const number of section.numbers()) numbers.add(number);
    return numbers;
  }

  /** Object `number` as this revision defines it; undefined when it is free or not defined (a reader sees null). */
  lookup(number: number): PDFObject | undefined {
    const entry = this.entry(number);
    if (!entry || entry.kind === 'free') return undefined;
    if (entry.kind === 'offset') return this.file.objectAt(entry.offset, number);
    const container = this.entry(entry.stream);
    if (container?.kind !== 'offset')
      throw new UnreadableRevision(
        `object ${number} is said to be in object stream ${entry.stream}, which is not in the file`,
      );
    const object = this.file.objectStreamAt(container.offset, entry.stream).get(number);
    if (!object)
      throw new UnreadableRevision(
        `object ${number} is not in object stream ${entry.stream}, where the cross-reference section says`,
      );
    return object;
  }

  /** A value with references followed (a chain of them at most a few long), as this revision defines them. */
  resolve(value: PDFObject | undefined): PDFObject | undefined {
    let resolved = value;
    for (let hops = 0; resolved instanceof PDFRef && hops < 8; hops++) resolved = this.lookup(resolved.objectNumber);
    return resolved instanceof PDFRef ? undefined : resolved;
  }

  dict(value: PDFObject | undefined): PDFDict | undefined {
    const resolved = this.resolve(value);
    return resolved instanceof PDFDict ? resolved : resolved instanceof PDFRawStream ? resolved.dict : undefined;
  }

  /** The catalog's object number (the trailer's /Root). */
  rootNumber(): number | undefined {
    const root = this.trailerEntry('Root');
    return root instanceof PDFRef ? root.objectNumber : undefined;
  }
}

/** A classic cross-reference table as written: its subsections (where each one's 20-byte entries start) and its trailer. */
export interface ClassicXrefTable {
  subsections: { first: number; count: number; at: number }[];
  /** Where the trailer dictionary starts. */
  trailerAt: number;
}

/**
 * Reads the layout of a classic cross-reference table from just after its `xref` keyword (`from`), through `read`
 * (the file's bytes from start to end, as Latin-1 text). Entries are 20 bytes each, as the format requires, so
 * they are skipped here and read by `classicXrefEntry`. Undefined when the table does not read cleanly.
 */
export function readClassicXrefTable(
  read: (start: number, end: number) => string,
  from: number,
): ClassicXrefTable | undefined {
  const subsections: ClassicXrefTable['subsections'] = [];
  let at = from;
  for (;;) {
    const head = /^\s*(\d+)\s+(\d+)[ \t]*\r?\n/.exec(read(at, at + 64));
    if (!head) break;
    const first = Number(head[1]);
    const count = Number(head[2]);
    at += head[0].length;
    subsections.push({ first, count, at });
    at += count * 20;
    if (subsections.length > MAX_SECTIONS || read(at - 1, at) === '') return undefined;
  }
  const trailer = /^\s*trailer\s*/.exec(read(at, at + 64));
  return trailer ? { subsections, trailerAt: at + trailer[0].length } : undefined;
}

/** The entry of a classic table at byte `at`: `oooooooooo ggggg n` (in use, at that offset) or `… f` (free). */
export function classicXrefEntry(
  read: (start: number, end: number) => string,
  at: number,
): { offset: number; inUse: boolean } | undefined {
  const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(read(at, at + 20));
  return entry ? { offset: Number(entry[1]), inUse: entry[3] === 'n' } : undefined;
}

/**
 * A stream's data decoded, as an unfiltered stream in `context` with the same dictionary otherwise: what the
 * library's object and cross-reference stream parsers read. pdf-lib decodes the filters but ignores /DecodeParms,
 * and cross-reference streams are usually written with a PNG predictor (each row led by a filter-type byte), so
 * that step is undone here; other predictors are refused.
 */
export function decodedStream(stream: PDFRawStream, context: PDFContext): PDFRawStream {
  const dict = PDFDict.fromMapWithContext(new Map(stream.dict.entries()), context);
  dict.delete(PDFName.of('Filter'));
  dict.delete(PDFName.of('DecodeParms'));
  const filters = stream.dict.get(PDFName.of('Filter'));
  let data = filters === undefined ? stream.contents : decodePDFRawStream(stream).decode();
  const params = stream.dict.get(PDFName.of('DecodeParms'));
  if (params instanceof PDFDict) {
    const predictor = numberIn(params, 'Predictor', 1);
    const colors = numberIn(params, 'Colors', 1);
    const bits = numberIn(params, 'BitsPerComponent', 8);
    if (predictor >= 10)
      data = undoPngPredictor(
        data,
        Math.ceil((numberIn(params, 'Columns', 1) * colors * bits) / 8),
        Math.max(1, Math.ceil((colors * bits) / 8)),
      );
    else if (predictor !== 1)
      throw new UnreadableRevision(`a stream uses a predictor (${predictor}) this check does not read`);
  } else if (params !== undefined) {
    throw new UnreadableRevision('a stream’s decoding parameters cannot be read');
  }
  return PDFRawStream.of(dict, data);
}

/** Reverses the PNG row filters (None, Sub, Up, Average, Paeth) over rows of `rowBytes` bytes plus a type byte. */
function undoPngPredictor(data: Uint8Array, rowBytes: number, pixelBytes: number): Uint8Array {
  if (!Number.isSafeInteger(rowBytes) || rowBytes < 1 || data.length % (rowBytes + 1) !== 0)
    throw new UnreadableRevision('a stream’s predicted rows do not add up');
  const rows = data.length / (rowBytes + 1);
  const out = new Uint8Array(rows * rowBytes);
  for (let row = 0; row < rows; row++) {
    const type = data[row * (rowBytes + 1)]!;
    const from = row * (rowBytes + 1) + 1;
    const at = row * rowBytes;
    for (let i = 0; i < rowBytes; i++) {
      const raw = data[from + i]!;
      const left = i >= pixelBytes ? out[at + i - pixelBytes]! : 0;
      const up = row > 0 ? out[at - rowBytes + i]! : 0;
      const upLeft = row > 0 && i >= pixelBytes ? out[at - rowBytes + i - pixelBytes]! : 0;
      let value: number;
      if (type === 0) value = raw;
      else if (type === 1) value = raw + left;
      else if (type === 2) value = raw + up;
      else if (type === 3) value = raw + ((left + up) >> 1);
      else if (type === 4) value = raw + paeth(left, up, upLeft);
      else throw new UnreadableRevision(`a stream’s predicted row has an unknown filter type (${type})`);
      out[at + i] = value & 0xff;
    }
  }
  return out;
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const [a, b, c] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
  return a <= b && a <= c ? left : b <= c ? up : upLeft;
}

function numberIn(dict: PDFDict, key: string, fallback: number): number {
  const value = dict.get(PDFName.of(key));
  return value instanceof PDFNumber ? value.asNumber() : fallback;
}

function prevOf(trailer: PDFDict): number | undefined {
  const prev = trailer.get(PDFName.of('Prev'));
  if (prev === undefined) return undefined;
  if (!(prev instanceof PDFNumber)) throw new UnreadableRevision('a trailer’s /Prev is not a number');
  return prev.asNumber();
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : String(error);
}
