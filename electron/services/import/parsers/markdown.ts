import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { FormatParser } from '../types';
import { decodeText } from './decode-text';
import { withinNestingLimit } from './html-stack-guard';
import { styleReaderFor } from './html-visibility';
import { blocksFromMdast } from './md-blocks';

/** Parses only: nothing is rendered, so no Markdown or HTML in the file is ever turned into live markup. */
const markdownReader = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

/**
 * Markdown as GitHub reads it (tables, task lists, footnotes), with YAML or TOML front matter read as metadata.
 * See blocksFromMdast for what each construct becomes.
 */
export const parseMarkdown: FormatParser = async (bytes, { fileName }) => {
  const text = decodeText(bytes, fileName);
  const readStyles = await styleReaderFor(text);
  return withinNestingLimit(fileName, () => blocksFromMdast(markdownReader.parse(text), fileName, readStyles));
};
