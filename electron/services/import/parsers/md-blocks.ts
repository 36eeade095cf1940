import { fromHtml } from 'hast-util-from-html';
import type { FootnoteDefinition, List, ListItem, PhrasingContent, Root, RootContent, Table } from 'mdast';
import type { BlockDraft, InvisibleText, ParsedDocument } from '../types';
import {
  blocksFromHast,
  describeImage,
  imagesLeftOutWarning,
  inlineTextFromHast,
  newHtmlTally,
  pushBlock,
  type HtmlTally,
} from './html-blocks';
import type { StyleReader } from './html-visibility';
import { readTomlFrontMatter, readYamlFrontMatter, type FrontMatter } from './md-front-matter';

/** The block that paragraphs become: a quote inside a blockquote, else a paragraph. */
type ProseType = 'paragraph' | 'quote';

interface MdWalk {
  fileName: string;
  blocks: BlockDraft[];
  warnings: string[];
  /** Text in the file's HTML that a reader does not see (styled to be invisible), by block. */
  invisibleText: InvisibleText[];
  tally: HtmlTally;
  /** Reads the styles of the file's HTML, when it may have any. */
  readStyles: StyleReader | undefined;
  /** Footnote definitions by identifier, and each referenced one's number in order of first reference. */
  definitions: Map<string, FootnoteDefinition>;
  numbers: Map<string, number>;
}

/** The schema's deepest list level; deeper items are kept at it. */
const MAX_LIST_DEPTH = 16;
const MAX_LABEL_CHARS = 32;
/** Link text that is itself a script or data address (an autolink such as `<javascript:…>`) is not kept. */
const ACTIVE_URL_TEXT = /^\s*(?:javascript|vbscript|data)\s*:/i;

/**
 * The blocks of a Markdown document (CommonMark with GitHub's tables, task lists and footnotes) in document
 * order, as plain text. Front matter becomes metadata, raw HTML is read by the HTML rules (text only), links
 * keep their text and lose their address, images leave their description, and template tags such as
 * `{% include x %}` stay in the text exactly as written.
 */
export function blocksFromMdast(tree: Root, fileName: string, readStyles?: StyleReader): ParsedDocument {
  const walk: MdWalk = {
    fileName,
    blocks: [],
    warnings: [],
    invisibleText: [],
    tally: newHtmlTally(),
    readStyles,
    definitions: footnoteDefinitions(tree),
    numbers: new Map(),
  };
  const frontMatter = readFrontMatter(tree);
  walkFlow(tree.children, walk, 'paragraph');
  emitFootnotes(walk);
  const imagesWarning = imagesLeftOutWarning(walk.tally);
  const warnings = [...frontMatter.warnings, ...new Set(walk.warnings), ...(imagesWarning ? [imagesWarning] : [])];
  return { blocks: walk.blocks, metadata: frontMatter.metadata, warnings, invisibleText: walk.invisibleText };
}

function readFrontMatter(tree: Root): FrontMatter {
  const first = tree.children[0] as { type: string; value?: unknown } | undefined;
  if (first?.type === 'yaml' && typeof first.value === 'string') return readYamlFrontMatter(first.value);
  if (first?.type === 'toml' && typeof first.value === 'string') return readTomlFrontMatter(first.value);
  return { metadata: {}, warnings: [] };
}

// ---- Flow content.

function walkFlow(nodes: readonly RootContent[], walk: MdWalk, prose: ProseType): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'heading':
        emit(walk, { type: 'heading', level: node.depth, text: phrasingText(node.children, walk) });
        break;
      case 'paragraph':
        emit(walk, { type: prose, text: phrasingText(node.children, walk) });
        break;
      case 'list':
        walkList(node, 0, walk);
        break;
      case 'table':
        walkTable(node, walk);
        break;
      case 'blockquote':
        walkFlow(node.children, walk, 'quote');
        break;
      case 'code':
        emit(walk, { type: 'code', text: node.value });
        break;
      case 'html':
        walkHtml(node.value, walk);
        break;
      default:
        // Front matter is metadata; footnote definitions come at the end; rules and link definitions say nothing.
        break;
    }
  }
}

/** Raw HTML blocks are read by the same rules as an HTML page, as a fragment of this document. */
function walkHtml(html: string, walk: MdWalk): void {
  const { blocks, warnings, invisibleText } = blocksFromHast(fromHtml(html, { fragment: true }), {
    fileName: walk.fileName,
    tally: walk.tally,
    readStyles: walk.readStyles,
  });
  for (const found of invisibleText) walk.invisibleText.push({ ...found, block: walk.blocks.length + found.block });
  walk.blocks.push(...blocks);
  walk.warnings.push(...warnings);
}

function walkList(list: List, depth: number, walk: MdWalk): void {
  for (const item of list.children) walkListItem(item, depth, list.ordered ?? false, walk);
}

/** An item's paragraphs are its text; nested lists are items one level deeper; other blocks follow it. */
function walkListItem(item: ListItem, depth: number, ordered: boolean, walk: MdWalk): void {
  const text: string[] = [taskMark(item)];
  const after: RootContent[] = [];
  for (const child of item.children) {
    if (child.type === 'paragraph' || child.type === 'heading') text.push(phrasingText(child.children, walk));
    else after.push(child);
  }
  emit(walk, { type: 'list-item', depth: Math.min(depth, MAX_LIST_DEPTH), ordered, text: text.join(' ') });
  for (const child of after) {
    if (child.type === 'list') walkList(child, depth + 1, walk);
    else walkFlow([child], walk, 'paragraph');
  }
}

/** A task list's box stays visible in the text: whether an item is done is part of what it says. */
function taskMark(item: ListItem): string {
  if (item.checked === true) return '[x]';
  return item.checked === false ? '[ ]' : '';
}

function walkTable(table: Table, walk: MdWalk): void {
  const index = walk.tally.tables++;
  for (const [row, tableRow] of table.children.entries()) {
    for (const [column, cell] of tableRow.children.entries()) {
      emit(walk, {
        type: 'table-cell',
        table: index,
        row,
        column,
        header: row === 0,
        text: phrasingText(cell.children, walk),
      });
    }
  }
}

// ---- Footnotes: markers become `[n]` in order of first reference; the notes follow the document.

function footnoteDefinitions(tree: Root): Map<string, FootnoteDefinition> {
  const definitions = new Map<string, FootnoteDefinition>();
  const visit = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'footnoteDefinition' && !definitions.has(node.identifier))
        definitions.set(node.identifier, node);
      else if ('children' in node) visit(node.children as RootContent[]);
    }
  };
  visit(tree.children);
  return definitions;
}

function footnoteNumber(identifier: string, walk: MdWalk): number {
  let number = walk.numbers.get(identifier);
  if (number === undefined) {
    number = walk.numbers.size + 1;
    walk.numbers.set(identifier, number);
  }
  return number;
}

/** Notes in the order they are first referred to (notes may refer to further notes); unreferenced ones last. */
function emitFootnotes(walk: MdWalk): void {
  // A Map's iteration also visits entries added while it runs: the notes that notes refer to.
  for (const [identifier, number] of walk.numbers) {
    const definition = walk.definitions.get(identifier);
    if (definition) emit(walk, { type: 'note', label: String(number), text: flowText(definition.children, walk) });
  }
  for (const [identifier, definition] of walk.definitions) {
    if (walk.numbers.has(identifier)) continue;
    emit(walk, {
      type: 'note',
      label: (definition.label ?? identifier).slice(0, MAX_LABEL_CHARS),
      text: flowText(definition.children, walk),
    });
  }
}

/** All the text of some blocks as one string, for a note that holds several paragraphs or a list. */
function flowText(nodes: readonly RootContent[], walk: MdWalk): string {
  return nodes
    .map((node) => {
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell')
        return phrasingText(node.children, walk);
      if (node.type === 'html') return inlineHtmlText(node.value, walk);
      if (node.type === 'code') return node.value;
      return 'children' in node ? flowText(node.children as RootContent[], walk) : '';
    })
    .join(' ');
}

// ---- Phrasing content: the text of a paragraph, heading or cell.

/**
 * Inline HTML arrives as separate opening and closing tags around Markdown text, so a paragraph holding any
 * is rebuilt as one piece of HTML and read by the HTML rules: `<span hidden>…</span>` stays hidden and
 * `<a id="x">Leadership</a>` gives "Leadership".
 */
function phrasingText(nodes: readonly PhrasingContent[], walk: MdWalk): string {
  if (!nodes.some(containsHtml)) return nodes.map((node) => plainText(node, walk)).join('');
  return inlineHtmlText(nodes.map((node) => asHtml(node, walk)).join(''), walk);
}

/** Inline HTML read by the HTML rules; what in it a reader does not see is noted for the block made next, where it goes. */
function inlineHtmlText(html: string, walk: MdWalk): string {
  const { text, invisibleText } = inlineTextFromHast(fromHtml(html, { fragment: true }), walk.tally, walk.readStyles);
  for (const found of invisibleText) walk.invisibleText.push({ ...found, block: walk.blocks.length });
  return text;
}

function containsHtml(node: PhrasingContent): boolean {
  return node.type === 'html' || ('children' in node && node.children.some(containsHtml));
}

function plainText(node: PhrasingContent, walk: MdWalk): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return ' ';
    case 'image':
    case 'imageReference':
      return describeImage(node.alt, walk.tally);
    case 'footnoteReference':
      return `[${footnoteNumber(node.identifier, walk)}]`;
    case 'html':
      return '';
    case 'link':
    case 'linkReference':
      return linkText(node.children.map((child) => plainText(child, walk)).join(''));
    default:
      return node.children.map((child) => plainText(child, walk)).join('');
  }
}

function asHtml(node: PhrasingContent, walk: MdWalk): string {
  switch (node.type) {
    case 'html':
      return node.value;
    case 'break':
      return '<br>';
    case 'image':
    case 'imageReference':
      return `<img alt="${escapeHtml(node.alt ?? '')}">`;
    case 'link':
    case 'linkReference':
      return node.children.some(containsHtml)
        ? node.children.map((child) => asHtml(child, walk)).join('')
        : escapeHtml(plainText(node, walk));
    case 'emphasis':
    case 'strong':
    case 'delete':
      return node.children.map((child) => asHtml(child, walk)).join('');
    default:
      return escapeHtml(plainText(node, walk));
  }
}

function linkText(text: string): string {
  return ACTIVE_URL_TEXT.test(text) ? '' : text;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function emit(walk: MdWalk, draft: BlockDraft): void {
  pushBlock(walk.blocks, draft);
}
