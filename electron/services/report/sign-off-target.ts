import { access } from 'node:fs/promises';
import { RecordId } from '../../../shared/model';
import { REPORT_FORMAT } from '../../../shared/report';
import type { ReviewLibrary } from '../library/review-library';
import { unsignedPdfSha256 } from '../signing/pdf-signatures';
import { signedFileKind } from '../signing/verify-report';
import { KeptReports, type KeptReport } from './kept-reports';
import { reviewIdOfReportPdf } from './report-pdf';
import { sha256Hex } from '../storage/on-demand-crypto';

/** Where signing a file records its sign-off: a report kept with a review, or nowhere, and why. */
export type SignOffTarget = { reviewId: string; report: KeptReport } | { notRecorded: string };

/**
 * The report kept with a review that a file about to be signed is, so the sign-off lands in that review. The file
 * names its review (a PDF in the document information the app wrote, a JSON report in `review.id`), and it must
 * also be that review's report: its bytes are a kept report as it is now (perhaps signed already), or its revision
 * before the first signature is a kept report as exported. A name alone proves nothing: any file can be made to
 * name a review, and its sign-off would then be listed in that review's next report.
 */
export async function signOffTargetOf(library: ReviewLibrary, bytes: Uint8Array): Promise<SignOffTarget> {
  const kind = signedFileKind(bytes);
  const reviewId =
    kind === 'pdf' ? await reviewIdOfReportPdf(bytes) : kind === 'json' ? reviewIdOfJsonReport(bytes) : undefined;
  const notAReport = { notRecorded: 'the file is not a report of a review in this library' };
  // Only whether the review is here: its file may be large, and opening it comes later, when a sign-off is recorded.
  if (
    !reviewId ||
    !(await access(library.fileFor(reviewId)).then(
      () => true,
      () => false,
    ))
  )
    return notAReport;
  const kept = await new KeptReports(library.fileFor(reviewId)).list();
  const current = sha256Hex(bytes);
  const asExported = kind === 'pdf' ? unsignedPdfSha256(bytes) : current;
  const report = kept.find((r) => r.currentSha256 === current) ?? kept.find((r) => r.sha256 === asExported);
  if (report) return { reviewId, report };
  return {
    notRecorded:
      `the file names the review ${reviewId}, but it is none of the reports kept with that ` +
      `review, as exported or as signed since (SHA-256 ${asExported.slice(0, 12)}…), so it may ` +
      `be another file. Sign a report exported from that review`,
  };
}

function reviewIdOfJsonReport(bytes: Uint8Array): string | undefined {
  try {
    const report = JSON.parse(Buffer.from(bytes).toString('utf8')) as { format?: unknown; review?: { id?: unknown } };
    const id = report.format === REPORT_FORMAT ? report.review?.id : undefined;
    return RecordId.safeParse(id).success ? (id as string) : undefined;
  } catch {
    return undefined;
  }
}
