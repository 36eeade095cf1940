import { createHash } from 'node:crypto';
import { parsePdfDate } from './pdf-date';
import { bufferView } from '../files/buffer-view';

/** One signature dictionary found in a PDF's bytes. */
export interface PdfSignatureEntry {
  /** Where the signature dictionary's /ByteRange is in the file. */
  offset: number;
  byteRange: [number, number, number, number];
  /** The CMS, without the zero padding after it; undefined when the range does not frame a hex string. */
  contents: Uint8Array | undefined;
  /**
   * Characters of /Contents other than the CMS's hex digits and the zeros after them (other digits, white space):
   * no signature covers /Contents, so signing leaves nothing else there.
   */
  paddingNotZero?: number;
  subFilter?: string;
  signedAt?: string;
  reason?: string;
  name?: string;
  contactInfo?: string;
  /** For a certification signature (DocMDP): what later changes it permits (1 none, 2 forms and signing, 3 also annotations). */
  docMdpPermissions?: number;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/**
 * Every signature dictionary in a PDF, in file order, read straight from the bytes: a signature's /ByteRange
 * points at offsets in the file, so signature dictionaries are never compressed into object streams and can be
 * found where they are written, even in a file that was changed after signing. The other entries (/M, /Reason,
 * /Name, /SubFilter) are read from the same object.
 */
export function findPdfSignatures(pdf: Uint8Array): PdfSignatureEntry[] {
  const text = bufferView(pdf).toString('latin1');
  const entries: PdfSignatureEntry[] = [];
  for (const match of text.matchAll(BYTE_RANGE)) {
    const offset = match.index;
    const byteRange = [match[1], match[2], match[3], match[4]].map(Number) as [number, number, number, number];
    const objectStart = Math.max(text.lastIndexOf(' obj', offset), 0);
    const objectEnd = text.indexOf('endobj', offset);
    const dictionary = text.slice(objectStart, objectEnd < 0 ? text.length : objectEnd);
    const framed = contentsFramedBy(text, byteRange);
    const entry: PdfSignatureEntry = { offset, byteRange, contents: framed?.cms };
    if (framed?.paddingNotZero) entry.paddingNotZero = framed.paddingNotZero;
    const subFilter = /\/SubFilter\s*\/([^\s/<>[\]()]+)/.exec(dictionary)?.[1];
    if (subFilter) entry.subFilter = subFilter;
    const time = stringValue(dictionary, 'M');
    const signedAt = time ? parsePdfDate(time) : undefined;
    if (signedAt) entry.signedAt = signedAt;
    if (/\/TransformMethod\s*\/DocMDP\b/.test(dictionary))
      entry.docMdpPermissions = Number(/\/TransformParams\s*<<[^>]*?\/P\s+(\d)/.exec(dictionary)?.[1] ?? 2);
    for (const key of ['Reason', 'Name', 'ContactInfo'] as const) {
      const value = stringValue(dictionary, key);
      if (value !== undefined) entry[key === 'Reason' ? 'reason' : key === 'Name' ? 'name' : 'contactInfo'] = value;
    }
    entries.push(entry);
  }
  return entries;
}

/**
 * The CMS between a ByteRange's two parts, if they are exactly one hex string `<…>`; else undefined. The CMS is
 * followed by zero padding, and its own DER length says where it ends. /Contents is outside every signature, so
 * anything there but the CMS and zeros (other digits, white space) is counted: bytes changed in a signed file that
 * no check would otherwise see.
 */
function contentsFramedBy(
  text: string,
  [a, b, c, d]: [number, number, number, number],
): { cms: Uint8Array; paddingNotZero: number } | undefined {
  if (a !== 0 || b <= 0 || c <= b + 1 || d < 0 || c + d > text.length) return undefined;
  if (text[b] !== '<' || text[c - 1] !== '>') return undefined;
  const hex = text.slice(b + 1, c - 1);
  if (!/^[0-9a-fA-F\s]*$/.test(hex)) return undefined;
  const bytes = new Uint8Array(Buffer.from(hex.replace(/\s+/g, ''), 'hex'));
  const length = derLength(bytes);
  if (length === undefined) return { cms: bytes, paddingNotZero: 0 };
  let digits = 0;
  let stray = 0;
  for (const char of hex) {
    if (/\s/.test(char)) stray++;
    else if (digits++ >= 2 * length && char !== '0') stray++;
  }
  return { cms: bytes.subarray(0, length), paddingNotZero: stray };
}

/** The length of the DER element at the start of `bytes`, header included, if it fits. */
function derLength(bytes: Uint8Array): number | undefined {
  const first = bytes[1];
  if (bytes[0] !== 0x30 || first === undefined) return undefined;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || bytes.length < 2 + count) return undefined;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + (bytes[2 + i] ?? 0);
  const total = 2 + count + length;
  return total <= bytes.length ? total : undefined;
}

/** A string entry of a dictionary, literal `(…)` or hex `<…>`, decoded as a PDF text string. */
function stringValue(dictionary: string, key: string): string | undefined {
  const at = new RegExp(`/${key}\\s*([(<])`).exec(dictionary);
  if (!at) return undefined;
  const start = at.index + at[0].length - 1;
  const raw = dictionary[start] === '<' ? hexString(dictionary, start) : literalString(dictionary, start);
  return raw === undefined ? undefined : decodeTextString(raw);
}

function hexString(text: string, start: number): Uint8Array | undefined {
  const end = text.indexOf('>', start);
  if (end < 0) return undefined;
  let hex = text.slice(start + 1, end).replace(/\s+/g, '');
  if (hex.length % 2) hex += '0';
  return /^[0-9a-fA-F]*$/.test(hex) ? new Uint8Array(Buffer.from(hex, 'hex')) : undefined;
}

function literalString(text: string, start: number): Uint8Array | undefined {
  const out: number[] = [];
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') {
      const next = text[++i] ?? '';
      const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
      if (next in escapes) out.push(escapes[next]!);
      else if (/[0-7]/.test(next)) {
        let octal = next;
        while (octal.length < 3 && /[0-7]/.test(text[i + 1] ?? '')) octal += text[++i];
        out.push(parseInt(octal, 8) & 0xff);
      } else if (next === '\r' && text[i + 1] === '\n') i++;
      else if (next !== '\n' && next !== '\r') out.push(next.charCodeAt(0));
      continue;
    }
    if (ch === '(') {
      depth++;
      if (depth === 1) continue;
    } else if (ch === ')') {
      depth--;
      if (depth === 0) return new Uint8Array(out);
    }
    out.push(ch.charCodeAt(0) & 0xff);
  }
  return undefined;
}

/** UTF-16BE with a byte-order mark, UTF-8 with one (PDF 2.0), or PDFDocEncoding (read as Latin-1). */
function decodeTextString(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return Buffer.from(bytes.subarray(3)).toString('utf8');
  return Buffer.from(bytes).toString('latin1');
}

/**
 * Where each revision of the file ends: just after each `%%EOF` marker and the line end after it. The
 * bytes before the first signature's revision are the report as it was before anyone signed.
 */
export function revisionEnds(pdf: Uint8Array): number[] {
  const text = bufferView(pdf).toString('latin1');
  const ends: number[] = [];
  for (const match of text.matchAll(/%%EOF(\r\n|\r|\n)?/g)) ends.push(match.index + match[0].length);
  return ends;
}

/**
 * SHA-256 of the PDF as it was before anyone signed it: the bytes up to the end of the revision before the first
 * signature's. For an unsigned PDF, the whole file. This is the report's hash that sign-offs name.
 */
export function unsignedPdfSha256(pdf: Uint8Array): string {
  const first = findPdfSignatures(pdf).sort((a, b) => a.offset - b.offset)[0];
  const end = first
    ? revisionEnds(pdf)
        .filter((e) => e <= first.offset)
        .at(-1)
    : pdf.length;
  return createHash('sha256')
    .update(pdf.subarray(0, end ?? pdf.length))
    .digest('hex');
}
