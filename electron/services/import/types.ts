import type { MessagePort } from 'node:worker_threads';
import type { Block } from '../../../shared/model';

/** The formats a policy version can be imported from, decided from the file's content. */
export const IMPORT_FORMATS = ['txt', 'markdown', 'html', 'docx', 'pdf'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const MEDIA_TYPES: Record<ImportFormat, string> = {
  txt: 'text/plain',
  markdown: 'text/markdown',
  html: 'text/html',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** A block as a parser produces it; ids are given, and text normalized, when the version is assembled. */
export type BlockDraft = Block extends infer B ? (B extends Block ? Omit<B, 'id'> : never) : never;

/** What a parser makes of a file: structure, plain metadata (front matter, document properties), warnings. */
export interface ParsedDocument {
  blocks: BlockDraft[];
  metadata: Record<string, string>;
  warnings: string[];
  /** Text kept although a reader of the original does not see it; worded as warnings once the blocks are final. */
  invisibleText?: InvisibleText[] | undefined;
}

/** A piece of text styled so that a reader of the original does not see it (opacity 0, white on white, off-screen). */
export interface InvisibleText {
  /** Index in `blocks` of the block it is in. */
  block: number;
  /** How it is hidden, in words: “opacity 0”, “white on white”. */
  how: string;
  text: string;
}

export interface ImportLimits {
  /** Largest input file accepted. */
  maxInputBytes: number;
  /** Most characters of canonical text a version may have (about 2,000 pages). */
  maxOutputChars: number;
  maxBlocks: number;
  /** How long a parser may run before it is stopped. */
  timeoutMs: number;
  /** Heap a parser's worker may use. */
  maxHeapMb: number;
  /**
   * Resident memory the parsing process may reach, worker threads, array buffers and native memory included: it
   * is stopped above this. Sampled every few milliseconds, so it is set below the 1 GB budget by what can grow
   * between two samples.
   */
  maxProcessMemoryMb: number;
  docx: {
    maxEntries: number;
    maxUncompressedBytes: number;
    /** Largest uncompressed/compressed ratio of any entry: zip bombs compress far beyond real documents. */
    maxCompressionRatio: number;
  };
  pdf: {
    maxPages: number;
    /** Most bytes one stream (a page's content, a font) may unpack to; pictures, which import never unpacks, aside. */
    maxStreamBytes: number;
    /** From this size on, a second worker reads pages at the same time (when the machine has a core for it). */
    helperFromBytes: number;
  };
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxInputBytes: 50 * 1024 * 1024,
  maxOutputChars: 5_000_000,
  maxBlocks: 100_000,
  timeoutMs: 60_000,
  maxHeapMb: 512,
  maxProcessMemoryMb: 896,
  docx: { maxEntries: 2_000, maxUncompressedBytes: 200 * 1024 * 1024, maxCompressionRatio: 120 },
  // Where a helper starts to pay for itself, measured on policies printed by Chromium (about 10 KB a page):
  // 10 pages took 0.58 s with one and 0.48 s without, 24 pages 0.77 s and 0.67 s, 47 pages (456 KB) 1.01 s and
  // 1.03 s, 104 pages (1.4 MB) 1.45 s and 1.8 s. A second pdf.js has to load and warm up before it helps.
  pdf: { maxPages: 2_000, maxStreamBytes: 64 * 1024 * 1024, helperFromBytes: 512 * 1024 },
};

/** What the check of a Word document's archive learned on the way (parsers/docx-zip.ts): the parts it unpacked. */
export interface DocxArchive {
  /** docProps/core.xml (title, dates), when the archive has it. */
  coreProperties?: string | undefined;
  /** The archive's XML parts as unpacked by the check, by name: what mammoth reads instead of the archive. */
  parts: ReadonlyMap<string, Uint8Array>;
}

/** The context each parser gets: the file's name (for messages), the limits to enforce, a progress report. */
export interface ParseContext {
  fileName: string;
  limits: ImportLimits;
  /** `done` of `total` units (pages, parts) read so far. */
  progress?: (done: number, total: number) => void;
  /** Set when a second worker reads part of the document at the same time (long PDFs; see run-parser.ts). */
  pageSharing?: PageSharing | undefined;
  /**
   * A Word document's archive, checked and unpacked already under `limits` (by the parsing process, while this
   * parser's worker started): the parser reads these parts rather than unpack the file again.
   */
  docxArchive?: DocxArchive | undefined;
}

/** What a parser's worker shares with a helper worker reading the same file: a counter of claimed parts, a channel. */
export interface PageSharing {
  /** One Int32: how many pages have been claimed so far, by either worker. */
  claims: SharedArrayBuffer;
  /** The primary's end receives what the helper read; the helper's end sends it. */
  port: MessagePort;
}

export type FormatParser = (bytes: Uint8Array, context: ParseContext) => Promise<ParsedDocument>;
