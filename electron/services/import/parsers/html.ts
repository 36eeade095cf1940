import { fromHtml } from 'hast-util-from-html';
import type { FormatParser } from '../types';
import { decodeText } from './decode-text';
import { blocksFromHast } from './html-blocks';
import { declaredCharset, isUnicodeCharset } from './html-charset';
import { withinNestingLimit } from './html-stack-guard';
import { styleReaderFor } from './html-visibility';

/**
 * A web page, parsed as a browser would build it (never into a live DOM, never run) and read as text only:
 * headings, paragraphs, lists, tables, quotes, code and footnotes. Its title and meta description and date
 * become metadata; scripts, embedded objects, forms, hidden content and the site's navigation are left out.
 */
export const parseHtml: FormatParser = async (bytes, { fileName }) => {
  const text = decodeText(bytes, fileName);
  const readStyles = await styleReaderFor(text);
  const { blocks, warnings, metadata, invisibleText, charset } = withinNestingLimit(fileName, () => {
    const tree = fromHtml(text);
    return { ...blocksFromHast(tree, { fileName, readStyles }), charset: declaredCharset(tree, text) };
  });
  if (charset !== undefined && !isUnicodeCharset(charset)) {
    warnings.unshift(
      `The page says it is written in “${charset.slice(0, 40)}”, but it was read as UTF-8. If ` +
        `any letters look wrong, save the page as UTF-8 and import it again.`,
    );
  }
  return { blocks, metadata, warnings, invisibleText };
};
