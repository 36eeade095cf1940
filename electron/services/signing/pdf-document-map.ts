import { PDFArray, PDFContext, PDFDict, PDFName, PDFRawStream, PDFRef, type PDFObject } from '@cantoo/pdf-lib';
import { decodedStream, UnreadableRevision, type PdfRevisions, type Revision } from './pdf-revisions';
import { bufferView } from '../files/buffer-view';

/** What an object of a revision is for, as a person would name it. */
export type ObjectRole =
  | { kind: 'page'; page: number }
  | { kind: 'annotation'; page: number; subtype: string }
  | { kind: 'page-tree' }
  | { kind: 'catalog'; key: string }
  | { kind: 'form' }
  | { kind: 'security-store' }
  | { kind: 'information' };

/** The pages of a revision, in order, found through its page tree. */
export interface PageList {
  /** Object numbers of the page dictionaries; page N is `pages[N - 1]`. */
  pages: number[];
  /** The page tree's own nodes and the /Kids arrays written as objects of their own. */
  treeObjects: Set<number>;
  /** A page's /Annots array written as an object of its own: its number, and the page's. */
  annotationArrays: Map<number, number>;
}

const MAX_TREE_DEPTH = 64;
/** Objects the map follows at most: well above a 1,000-page report, and a bound on what a hostile file costs. */
const MAX_OBJECTS = 500_000;

const pageLists = new WeakMap<Revision, PageList>();

/** The pages of `revision`, walking its page tree from the catalog's /Pages. */
export function pageList(revision: Revision): PageList {
  let list = pageLists.get(revision);
  if (list) return list;
  list = { pages: [], treeObjects: new Set(), annotationArrays: new Map() };
  const catalog = revision.dict(refOf(revision.rootNumber()));
  const visited = new Set<number>();
  const walk = (node: PDFObject | undefined, depth: number): void => {
    if (!(node instanceof PDFRef))
      throw new UnreadableRevision('its page tree refers to a page that is not an object of its own');
    if (visited.has(node.objectNumber) || depth > MAX_TREE_DEPTH)
      throw new UnreadableRevision('its page tree loops or is too deep');
    visited.add(node.objectNumber);
    const dict = revision.dict(node);
    if (!dict)
      throw new UnreadableRevision(`its page tree refers to object ${node.objectNumber}, which is not a dictionary`);
    if (dict.get(PDFName.of('Type')) === PDFName.of('Pages')) {
      list.treeObjects.add(node.objectNumber);
      const kids = dict.get(PDFName.of('Kids'));
      if (kids instanceof PDFRef) list.treeObjects.add(kids.objectNumber);
      const array = revision.resolve(kids);
      if (!(array instanceof PDFArray))
        throw new UnreadableRevision(`the page tree node ${node.objectNumber} has no list of pages`);
      for (const kid of array.asArray()) walk(kid, depth + 1);
      return;
    }
    list.pages.push(node.objectNumber);
    const annots = dict.get(PDFName.of('Annots'));
    if (annots instanceof PDFRef) list.annotationArrays.set(annots.objectNumber, list.pages.length);
  };
  walk(catalog?.get(PDFName.of('Pages')), 0);
  pageLists.set(revision, list);
  return list;
}

/**
 * What each object of a revision is for, found by following every reference from the document's roots: first each
 * page (what its content, resources and annotations use belongs to it, page by page), then the catalog's other
 * entries, the form, the document security store and the document information. An object two things use is
 * named by the first. Also notes which object numbers a used object refers to without the revision defining
 * them: a later update that defines one changes what that object shows. Costly on a large file: made only when a
 * change has to be named or a reference checked.
 */
export class DocumentMap {
  private readonly roles = new Map<number, ObjectRole>();
  /** For what pages draw: every page that uses the object (a font or an image is often shared by many). */
  private readonly pagesUsing = new Map<number, Set<number>>();
  private readonly undefinedReferences = new Map<number, ObjectRole>();
  private visits = 0;

  constructor(private readonly revision: Revision) {
    const { pages, treeObjects } = pageList(revision);
    // Pages and page tree nodes are named first and followed as roots of their own, so that a link on page 1 to
    // page 5 does not make page 5 part of page 1.
    pages.forEach((number, index) => this.roles.set(number, { kind: 'page', page: index + 1 }));
    for (const number of treeObjects) this.roles.set(number, { kind: 'page-tree' });
    pages.forEach((number, index) => this.follow(revision.lookup(number), { kind: 'page', page: index + 1 }));
    for (const number of treeObjects) this.follow(revision.lookup(number), { kind: 'page-tree' });
    const catalog = revision.dict(refOf(revision.rootNumber()));
    for (const [key, value] of catalog?.entries() ?? []) {
      const name = key.asString().slice(1);
      if (name === 'Pages' || name === 'Type') continue;
      this.follow(
        value,
        name === 'AcroForm'
          ? { kind: 'form' }
          : name === 'DSS'
            ? { kind: 'security-store' }
            : { kind: 'catalog', key: name },
      );
    }
    this.follow(revision.trailerEntry('Info'), { kind: 'information' });
  }

  /** What object `number` is for in this revision; undefined when nothing the document uses reaches it. */
  role(number: number): ObjectRole | undefined {
    return this.roles.get(number);
  }

  /** The pages that use object `number`, when it is something pages draw with (in page order). */
  pagesOf(number: number): number[] {
    return [...(this.pagesUsing.get(number) ?? [])].sort((a, b) => a - b);
  }

  /** When a used object refers to `number` and the revision does not define it: what that object is for. */
  undefinedReferenceTo(number: number): ObjectRole | undefined {
    return this.undefinedReferences.get(number);
  }

  private follow(start: PDFObject | undefined, startRole: ObjectRole): void {
    const stack: [PDFObject, ObjectRole][] = start ? [[start, startRole]] : [];
    while (stack.length) {
      const [value, role] = stack.pop()!;
      if (value instanceof PDFRef) {
        const number = value.objectNumber;
        if (role.kind === 'page') {
          // What several pages use is followed from each of them (once per page), so each knows it draws with it.
          const using = this.pagesUsing.get(number) ?? new Set<number>();
          if (using.has(role.page) || (using.size === 0 && this.roles.has(number))) continue;
          using.add(role.page);
          this.pagesUsing.set(number, using);
        } else if (this.roles.has(number)) {
          continue;
        }
        const object = this.revision.lookup(number);
        if (object === undefined) {
          if (!this.undefinedReferences.has(number)) this.undefinedReferences.set(number, role);
          continue;
        }
        if (++this.visits > MAX_OBJECTS) throw new UnreadableRevision('it has too many objects to check');
        if (!this.roles.has(number)) this.roles.set(number, role);
        stack.push([object, role]);
        continue;
      }
      const dict = value instanceof PDFRawStream ? value.dict : value instanceof PDFDict ? value : undefined;
      if (dict) {
        for (const [key, child] of dict.entries()) {
          // Back-pointers up the page and field trees lead to everything else; they are not what an object uses.
          if (key === PDFName.of('Parent') || key === PDFName.of('P')) continue;
          if (role.kind === 'page' && key === PDFName.of('Annots')) {
            for (const annotation of arrayItems(this.revision, child))
              stack.push([
                annotation,
                { kind: 'annotation', page: role.page, subtype: subtypeOf(this.revision, annotation) },
              ]);
            if (child instanceof PDFRef && !this.roles.has(child.objectNumber))
              this.roles.set(child.objectNumber, role);
            continue;
          }
          stack.push([child, role]);
        }
      } else if (value instanceof PDFArray) {
        for (const item of value.asArray()) stack.push([item, role]);
      }
    }
  }
}

/**
 * Which of `numbers` bytes `[0, end)` of the file, or the object streams of `revision`, might refer to (`N G R`): a
 * quick, generous first look at the bytes before the exact `DocumentMap`. A reference is always a whole number,
 * white space, a whole number, white space and `R`, so none can be missed; a few of the matches may be in stream
 * data rather than in objects, and the map sorts them out. The file is searched once per number, for all its
 * signatures (where each number is first mentioned).
 */
export function numbersPossiblyReferred(
  file: PdfRevisions,
  revision: Revision,
  end: number,
  numbers: number[],
): number[] {
  let firstMentions = mentionsInFile.get(file);
  if (!firstMentions) mentionsInFile.set(file, (firstMentions = new Map()));
  const known = firstMentions;
  const unknown = numbers.filter((number) => !known.has(number));
  if (unknown.length) {
    const found = firstReferences(file.bytes, unknown);
    for (const number of unknown) known.set(number, found.get(number) ?? Infinity);
  }
  const mentioned = new Set(numbers.filter((number) => known.get(number)! < end));
  const containers = new Set<number>();
  for (const section of revision.sections) for (const number of section.objectStreams) containers.add(number);
  for (const number of containers) {
    const stream = revision.lookup(number);
    if (!(stream instanceof PDFRawStream)) continue;
    try {
      for (const found of firstReferences(decodedStream(stream, PDFContext.create()).contents, numbers).keys())
        mentioned.add(found);
    } catch (error) {
      if (error instanceof UnreadableRevision) throw error;
      throw new UnreadableRevision(`the object stream ${number} cannot be decoded`);
    }
  }
  return numbers.filter((number) => mentioned.has(number));
}

const mentionsInFile = new WeakMap<PdfRevisions, Map<number, number>>();

const WHITE_SPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const isDigit = (byte: number | undefined) => byte !== undefined && byte >= 0x30 && byte <= 0x39;
const isWhiteSpace = (byte: number | undefined) => byte !== undefined && WHITE_SPACE.has(byte);

/** Where each of `numbers` is first possibly referred to in `bytes`: a search per number, or for many one pass over every `R`. */
function firstReferences(bytes: Uint8Array, numbers: number[]): Map<number, number> {
  const buffer = bufferView(bytes);
  const found = new Map<number, number>();
  if (numbers.length > 16) {
    const wanted = new Set(numbers);
    for (let at = buffer.indexOf(0x52); at >= 0; at = buffer.indexOf(0x52, at + 1)) {
      const number = numberBeforeReference(buffer, at);
      if (number !== undefined && wanted.has(number) && !found.has(number)) found.set(number, at);
    }
    return found;
  }
  for (const number of numbers) {
    const digits = String(number);
    for (let at = buffer.indexOf(digits, 0, 'latin1'); at >= 0; at = buffer.indexOf(digits, at + 1, 'latin1')) {
      let start = at;
      while (isDigit(buffer[start - 1])) start--;
      let i = at + digits.length;
      while (isDigit(buffer[i])) i++;
      // Leading zeros are allowed in a PDF integer, so the whole run of digits is what must equal the number.
      if (Number(buffer.toString('latin1', start, i)) === number && referenceRestsAt(buffer, i)) {
        found.set(number, start);
        break;
      }
    }
  }
  return found;
}

/** `<white space> G <white space> R` and a delimiter: the rest of a reference after its object number. */
function referenceRestsAt(buffer: Buffer, from: number): boolean {
  let i = from;
  if (!isWhiteSpace(buffer[i])) return false;
  while (isWhiteSpace(buffer[i])) i++;
  if (!isDigit(buffer[i])) return false;
  while (isDigit(buffer[i])) i++;
  if (!isWhiteSpace(buffer[i])) return false;
  while (isWhiteSpace(buffer[i])) i++;
  const after = buffer[i + 1];
  return buffer[i] === 0x52 && (after === undefined || isWhiteSpace(after) || DELIMITERS.has(after));
}

/** The object number of a reference whose `R` is at `at` (`N G R`), if the bytes before it read so. */
function numberBeforeReference(buffer: Buffer, at: number): number | undefined {
  let i = at - 1;
  if (!isWhiteSpace(buffer[i])) return undefined;
  while (isWhiteSpace(buffer[i])) i--;
  if (!isDigit(buffer[i])) return undefined;
  while (isDigit(buffer[i])) i--;
  if (!isWhiteSpace(buffer[i])) return undefined;
  while (isWhiteSpace(buffer[i])) i--;
  const end = i + 1;
  while (isDigit(buffer[i])) i--;
  if (i + 1 === end || end - i - 1 > 10) return undefined;
  const number = Number(buffer.toString('latin1', i + 1, end));
  return referenceRestsAt(buffer, end) ? number : undefined;
}

/** The items of an array value (direct, or an object of its own). */
export function arrayItems(revision: Revision, value: PDFObject | undefined): PDFObject[] {
  const array = revision.resolve(value);
  return array instanceof PDFArray ? array.asArray() : [];
}

/** An annotation's /Subtype ("Link", "FreeText", "Widget"), or "unknown kind". */
export function subtypeOf(revision: Revision, annotation: PDFObject | undefined): string {
  const subtype = revision.dict(annotation)?.get(PDFName.of('Subtype'));
  return subtype instanceof PDFName ? subtype.asString().slice(1) : 'unknown kind';
}

function refOf(number: number | undefined): PDFRef | undefined {
  return number === undefined ? undefined : PDFRef.of(number);
}
