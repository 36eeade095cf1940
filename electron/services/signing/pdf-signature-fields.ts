import { type PDFArray, type PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef } from '@cantoo/pdf-lib';
import type { PdfRect } from '../../../shared/report';
import type { PdfUpdate } from './pdf-incremental';
import { signatureAppearance, type SignatureLine } from './signature-appearance';

/** Annotation flags: Print (4); Print + Locked (4 + 128) for a field that has been signed. */
const PRINT = 4;
const PRINT_LOCKED = 132;

/**
 * The document's interactive form (/AcroForm) and its /Fields, made if missing, with /SigFlags 3 (the document
 * holds signatures; change it by appending only). Returns a function that records a change to /Fields.
 */
function signatureForm(pdf: PdfUpdate): { fields: PDFArray; fieldsChanged: () => void } {
  const catalog = pdf.catalog();
  let formValue = catalog.get(PDFName.of('AcroForm'));
  let form = pdf.lookupDict(formValue);
  if (!form) {
    form = pdf.context.obj({ Fields: [] });
    formValue = pdf.register(form);
    catalog.set(PDFName.of('AcroForm'), formValue);
    pdf.markChanged(pdf.catalogRef);
  }
  const formChanged =
    formValue instanceof PDFRef ? () => pdf.markChanged(formValue) : () => pdf.markChanged(pdf.catalogRef);
  if (form.lookupMaybe(PDFName.of('SigFlags'), PDFNumber)?.asNumber() !== 3) {
    form.set(PDFName.of('SigFlags'), PDFNumber.of(3));
    formChanged();
  }
  const fieldsValue = form.get(PDFName.of('Fields'));
  let fields = pdf.lookupArray(fieldsValue);
  if (!fields) {
    fields = pdf.context.obj([]);
    form.set(PDFName.of('Fields'), fields);
    formChanged();
  }
  return { fields, fieldsChanged: fieldsValue instanceof PDFRef ? () => pdf.markChanged(fieldsValue) : formChanged };
}

/** Adds a widget annotation to a page's /Annots, wherever that array lives. */
function addToPage(pdf: PdfUpdate, page: { ref: PDFRef; dict: PDFDict }, widget: PDFRef): void {
  const value = page.dict.get(PDFName.of('Annots'));
  const annots = pdf.lookupArray(value);
  if (annots) {
    annots.push(widget);
    pdf.markChanged(value instanceof PDFRef ? value : page.ref);
  } else {
    page.dict.set(PDFName.of('Annots'), pdf.context.obj([widget]));
    pdf.markChanged(page.ref);
  }
}

/**
 * Adds empty signature fields (merged field and widget) at `rects` on the last page, named "Signature 1",
 * "Signature 2" …: the places where committee members sign, which any PDF reader also offers for signing.
 */
export function addEmptySignatureFields(pdf: PdfUpdate, rects: PdfRect[]): void {
  const { fields, fieldsChanged } = signatureForm(pdf);
  const page = pdf.lastPage();
  const taken = fieldNames(pdf, fields);
  let number = 1;
  for (const rect of rects) {
    while (taken.has(`Signature ${number}`)) number++;
    const name = `Signature ${number}`;
    taken.add(name);
    const appearance = signatureAppearance(pdf, rect.width, rect.height, [{ text: `${name}: not signed`, size: 7.5 }], {
      signed: false,
    });
    const widget = pdf.register(
      pdf.context.obj({
        Type: 'Annot',
        Subtype: 'Widget',
        FT: 'Sig',
        T: PDFHexString.fromText(name),
        F: PRINT,
        Rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height],
        P: page.ref,
        AP: { N: appearance },
      }),
    );
    addToPage(pdf, page, widget);
    fields.push(widget);
  }
  fieldsChanged();
}

export interface SignatureFieldSlot {
  fieldRef: PDFRef;
  field: PDFDict;
  /** The widget: the field itself when merged (as here), else its first kid. */
  widgetRef: PDFRef;
  widget: PDFDict;
  rect: PdfRect;
  name: string;
}

/** The first signature field not signed yet, in the form's order; none for a PDF without empty signature fields. */
export function firstEmptySignatureField(pdf: PdfUpdate): SignatureFieldSlot | undefined {
  const fields = pdf.lookupArray(pdf.lookupDict(pdf.catalog().get(PDFName.of('AcroForm')))?.get(PDFName.of('Fields')));
  if (!fields) return undefined;
  for (let i = 0; i < fields.size(); i++) {
    const fieldRef = fields.get(i);
    const field = pdf.lookupDict(fieldRef);
    if (
      !(fieldRef instanceof PDFRef) ||
      !field ||
      field.get(PDFName.of('FT')) !== PDFName.of('Sig') ||
      field.has(PDFName.of('V'))
    )
      continue;
    const kids = pdf.lookupArray(field.get(PDFName.of('Kids')));
    const widgetRef = kids ? kids.get(0) : fieldRef;
    const widget = pdf.lookupDict(widgetRef);
    const box = pdf.lookupArray(widget?.get(PDFName.of('Rect')));
    if (!(widgetRef instanceof PDFRef) || !widget || !box || box.size() !== 4) continue;
    const [x1, y1, x2, y2] = [0, 1, 2, 3].map((k) =>
      box.get(k) instanceof PDFNumber ? (box.get(k) as PDFNumber).asNumber() : 0,
    ) as [number, number, number, number];
    const rect = { x: Math.min(x1, x2), y: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) };
    if (rect.width < 20 || rect.height < 20) continue;
    return {
      fieldRef,
      field,
      widgetRef,
      widget,
      rect,
      name: textOf(field.get(PDFName.of('T'))) ?? `Signature ${i + 1}`,
    };
  }
  return undefined;
}

/**
 * Puts signature `signatureRef` into a field: the empty one given, with an appearance showing `lines`; or else a
 * new invisible field on the last page (a PDF this app did not make, or one whose fields are all signed).
 * Returns the field's name.
 */
export function fillSignatureField(
  pdf: PdfUpdate,
  signatureRef: PDFRef,
  slot: SignatureFieldSlot | undefined,
  lines: SignatureLine[],
): string {
  if (slot) {
    const appearance = signatureAppearance(pdf, slot.rect.width, slot.rect.height, lines, { signed: true });
    slot.field.set(PDFName.of('V'), signatureRef);
    slot.widget.set(PDFName.of('AP'), pdf.context.obj({ N: appearance }));
    slot.widget.set(PDFName.of('F'), PDFNumber.of(PRINT_LOCKED));
    pdf.markChanged(slot.fieldRef);
    if (slot.widgetRef !== slot.fieldRef) pdf.markChanged(slot.widgetRef);
    return slot.name;
  }
  const { fields, fieldsChanged } = signatureForm(pdf);
  const page = pdf.lastPage();
  const taken = fieldNames(pdf, fields);
  let number = 1;
  while (taken.has(`Signature ${number}`)) number++;
  const name = `Signature ${number}`;
  const field = pdf.register(
    pdf.context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      T: PDFHexString.fromText(name),
      F: PRINT_LOCKED,
      Rect: [0, 0, 0, 0],
      P: page.ref,
      V: signatureRef,
    }),
  );
  addToPage(pdf, page, field);
  fields.push(field);
  fieldsChanged();
  return name;
}

function fieldNames(pdf: PdfUpdate, fields: PDFArray): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i < fields.size(); i++) {
    const name = textOf(pdf.lookupDict(fields.get(i))?.get(PDFName.of('T')));
    if (name) names.add(name);
  }
  return names;
}

function textOf(value: unknown): string | undefined {
  if (value && typeof value === 'object' && 'decodeText' in value && typeof value.decodeText === 'function')
    return (value as { decodeText(): string }).decodeText();
  return undefined;
}
