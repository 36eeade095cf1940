import { $createListItemNode, $createListNode, type ListNode, type ListType } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $createTableCellNode, $createTableNode, $createTableRowNode, TableCellHeaderStates } from '@lexical/table';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot, type ElementNode, type NodeKey } from 'lexical';
import type { Block } from '../../../shared/model';
import { $createCodeBlockNode } from './nodes/CodeBlockNode';
import { $createNoteNode } from './nodes/NoteNode';

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
}

/**
 * Builds a version's whole editor tree in one pass, inside the editor's first update, so the document is laid out
 * once. Consecutive list items become one list tree nested by depth, the cells of one table one table, and each
 * other block one element. Returns where each block went.
 */
export function $buildDocument(blocks: readonly Block[]): DocumentIndex {
  const index: DocumentIndex = { blockKeys: new Map(), pageStarts: new Map() };
  const root = $getRoot();
  let i = 0;
  while (i < blocks.length) {
    const block = blocks[i]!;
    if (block.type === 'list-item') {
      i = $appendList(root, blocks, i, index);
    } else if (block.type === 'table-cell') {
      i = $appendTable(root, blocks, i, index);
    } else {
      root.append($blockElement(block, index));
      i++;
    }
  }
  let page: number | undefined;
  for (const block of blocks) {
    if (block.page === undefined || block.page === page) continue;
    page = block.page;
    const key = index.blockKeys.get(block.id);
    if (key !== undefined) index.pageStarts.set(key, page);
  }
  return index;
}

function $blockElement(block: Exclude<Block, BlockOf<'list-item'> | BlockOf<'table-cell'>>, index: DocumentIndex): ElementNode {
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
  $appendText(element, block.text, block.type === 'code');
  index.blockKeys.set(block.id, element.getKey());
  return element;
}

/** Text as one text node; code keeps its lines as line breaks, so the element's text content equals the block's. */
function $appendText(element: ElementNode, text: string, keepLines: boolean): void {
  if (text === '') return;
  if (!keepLines || !text.includes('\n')) {
    element.append($createTextNode(text));
    return;
  }
  text.split('\n').forEach((line, n) => {
    if (n > 0) element.append($createLineBreakNode());
    if (line !== '') element.append($createTextNode(line));
  });
}

const listTypeOf = (item: BlockOf<'list-item'>): ListType => (item.ordered ? 'number' : 'bullet');

/**
 * Appends the run of list items starting at `start` as one list tree. Lexical nests a list inside a list item of
 * its own that follows the item it belongs to; a jump of more than one level creates the levels in between.
 */
function $appendList(parent: ElementNode, blocks: readonly Block[], start: number, index: DocumentIndex): number {
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
    $appendText(item, block.text, false);
    levels[depth]!.append(item);
    index.blockKeys.set(block.id, item.getKey());
  }
  return i;
}

/**
 * Appends the run of cells of one table starting at `start` as a table, placing each cell by its row and column
 * and filling holes with empty cells so every row has the same number of columns.
 */
function $appendTable(parent: ElementNode, blocks: readonly Block[], start: number, index: DocumentIndex): number {
  const table = (blocks[start] as BlockOf<'table-cell'>).table;
  const grid: BlockOf<'table-cell'>[][] = [];
  let columns = 0;
  let i = start;
  for (let block = blocks[i]; block?.type === 'table-cell' && block.table === table; block = blocks[++i]) {
    (grid[block.row] ??= [])[block.column] = block;
    columns = Math.max(columns, block.column + 1);
  }
  const tableNode = $createTableNode();
  for (let row = 0; row < grid.length; row++) {
    const rowNode = $createTableRowNode();
    const cells = grid[row] ?? [];
    for (let column = 0; column < columns; column++) {
      const cell = cells[column];
      const headerState = !cell?.header ? TableCellHeaderStates.NO_STATUS : row > 0 && column === 0 ? TableCellHeaderStates.COLUMN : TableCellHeaderStates.ROW;
      const cellNode = $createTableCellNode(headerState);
      const paragraph = $createParagraphNode();
      if (cell) {
        $appendText(paragraph, cell.text, false);
        index.blockKeys.set(cell.id, paragraph.getKey());
      }
      rowNode.append(cellNode.append(paragraph));
    }
    tableNode.append(rowNode);
  }
  parent.append(tableNode);
  return i;
}
