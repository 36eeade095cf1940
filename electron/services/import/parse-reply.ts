import { deserialize, serialize } from 'node:v8';
import { AppError, ERROR_CODES, isAppError, type ErrorCode } from '../../../shared/errors';
import type { ImportFormat, ParsedDocument } from './types';

/** What a parser says, from its worker thread to the process, and from the process to the host. */
export type ParseReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; ok: true; packed: PackedDocument }
  | { type: 'done'; ok: false; error: ParseFailure };

/**
 * A parsed document as the bytes it travels in (V8's serialization, which structured cloning writes too). It is
 * written once, by the parser's worker, and read once, by the host: the parsing process passes the bytes on
 * unread, where it would otherwise read a 100-page policy's blocks from its worker and write them again.
 */
export type PackedDocument = Uint8Array & { readonly packed: unique symbol };

export function packDocument(parsed: ParsedDocument): PackedDocument {
  return serialize(parsed) as Uint8Array as PackedDocument;
}

export function unpackDocument(packed: PackedDocument): ParsedDocument {
  return deserialize(packed) as ParsedDocument;
}

/** An AppError's code and message, or what went wrong inside a parser (`internal`), as a message can carry it. */
export interface ParseFailure {
  code: string;
  message: string;
  internal?: string;
}

export function failureOf(error: unknown): ParseFailure {
  if (isAppError(error)) return { code: error.code, message: error.message };
  return {
    code: 'E_INVALID_INPUT',
    message: '',
    internal: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  };
}

/** The error a parser answered with: its own AppError, or what went wrong inside it, said as a damaged file. */
export function replyError(request: { fileName: string; format: ImportFormat }, error: ParseFailure): AppError {
  if (error.internal !== undefined) {
    return new AppError(
      'E_INVALID_INPUT',
      `“${request.fileName}” could not be read ` +
        `as ${describe(request.format)}: ${error.internal.slice(0, 300)}. The file may be damaged; ` +
        `try saving it again from the program that made it.`,
    );
  }
  return new AppError(asErrorCode(error.code), error.message);
}

function describe(format: ImportFormat): string {
  return { txt: 'text', markdown: 'Markdown', html: 'HTML', docx: 'a Word document', pdf: 'a PDF' }[format];
}

function asErrorCode(code: string): ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'E_INVALID_INPUT';
}
