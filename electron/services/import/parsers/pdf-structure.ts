// Reads a tagged PDF's structure tree (one page of it, as pdf.js gives it) into the blocks its tags describe, and
// maps each piece of marked content to the block it belongs to. Tags are what the author's program knew about the
// document (this is a heading, this a list item two levels deep, this a table cell), so they beat any guess from
// the page's geometry.

/** The shape of `page.getStructTree()`'s answer; pdf.js's own types for it are not exported. */
export interface StructNode {
  role: string;
  children: (StructNode | StructContent)[];
}
interface StructContent {
  type: string;
  id: string;
}

export type TaggedKind = 'heading' | 'paragraph' | 'list-item' | 'table-cell' | 'quote' | 'code' | 'note';

/** One block-level structure element of a page. */
export interface TaggedBlock {
  /** Unique in the document, so blocks of different pages never mix. */
  key: number;
  kind: TaggedKind;
  level?: number;
  depth?: number;
  table?: number;
  row?: number;
  column?: number;
  header?: boolean;
}

/** Where a marked-content id of the text layer belongs: its block, and whether it is the list label ("1.", "•"). */
export interface TaggedContent {
  block: TaggedBlock;
  label: boolean;
}

export interface PageStructure {
  /** Blocks in the order of the structure tree: the author's reading order. */
  blocks: TaggedBlock[];
  contents: Map<string, TaggedContent>;
}

/** Numbering shared by all pages of one document: block keys and table numbers. */
export interface StructureCounters {
  nextBlock: number;
  nextTable: number;
}

interface WalkContext {
  container?: TaggedBlock | undefined;
  kind: TaggedKind;
  listLevel: number;
  label: boolean;
  table?: { index: number; rows: number } | undefined;
  row?: { index: number; cells: number } | undefined;
}

const HEADING = /^H([1-6])$/;
/** Elements that are one block each, unless they sit inside a list item or a table cell. */
const BLOCK_ROLES = new Set(['P', 'H', 'Title', 'Caption', 'TOCI', 'BibEntry', 'Code', 'Note', 'FENote', 'Index']);
const MAX_DEPTH = 64;

/** Reads one page's structure tree. Content ids not in the answer are untagged (artifacts: running heads, page numbers). */
export function readPageStructure(root: StructNode | null | undefined, counters: StructureCounters): PageStructure {
  const structure: PageStructure = { blocks: [], contents: new Map() };
  if (!root) return structure;
  // Content that sits directly in a non-block element (Div, Sect, NonStruct at the top) gets a block per element.
  const implicit = new Map<StructNode, TaggedBlock>();

  const newBlock = (kind: TaggedKind, extra: Partial<TaggedBlock> = {}): TaggedBlock => {
    const block: TaggedBlock = { key: counters.nextBlock++, kind, ...extra };
    structure.blocks.push(block);
    return block;
  };

  const walk = (node: StructNode, context: WalkContext, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const child of node.children ?? []) {
      if (isContent(child)) {
        if (child.type !== 'content') continue;
        let block = context.container ?? implicit.get(node);
        if (!block) {
          block = newBlock(context.kind);
          implicit.set(node, block);
        }
        structure.contents.set(child.id, { block, label: context.label });
        continue;
      }
      walk(child, enter(child, context), depth + 1);
    }
  };

  const enter = (node: StructNode, context: WalkContext): WalkContext => {
    const role = node.role;
    if (role === 'L') return { ...context, listLevel: context.listLevel + 1 };
    if (role === 'LI')
      return {
        ...context,
        label: false,
        container: newBlock('list-item', { depth: Math.max(0, context.listLevel - 1) }),
      };
    if (role === 'Lbl') return { ...context, label: true };
    if (role === 'Table')
      return { ...context, container: undefined, table: { index: counters.nextTable++, rows: 0 }, row: undefined };
    if (role === 'TR') return context.table ? { ...context, row: { index: context.table.rows++, cells: 0 } } : context;
    if (role === 'TH' || role === 'TD') {
      if (!context.table || !context.row) return context;
      const cell = newBlock('table-cell', {
        table: context.table.index,
        row: context.row.index,
        column: context.row.cells++,
        header: role === 'TH',
      });
      return { ...context, container: cell };
    }
    if (role === 'BlockQuote') return { ...context, kind: 'quote' };
    // Everything else inside a list item or a table cell is part of it.
    if (context.container) return context;
    const heading = HEADING.exec(role)?.[1] ?? (role === 'H' || role === 'Title' ? '1' : undefined);
    if (heading) return { ...context, container: newBlock('heading', { level: Number(heading) }) };
    if (BLOCK_ROLES.has(role)) {
      const kind: TaggedKind = role === 'Code' ? 'code' : role === 'Note' || role === 'FENote' ? 'note' : context.kind;
      return { ...context, container: newBlock(kind) };
    }
    return context;
  };

  walk(root, { kind: 'paragraph', listLevel: 0, label: false }, 0);
  return structure;
}

function isContent(child: StructNode | StructContent): child is StructContent {
  return (child as StructContent).type !== undefined && (child as StructNode).role === undefined;
}
