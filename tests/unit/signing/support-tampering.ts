import {
  PDFArray,
  PDFCrossRefStream,
  type PDFDict,
  PDFName,
  PDFNumber,
  PDFObjectStream,
  PDFRef,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { IncrementalPdf } from '../../../electron/services/signing/pdf-incremental';

/*
 * What an attacker does to a signed PDF, as incremental updates appended after the signed bytes: the tests of the
 * change check make their hostile files with these. Most updates go through the app's own incremental writer
 * (a classic cross-reference table); the rest write the few bytes an attacker would by hand.
 */

/** The file opened for an update through the app's incremental writer (classic cross-reference tables only). */
export function openUpdate(pdf: Uint8Array): IncrementalPdf {
  const update = IncrementalPdf.open(pdf);
  if (!update) throw new Error('the test PDF should have classic cross-reference tables');
  return update;
}

/** Appends one update made by `change` (through the app's incremental writer). */
export async function appendUpdate(pdf: Uint8Array, change: (update: IncrementalPdf) => void): Promise<Uint8Array> {
  const update = openUpdate(pdf);
  change(update);
  return update.save();
}

/** Page `n` (from 1) of the file: its reference and dictionary, through the page tree. */
export function pageOf(
  update: IncrementalPdf,
  n: number,
): { ref: PDFRef; dict: PDFDict; parent: { ref: PDFRef; dict: PDFDict } } {
  const pages: { ref: PDFRef; dict: PDFDict; parent: { ref: PDFRef; dict: PDFDict } }[] = [];
  const walk = (ref: PDFRef, parent?: { ref: PDFRef; dict: PDFDict }) => {
    const dict = update.lookupDict(ref)!;
    if (dict.get(PDFName.of('Type')) === PDFName.of('Pages')) {
      for (const kid of update.lookupArray(dict.get(PDFName.of('Kids')))!.asArray()) walk(kid as PDFRef, { ref, dict });
    } else pages.push({ ref, dict, parent: parent! });
  };
  walk(update.catalog().get(PDFName.of('Pages')) as PDFRef);
  const page = pages[n - 1];
  if (!page) throw new Error(`the test PDF has no page ${n}`);
  return page;
}

/** Number of pages, through the page tree. */
export function pageCount(pdf: Uint8Array): number {
  const update = openUpdate(pdf);
  return update
    .lookupDict(update.catalog().get(PDFName.of('Pages')))!
    .lookup(PDFName.of('Count'), PDFNumber)
    .asNumber();
}

/** Draws over page `n`: a white box over the whole page and "VERDICT: REJECTED", in a content stream added to its /Contents. */
export function redrawPage(update: IncrementalPdf, n: number): void {
  const page = pageOf(update, n);
  const font = update.register(update.context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica-Bold' }));
  const overlay = update.register(
    update.context.stream(
      'q 1 1 1 rg 0 0 2000 2000 re f Q BT /Verdict 28 Tf 0 0 0 rg 72 700 Td (VERDICT: REJECTED) Tj ET',
    ),
  );
  const contents = page.dict.get(PDFName.of('Contents'));
  const existing = update.lookupArray(contents)?.asArray() ?? [contents!];
  page.dict.set(PDFName.of('Contents'), update.context.obj([...existing, overlay]));
  const resources = page.dict.get(PDFName.of('Resources'));
  const resourcesDict = update.lookupDict(resources)!;
  const fonts = update.lookupDict(resourcesDict.get(PDFName.of('Font')));
  if (fonts) fonts.set(PDFName.of('Verdict'), font);
  else resourcesDict.set(PDFName.of('Font'), update.context.obj({ Verdict: font }));
  update.markChanged(page.ref);
  if (resources instanceof PDFRef) update.markChanged(resources);
}

/** An object written as an attacker writes it: `N 0 obj … endobj`, returned as text for `appendRaw`. */
export function objectText(number: number, object: PDFObject): string {
  const body = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(body, 0);
  return `${number} 0 obj\n${Buffer.from(body).toString('latin1')}\nendobj\n`;
}

/**
 * Appends `body` (objects as text) and a classic cross-reference section naming exactly `entries` (object number to
 * byte offset; `'body'` for where that object's header is in `body`; `'free'` to free it), with the trailer of the
 * file's last revision. An attacker's update: it may name objects it does not write, and leave out objects it does.
 */
export function appendRaw(pdf: Uint8Array, body: string, entries: [number, number | 'body' | 'free'][]): Uint8Array {
  const previous = openUpdate(pdf);
  const start = pdf.length + 1;
  const lines: string[] = [];
  for (const [number, where] of [...entries].sort(([a], [b]) => a - b)) {
    if (where === 'free') {
      lines.push(`${number} 1\n0000000000 00001 f \n`);
      continue;
    }
    const offset = where === 'body' ? start + body.indexOf(`${number} 0 obj`) : where;
    lines.push(`${number} 1\n${String(offset).padStart(10, '0')} 00000 n \n`);
  }
  const xrefAt = start + Buffer.byteLength(body, 'latin1');
  const size = Math.max(
    previous.trailer.lookup(PDFName.of('Size'), PDFNumber).asNumber(),
    ...entries.map(([number]) => number + 1),
  );
  const trailer = previous.context.obj({
    Size: size,
    Root: previous.trailer.get(PDFName.of('Root'))!,
    Prev: previousStartxref(pdf),
  });
  const info = previous.trailer.get(PDFName.of('Info'));
  if (info) trailer.set(PDFName.of('Info'), info);
  const text = `\n${body}xref\n${lines.join('')}trailer\n${trailer.toString()}\nstartxref\n${xrefAt}\n%%EOF\n`;
  return concat(pdf, Buffer.from(text, 'latin1'));
}

/**
 * Appends an update whose cross-references are a stream (PDF 1.5): `compressed` objects go into a new object
 * stream, `plain` ones (streams) are written as they are.
 */
export function appendCompressedUpdate(
  pdf: Uint8Array,
  compressed: [PDFRef, PDFObject][],
  plain: [PDFRef, PDFObject][] = [],
): Uint8Array {
  const previous = openUpdate(pdf);
  const context = previous.context;
  const size = previous.trailer.lookup(PDFName.of('Size'), PDFNumber).asNumber();
  const largest = Math.max(size - 1, ...[...compressed, ...plain].map(([ref]) => ref.objectNumber));
  const objectStreamRef = PDFRef.of(largest + 1);
  const xrefRef = PDFRef.of(largest + 2);
  const chunks: string[] = [];
  let offset = pdf.length + 1;
  const xref = PDFCrossRefStream.create(
    context.obj({
      Size: largest + 3,
      Root: previous.trailer.get(PDFName.of('Root'))!,
      Prev: previousStartxref(pdf),
    }) as PDFDict,
  );
  const info = previous.trailer.get(PDFName.of('Info'));
  if (info) xref.dict.set(PDFName.of('Info'), info);
  const write = (ref: PDFRef, object: PDFObject) => {
    const text = objectText(ref.objectNumber, object);
    xref.addUncompressedEntry(ref, offset);
    chunks.push(text);
    offset += Buffer.byteLength(text, 'latin1');
  };
  for (const [ref, object] of plain) write(ref, object);
  write(objectStreamRef, PDFObjectStream.withContextAndObjects(context, compressed));
  compressed.forEach(([ref], index) => xref.addCompressedEntry(ref, objectStreamRef, index));
  const xrefAt = offset;
  xref.addUncompressedEntry(xrefRef, xrefAt);
  chunks.push(objectText(xrefRef.objectNumber, xref));
  return concat(pdf, Buffer.from(`\n${chunks.join('')}startxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
}

/** The objects of an array value, for building changed copies. */
export function itemsOf(update: IncrementalPdf, value: PDFObject | undefined): PDFObject[] {
  return (update.lookupArray(value) ?? (value instanceof PDFArray ? value : undefined))?.asArray() ?? [];
}

function previousStartxref(pdf: Uint8Array): number {
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 1024))).toString('latin1');
  return Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)![1]);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
