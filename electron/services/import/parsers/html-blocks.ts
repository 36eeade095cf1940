import type { Element, Root, Text } from 'hast';
import { normalizeBlockText } from '../../../../shared/document';
import type { BlockDraft, InvisibleText } from '../types';
import {
  HEADING_LEVELS,
  isBlockLevel,
  isElement,
  isLeftOut,
  LIST_TAGS,
  spanProperty,
  stringProperty,
  type HastParent,
} from './html-elements';
import { indexFootnotes, isBackLink, markerLabel, type FootnoteIndex } from './html-footnotes';
import { metadataFromPage } from './html-metadata';
import { placeCells } from './html-table-grid';
import { removeHiddenContent, type InvisibleTextNodes, type StyleReader } from './html-visibility';

/**
 * What reading HTML has counted so far. One document may hold several pieces of HTML (Markdown's raw HTML):
 * they share one tally so tables are numbered once per document and images are reported once.
 */
export interface HtmlTally {
  tables: number;
  images: number;
  describedImages: number;
}

export function newHtmlTally(): HtmlTally {
  return { tables: 0, images: 0, describedImages: 0 };
}

export interface HastReadContext {
  /** The file the HTML came from (a web page, a Markdown file, a Word document converted by mammoth). */
  fileName: string;
  /** Shared with the rest of the document; the caller then reports left-out images itself. */
  tally?: HtmlTally;
  /** Reads the page's styles (see styleReaderFor); without it, only the markup decides what is hidden. */
  readStyles?: StyleReader | undefined;
}

export interface HastBlocks {
  blocks: BlockDraft[];
  warnings: string[];
  metadata: Record<string, string>;
  /** Text kept that a reader does not see, by the index in `blocks` of the block it went into. */
  invisibleText: InvisibleText[];
}

type PageChrome = 'navigation' | 'header' | 'footer';
/** The block that paragraphs and loose text become: a quote inside a blockquote, else a paragraph. */
type ProseType = 'paragraph' | 'quote';

interface Scope {
  prose: ProseType;
  /** Inside article, aside, main, nav or section: a header or footer there belongs to that content. */
  sectioned: boolean;
}

interface Walk {
  blocks: BlockDraft[];
  tally: HtmlTally;
  footnotes: FootnoteIndex;
  /** A whole web page (not a fragment), whose top-level header and footer are the site's, not the policy's. */
  fullPage: boolean;
  chromeLeftOut: Set<PageChrome>;
  /** Text nodes styled so that a reader does not see them, and where such text went. */
  invisible: InvisibleTextNodes;
  invisibleText: InvisibleText[];
}

const TOP: Scope = { prose: 'paragraph', sectioned: false };
const SECTIONING = new Set(['article', 'aside', 'main', 'nav', 'section']);
const PROSE_LEAVES = new Set(['p', 'dt', 'dd', 'figcaption', 'summary', 'legend', 'caption']);
/** Blocks inside a list item that stay blocks of their own after the item, rather than run into its text. */
const OWN_BLOCKS_IN_ITEM = new Set(['pre', 'table', 'blockquote']);
/** The schema's deepest list level; deeper items are kept at it. */
const MAX_LIST_DEPTH = 16;
const MAX_LABEL_CHARS = 32;
const TRAILING_BACK_ARROWS = /[\s↩↑⤴\u{FE0E}\u{FE0F}]+$/u;

/**
 * The blocks of an HTML document (or fragment), in document order, as plain text: headings, paragraphs, list
 * items with their depth, table cells with their place in the grid, quotes, code and footnotes. Active and
 * hidden content, form controls, embedded objects and the page's navigation are left out; images leave only
 * their description. Nothing of the markup survives but its text.
 */
export function blocksFromHast(tree: Root, context: HastReadContext): HastBlocks {
  const { invisible, warnings: styleWarnings } = removeHiddenContent(tree, context.readStyles);
  const walk: Walk = {
    blocks: [],
    tally: context.tally ?? newHtmlTally(),
    footnotes: indexFootnotes(tree),
    fullPage: tree.children.some((child) => isElement(child, 'html')),
    chromeLeftOut: new Set(),
    invisible,
    invisibleText: [],
  };
  walkFlow(tree, walk, TOP);
  const warnings = walk.chromeLeftOut.size > 0 ? [chromeWarning(walk.chromeLeftOut)] : [];
  const imagesWarning = context.tally ? undefined : imagesLeftOutWarning(walk.tally);
  if (imagesWarning) warnings.push(imagesWarning);
  warnings.push(...styleWarnings);
  return { blocks: walk.blocks, warnings, metadata: metadataFromPage(tree), invisibleText: walk.invisibleText };
}

/**
 * The text of an inline piece of HTML (tags dropped, images as their description), by the same rules, with the
 * parts of it a reader does not see (all in block 0: the block the caller puts the text in).
 */
export function inlineTextFromHast(
  tree: Root,
  tally: HtmlTally,
  readStyles?: StyleReader,
): { text: string; invisibleText: InvisibleText[] } {
  const { invisible } = removeHiddenContent(tree, readStyles);
  const walk: Walk = {
    blocks: [],
    tally,
    footnotes: indexFootnotes(tree),
    fullPage: false,
    chromeLeftOut: new Set(),
    invisible,
    invisibleText: [],
  };
  return { text: textOf(tree, walk), invisibleText: walk.invisibleText };
}

/** The warning for images left out of a document, or undefined when it had none. */
export function imagesLeftOutWarning({ images, describedImages }: HtmlTally): string | undefined {
  if (images === 0) return undefined;
  const subject = images === 1 ? '1 image was left out' : `${images} images were left out`;
  if (describedImages === images)
    return `${subject} (only ${images === 1 ? 'its description was' : 'their descriptions were'} kept).`;
  if (describedImages === 0)
    return `${subject}; ${images === 1 ? 'it had no description' : 'they had no descriptions'} to keep.`;
  return `${subject} (the description${describedImages === 1 ? ' of 1 of them was' : `s of ${describedImages} of them were`} kept).`;
}

function chromeWarning(parts: Set<PageChrome>): string {
  const names = (['navigation', 'header', 'footer'] as const).filter((part) => parts.has(part));
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `Left out the page's ${list}, which ${names.length === 1 ? 'belongs' : 'belong'} to the website rather than the policy.`;
}

// ---- Flow: containers whose loose text becomes paragraphs (or quotes) between the blocks they hold.

function walkFlow(parent: HastParent, walk: Walk, scope: Scope): void {
  const run = new ProseRun();
  walkFlowChildren(parent, walk, scope, run);
  flushProse(run, walk, scope);
}

/** Inline elements are transparent here, so a block inside a link or span still comes out as a block. */
function walkFlowChildren(parent: HastParent, walk: Walk, scope: Scope, run: ProseRun): void {
  for (const child of parent.children) {
    if (child.type === 'text') {
      noteInvisible(child, walk);
      run.add(child.value);
      continue;
    }
    if (!isElement(child) || isLeftOut(child) || isChromeLeftOut(child, walk, scope)) continue;
    if (isBlockLevel(child) || walk.footnotes.notesIn.has(child)) {
      flushProse(run, walk, scope);
      walkBlock(child, walk, scope);
    } else if (child.tagName === 'br') {
      if (run.lineBreak()) flushProse(run, walk, scope);
    } else {
      const replacement = inlineReplacement(child, walk, false);
      if (replacement === undefined) walkFlowChildren(child, walk, scope, run);
      else run.add(replacement);
    }
  }
}

/**
 * Inline text gathered between blocks. Two line breaks in a row end a paragraph, as the blank line they
 * show on screen does: older pages write paragraphs that way.
 */
class ProseRun {
  private parts: string[] = [];
  private afterBreak = false;

  add(text: string): void {
    this.parts.push(text);
    if (text.trim() !== '') this.afterBreak = false;
  }

  /** Adds a line break; true when it is the second in a row, so the paragraph ends here. */
  lineBreak(): boolean {
    if (this.afterBreak) return true;
    this.parts.push(' ');
    this.afterBreak = true;
    return false;
  }

  take(): string {
    const text = this.parts.join('');
    this.parts = [];
    this.afterBreak = false;
    return text;
  }
}

function flushProse(run: ProseRun, walk: Walk, scope: Scope): void {
  pushBlock(walk.blocks, { type: scope.prose, text: run.take() });
}

function walkBlock(element: Element, walk: Walk, scope: Scope): void {
  const notes = walk.footnotes.notesIn.get(element);
  const level = HEADING_LEVELS.get(element.tagName);
  if (notes) {
    for (const note of notes) emitNote(note.item, note.label, walk);
  } else if (level !== undefined) {
    emit(walk, { type: 'heading', level, text: textOf(element, walk) });
  } else if (PROSE_LEAVES.has(element.tagName)) {
    emit(walk, { type: scope.prose, text: textOf(element, walk) });
  } else if (element.tagName === 'pre') {
    emit(walk, { type: 'code', text: textOf(element, walk, { code: true }) });
  } else if (LIST_TAGS.has(element.tagName)) {
    walkList(element, 0, walk);
  } else if (element.tagName === 'li') {
    walkListItem(element, 0, false, walk);
  } else if (element.tagName === 'table') {
    walkTable(element, walk, scope);
  } else if (element.tagName === 'blockquote') {
    walkFlow(element, walk, { ...scope, prose: 'quote' });
  } else if (element.tagName !== 'hr') {
    walkFlow(element, walk, { ...scope, sectioned: scope.sectioned || SECTIONING.has(element.tagName) });
  }
}

/**
 * The site's navigation, and a full page's own header and footer (not those of an article or section).
 * Footnotes are content wherever a site puts them.
 */
function isChromeLeftOut(element: Element, walk: Walk, scope: Scope): boolean {
  if (walk.footnotes.notesIn.has(element)) return false;
  const chrome = chromeKind(element, walk, scope);
  if (chrome) walk.chromeLeftOut.add(chrome);
  return chrome !== undefined;
}

function chromeKind(element: Element, walk: Walk, scope: Scope): PageChrome | undefined {
  const role = stringProperty(element, 'role')?.toLowerCase();
  if (element.tagName === 'nav' || role === 'navigation') return 'navigation';
  if (!walk.fullPage || scope.sectioned) return undefined;
  if (element.tagName === 'header' || role === 'banner') return 'header';
  if (element.tagName === 'footer' || role === 'contentinfo') return 'footer';
  return undefined;
}

// ---- Lists: one block per item; nested lists are items one level deeper.

function walkList(list: Element, depth: number, walk: Walk): void {
  walkListContent(list, depth, list.tagName === 'ol', walk);
}

function walkListContent(parent: Element, depth: number, ordered: boolean, walk: Walk): void {
  for (const child of parent.children) {
    if (child.type === 'text' && child.value.trim() !== '') {
      noteInvisible(child, walk);
      emitListItem(child.value, depth, ordered, walk);
    }
    if (!isElement(child) || isLeftOut(child)) continue;
    if (child.tagName === 'li') walkListItem(child, depth, ordered, walk);
    // A list written directly inside another (without its item) is still one level deeper.
    else if (LIST_TAGS.has(child.tagName)) walkList(child, depth + 1, walk);
    else walkListContent(child, depth, ordered, walk);
  }
}

function walkListItem(item: Element, depth: number, ordered: boolean, walk: Walk): void {
  const setAside: Element[] = [];
  const keepApart = (element: Element) => LIST_TAGS.has(element.tagName) || OWN_BLOCKS_IN_ITEM.has(element.tagName);
  emitListItem(textOf(item, walk, { keepApart, setAside }), depth, ordered, walk);
  for (const element of setAside) {
    if (LIST_TAGS.has(element.tagName)) walkList(element, depth + 1, walk);
    else walkBlock(element, walk, { prose: 'paragraph', sectioned: true });
  }
}

function emitListItem(text: string, depth: number, ordered: boolean, walk: Walk): void {
  emit(walk, { type: 'list-item', depth: Math.min(depth, MAX_LIST_DEPTH), ordered, text });
}

// ---- Tables: one block per cell, placed in the grid; layout tables are read as ordinary content.

interface TableRow {
  cells: Element[];
  header: boolean;
}

function walkTable(table: Element, walk: Walk, scope: Scope): void {
  if (isLayoutTable(table)) {
    walkFlow(table, walk, scope);
    return;
  }
  const index = walk.tally.tables++;
  const rows: TableRow[] = [];
  for (const child of table.children) {
    if (!isElement(child) || isLeftOut(child)) continue;
    if (child.tagName === 'caption') emit(walk, { type: 'paragraph', text: textOf(child, walk) });
    else if (child.tagName === 'tr') rows.push(tableRow(child, false));
    else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) rows.push(...sectionRows(child));
  }
  const grid = rows.map((row) =>
    row.cells.map((cell) => ({
      cell,
      colSpan: spanProperty(cell, 'colSpan', 1_000),
      rowSpan: spanProperty(cell, 'rowSpan', 65_534),
    })),
  );
  for (const { cell, row, column } of placeCells(grid)) {
    const header = (rows[row]?.header ?? false) || cell.tagName === 'th';
    emit(walk, { type: 'table-cell', table: index, row, column, header, text: textOf(cell, walk) });
  }
}

function sectionRows(section: Element): TableRow[] {
  return section.children
    .filter((child) => isElement(child, 'tr') && !isLeftOut(child))
    .map((row) => tableRow(row as Element, section.tagName === 'thead'));
}

function tableRow(row: Element, header: boolean): TableRow {
  return {
    cells: row.children.filter(
      (child): child is Element =>
        isElement(child) && (child.tagName === 'td' || child.tagName === 'th') && !isLeftOut(child),
    ),
    header,
  };
}

/** A table used to lay out a page (it says so, or holds headings or tables): its cells are content, not data. */
function isLayoutTable(table: Element): boolean {
  const role = stringProperty(table, 'role')?.toLowerCase();
  return role === 'presentation' || role === 'none' || containsStructure(table);
}

function containsStructure(parent: Element): boolean {
  return parent.children.some(
    (child) =>
      isElement(child) &&
      !isLeftOut(child) &&
      (child.tagName === 'table' || HEADING_LEVELS.has(child.tagName) || containsStructure(child)),
  );
}

// ---- Footnotes: each note is a block labelled with its number; its link back to the text is left out.

function emitNote(item: Element, label: string, walk: Walk): void {
  const text = textOf(item, walk, { inNote: true }).replace(TRAILING_BACK_ARROWS, '');
  emit(walk, { type: 'note', label: label.slice(0, MAX_LABEL_CHARS), text });
}

// ---- Text: everything an element says, as one string.

interface TextOptions {
  /** Keep line breaks, as in `<pre>`. */
  code?: boolean;
  inNote?: boolean;
  /** Elements to leave out of the text and hand back in `setAside`, in order. */
  keepApart?: (element: Element) => boolean;
  setAside?: Element[];
}

function textOf(parent: HastParent, walk: Walk, options: TextOptions = {}): string {
  const parts: string[] = [];
  appendText(parent, walk, options, parts);
  return parts.join('');
}

function appendText(parent: HastParent, walk: Walk, options: TextOptions, parts: string[]): void {
  for (const child of parent.children) {
    if (child.type === 'text') {
      noteInvisible(child, walk);
      parts.push(child.value);
      continue;
    }
    if (!isElement(child) || isLeftOut(child) || isNavigation(child, walk)) continue;
    if (options.keepApart?.(child)) {
      options.setAside?.push(child);
      continue;
    }
    if (options.inNote && child.tagName === 'a' && isBackLink(child, walk.footnotes)) continue;
    const replacement = inlineReplacement(child, walk, options.code ?? false);
    if (replacement !== undefined) {
      parts.push(replacement);
      continue;
    }
    // Blocks inside a heading or cell are separate words, not run together.
    const gap = isBlockLevel(child) ? (options.code ? '\n' : ' ') : '';
    parts.push(gap);
    appendText(child, walk, options, parts);
    parts.push(gap);
  }
}

/**
 * Notes where text a reader does not see goes: the next block made is the one it is in, since text is read in
 * document order and each block is made as soon as its text is complete.
 */
function noteInvisible(text: Text, walk: Walk): void {
  const how = walk.invisible.get(text);
  if (how === undefined) return;
  const block = walk.blocks.length;
  const last = walk.invisibleText.at(-1);
  if (last?.block === block && last.how === how) last.text += text.value;
  else walk.invisibleText.push({ block, how, text: text.value });
}

function isNavigation(element: Element, walk: Walk): boolean {
  if (element.tagName !== 'nav') return false;
  walk.chromeLeftOut.add('navigation');
  return true;
}

/** Elements that stand for text other than their content: line breaks, images, footnote markers. */
function inlineReplacement(element: Element, walk: Walk, code: boolean): string | undefined {
  switch (element.tagName) {
    case 'br':
      return code ? '\n' : ' ';
    case 'wbr':
      return '';
    case 'img':
      return describeImage(stringProperty(element, 'alt'), walk.tally);
    case 'a': {
      const label = markerLabel(element, walk.footnotes);
      return label === undefined ? undefined : `[${label}]`;
    }
    default:
      return undefined;
  }
}

/**
 * What an image leaves in the text: its description, if it has one, as ` [Image: …] ` (spaced, so it never
 * runs into the words around it). Counts it for the warning about left-out images.
 */
export function describeImage(alt: string | null | undefined, tally: HtmlTally): string {
  tally.images++;
  const description = alt?.trim();
  if (!description) return '';
  tally.describedImages++;
  return ` [Image: ${description}] `;
}

function emit(walk: Walk, draft: BlockDraft): void {
  pushBlock(walk.blocks, draft);
}

/** Adds a block with the one whitespace rule applied, unless it is left empty (table cells keep their place). */
export function pushBlock(blocks: BlockDraft[], draft: BlockDraft): void {
  const text = normalizeBlockText(draft.text, draft.type);
  if (text === '' && draft.type !== 'table-cell') return;
  blocks.push({ ...draft, text });
}
