import type { BlockDraft, FormatParser, ParsedDocument } from '../../../electron/services/import/types';
import { DEFAULT_IMPORT_LIMITS } from '../../../electron/services/import/types';

/** Runs a parser on a file's content as the importer would, with the default limits. */
export function parseWith(
  parser: FormatParser,
  fileName: string,
  content: string | Uint8Array,
): Promise<ParsedDocument> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return parser(bytes, { fileName, limits: DEFAULT_IMPORT_LIMITS });
}

/** The text of each block of one type, in order. */
export function textsOf(parsed: ParsedDocument, type: BlockDraft['type']): string[] {
  return parsed.blocks.filter((block) => block.type === type).map((block) => block.text);
}

/** Headings as `[level, text]`, in order. */
export function headingsOf(parsed: ParsedDocument): [number, string][] {
  return parsed.blocks.flatMap((block) =>
    block.type === 'heading' ? [[block.level, block.text] as [number, string]] : [],
  );
}
