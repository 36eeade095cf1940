import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFObject,
} from '@cantoo/pdf-lib';
import {
  arrayItems,
  DocumentMap,
  numbersPossiblyReferred,
  pageList,
  subtypeOf,
  type ObjectRole,
} from './pdf-document-map';
import { samePdfValue } from './pdf-object-equality';
import { PdfRevisions, UnreadableRevision, type Revision, type XrefEntry } from './pdf-revisions';

/** A signature as the change check needs it: where its signed bytes end, and who signed (for the messages). */
export interface SignedSpan {
  signedEnd: number;
  signer: string;
  /** For a certification signature: the DocMDP permissions it set (1: no changes at all, not even signatures). */
  docMdpPermissions?: number | undefined;
}

/*
 * What a later update may do to a signed PDF without changing what its signers signed. The rules follow what
 * pyHanko's difference analysis and the EU DSS validator accept as part of signing, held to the stricter side:
 * - a new signature field (merged with its widget, or with widget kids), put in the form's /Fields and in a page's
 *   /Annots, with its appearance and whatever that appearance uses, all made in the update (pyHanko approves a
 *   new signature field's /AP, /Lock and /SV and the widget's place in /Annots; DSS counts these as "signature
 *   creation");
 * - an existing signature field that was empty getting its value (/V, a signature dictionary), its appearance (/AP)
 *   and its flags (/F) (pyHanko lets an unsigned signature field be filled once; a signed one must not change);
 * - the form dictionary's /Fields growing, /SigFlags, /DR (pyHanko exempts these from its strict comparison);
 * - the document security store (/DSS) and /Extensions, /Version, /MarkInfo in the catalog (both tools treat
 *   validation data as a "secure" or long-term-validation change);
 * - the document information's /ModDate and /Producer, the tool and time of the save;
 * - cross-reference sections and streams, new object streams, the trailer's /ID.
 * After a certification signature (DocMDP), new signature fields must be invisible, as pyHanko requires by default:
 * a new visible field could draw anything over the certified pages.
 * Anything else is a change after the signature, named in words. As in pyHanko, freeing an object counts as a
 * change, overwriting an object with an identical copy does not, and a new object that nothing reaches is ignored
 * unless the signed revision already referred to its number (then defining it changes what that revision showed).
 * Where pyHanko and DSS accept more (document information and XMP metadata rewritten, other catalog entries such
 * as /Names), this check does not: those are seen by readers, and this app's own signing never touches them.
 */

const SIGNATURE_FIELD_KEYS = new Set([
  'Type',
  'Subtype',
  'FT',
  'T',
  'TU',
  'TM',
  'Ff',
  'F',
  'Rect',
  'P',
  'V',
  'AP',
  'AS',
  'MK',
  'DA',
  'Q',
  'Lock',
  'SV',
  'Parent',
  'Kids',
  'StructParent',
  'NM',
  'M',
  'Border',
  'BS',
  'Contents',
]);
const FILLED_FIELD_KEYS = new Set(['V', 'AP', 'F']);
const FORM_KEYS_SIGNING_MAY_CHANGE = new Set(['Fields', 'SigFlags', 'DR']);
const CATALOG_KEYS_SIGNING_MAY_CHANGE = new Set(['AcroForm', 'DSS', 'Extensions', 'Version', 'MarkInfo']);
const SECURITY_STORE_KEYS = new Set(['Type', 'VRI', 'Certs', 'OCSPs', 'CRLs']);
const INFORMATION_KEYS_SIGNING_MAY_CHANGE = new Set(['ModDate', 'Producer']);

/** Catalog entries as a reader would call them, and whether the name is plural. */
const CATALOG_ENTRIES: Record<string, [string, boolean]> = {
  OpenAction: ['opening action (OpenAction)', false],
  AA: ['automatic actions (AA)', true],
  Names: ['named scripts, attached files and destinations (Names)', true],
  OCProperties: ['layer settings, which show or hide content (OCProperties)', true],
  Outlines: ['bookmarks (Outlines)', true],
  Dests: ['named destinations (Dests)', true],
  PageLabels: ['page labels (PageLabels)', true],
  PageMode: ['opening view (PageMode)', false],
  PageLayout: ['page layout (PageLayout)', false],
  ViewerPreferences: ['viewer preferences (ViewerPreferences)', true],
  StructTreeRoot: ['structure tree, which screen readers read (StructTreeRoot)', false],
  Metadata: ['metadata (Metadata)', false],
  Lang: ['language (Lang)', false],
  URI: ['base address for links (URI)', false],
  Perms: ['permissions (Perms)', true],
  Collection: ['portfolio (Collection)', false],
};

/**
 * What the file's later revisions hold beyond what a signature signed. `changes` are modifications, in sentences
 * ("Page 1 changed after Amira Haddad signed."); besides them, later revisions added `nothing` (a byte-for-byte
 * copy, or no later revision), only `validation-data` (a document security store, which PAdES adds after the last
 * signature to keep it verifiable), or `signatures` (signature fields filled or added, and what they bring).
 */
export interface ChangesAfterSignature {
  changes: string[];
  additions: 'nothing' | 'validation-data' | 'signatures';
}

const ADDITION_LEVELS = ['nothing', 'validation-data', 'signatures'] as const;

/**
 * For each signature, in the order given, what the file's last revision holds beyond the revision the signature
 * closes (bytes `[0, signedEnd)`). Nothing for a signature that covers the whole file. A revision that cannot be
 * read gives one change that says so: what cannot be read cannot be said unchanged.
 */
export function changesAfterSignatures(pdf: Uint8Array, spans: SignedSpan[]): ChangesAfterSignature[] {
  const file = new PdfRevisions(pdf);
  let last: Revision | undefined;
  return spans.map(({ signedEnd, signer, docMdpPermissions }) => {
    if (signedEnd >= pdf.length) return { changes: [], additions: 'nothing' };
    try {
      last ??= file.lastRevision();
      const signed = file.revisionEndingAt(signedEnd);
      if (signed.startxref === last.startxref) return { changes: [], additions: 'nothing' };
      const found = new RevisionComparison(
        file,
        signed,
        last,
        signedEnd,
        signer,
        docMdpPermissions !== undefined,
      ).compare();
      // A document certified with no changes permitted takes no further signature either (validation data aside).
      if (docMdpPermissions === 1 && found.additions === 'signatures')
        found.changes.push(`Signatures were added after ${signer} certified the document against any change.`);
      return found;
    } catch (error) {
      const reason = error instanceof UnreadableRevision ? error.message : 'part of it cannot be read';
      return {
        changes: [
          `What was changed after ${signer} signed cannot be checked (${reason}), so the file cannot be shown unchanged.`,
        ],
        additions: 'nothing',
      };
    }
  });
}

/** One signed revision compared with the file's last revision, for the changes after that signature. */
class RevisionComparison {
  private readonly messages = new Set<string>();
  private readonly changedPages = new Set<number>();
  private pageListsDiffer: boolean | undefined;
  private storeObjects: Set<number> | undefined;
  private map: DocumentMap | undefined;
  private additions: ChangesAfterSignature['additions'] = 'nothing';
  private readonly after: string;

  constructor(
    private readonly file: PdfRevisions,
    private readonly signed: Revision,
    private readonly last: Revision,
    private readonly signedEnd: number,
    signer: string,
    /** The signature certified the document: new signature fields after it must be invisible (as pyHanko holds). */
    private readonly certified: boolean,
  ) {
    this.after = `after ${signer} signed`;
  }

  compare(): ChangesAfterSignature {
    const redefined: number[] = [];
    const freed: number[] = [];
    const added: number[] = [];
    for (const number of this.changedNumbers()) {
      const before = this.signed.entry(number);
      const now = this.last.entry(number);
      const wasInUse = before !== undefined && before.kind !== 'free';
      const isInUse = now !== undefined && now.kind !== 'free';
      if (wasInUse && isInUse) redefined.push(number);
      else if (wasInUse) freed.push(number);
      else if (isInUse) added.push(number);
    }
    this.trailer();
    for (const number of redefined) this.redefinedObject(number);
    for (const number of freed) this.freedObject(number);
    this.newObjectsReferredToBefore(added);
    return { changes: [...this.messages, ...this.pageMessages()], additions: this.additions };
  }

  /** Records what signing-related content the later revisions added, keeping the highest level seen. */
  private added(level: ChangesAfterSignature['additions']): void {
    if (ADDITION_LEVELS.indexOf(level) > ADDITION_LEVELS.indexOf(this.additions)) this.additions = level;
  }

  /**
   * Object numbers whose definition differs between the two revisions. When the last revision's sections end
   * with the signed revision's (the usual case: updates appended after it), only the sections after it can; else
   * every number either revision names is compared.
   */
  private changedNumbers(): Set<number> {
    const prefix = this.last.sections.length - this.signed.sections.length;
    const appended =
      prefix > 0 && this.signed.sections.every((section, i) => this.last.sections[prefix + i]?.at === section.at);
    const candidates = appended
      ? new Set(this.last.sections.slice(0, prefix).flatMap((section) => [...section.numbers()]))
      : new Set([...this.signed.numbers(), ...this.last.numbers()]);
    const changed = new Set<number>();
    for (const number of candidates) if (!this.sameEntry(number)) changed.add(number);
    return changed;
  }

  /** Whether object `number` is defined by the same bytes in both revisions (for a compressed one, the same stream's). */
  private sameEntry(number: number): boolean {
    const a = this.signed.entry(number);
    const b = this.last.entry(number);
    if (!a || !b || a.kind === 'free' || b.kind === 'free') return isFree(a) && isFree(b);
    if (a.kind === 'offset' || b.kind === 'offset')
      return a.kind === b.kind && (a as { offset: number }).offset === (b as { offset: number }).offset;
    // An object stream is itself written at an offset; one said to be compressed is not the same in any case.
    return a.stream === b.stream && this.signed.entry(a.stream)?.kind === 'offset' && this.sameEntry(a.stream);
  }

  private trailer(): void {
    const root = this.signed.rootNumber();
    if (root === undefined || root !== this.last.rootNumber())
      this.say(`The document’s catalog, from which everything in it is found, was replaced ${this.after}.`);
    if (!samePdfValue(this.signed.trailerEntry('Encrypt'), this.last.trailerEntry('Encrypt')))
      this.say(`The document’s encryption changed ${this.after}.`);
    const before = this.signed.trailerEntry('Info');
    const now = this.last.trailerEntry('Info');
    if (!samePdfValue(before, now)) this.information(this.signed.dict(before), this.last.dict(now));
  }

  private redefinedObject(number: number): void {
    const before = this.signed.lookup(number);
    const now = this.last.lookup(number);
    if (samePdfValue(before, now)) return;
    const catalog = this.signed.dict(ref(this.signed.rootNumber()));
    const form = catalog?.get(PDFName.of('AcroForm'));
    const fields = this.signed.dict(form)?.get(PDFName.of('Fields'));
    if (number === this.signed.rootNumber()) return this.catalog(before, now);
    if (number === refNumber(this.signed.trailerEntry('Info'))) return this.information(asDict(before), asDict(now));
    if (number === refNumber(form)) return this.form(asDict(before), asDict(now));
    if (number === refNumber(fields)) return this.fields(before, now);
    if (this.securityStoreObjects().has(number) && !(now instanceof PDFRawStream)) return this.added('validation-data');
    // Before the page tree is read (costly on a long report): the only changes a filled field may carry (/V, /AP,
    // /F) mean nothing on an object that is also a page or a node of the page tree.
    if (this.emptySignatureField(before)) return this.filledSignatureField(asDict(before)!, asDict(now));
    const pages = pageList(this.signed);
    if (pages.treeObjects.has(number)) return this.pageTree(before, now);
    const page = pages.pages.indexOf(number) + 1;
    if (page > 0) return this.page(page, asDict(before), asDict(now));
    const annotated = pages.annotationArrays.get(number);
    if (annotated !== undefined) return this.annotations(annotated, before, now);
    this.objectOfRole(number, 'replaced');
  }

  private freedObject(number: number): void {
    this.objectOfRole(number, 'deleted');
  }

  /** A changed object the rules do not explain, named by what it was for in the signed revision. */
  private objectOfRole(number: number, how: 'replaced' | 'deleted'): void {
    const map = this.documentMap();
    const role = map.role(number);
    if (!role) return this.say(`An object of the signed document (number ${number}) was ${how} ${this.after}.`);
    if (role.kind === 'page') for (const page of map.pagesOf(number)) this.changedPages.add(page);
    this.sayRole(role, how === 'deleted' ? 'removed' : 'changed');
  }

  private sayRole(role: ObjectRole, how: 'changed' | 'removed' | 'added'): void {
    switch (role.kind) {
      case 'page':
        this.changedPages.add(role.page);
        return;
      case 'annotation':
        return this.say(
          `An annotation (${role.subtype}) on page ${role.page} ${how === 'removed' ? 'was removed' : 'changed'} ${this.after}.`,
        );
      case 'page-tree':
        if (!this.comparePageLists())
          this.say(`Settings the pages share (size, rotation or resources) changed ${this.after}.`);
        return;
      case 'catalog':
        return this.catalogEntry(role.key, 'changed');
      case 'form':
        return this.say(`The form (its fields) changed ${this.after}.`);
      case 'security-store':
        return;
      case 'information':
        return this.say(`The document information (title, author, subject) changed ${this.after}.`);
    }
  }

  private catalog(before: PDFObject | undefined, now: PDFObject | undefined): void {
    const a = asDict(before);
    const b = asDict(now);
    if (!a || !b) return this.say(`The document’s catalog was replaced by something that is not one ${this.after}.`);
    for (const key of keysOf(a, b)) {
      const name = key.asString().slice(1);
      const was = a.get(key);
      const is = b.get(key);
      if (samePdfValue(was, is)) continue;
      if (name === 'AcroForm') this.form(this.signed.dict(was), this.last.dict(is));
      else if (name === 'DSS') this.securityStore(is);
      else if (name === 'Extensions') this.added('validation-data');
      else if (name === 'Pages') this.comparePageLists();
      else if (!CATALOG_KEYS_SIGNING_MAY_CHANGE.has(name))
        this.catalogEntry(name, was === undefined ? 'added' : is === undefined ? 'removed' : 'changed');
    }
  }

  private catalogEntry(name: string, how: 'added' | 'changed' | 'removed'): void {
    const [label, plural] = CATALOG_ENTRIES[name] ?? [`catalog entry /${name}`, false];
    this.say(`The document’s ${label} ${plural ? 'were' : 'was'} ${how} ${this.after}.`);
  }

  private information(before: PDFDict | undefined, now: PDFDict | undefined): void {
    const changed = keysOf(before, now)
      .map((key) => key.asString().slice(1))
      .filter(
        (name) =>
          !INFORMATION_KEYS_SIGNING_MAY_CHANGE.has(name) &&
          !samePdfValue(before?.get(PDFName.of(name)), now?.get(PDFName.of(name))),
      );
    if (changed.length) this.say(`The document information (${changed.join(', ')}) changed ${this.after}.`);
  }

  private form(before: PDFDict | undefined, now: PDFDict | undefined): void {
    if (!now) return before ? this.say(`The form was removed ${this.after}.`) : undefined;
    for (const key of keysOf(before, now)) {
      const name = key.asString().slice(1);
      const was = before?.get(key);
      const is = now.get(key);
      if (samePdfValue(was, is)) continue;
      if (name === 'Fields') this.fields(was, is);
      else if (!FORM_KEYS_SIGNING_MAY_CHANGE.has(name))
        this.say(`The form’s settings (/${name}) changed ${this.after}.`);
      else this.added('signatures');
    }
  }

  /** The form's field list: every signed-revision field still there, and anything new a signature field. */
  private fields(before: PDFObject | undefined, now: PDFObject | undefined): void {
    const was = arrayItems(this.signed, before);
    const is = arrayItems(this.last, now);
    for (const field of was)
      if (!is.some((item) => samePdfValue(item, field)))
        this.say(`The form field “${this.fieldName(this.signed, field)}” was removed ${this.after}.`);
    for (const field of is) {
      if (was.some((item) => samePdfValue(item, field))) continue;
      const problem = this.newSignatureField(field, false);
      if (problem)
        this.say(`A form field (“${this.fieldName(this.last, field)}”) was added ${this.after}: ${problem}.`);
      else this.added('signatures');
    }
  }

  /** A page's annotations: those of the signed revision all kept, and anything new a signature field's widget. */
  private annotations(page: number, before: PDFObject | undefined, now: PDFObject | undefined): void {
    const was = arrayItems(this.signed, before);
    const is = arrayItems(this.last, now);
    for (const annotation of was) {
      if (!is.some((item) => samePdfValue(item, annotation)))
        this.say(`An annotation (${subtypeOf(this.signed, annotation)}) was removed from page ${page} ${this.after}.`);
    }
    for (const annotation of is) {
      if (was.some((item) => samePdfValue(item, annotation))) continue;
      const problem = this.newSignatureField(annotation, true);
      const subtype = subtypeOf(this.last, annotation);
      if (problem)
        this.say(
          `An annotation (${subtype}) was added to page ${page} ${this.after}${subtype === 'Widget' ? `: ${problem}` : ''}.`,
        );
      else this.added('signatures');
    }
  }

  private page(page: number, before: PDFDict | undefined, now: PDFDict | undefined): void {
    if (!before || !now) return void this.changedPages.add(page);
    for (const key of keysOf(before, now)) {
      if (samePdfValue(before.get(key), now.get(key))) continue;
      if (key === PDFName.of('Annots')) this.annotations(page, before.get(key), now.get(key));
      else this.changedPages.add(page);
    }
  }

  /** A node of the page tree, or its /Kids array: pages added, removed, reordered, or what they inherit changed. */
  private pageTree(before: PDFObject | undefined, now: PDFObject | undefined): void {
    this.comparePageLists();
    const a = asDict(before);
    const b = asDict(now);
    if (!a || !b) return;
    const inheritedChanged = keysOf(a, b).some(
      (key) => key !== PDFName.of('Kids') && key !== PDFName.of('Count') && !samePdfValue(a.get(key), b.get(key)),
    );
    if (inheritedChanged) this.sayRole({ kind: 'page-tree' }, 'changed');
  }

  /** Pages added, removed or reordered: the page lists of the two revisions compared, once. Returns whether they differ. */
  private comparePageLists(): boolean {
    if (this.pageListsDiffer !== undefined) return this.pageListsDiffer;
    const before = pageList(this.signed).pages;
    const now = pageList(this.last).pages;
    const removed = before.map((number, i) => [number, i + 1] as const).filter(([number]) => !now.includes(number));
    const added = now.filter((number) => !before.includes(number)).length;
    for (const [, page] of removed) this.say(`Page ${page} was removed ${this.after}.`);
    if (added) this.say(`${added === 1 ? 'A page was' : `${added} pages were`} added ${this.after}.`);
    const reordered =
      before.filter((number) => now.includes(number)).join() !== now.filter((number) => before.includes(number)).join();
    if (reordered) this.say(`The pages were put in another order ${this.after}.`);
    this.pageListsDiffer = removed.length > 0 || added > 0 || reordered;
    return this.pageListsDiffer;
  }

  /** Whether an object of the signed revision is a signature field (or its widget) not signed yet. */
  private emptySignatureField(object: PDFObject | undefined): boolean {
    const field = asDict(object);
    return (
      field !== undefined &&
      inherited(this.signed, field, 'FT') === PDFName.of('Sig') &&
      inherited(this.signed, field, 'V') === undefined
    );
  }

  /** An empty signature field filled: only its value, appearance and flags may change, the value a signature. */
  private filledSignatureField(before: PDFDict, now: PDFDict | undefined): void {
    const name = this.fieldName(this.signed, before);
    const changed = keysOf(before, now).filter((key) => !samePdfValue(before.get(key), now?.get(key)));
    const other = changed.map((key) => key.asString().slice(1)).filter((key) => !FILLED_FIELD_KEYS.has(key));
    if (!now || other.length)
      return this.say(
        `The signature field “${name}” changed ${this.after}${other.length ? ` (/${other.join(', /')})` : ''}.`,
      );
    if (changed.includes(PDFName.of('V')) && !this.isSignatureValue(now.get(PDFName.of('V'))))
      this.say(`The signature field “${name}” was given a value that is not a signature ${this.after}.`);
    else this.added('signatures');
  }

  /**
   * A new object that signing may add where `value` is: a signature field (a dictionary, not a stream, with /FT
   * /Sig, a signature as its value if any, widget kids of the same kind) and, on a page, a widget. Returns what is
   * wrong with it, or undefined when it is such a field.
   */
  private newSignatureField(
    value: PDFObject | undefined,
    onPage: boolean,
    inheritedSig = false,
    depth = 0,
  ): string | undefined {
    if (!(value instanceof PDFRef) || !isFree(this.signed.entry(value.objectNumber)))
      return 'it is not a new signature field';
    const field = this.last.lookup(value.objectNumber);
    if (!(field instanceof PDFDict)) return 'it is not a signature field';
    if (!inheritedSig && field.get(PDFName.of('FT')) !== PDFName.of('Sig')) return 'it is not a signature field';
    const subtype = field.get(PDFName.of('Subtype'));
    if ((onPage || subtype !== undefined) && subtype !== PDFName.of('Widget')) return 'it is not a signature field';
    const extra = field
      .keys()
      .map((key) => key.asString().slice(1))
      .filter((key) => !SIGNATURE_FIELD_KEYS.has(key));
    if (extra.length) return `it carries entries a signature field does not need (/${extra.join(', /')})`;
    const signature = field.get(PDFName.of('V'));
    if (signature !== undefined && !this.isSignatureValue(signature)) return 'its value is not a signature';
    // After a certification, a new visible field could draw anything over the certified pages; the certified
    // document brings its own empty fields for that, and a signature beyond them is invisible.
    if (this.certified && visibleArea(this.last, field))
      return 'it is visible, and only invisible signature fields may be added after a certification signature';
    for (const kid of arrayItems(this.last, field.get(PDFName.of('Kids')))) {
      const problem = depth < 4 ? this.newSignatureField(kid, false, true, depth + 1) : 'its widgets nest too deep';
      if (problem) return problem;
    }
    return undefined;
  }

  /** A signature dictionary with a byte range and contents: one that verification checks like the others. */
  private isSignatureValue(value: PDFObject | undefined): boolean {
    const signature = value instanceof PDFRef ? this.last.dict(value) : undefined;
    const type = signature?.get(PDFName.of('Type'));
    return (
      signature !== undefined &&
      (type === PDFName.of('Sig') || type === PDFName.of('DocTimeStamp')) &&
      signature.get(PDFName.of('ByteRange')) instanceof PDFArray &&
      (signature.get(PDFName.of('Contents')) instanceof PDFHexString ||
        signature.get(PDFName.of('Contents')) instanceof PDFString)
    );
  }

  /** A document security store holds validation data only: certificates, OCSP responses, CRLs and their index. */
  private securityStore(value: PDFObject | undefined): void {
    const store = this.last.dict(value);
    if (!store) return;
    const extra = store
      .keys()
      .map((key) => key.asString().slice(1))
      .filter((key) => !SECURITY_STORE_KEYS.has(key));
    if (extra.length || this.last.resolve(value) instanceof PDFRawStream)
      this.say(`The document security store (DSS) was given more than validation data ${this.after}.`);
    else this.added('validation-data');
  }

  /** The objects of the signed revision's document security store that signing may rewrite: its dictionaries and arrays. */
  private securityStoreObjects(): Set<number> {
    if (this.storeObjects) return this.storeObjects;
    const numbers = (this.storeObjects = new Set<number>());
    const store = this.signed.dict(ref(this.signed.rootNumber()))?.get(PDFName.of('DSS'));
    const add = (value: PDFObject | undefined) => {
      if (value instanceof PDFRef) numbers.add(value.objectNumber);
    };
    add(store);
    const dict = this.signed.dict(store);
    for (const key of ['Certs', 'OCSPs', 'CRLs', 'VRI']) add(dict?.get(PDFName.of(key)));
    for (const [, entry] of this.signed.dict(dict?.get(PDFName.of('VRI')))?.entries() ?? []) {
      add(entry);
      for (const key of ['Cert', 'OCSP', 'CRL']) add(this.signed.dict(entry)?.get(PDFName.of(key)));
    }
    return numbers;
  }

  /**
   * New object numbers that the signed revision already referred to: its readers saw nothing there (an undefined
   * object is null), and now they see what the update defined. A quick look at the bytes first; the document map,
   * which reads every object the document uses, only when that finds a possible reference.
   */
  private newObjectsReferredToBefore(added: number[]): void {
    if (!added.length) return;
    const mentioned = numbersPossiblyReferred(this.file, this.signed, this.signedEnd, added);
    for (const number of mentioned) {
      const role = this.documentMap().undefinedReferenceTo(number);
      if (role?.kind === 'page' || role?.kind === 'annotation' || role?.kind === 'page-tree')
        this.sayRole(role, 'changed');
      else if (role)
        this.say(
          `An object the signed document referred to but did not contain (number ${number}) was added ${this.after}.`,
        );
    }
  }

  private documentMap(): DocumentMap {
    this.map ??= new DocumentMap(this.signed);
    return this.map;
  }

  private fieldName(revision: Revision, field: PDFObject | undefined): string {
    const name = inherited(revision, revision.dict(field), 'T');
    return name instanceof PDFString || name instanceof PDFHexString ? name.decodeText() : 'without a name';
  }

  private pageMessages(): string[] {
    const pages = [...this.changedPages].sort((a, b) => a - b);
    if (pages.length === 0) return [];
    return [
      pages.length === 1
        ? `Page ${pages[0]} changed ${this.after}.`
        : `Pages ${pageRanges(pages)} changed ${this.after}.`,
    ];
  }

  private say(message: string): void {
    this.messages.add(message);
  }
}

/** "1–3, 5 and 8" for pages 1, 2, 3, 5, 8. */
function pageRanges(pages: number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < pages.length;) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    ranges.push(j > i ? `${pages[i]}–${pages[j]}` : `${pages[i]}`);
    i = j + 1;
  }
  return ranges.length === 1 ? ranges[0]! : `${ranges.slice(0, -1).join(', ')} and ${ranges.at(-1)}`;
}

/** A field attribute, from the field or the fields above it (/Parent), as the form's inheritance says. */
function inherited(revision: Revision, field: PDFDict | undefined, key: string): PDFObject | undefined {
  let node = field;
  for (let depth = 0; node && depth < 16; depth++) {
    const value = node.get(PDFName.of(key));
    if (value !== undefined) return value;
    node = revision.dict(node.get(PDFName.of('Parent')));
  }
  return undefined;
}

/** Whether an annotation's /Rect covers any area. */
function visibleArea(revision: Revision, annotation: PDFDict): boolean {
  const rect = revision.resolve(annotation.get(PDFName.of('Rect')));
  if (!(rect instanceof PDFArray) || rect.size() !== 4) return false;
  const [x1, y1, x2, y2] = rect.asArray().map((value) => {
    const number = revision.resolve(value);
    return number instanceof PDFNumber ? number.asNumber() : 0;
  }) as [number, number, number, number];
  return Math.abs(x2 - x1) * Math.abs(y2 - y1) > 0;
}

function keysOf(a: PDFDict | undefined, b: PDFDict | undefined): PDFName[] {
  return [...new Set([...(a?.keys() ?? []), ...(b?.keys() ?? [])])];
}

function asDict(value: PDFObject | undefined): PDFDict | undefined {
  return value instanceof PDFDict ? value : undefined;
}

function isFree(entry: XrefEntry | undefined): boolean {
  return entry === undefined || entry.kind === 'free';
}

function ref(number: number | undefined): PDFRef | undefined {
  return number === undefined ? undefined : PDFRef.of(number);
}

function refNumber(value: PDFObject | undefined): number | undefined {
  return value instanceof PDFRef ? value.objectNumber : undefined;
}
