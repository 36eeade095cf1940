import { $createListItemNode, $createListNode, type ListNode, type ListType } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $createTableCellNode, $createTableNode, $createTableRowNode, TableCellHeaderStates } from '@lexical/table';
import { $createParagraphNode, $getRoot, type ElementNode, type NodeKey } from 'lexical';
import type { Block } from '../../../shared/model';
import { $textNodes } from './highlights/appendSegments';
import { $createCodeBlockNode } from './nodes/CodeBlockNode';
import { $createNoteNode } from './nodes/NoteNode';
import { $createSectionNode, $setEstimatedLines, type SectionNode } from './nodes/SectionNode';

type BlockOf<T extends Block['type']> = Extract<Block, { type: T }>;

/**
 * Where each block of a version ended up in the editor, for the work that ties text to blocks (highlights,
 * anchoring): the key of the element whose text content is exactly the block's text.
 */
export interface DocumentIndex {
  /** Node key by block id, in document order. */
  blockKeys: Map<string, NodeKey>;
  /** For paged sources (PDF): the page each new page starts on, by the key of the block that starts it. */
  pageStarts: Map<NodeKey, number>;
  /** Block index by the key of its element: the way back from the editor to the version's text. */
  blockIndexByKey: Map<NodeKey, number>;
}

/** Writes a block's text into its element (plain, or cut into highlighted runs). */
export type $AppendBlockText = (element: ElementNode, block: Block, blockIndex: number) => void;

const $appendPlainText: $AppendBlockText = (element, block) => {
  element.append(...$textNodes(block.text, block.type === 'code'));
};

/**
 * A heading starts a new section only once the one before holds this many blocks. The browser checks each
 * section's place on every frame of a scroll (content-visibility): a section per heading, about 800 on a 500-page
 * policy, took it 2 to 3 ms a frame and frames were missed; this rule alone made about 180, which missed far
 * fewer (the build's steps add more: see `$build`), and the whole document is built sooner too.
 */
const MIN_BLOCKS_PER_SECTION = 48;
/** A long stretch without headings is still cut into sections, so no section is more than a few screens. */
const MAX_BLOCKS_PER_SECTION = 96;
/**
 * Characters in a line of the document's column (75ch wide), and the space between blocks in lines (0.9em of
 * 1.65em): what a section's estimated height is counted in. On the benchmarks' policies the estimate comes to 95 to
 * 99 % of the height a section is laid out at.
 */
const CHARACTERS_PER_LINE = 75;
const LINES_BETWEEN_BLOCKS = 0.55;

/** About how many lines a block takes in the column, the space above it included. */
function estimatedLinesOf(block: Block): number {
  return Math.max(1, Math.ceil(block.text.length / CHARACTERS_PER_LINE)) + LINES_BETWEEN_BLOCKS;
}

/**
 * Builds a version's editor tree a few blocks at a time, so a long policy can be built over several editor updates
 * (the first screen first). Consecutive list items become one list tree nested by depth, the cells of one table one
 * table, and each other block one element; a heading starts a section once the one before is long enough, and each
 * update starts sections of its own (see `$build`), so where the sections of a long policy end depends on how it
 * was built, never what they hold. `appendText` writes each block's text (with its highlights, when given). The
 * index says where each block built so far went.
 */
export class DocumentBuilder {
  readonly index: DocumentIndex = { blockKeys: new Map(), pageStarts: new Map(), blockIndexByKey: new Map() };
  /** The first block not built yet. */
  private next = 0;
  private page: number | undefined;

  constructor(
    private blocks: readonly Block[],
    private appendText: $AppendBlockText = $appendPlainText,
  ) {}

  /** Whether every block is in the tree. */
  get done(): boolean {
    return this.next >= this.blocks.length;
  }

  /** How many blocks are in the tree. */
  get built(): number {
    return this.next;
  }

  /**
   * Appends the next blocks to the root, inside an editor update: all that are left, or until `enough` (asked
   * before each block after the first, with the blocks built by then) says to stop.
   *
   * The blocks go into sections of their own, never into one an earlier update made, and each update after the
   * first puts its first block (or list, or table) in a section by itself, so that an update that builds more adds
   * two sections or more to the root. Lexical keeps each element's text, the root's being the whole document's (2.4
   * million characters at 500 pages). An update that changes the root's last child, or adds one child, has Lexical
   * cut the root's old text and join the new part to it, which copies the whole document; one that adds two
   * children or more has it join its children's texts without a copy. On a 500-page policy those copies were 386 MB
   * of the 920 MB one opening allocated (sampled), against 2 MB of 172 MB this way; its steps went from 43 to 102 to
   * 34 to 60 (of at most 12 ms), and every highlight arrived in about 1.1 s rather than 1.5 s. Going on in the last
   * section, as the builder once did, also let the later steps of some openings shrink to a handful of blocks each.
   */
  $build(enough: (built: number) => boolean = () => false): void {
    const { blocks } = this;
    const builder: Builder = { blocks, index: this.index, appendText: this.appendText };
    const root = $getRoot();
    const from = this.next;
    let section: SectionNode | undefined;
    let blocksInSection = 0;
    let linesInSection = 0;
    let i = from;
    /** Where the update's first block (or list, or table) ends, once built: a later update's second section starts. */
    let firstSectionEnd = -1;
    while (i < blocks.length) {
      if (i > from && enough(i)) break;
      const block = blocks[i]!;
      if (
        !section ||
        (from > 0 && i === firstSectionEnd) ||
        (block.type === 'heading' && blocksInSection >= MIN_BLOCKS_PER_SECTION) ||
        blocksInSection >= MAX_BLOCKS_PER_SECTION
      ) {
        if (section) $setEstimatedLines(section, linesInSection);
        section = $createSectionNode();
        root.append(section);
        blocksInSection = 0;
        linesInSection = 0;
      }
      const start = i;
      if (block.type === 'list-item') {
        i = $appendList(section, builder, i);
      } else if (block.type === 'table-cell') {
        i = $appendTable(section, builder, i);
      } else {
        section.append($blockElement(block, i, builder));
        i++;
      }
      if (firstSectionEnd === -1) firstSectionEnd = i;
      blocksInSection += i - start;
      for (let n = start; n < i; n++) linesInSection += estimatedLinesOf(blocks[n]!);
    }
    this.next = i;
    if (section) $setEstimatedLines(section, linesInSection);
    for (let n = from; n < i; n++) {
      const block = blocks[n]!;
      if (block.page === undefined || block.page === this.page) continue;
      this.page = block.page;
      const key = this.index.blockKeys.get(block.id);
      if (key !== undefined) this.index.pageStarts.set(key, block.page);
    }
    // Built whole: what building needed goes, keeping only the index. The builder lives as long as its editor, which
    // may outlive the view it was shown in (Lexical keeps the first editor it listens to for the session), and would
    // keep that review's version and highlights, with its annotations, for as long. (`done` stays true: `next` is
    // past the end of an empty list.)
    if (this.done) {
      this.blocks = [];
      this.appendText = $appendPlainText;
    }
  }
}

interface Builder {
  blocks: readonly Block[];
  index: DocumentIndex;
  appendText: $AppendBlockText;
}

function $placeBlock(element: ElementNode, block: Block, blockIndex: number, { index, appendText }: Builder): void {
  appendText(element, block, blockIndex);
  index.blockKeys.set(block.id, element.getKey());
  index.blockIndexByKey.set(element.getKey(), blockIndex);
}

function $blockElement(
  block: Exclude<Block, BlockOf<'list-item'> | BlockOf<'table-cell'>>,
  blockIndex: number,
  builder: Builder,
): ElementNode {
  let element: ElementNode;
  switch (block.type) {
    case 'heading':
      element = $createHeadingNode(`h${Math.min(6, Math.max(1, block.level)) as 1 | 2 | 3 | 4 | 5 | 6}`);
      break;
    case 'quote':
      element = $createQuoteNode();
      break;
    case 'code':
      element = $createCodeBlockNode();
      break;
    case 'note':
      element = $createNoteNode(block.label);
      break;
    default:
      element = $createParagraphNode();
  }
  $placeBlock(element, block, blockIndex, builder);
  return element;
}

const listTypeOf = (item: BlockOf<'list-item'>): ListType => (item.ordered ? 'number' : 'bullet');

/**
 * Appends the run of list items starting at `start` as one list tree. Lexical nests a list inside a list item of
 * its own that follows the item it belongs to; a jump of more than one level creates the levels in between.
 */
function $appendList(parent: ElementNode, builder: Builder, start: number): number {
  const { blocks } = builder;
  const levels: ListNode[] = [];
  const $openLevel = (depth: number, type: ListType) => {
    const list = $createListNode(type);
    const outer = levels[depth - 1];
    if (outer) outer.append($createListItemNode().append(list));
    else parent.append(list);
    levels[depth] = list;
  };
  let i = start;
  for (let block = blocks[i]; block?.type === 'list-item'; block = blocks[++i]) {
    const depth = block.depth;
    const type = listTypeOf(block);
    levels.length = Math.min(levels.length, depth + 1);
    for (let level = levels.length; level <= depth; level++) $openLevel(level, type);
    // An ordered item after bullets at the same depth (or the reverse) starts a list of its own.
    if (levels[depth]!.getListType() !== type) $openLevel(depth, type);
    const item = $createListItemNode();
    levels[depth]!.append(item);
    $placeBlock(item, block, i, builder);
  }
  return i;
}

/**
 * Appends the run of cells of one table starting at `start` as a table, placing each cell by its row and column
 * and filling holes with empty cells so every row has the same number of columns.
 */
function $appendTable(parent: ElementNode, builder: Builder, start: number): number {
  const { blocks } = builder;
  const table = (blocks[start] as BlockOf<'table-cell'>).table;
  const grid: { block: BlockOf<'table-cell'>; blockIndex: number }[][] = [];
  let columns = 0;
  let i = start;
  for (let block = blocks[i]; block?.type === 'table-cell' && block.table === table; block = blocks[++i]) {
    (grid[block.row] ??= [])[block.column] = { block, blockIndex: i };
    columns = Math.max(columns, block.column + 1);
  }
  const tableNode = $createTableNode();
  for (let row = 0; row < grid.length; row++) {
    const rowNode = $createTableRowNode();
    const cells = grid[row] ?? [];
    for (let column = 0; column < columns; column++) {
      const cell = cells[column];
      const headerState = !cell?.block.header
        ? TableCellHeaderStates.NO_STATUS
        : row > 0 && column === 0
          ? TableCellHeaderStates.COLUMN
          : TableCellHeaderStates.ROW;
      const cellNode = $createTableCellNode(headerState);
      const paragraph = $createParagraphNode();
      rowNode.append(cellNode.append(paragraph));
      if (cell) $placeBlock(paragraph, cell.block, cell.blockIndex, builder);
    }
    tableNode.append(rowNode);
  }
  parent.append(tableNode);
  return i;
}
