import { PDFHexString, PDFName, PDFString, type PDFObject } from '@cantoo/pdf-lib';
import { RecordId } from '../../../shared/model';
import { signatureSlotCount, signatureSlotRect } from '../../../shared/report';
import { openPdfUpdate } from '../signing/pdf-incremental';
import { addEmptySignatureFields } from '../signing/pdf-signature-fields';

/** The Info entry that names the review a report PDF comes from, so signing it can record the sign-off. */
export const REVIEW_ID_INFO_KEY = 'PolicyReviewId';

export interface ReportPdfInfo {
  title: string;
  reviewId: string;
  author?: string;
  generator: string;
  committeeSize: number;
}

/**
 * Finishes the PDF Chromium printed, before anyone signs it, in one incremental update (Chromium's bytes stay as
 * they are): the document information (title, subject, creator, the review's id) and the empty signature fields
 * on the last page, where the template left room for them (shared/report/page-layout.ts).
 */
export async function finishReportPdf(printed: Uint8Array, info: ReportPdfInfo): Promise<Uint8Array> {
  const pdf = await openPdfUpdate(printed);
  const { ref, dict } = pdf.info();
  const text = (value: string) => PDFHexString.fromText(value);
  dict.set(PDFName.of('Title'), text(`Review report: ${info.title}`));
  dict.set(PDFName.of('Subject'), text('Policy review report: verdicts, annotations, action plan and sign-off'));
  dict.set(PDFName.of('Creator'), text(info.generator));
  if (info.author) dict.set(PDFName.of('Author'), text(info.author));
  dict.set(PDFName.of(REVIEW_ID_INFO_KEY), text(info.reviewId));
  pdf.markChanged(ref);
  const catalog = pdf.catalog();
  catalog.set(PDFName.of('Lang'), PDFString.of('en'));
  catalog.set(PDFName.of('ViewerPreferences'), pdf.context.obj({ DisplayDocTitle: true }));
  pdf.markChanged(pdf.catalogRef);
  addEmptySignatureFields(
    pdf,
    Array.from({ length: signatureSlotCount(info.committeeSize) }, (_, i) => signatureSlotRect(i)),
  );
  return pdf.save();
}

/**
 * The review id a report PDF names in its document information, if it is one this app made: the /Info dictionary
 * the latest revision's trailer points to, as finishReportPdf writes it (and signing carries it on). Nowhere else
 * in the bytes counts, so a comment or a stray object naming a review makes no file a report of it.
 */
export async function reviewIdOfReportPdf(pdf: Uint8Array): Promise<string | undefined> {
  let value: PDFObject | undefined;
  try {
    // info() would add an empty dictionary to a file without one; this update is never saved.
    value = (await openPdfUpdate(pdf)).info().dict.lookup(PDFName.of(REVIEW_ID_INFO_KEY));
  } catch {
    return undefined;
  }
  const text = value instanceof PDFHexString || value instanceof PDFString ? value.decodeText() : undefined;
  return RecordId.safeParse(text).success ? text : undefined;
}
