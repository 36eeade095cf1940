import type { ReportFormat } from '../../../shared/api';
import type { Author, Review } from '../../../shared/model';
import {
  annotationCollection,
  buildReportModel,
  renderReportHtml,
  renderReportJson,
  renderReportMarkdown,
  type ReportConflict,
} from '../../../shared/report';
import { APP_NAME } from '../workstation/data-dir';
import { APP_VERSION } from '../workstation/app-version';
import { summarizeChanges } from '../../../shared/domain/compare/change-summary';
import { finishReportPdf } from './report-pdf';
import { titleSlug } from '../../../shared/domain/title-slug';

export const REPORT_MEDIA_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json',
  w3c: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
};

const EXTENSIONS: Record<ReportFormat, string> = {
  pdf: '.pdf',
  html: '.html',
  md: '.md',
  json: '.json',
  w3c: '.w3c.jsonld',
};

/** The steps of making a report, in the words its progress announces them. */
export const REPORT_STEPS = {
  build: 'Building the report',
  print: 'Printing the report',
  finish: 'Adding signature fields',
  keep: 'Keeping the report with the review',
} as const;
export type ReportStep = keyof typeof REPORT_STEPS;

/** The steps rendering a report in a format goes through, in order (a PDF is printed, then finished). */
export function renderSteps(format: ReportFormat): ReportStep[] {
  return format === 'pdf' ? ['build', 'print', 'finish'] : ['build'];
}

export interface RenderOptions {
  generatedAt: Date;
  generatedBy: Author;
  /** Prints HTML to PDF: Electron's printToPDF in the app, Playwright's Chromium elsewhere. */
  printPdf: (html: string) => Promise<Uint8Array>;
  versionId?: string;
  openConflicts?: ReportConflict[];
  /** Told as each of `renderSteps(format)` begins. */
  progress?: (step: ReportStep) => void;
}

export interface RenderedReport {
  format: ReportFormat;
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
  /** How long each step took, in milliseconds (the benchmark reads them). */
  timings: Record<string, number>;
}

export const GENERATOR = `${APP_NAME} ${APP_VERSION}`;

/**
 * The review's report in one format, from the one report model and the one HTML template: PDF is that HTML
 * printed, then given its document information and signature fields (report-pdf.ts).
 */
export async function renderReport(
  review: Review,
  format: ReportFormat,
  options: RenderOptions,
): Promise<RenderedReport> {
  const generatedAt = options.generatedAt.toISOString();
  const fileName = reportFileName(review.title, format, generatedAt);
  const timings: Record<string, number> = {};
  const timed = async <T>(step: string, work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      timings[step] = Math.round((performance.now() - started) * 10) / 10;
    }
  };
  const begin = options.progress ?? (() => undefined);
  const done = (bytes: Uint8Array): RenderedReport => ({
    format,
    fileName,
    mediaType: REPORT_MEDIA_TYPES[format],
    bytes,
    timings,
  });
  begin('build');
  if (format === 'w3c') {
    const collection = await timed('model', () => annotationCollection(review, { generatedAt, generator: GENERATOR }));
    return done(utf8(`${JSON.stringify(collection, null, 2)}\n`));
  }
  const model = await timed('model', () =>
    buildReportModel(review, {
      generatedAt,
      generatedBy: options.generatedBy,
      generator: GENERATOR,
      compare: summarizeChanges,
      ...(options.versionId ? { versionId: options.versionId } : {}),
      ...(options.openConflicts ? { openConflicts: options.openConflicts } : {}),
    }),
  );
  if (format === 'json') return done(utf8(renderReportJson(model)));
  if (format === 'md') return done(utf8(await timed('markdown', () => renderReportMarkdown(model))));
  const html = await timed('html', () => renderReportHtml(model, { forPrint: format === 'pdf' }));
  if (format === 'html') return done(utf8(html));
  begin('print');
  const printed = await timed('print', () => options.printPdf(html));
  begin('finish');
  const pdf = await timed('finish', () =>
    finishReportPdf(printed, {
      title: review.title,
      reviewId: review.id,
      author: options.generatedBy.name,
      generator: GENERATOR,
      committeeSize: model.committee.length,
    }),
  );
  return done(pdf);
}

/** "riverton-social-media-policy-report-2025-03-14.pdf": the title in lower case, the date, the format's extension. */
export function reportFileName(title: string, format: ReportFormat, generatedAt: string): string {
  const slug = titleSlug(title);
  const kind = format === 'w3c' ? 'annotations' : 'report';
  return `${slug}-${kind}-${generatedAt.slice(0, 10)}${EXTENSIONS[format]}`;
}

function utf8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}
