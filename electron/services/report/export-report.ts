import type { ReportFormat } from '../../../shared/api';
import type { Author } from '../../../shared/model';
import type { Clock } from '../../../shared/domain/clock';
import { recordAudit } from '../../../shared/domain/reviews/audit';
import { unresolvedConflicts } from '../exchange/exchange-review';
import type { StartServiceProcess } from '../processes/service-process';
import type { ReviewStore } from '../storage/review-store';
import { KeptReports, type KeptReport } from './kept-reports';
import { REPORT_STEPS, renderReport, renderSteps, type RenderedReport, type ReportStep } from './render-report';
import { sha256Hex } from '../storage/on-demand-crypto';

/** Reports each step while a report is made: which one of how many, and what it does, in words. */
export type ReportProgress = (step: number, steps: number, doing: string) => void;

export interface ExportOptions {
  actor: Author;
  printPdf: (html: string) => Promise<Uint8Array>;
  versionId?: string | undefined;
  /** When the report is made (printed in it, and the kept copy's `exportedAt`) and when the export is logged. */
  clock: Clock;
  /** Keep the report with the review and log the export (default: when the review is writable here). */
  keep?: boolean;
  progress?: ReportProgress;
  /** How the host starts a process, for the review's engine if the open conflicts must be read from its history. */
  startProcess?: StartServiceProcess | undefined;
}

/**
 * Makes the review's report in one format. When the review is open for writing here, the report is also kept
 * with the review (to be listed and signed) and the export is logged in its audit; a read-only review (another
 * window or process edits it) still gets its report, just not kept.
 */
export async function exportReport(
  store: ReviewStore,
  format: ReportFormat,
  options: ExportOptions,
): Promise<{ rendered: RenderedReport; sha256: string; exportedAt: string; kept?: KeptReport }> {
  const exportedAt = options.clock.now();
  const keeping = !store.readOnly && options.keep !== false;
  const steps: ReportStep[] = [...renderSteps(format), ...(keeping ? (['keep'] as const) : [])];
  const begin = (step: ReportStep) => options.progress?.(steps.indexOf(step) + 1, steps.length, REPORT_STEPS[step]);
  const openConflicts = (await unresolvedConflicts(store, options)).map(({ recordLabel, fieldLabel, values }) => ({
    record: recordLabel,
    field: fieldLabel,
    sides: values.map((side) => ({ text: side.text, ...(side.author ? { author: side.author.name } : {}) })),
  }));
  const rendered = await renderReport(store.review, format, {
    generatedAt: new Date(exportedAt),
    generatedBy: options.actor,
    printPdf: options.printPdf,
    ...(options.versionId ? { versionId: options.versionId } : {}),
    openConflicts,
    progress: begin,
  });
  const sha256 = sha256Hex(rendered.bytes);
  if (!keeping) return { rendered, sha256, exportedAt };
  begin('keep');
  const kept = await new KeptReports(store.file).keep(rendered.fileName, rendered.bytes, {
    format,
    mediaType: rendered.mediaType,
    exportedAt,
    exportedBy: options.actor,
    ...(options.versionId ? { versionId: options.versionId } : lastVersionId(store)),
  });
  await store.mutate((review) =>
    recordAudit(
      review,
      options.actor,
      options.clock,
      'report.export',
      `Exported the report “${kept.fileName}” (${format.toUpperCase()}, SHA-256 ${sha256.slice(0, 12)}…).`,
      review.id,
    ),
  );
  return { rendered, sha256, exportedAt, kept };
}

function lastVersionId(store: ReviewStore): { versionId?: string } {
  const last = store.review.versions.filter((v) => !v.deletedAt).at(-1);
  return last ? { versionId: last.id } : {};
}
