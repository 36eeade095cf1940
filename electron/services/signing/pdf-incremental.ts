import {
  ParseSpeeds,
  PDFArray,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFRef,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { AppError } from '../../../shared/errors';
import { classicXrefEntry, readClassicXrefTable } from './pdf-revisions';
import { bufferView } from '../files/buffer-view';

/**
 * One incremental update of a PDF, being made: look objects up, change them (and say so), add new ones, then
 * `save` the file with the update appended. Signing and the report's signature fields are written through it.
 */
export interface PdfUpdate {
  readonly context: PDFContext;
  readonly catalogRef: PDFRef;
  catalog(): PDFDict;
  lookupDict(value: PDFObject | undefined): PDFDict | undefined;
  lookupArray(value: PDFObject | undefined): PDFArray | undefined;
  info(): { ref: PDFRef; dict: PDFDict };
  lastPage(): { ref: PDFRef; dict: PDFDict };
  /** An existing object will be written again with its changes. */
  markChanged(ref: PDFRef): void;
  /** A new object, numbered after the file's last. */
  register(object: PDFObject): PDFRef;
  /** A number for a new object that will be assigned to it (`context.assign`). */
  newRef(): PDFRef;
  save(): Promise<Uint8Array>;
}

/** An update of `bytes`: read sparsely when its cross-references are classic tables, else by the full parser. */
export async function openPdfUpdate(bytes: Uint8Array): Promise<PdfUpdate> {
  const sparse = IncrementalPdf.open(bytes);
  if (sparse) return sparse;
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, {
      forIncrementalUpdate: true,
      updateMetadata: false,
      parseSpeed: ParseSpeeds.Fast,
    });
  } catch {
    throw new AppError('E_INVALID_INPUT', 'That file is not a PDF this app can sign.');
  }
  if (doc.isEncrypted)
    throw new AppError('E_UNSUPPORTED', 'This PDF is encrypted; the app signs only unencrypted PDFs.');
  return new FullPdfUpdate(doc);
}

interface XrefEntry {
  /** -1 for a freed object. */
  offset: number;
}

/**
 * An incremental update of a PDF that reads only the objects it needs. Signing must append to the file and never
 * rewrite it (that would break earlier signatures), and a report of 150 pages has tens of thousands of objects:
 * parsing them all, as a PDF library does on load, took seconds. Here the cross-reference tables are read, the few
 * objects the update changes (catalog, a page, the form, the document information) are parsed where they are, and
 * `save` appends just the changed and new objects with their own cross-reference section and trailer (/Prev to
 * the one before). Objects are pdf-lib objects in a context of their own, numbered after the file's /Size.
 *
 * Files whose cross-references are streams (PDF 1.5 compressed xref) are not read here: `open` returns undefined
 * and the caller uses the full parser instead.
 */
export class IncrementalPdf implements PdfUpdate {
  readonly context = PDFContext.create();
  private readonly loaded = new Map<string, PDFObject>();
  private readonly changed = new Set<string>();

  private constructor(
    readonly bytes: Uint8Array,
    private readonly xref: Map<number, XrefEntry>,
    readonly trailer: PDFDict,
    private readonly startxref: number,
  ) {
    const size = trailer.lookup(PDFName.of('Size'), PDFNumber).asNumber();
    this.context.largestObjectNumber = size - 1;
  }

  static open(bytes: Uint8Array): IncrementalPdf | undefined {
    const text = bufferView(bytes).toString('latin1');
    const tail = text.slice(-1024);
    const startMatch = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!startMatch) return undefined;
    const startxref = Number(startMatch[1]);
    const xref = new Map<number, XrefEntry>();
    let trailer: PDFDict | undefined;
    const context = PDFContext.create();
    const seen = new Set<number>();
    for (let at: number | undefined = startxref; at !== undefined;) {
      if (seen.has(at) || !text.startsWith('xref', at)) return undefined;
      seen.add(at);
      const section = readXrefSection(text, at + 4, xref);
      if (!section) return undefined;
      const dict = PDFObjectParser.forBytes(bytes.subarray(section.trailerAt), context).parseObject();
      if (!(dict instanceof PDFDict) || dict.has(PDFName.of('XRefStm')) || dict.has(PDFName.of('Encrypt')))
        return undefined;
      trailer ??= dict;
      const prev = dict.get(PDFName.of('Prev'));
      at = prev instanceof PDFNumber ? prev.asNumber() : undefined;
    }
    if (
      !trailer ||
      !(trailer.get(PDFName.of('Root')) instanceof PDFRef) ||
      !(trailer.get(PDFName.of('Size')) instanceof PDFNumber)
    )
      return undefined;
    return new IncrementalPdf(bytes, xref, trailer, startxref);
  }

  /** The object `ref` points to, parsed from the file on first use (or as changed since). */
  lookup(ref: PDFRef): PDFObject | undefined {
    const key = ref.tag;
    const cached = this.loaded.get(key) ?? this.context.lookup(ref);
    if (cached) return cached;
    const entry = this.xref.get(ref.objectNumber);
    if (!entry || entry.offset < 0) return undefined;
    const header = /^\s*(\d+)\s+(\d+)\s+obj\b/.exec(
      Buffer.from(this.bytes.subarray(entry.offset, entry.offset + 40)).toString('latin1'),
    );
    if (!header || Number(header[1]) !== ref.objectNumber)
      throw new Error(`object ${ref.objectNumber} is not where the cross-reference table says`);
    const object = PDFObjectParser.forBytes(
      this.bytes.subarray(entry.offset + header[0].length),
      this.context,
    ).parseObject(ref);
    this.loaded.set(key, object);
    this.context.assign(ref, object);
    return object;
  }

  lookupDict(value: PDFObject | undefined): PDFDict | undefined {
    const resolved = value instanceof PDFRef ? this.lookup(value) : value;
    return resolved instanceof PDFDict ? resolved : undefined;
  }

  lookupArray(value: PDFObject | undefined): PDFArray | undefined {
    const resolved = value instanceof PDFRef ? this.lookup(value) : value;
    return resolved instanceof PDFArray ? resolved : undefined;
  }

  get catalogRef(): PDFRef {
    return this.trailer.get(PDFName.of('Root')) as PDFRef;
  }

  catalog(): PDFDict {
    const catalog = this.lookupDict(this.catalogRef);
    if (!catalog) throw new Error('the PDF has no catalog');
    return catalog;
  }

  /** The document information dictionary, made (and named in the trailer) if the file has none. */
  info(): { ref: PDFRef; dict: PDFDict } {
    const value = this.trailer.get(PDFName.of('Info'));
    const existing = value instanceof PDFRef ? this.lookupDict(value) : undefined;
    if (value instanceof PDFRef && existing) return { ref: value, dict: existing };
    const dict = this.context.obj({});
    const ref = this.register(dict);
    this.trailer.set(PDFName.of('Info'), ref);
    return { ref, dict };
  }

  /** The last page (its reference and dictionary), found by walking the page tree. */
  lastPage(): { ref: PDFRef; dict: PDFDict } {
    let ref = this.catalog().get(PDFName.of('Pages'));
    for (let depth = 0; depth < 64 && ref instanceof PDFRef; depth++) {
      const node = this.lookupDict(ref);
      if (!node) break;
      if (node.get(PDFName.of('Type')) === PDFName.of('Page')) return { ref, dict: node };
      const kids = this.lookupArray(node.get(PDFName.of('Kids')));
      ref = kids?.get(kids.size() - 1);
    }
    throw new Error('the PDF has no pages');
  }

  markChanged(ref: PDFRef): void {
    if (!this.lookup(ref)) throw new Error(`object ${ref.objectNumber} is not in the file`);
    this.changed.add(ref.tag);
  }

  register(object: PDFObject): PDFRef {
    const ref = this.context.register(object);
    this.changed.add(ref.tag);
    return ref;
  }

  newRef(): PDFRef {
    const ref = this.context.nextRef();
    this.changed.add(ref.tag);
    return ref;
  }

  /** The file with the update appended: changed and new objects, a cross-reference section and a trailer. */
  async save(): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    let offset = this.bytes.length;
    const push = (chunk: Uint8Array | string) => {
      const bytes = typeof chunk === 'string' ? new Uint8Array(Buffer.from(chunk, 'latin1')) : chunk;
      chunks.push(bytes);
      offset += bytes.length;
    };
    const last = this.bytes[this.bytes.length - 1];
    if (last !== 0x0a && last !== 0x0d) push('\n');
    const offsets = new Map<number, { offset: number; generation: number }>();
    const written = this.context
      .enumerateIndirectObjects()
      .filter(([ref]) => this.changed.has(ref.tag))
      .sort(([a], [b]) => a.objectNumber - b.objectNumber);
    for (const [ref, object] of written) {
      offsets.set(ref.objectNumber, { offset, generation: ref.generationNumber });
      push(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
      const body = new Uint8Array(object.sizeInBytes());
      object.copyBytesInto(body, 0);
      push(body);
      push('\nendobj\n');
    }
    const xrefAt = offset;
    push(`xref\n${xrefSubsections([...offsets.entries()])}`);
    const trailer = this.context.obj({});
    for (const [key, value] of this.trailer.entries()) {
      if (key !== PDFName.of('Prev') && key !== PDFName.of('Size')) trailer.set(key, value);
    }
    trailer.set(PDFName.of('Size'), PDFNumber.of(this.context.largestObjectNumber + 1));
    trailer.set(PDFName.of('Prev'), PDFNumber.of(this.startxref));
    const trailerBytes = new Uint8Array(trailer.sizeInBytes());
    trailer.copyBytesInto(trailerBytes, 0);
    push('trailer\n');
    push(trailerBytes);
    push(`\nstartxref\n${xrefAt}\n%%EOF\n`);
    const out = new Uint8Array(offset);
    out.set(this.bytes, 0);
    let at = this.bytes.length;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

/** Reads one classic cross-reference section (`xref` already passed); earlier entries (newer sections) win. */
function readXrefSection(text: string, from: number, xref: Map<number, XrefEntry>): { trailerAt: number } | undefined {
  const read = (start: number, end: number) => text.slice(start, end);
  const table = readClassicXrefTable(read, from);
  if (!table) return undefined;
  for (const { first, count, at } of table.subsections) {
    for (let i = 0; i < count; i++) {
      const entry = classicXrefEntry(read, at + i * 20);
      if (!entry) return undefined;
      if (!xref.has(first + i)) xref.set(first + i, { offset: entry.inUse ? entry.offset : -1 });
    }
  }
  return table;
}

/** Cross-reference subsections for the written objects: runs of consecutive numbers, 20-byte entries. */
function xrefSubsections(entries: [number, { offset: number; generation: number }][]): string {
  const sorted = entries.sort(([a], [b]) => a - b);
  let out = '';
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]![0] === sorted[j]![0] + 1) j++;
    out += `${sorted[i]![0]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const { offset, generation } = sorted[k]![1];
      out += `${String(offset).padStart(10, '0')} ${String(generation).padStart(5, '0')} n \n`;
    }
    i = j + 1;
  }
  return out;
}

/** The same update through pdf-lib's full parser and incremental writer, for files the sparse reader does not take. */
class FullPdfUpdate implements PdfUpdate {
  readonly context: PDFContext;
  constructor(private readonly doc: PDFDocument) {
    this.context = doc.context;
  }

  get catalogRef(): PDFRef {
    return this.context.trailerInfo.Root as PDFRef;
  }

  catalog(): PDFDict {
    return this.doc.catalog;
  }

  lookupDict(value: PDFObject | undefined): PDFDict | undefined {
    const resolved = this.context.lookup(value);
    return resolved instanceof PDFDict ? resolved : undefined;
  }

  lookupArray(value: PDFObject | undefined): PDFArray | undefined {
    const resolved = this.context.lookup(value);
    return resolved instanceof PDFArray ? resolved : undefined;
  }

  info(): { ref: PDFRef; dict: PDFDict } {
    this.doc.setProducer(this.doc.getProducer() ?? 'unknown');
    const ref = this.context.trailerInfo.Info as PDFRef;
    return { ref, dict: this.context.lookup(ref, PDFDict) };
  }

  lastPage(): { ref: PDFRef; dict: PDFDict } {
    const page = this.doc.getPages().at(-1);
    if (!page) throw new Error('the PDF has no pages');
    return { ref: page.ref, dict: page.node };
  }

  markChanged(ref: PDFRef): void {
    this.context.snapshot?.markRefForSave(ref);
  }

  register(object: PDFObject): PDFRef {
    return this.context.register(object);
  }

  newRef(): PDFRef {
    return this.context.nextRef();
  }

  save(): Promise<Uint8Array> {
    return this.doc.commit({ useObjectStreams: false, objectsPerTick: ParseSpeeds.Fast });
  }
}
