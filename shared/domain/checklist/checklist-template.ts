import { CATEGORY_INFO } from '../../checklist';
import {
  ChecklistTemplate,
  MAX_TEMPLATE_BYTES,
  TEMPLATE_FORMAT,
  TEMPLATE_FORMAT_VERSION,
  type TemplateCriterion,
} from '../../checklist/template';
import { AppError } from '../../errors';
import { Criterion, type Author, type Review, serializeJson } from '../../model';
import { validRecord } from '../valid-record';
import { recordAudit } from '../reviews/audit';
import { newReviewDocument } from '../reviews/new-review';
import type { Clock } from '../clock';
import { formatSize } from '../file-size';

/** A review's live checklist as a template file: its criteria in order, and the categories they use. */
export function templateFromReview(review: Review, clock: Clock): { fileName: string; content: string } {
  const criteria = review.checklist.criteria.filter((c) => !c.deletedAt);
  const used = new Set(criteria.map((c) => c.category));
  const template: ChecklistTemplate = {
    format: TEMPLATE_FORMAT,
    formatVersion: TEMPLATE_FORMAT_VERSION,
    name: review.title,
    exportedAt: clock.now(),
    categories: CATEGORY_INFO.filter((c) => used.has(c.id)).map(({ id, label, description }) => ({
      id,
      label,
      description,
    })),
    criteria: criteria.map(({ id, category, title, question, guidance, reference }): TemplateCriterion => ({
      id,
      category,
      title,
      question,
      guidance,
      ...(reference ? { reference } : {}),
    })),
  };
  return { fileName: templateFileName(review.title), content: serializeJson(ChecklistTemplate.parse(template)) };
}

/** “Social media policy 2026.checklist.json”: the title without characters file systems refuse. */
export function templateFileName(title: string): string {
  const stem =
    title
      .replace(/[\p{Cc}<>:"/\\|?*]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\.+/, '')
      .slice(0, 120) || 'checklist';
  return `${stem}.checklist.json`;
}

/**
 * Reads a checklist template file, refusing anything that is not one with a message that names the file and
 * the first thing wrong (and where in the file it is).
 */
export function readTemplateFile(fileName: string, bytes: Uint8Array): ChecklistTemplate {
  const refuse = (problem: string) =>
    new AppError('E_INVALID_INPUT', `“${fileName}” is not a checklist template this app can use: ${problem}`);
  if (bytes.length > MAX_TEMPLATE_BYTES) throw templateTooLarge(fileName, bytes.length);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw refuse(
      'it is not a text file (it is not UTF-8). Choose the .json file that “Save checklist as template” wrote.',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/\s+/g, ' ').slice(0, 160) : 'unreadable';
    throw refuse(`it is not JSON (${detail}). Choose the .json file that “Save checklist as template” wrote.`);
  }
  if (
    typeof json !== 'object' ||
    json === null ||
    Array.isArray(json) ||
    (json as { format?: unknown }).format !== TEMPLATE_FORMAT
  ) {
    const format = typeof json === 'object' && json !== null ? (json as { format?: unknown }).format : undefined;
    throw refuse(
      `its “format” is ${format === undefined ? 'missing' : JSON.stringify(format).slice(0, 60)}, ` +
        `not “${TEMPLATE_FORMAT}”. It may be another kind of JSON file.`,
    );
  }
  const version = (json as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > TEMPLATE_FORMAT_VERSION) {
    throw refuse(
      `it was written by a newer version of the app (template format ${version}; this app reads format ${TEMPLATE_FORMAT_VERSION}). Update the app to use it.`,
    );
  }
  const checked = ChecklistTemplate.safeParse(json);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue?.path.length
      ? issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('')
      : 'the file';
    throw refuse(`${where}: ${issue?.message ?? 'unknown problem'}.`);
  }
  return checked.data;
}

/** A new review whose checklist is the template's criteria (origin “template”), with its creator on the committee. */
export function reviewFromTemplate(
  title: string,
  fileName: string,
  template: ChecklistTemplate,
  creator: Author,
  clock: Clock,
): Review {
  const review = newReviewDocument(title, creator, clock);
  const now = review.createdAt;
  review.checklist = {
    basedOn: `template:${template.name}`.slice(0, 200),
    criteria: template.criteria.map((c) =>
      validRecord(Criterion, { ...c, origin: 'template', createdAt: now, updatedAt: now }, 'criterion'),
    ),
  };
  // The new review's first entry says where its checklist came from, not that it came from the built-in one.
  review.audit = [];
  recordAudit(
    review,
    creator,
    clock,
    'reviews.createFromTemplate',
    `Created the review “${title}” from the checklist template “${template.name}” (${fileName}, ${template.criteria.length} criteria).`.slice(
      0,
      1000,
    ),
    review.id,
  );
  return review;
}

/** Refuses a template file over the size limit, with a message about templates (not about importing policies). */
export function templateTooLarge(fileName: string, bytes: number): AppError {
  return new AppError(
    'E_TOO_LARGE',
    `“${fileName}” is ${formatSize(bytes)}; a checklist template has at ` +
      `most ${formatSize(MAX_TEMPLATE_BYTES)}. Choose the .json file that “Save checklist as ` +
      `template” wrote.`,
  );
}
