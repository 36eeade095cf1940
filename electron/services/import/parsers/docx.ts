import { AppError } from '../../../../shared/errors';
import { excerpt } from '../block-place';
import type { FormatParser } from '../types';
import { withoutHiddenText } from './docx-hidden-text';
import { readCoreProperties } from './docx-properties';
import { checkDocxArchive, mammothInputOf } from './docx-zip';
import { blocksFromHast } from './html-blocks';
import { htmlFragmentTree } from './html-fragment-tree';
import { withinNestingLimit } from './html-stack-guard';

/**
 * Word's own styles that carry structure beyond mammoth's defaults (which already know Heading 1-6, lists and
 * footnotes): the document title, and quotations (Word's Quote and Intense Quote, LibreOffice's Quotations).
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Quotations'] => blockquote > p:fresh",
];

const MAX_STYLE_NAMES = 5;

/**
 * A Word document: its archive checked first (size, entries, compression ratio, the parts really there), then
 * converted by mammoth to HTML (headings, lists with their levels, tables, quotes, footnotes and endnotes), whose
 * text the shared HTML reader turns into blocks. Pictures are never unpacked (only their descriptions are kept),
 * no file outside the document is read, and links keep only their text.
 */
export const parseDocx: FormatParser = async (bytes, { fileName, limits, progress, docxArchive }) => {
  const archive = docxArchive ?? (await checkDocxArchive(bytes, fileName, limits.docx));
  const visible = await withoutHiddenText(archive.parts).catch((error: unknown) => {
    throw unreadable(fileName, error);
  });
  progress?.(1, 3);

  const { default: mammoth } = await import('mammoth');
  const { value: html, messages } = await mammoth
    .convertToHtml(mammothInputOf(visible.parts), {
      styleMap: STYLE_MAP,
      includeDefaultStyleMap: true,
      // A style map embedded in the file could turn its paragraphs into anything; only ours applies.
      includeEmbeddedStyleMap: false,
      externalFileAccess: false,
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    })
    .catch((error: unknown) => {
      throw unreadable(fileName, error);
    });
  progress?.(2, 3);

  const read = withinNestingLimit(fileName, () => blocksFromHast(htmlFragmentTree(html), { fileName }));
  progress?.(3, 3);
  return {
    blocks: read.blocks,
    metadata: { ...read.metadata, ...readCoreProperties(archive.coreProperties) },
    warnings: [
      ...converterWarnings(messages, fileName),
      ...hiddenTextWarning(visible.hidden, fileName),
      ...read.warnings,
    ],
    invisibleText: read.invisibleText,
  };
};

/** Word's hidden text is left out like any text a reader never sees; since a person may show it in Word, say so. */
function hiddenTextWarning(hidden: readonly string[], fileName: string): string[] {
  const [first] = hidden;
  if (first === undefined) return [];
  const where = hidden.length === 1 ? 'one paragraph' : `${hidden.length} paragraphs`;
  return [
    `Left out text that “${fileName}” hides from readers (Word’s “Hidden” font setting) ` +
      `in ${where}, for example “${excerpt(first)}”. Word shows it only when asked to show ` +
      `hidden text.`,
  ];
}

/**
 * Mammoth's notes, summarised: paragraph styles it did not know (their paragraphs became plain paragraphs, which
 * matters when a house style marks headings) in one warning, anything else it skipped in another. Notes about
 * pictures and character or table styles are left out: pictures are not imported, and those styles change no text.
 */
function converterWarnings(messages: readonly { type: string; message: string }[], fileName: string): string[] {
  const styles = new Set<string>();
  const others = new Set<string>();
  for (const { message } of messages) {
    const style = /^Unrecognised paragraph style: '([^']*)'/.exec(message);
    if (style?.[1]) styles.add(style[1]);
    else if (!/^Unrecognised (run|table) style|image|imagedata|a:blip/i.test(message)) others.add(message);
  }
  const warnings: string[] = [];
  if (styles.size > 0) {
    const names = [...styles].slice(0, MAX_STYLE_NAMES).map((name) => `“${name}”`);
    const more = styles.size > MAX_STYLE_NAMES ? ` and ${styles.size - MAX_STYLE_NAMES} more` : '';
    warnings.push(
      `“${fileName}” uses paragraph styles this app does not know (${names.join(', ')}${more}); ` +
        `their paragraphs were imported as plain paragraphs. If some of them are headings, give ` +
        `them Word’s Heading styles and import again.`,
    );
  }
  if (others.size > 0) {
    const [first] = others;
    warnings.push(
      `“${fileName}”: ${others.size === 1 ? 'one part' : `${others.size} parts`} of the ` +
        `document could not be converted and ${others.size === 1 ? 'was' : 'were'} left out (for example: ${first}).`,
    );
  }
  return warnings;
}

/** The archive was sound but its Word XML was not (mammoth could not make sense of it). */
function unreadable(fileName: string, error: unknown): AppError {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new AppError(
      'E_INVALID_INPUT',
      `“${fileName}” nests its content thousands of levels deep, which no policy document does, so it was not read. Check that this is the right file.`,
    );
  }
  const firstLine = error instanceof Error ? (error.message.split('\n')[0] ?? '').replace(/\s+/g, ' ').trim() : '';
  const detail = firstLine ? ` (${firstLine.slice(0, 160)})` : '';
  return new AppError(
    'E_INVALID_INPUT',
    `“${fileName}” could not be read as a Word document${detail}. The file may be damaged; open it in Word, save it again, and import it again.`,
  );
}
