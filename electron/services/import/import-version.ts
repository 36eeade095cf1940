import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { AppEvent } from '../../../shared/api';
import { composeVersionText, stripControlCharacters } from '../../../shared/document';
import { AppError } from '../../../shared/errors';
import { CalendarDate, type Author, type Block, type Version } from '../../../shared/model';
import { detectFormat } from './detect-format';
import { parseInProcess } from './parser-process';
import type { StartParserProcess } from './parser-process-protocol';
import type { SpareParserProcess } from './spare-parser-process';
import { fileTooLargeError } from '../../../shared/domain/file-size';
import { DEFAULT_IMPORT_LIMITS, MEDIA_TYPES, type BlockDraft, type ImportLimits, type ParsedDocument } from './types';
import type { Clock } from '../../../shared/domain/clock';
import { recordAudit } from '../../../shared/domain/reviews/audit';
import { importedVersionId } from '../../../shared/domain/versions/version-id';
import type { ReviewStore } from '../storage/review-store';
import { forgetSourceFile, keepSourceFile } from '../storage/source-files';

export interface ImportInput {
  fileName: string;
  bytes: Uint8Array;
  label?: string | undefined;
}

export interface ImportOptions {
  actor: Author;
  /** Stamps the new version's `importedAt` and audit entry (and its id, if the same bytes are a version already). */
  clock: Clock;
  limits?: ImportLimits;
  /** How the host starts the parsing process (Electron's utilityProcess); Node's child_process.fork by default. */
  startParserProcess?: StartParserProcess | undefined;
  /** A parsing process started ahead, taken if it is still there; otherwise the import starts its own. */
  spareParser?: SpareParserProcess | undefined;
  /** Reports each stage, for a progress bar. */
  progress?: (stage: Extract<AppEvent, { type: 'import.progress' }>['stage'], done?: number, total?: number) => void;
}

/**
 * Imports one file as a new version of the review: checks it, parses it in a process of its own, keeps its
 * original bytes, and adds the version in one durable write. Any failure leaves the review as it was.
 */
export async function importVersion(
  store: ReviewStore,
  input: ImportInput,
  options: ImportOptions,
): Promise<{ version: Version; warnings: string[] }> {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  const { fileName, bytes } = input;
  if (store.readOnly) throw new AppError('E_READ_ONLY', store.readOnlyReason ?? 'This review is read-only.');
  options.progress?.('reading');
  if (bytes.length > limits.maxInputBytes) {
    throw fileTooLargeError(fileName, bytes.length, limits.maxInputBytes);
  }
  const format = detectFormat(bytes, fileName);
  options.progress?.('parsing');
  const parsed = await parseInProcess(
    { format, fileName, bytes, limits },
    {
      onProgress: (done, total) => options.progress?.('parsing', done, total),
      startProcess: options.startParserProcess,
      spare: options.spareParser,
    },
  );
  const blocks = assembleBlocks(parsed.blocks);
  const { text } = composeVersionText(blocks);
  const warnings = [...parsed.warnings];
  if (text.trim() === '' && format !== 'pdf') {
    throw new AppError('E_INVALID_INPUT', `“${fileName}” has no text to review. Check that it is the right file.`);
  }

  options.progress?.('saving');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const keptNew = await keepSourceFile(store.file, sha256, bytes);
  // The id is the review's to give (shared/domain/versions/version-id.ts): it depends on the versions already there.
  const draft: Omit<Version, 'id'> = {
    label: input.label ?? defaultLabel(fileName, parsed),
    importedAt: options.clock.now(),
    importedBy: options.actor,
    source: { fileName, mediaType: MEDIA_TYPES[format], sha256, bytes: bytes.length },
    blocks,
    text,
    warnings,
  };
  const effectiveDate = effectiveDateFrom(parsed.metadata);
  if (effectiveDate) draft.effectiveDate = effectiveDate;
  let version: Version;
  try {
    version = await store.mutate((review) => {
      const added: Version = { id: importedVersionId(review, sha256, options.clock), ...draft };
      review.versions.push(added);
      recordAudit(
        review,
        options.actor,
        options.clock,
        'versions.import',
        `Imported “${fileName}” (${format}, ${blocks.length} blocks) as version “${added.label}”.`,
        added.id,
      );
      return added;
    });
  } catch (error) {
    if (keptNew) await forgetSourceFile(store.file, sha256);
    throw error;
  }
  return { version, warnings };
}

/**
 * Gives each block its id. The parsing process has applied the one whitespace rule and dropped the blocks it left
 * empty (cleanDocumentText, which every format's text goes through), so the text is taken as it comes: applying the
 * rule again here cost a 100-page import about 50 ms more.
 */
export function assembleBlocks(drafts: readonly BlockDraft[]): Block[] {
  return drafts.map((draft, index) => ({ ...draft, id: `b${index + 1}` }) as Block);
}

function defaultLabel(fileName: string, parsed: ParsedDocument): string {
  // A file's name can hold control characters as well as its text can.
  const stem =
    stripControlCharacters(fileName.slice(0, fileName.length - extname(fileName).length)).trim() ||
    stripControlCharacters(fileName).trim() ||
    'Untitled version';
  const version = parsed.metadata.version?.trim();
  const title = parsed.metadata.title?.trim();
  return (title && version ? `${title} ${version}` : stem).slice(0, 200);
}

function effectiveDateFrom(metadata: Record<string, string>): string | undefined {
  for (const key of ['effective_date', 'effectiveDate', 'effective-date', 'effective', 'date']) {
    const value = metadata[key]?.trim().slice(0, 10);
    if (value && CalendarDate.safeParse(value).success) return value;
  }
  return undefined;
}
