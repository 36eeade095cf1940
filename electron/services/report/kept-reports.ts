import { mkdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { z } from 'zod';
import { ReportRecord, type ReportFormat } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { Author, Review } from '../../../shared/model';
import { writeFileDurably } from '../storage/durable-write';
import { readFileIfPresent } from '../storage/json-file-adapter';
import { SerialQueue } from '../storage/serial-queue';
import { serializeJson } from '../../../shared/model';
import { sha256Hex } from '../storage/on-demand-crypto';

const REVIEW_SUFFIX = '.review.json';
const INDEX_FILE = 'reports.json';

/** What the index keeps of a report: the contract's record, less what is derived (signable) or read from the review (signatures). */
const KeptReport = ReportRecord.omit({ signable: true, signatures: true });
export type KeptReport = z.infer<typeof KeptReport>;

const ReportIndex = z.object({
  format: z.literal('policy-review-reports'),
  formatVersion: z.literal(1),
  reports: z.array(KeptReport),
});

/** Reports of a review are kept beside it: `<data>/reviews/<id>.reports/`, with an index `reports.json`. */
export function reportsFolderFor(reviewFile: string): string {
  return `${reviewFile.endsWith(REVIEW_SUFFIX) ? reviewFile.slice(0, -REVIEW_SUFFIX.length) : reviewFile}.reports`;
}

const queues = new Map<string, SerialQueue>();

/**
 * The reports exported from one review, kept with it so they can be listed, signed in the app and saved again:
 * each file as it is now (a signed PDF replaces the unsigned one; a JSON report's signatures go to `.jws` beside
 * it), and an index with each report's SHA-256 as exported. Changes to one folder run one at a time.
 */
export class KeptReports {
  readonly folder: string;
  private readonly queue: SerialQueue;

  constructor(reviewFile: string) {
    this.folder = reportsFolderFor(reviewFile);
    let queue = queues.get(this.folder);
    if (!queue) queues.set(this.folder, (queue = new SerialQueue()));
    this.queue = queue;
  }

  async list(): Promise<KeptReport[]> {
    return (await this.readIndex()).sort(
      (a, b) => b.exportedAt.localeCompare(a.exportedAt) || a.fileName.localeCompare(b.fileName),
    );
  }

  /** Keeps a newly exported report under `suggestedName`, or a free variant of it ("… (2).pdf"). */
  keep(
    suggestedName: string,
    bytes: Uint8Array,
    details: Pick<KeptReport, 'format' | 'mediaType' | 'exportedAt' | 'exportedBy' | 'versionId'>,
  ): Promise<KeptReport> {
    return this.queue.run(async () => {
      const index = await this.readIndex();
      const fileName = freeName(suggestedName, new Set(index.flatMap((r) => [r.fileName, r.signatureFile ?? ''])));
      const sha256 = sha256Hex(bytes);
      const entry = KeptReport.parse({
        ...details,
        fileName,
        sha256,
        bytes: bytes.length,
        currentSha256: sha256,
        currentBytes: bytes.length,
      });
      await mkdir(this.folder, { recursive: true });
      await writeFileDurably(join(this.folder, fileName), bytes);
      await this.writeIndex([...index, entry]);
      return entry;
    });
  }

  async read(fileName: string): Promise<{ entry: KeptReport; bytes: Buffer; signatures?: string }> {
    const entry = (await this.readIndex()).find((r) => r.fileName === fileName);
    if (!entry)
      throw new AppError('E_NOT_FOUND', `There is no report “${fileName}” kept with this review. Export it first.`);
    const bytes = await readFileIfPresent(join(this.folder, entry.fileName));
    if (bytes === null)
      throw new AppError('E_NOT_FOUND', `The report file “${fileName}” is missing from the review's reports folder.`);
    const signatures = entry.signatureFile
      ? await readFile(join(this.folder, entry.signatureFile), 'utf8').catch(() => undefined)
      : undefined;
    return signatures === undefined ? { entry, bytes } : { entry, bytes, signatures };
  }

  /** A kept file as it is now: a report, or a JSON report's signatures file (`<report>.jws`). */
  async readFile(fileName: string): Promise<{ fileName: string; bytes: Buffer; binary: boolean }> {
    const entry = (await this.readIndex()).find((r) => r.fileName === fileName || r.signatureFile === fileName);
    if (!entry)
      throw new AppError('E_NOT_FOUND', `There is no report “${fileName}” kept with this review. Export it first.`);
    const bytes = await readFileIfPresent(join(this.folder, fileName));
    if (bytes === null)
      throw new AppError('E_NOT_FOUND', `The file “${fileName}” is missing from the review's reports folder.`);
    return { fileName, bytes, binary: fileName === entry.fileName && entry.format === 'pdf' };
  }

  /** A signed PDF takes the place of the kept one. */
  replaceSignedPdf(fileName: string, bytes: Uint8Array): Promise<KeptReport> {
    return this.update(fileName, async (entry) => {
      await writeFileDurably(join(this.folder, entry.fileName), bytes);
      return { ...entry, currentSha256: sha256Hex(bytes), currentBytes: bytes.length };
    });
  }

  /** A JSON report's signatures file (`<report>.jws`) is written or replaced. */
  writeSignatureFile(fileName: string, text: string): Promise<KeptReport> {
    return this.update(fileName, async (entry) => {
      const signatureFile = `${entry.fileName}.jws`;
      await writeFileDurably(join(this.folder, signatureFile), text);
      return { ...entry, signatureFile };
    });
  }

  private update(fileName: string, change: (entry: KeptReport) => Promise<KeptReport>): Promise<KeptReport> {
    return this.queue.run(async () => {
      const index = await this.readIndex();
      const at = index.findIndex((r) => r.fileName === fileName);
      const entry = index[at];
      if (!entry) throw new AppError('E_NOT_FOUND', `There is no report “${fileName}” kept with this review.`);
      const next = KeptReport.parse(await change(entry));
      index[at] = next;
      await this.writeIndex(index);
      return next;
    });
  }

  private async readIndex(): Promise<KeptReport[]> {
    const bytes = await readFileIfPresent(join(this.folder, INDEX_FILE));
    if (bytes === null) return [];
    const parsed = ReportIndex.safeParse(safeJson(bytes.toString('utf8')));
    if (!parsed.success)
      throw new AppError(
        'E_CORRUPT',
        `The list of this review's reports (${INDEX_FILE}) is damaged; it has not been changed. The report files beside it are intact.`,
      );
    return parsed.data.reports;
  }

  private async writeIndex(reports: KeptReport[]): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    await writeFileDurably(
      join(this.folder, INDEX_FILE),
      serializeJson({ format: 'policy-review-reports', formatVersion: 1, reports }),
    );
  }
}

/** A kept report as the contract lists it: with the sign-offs the review records for it. */
export function reportRecord(entry: KeptReport, review: Review): ReportRecord {
  const record: ReportRecord = {
    ...entry,
    signable: entry.format === 'pdf' || entry.format === 'json',
    signatures: review.signoffs
      .filter((s) => s.reportSha256 === entry.sha256)
      .sort((a, b) => a.signedAt.localeCompare(b.signedAt))
      .map((s) => ({ signOffId: s.id, signer: s.signer, meaning: s.meaning, signedAt: s.signedAt })),
  };
  return record;
}

/** The record of a report made from a review that is read-only here: described, but not kept. */
export function unkeptRecord(
  rendered: { fileName: string; format: ReportFormat; mediaType: string; bytes: Uint8Array },
  sha256: string,
  exported: { at: string; by: Author },
): ReportRecord {
  const size = rendered.bytes.length;
  return {
    fileName: rendered.fileName,
    format: rendered.format,
    mediaType: rendered.mediaType,
    sha256,
    bytes: size,
    exportedAt: exported.at,
    exportedBy: exported.by,
    signable: false,
    currentSha256: sha256,
    currentBytes: size,
    signatures: [],
  };
}

function freeName(name: string, taken: Set<string>): string {
  if (!taken.has(name) && name !== INDEX_FILE) return name;
  const extension = name.endsWith('.w3c.jsonld') ? '.w3c.jsonld' : extname(name);
  const stem = name.slice(0, name.length - extension.length);
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${extension}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
