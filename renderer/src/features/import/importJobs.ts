import type { AppEvent } from '../../../../shared/api';

export type ImportStage = Extract<AppEvent, { type: 'import.progress' }>['stage'];

/** One file on its way into the review, as the progress list shows it. */
export type ImportJob = { id: string; fileName: string } & (
  | { state: 'waiting' }
  | { state: 'running'; stage: ImportStage; done?: number | undefined; total?: number | undefined }
  | { state: 'imported'; label: string; blocks: number; warnings: string[] }
  | { state: 'failed'; message: string }
);

const STAGE_NAMES: Record<ImportStage, string> = { reading: 'Reading', parsing: 'Parsing', saving: 'Saving' };

/** The stage in a word ("Parsing"), for the polite announcement: it changes a few times per file, not per page. */
export function stageName(stage: ImportStage): string {
  return STAGE_NAMES[stage];
}

/**
 * The stage with how far it got, e.g. "Parsing page 12 of 99". The services count pages for a PDF and parts
 * otherwise, without naming the unit, so it is named from the file's extension.
 */
export function stageDetail(job: Extract<ImportJob, { state: 'running' }>): string {
  const name = stageName(job.stage);
  if (job.done === undefined || !job.total) return name;
  if (job.stage === 'reading') return `${name} ${Math.round((job.done / job.total) * 100)}%`;
  const unit = /\.pdf$/i.test(job.fileName) ? 'page' : 'part';
  return `${name} ${unit} ${Math.min(job.done, job.total)} of ${job.total}`;
}

/** How far a running job got, 0 to 1, when the stage says; undefined for an indeterminate bar. */
export function progressOf(job: Extract<ImportJob, { state: 'running' }>): number | undefined {
  if (job.done === undefined || !job.total) return undefined;
  return Math.min(1, job.done / job.total);
}
