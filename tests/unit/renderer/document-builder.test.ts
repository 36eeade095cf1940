import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  $createTextNode,
  createEditor,
  type LexicalEditor,
  type LexicalNode,
  type SerializedLexicalNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../shared/model';
import {
  DocumentBuilder,
  type $AppendBlockText,
  type DocumentIndex,
} from '../../../renderer/src/editor/buildDocumentState';
import { DOCUMENT_NODES } from '../../../renderer/src/editor/documentNodes';
import { $isSectionNode } from '../../../renderer/src/editor/nodes/SectionNode';
import { generatePolicyBlocks } from '../../bench/generate-policy';

function newEditor(): LexicalEditor {
  return createEditor({
    namespace: 'test',
    nodes: [...DOCUMENT_NODES],
    onError: (error) => {
      throw error;
    },
  });
}

/**
 * Builds `blocks` in one editor, stopping after about `blocksPerStep` blocks in each update (a list or a table is
 * built whole); returns the tree with its sections unwrapped, where each block went, and how many blocks each
 * section holds.
 */
function build(blocks: readonly Block[], blocksPerStep: number) {
  const editor = newEditor();
  const builder = new DocumentBuilder(blocks);
  let updates = 0;
  while (!builder.done) {
    let asked = 0;
    editor.update(() => builder.$build(() => ++asked >= blocksPerStep), { discrete: true });
    updates++;
  }
  const { root } = editor.getEditorState().toJSON();
  const sections = root.children as (SerializedLexicalNode & { children: SerializedLexicalNode[] })[];
  return {
    tree: { ...root, children: sections.flatMap((section) => section.children) },
    where: blockPaths(editor, builder.index),
    blocksPerSection: blocksPerSection(editor, builder.index),
    updates,
  };
}

/**
 * Each block's place in the tree as a path of child positions, sections unwrapped (their children counted as the
 * root's): node keys differ from editor to editor, and where sections end depends on the updates.
 */
function blockPaths(editor: LexicalEditor, index: DocumentIndex): Record<string, string> {
  const paths: Record<string, string> = {};
  editor.getEditorState().read(() => {
    for (const [blockId, key] of index.blockKeys) {
      const path: number[] = [];
      for (let node = editor.getEditorState()._nodeMap.get(key); node?.getParent(); node = node.getParent()!) {
        const parent = node.getParent()!;
        if ($isSectionNode(parent)) {
          path.unshift(node.getIndexWithinParent() + childrenBefore(parent));
          node = parent;
        } else path.unshift(node.getIndexWithinParent());
      }
      paths[blockId] = path.join('/');
    }
  });
  return paths;
}

/** How many top-level elements the sections before `section` hold. */
function childrenBefore(section: LexicalNode): number {
  let count = 0;
  for (let before = section.getPreviousSibling(); before; before = before.getPreviousSibling())
    count += $isSectionNode(before) ? before.getChildrenSize() : 1;
  return count;
}

/** How many blocks each section holds, in order. */
function blocksPerSection(editor: LexicalEditor, index: DocumentIndex): number[] {
  const counts: number[] = [];
  editor.getEditorState().read(() => {
    for (const key of index.blockKeys.values()) {
      let node: LexicalNode | null | undefined = editor.getEditorState()._nodeMap.get(key);
      while (node && !$isSectionNode(node)) node = node.getParent();
      const section = node!.getIndexWithinParent();
      counts[section] = (counts[section] ?? 0) + 1;
    }
  });
  return counts;
}

describe('DocumentBuilder (a long policy built over several editor updates)', () => {
  const blocks: Block[] = [
    ...generatePolicyBlocks(12),
    { id: 'c1', type: 'table-cell', table: 0, row: 0, column: 0, header: true, text: 'Owner' },
    { id: 'c2', type: 'table-cell', table: 0, row: 1, column: 1, header: false, text: 'Records' },
    { id: 'q', type: 'quote', text: 'Keep it.', page: 3 },
    { id: 'i1', type: 'list-item', depth: 0, ordered: true, text: 'First', page: 4 },
    { id: 'i2', type: 'list-item', depth: 2, ordered: false, text: 'Nested' },
  ];

  it('puts every block in the same element whether built at once or a few blocks at a time, the sections aside', () => {
    const once = build(blocks, Infinity);
    expect(once.updates).toBe(1);
    for (const step of [1, 2, 7]) {
      const stepped = build(blocks, step);
      expect(stepped.updates).toBeGreaterThan(1);
      expect(stepped.tree).toEqual(once.tree);
      expect(stepped.where).toEqual(once.where);
    }
    expect(Object.keys(once.where)).toHaveLength(blocks.length);
  });

  it('starts a section at a heading once the one before holds 48 blocks, cuts a stretch without headings every 96, and starts two with each later update', () => {
    const policy = build(blocks, Infinity).blocksPerSection;
    expect(blocks.filter((block) => block.type === 'heading').length).toBeGreaterThan(2 * policy.length);
    for (const count of policy.slice(0, -1)) expect(count).toBeGreaterThanOrEqual(48);

    const plain: Block[] = Array.from({ length: 250 }, (_, n) => ({
      id: `p${n}`,
      type: 'paragraph',
      text: `Clause ${n}.`,
    }));
    expect(build(plain, Infinity).blocksPerSection).toEqual([96, 96, 58]);
    // Each later update puts its first block in a section by itself, then goes on in a second.
    const laterUpdates = Array.from({ length: 7 }, () => [1, 29]).flat();
    expect(build(plain, 30).blocksPerSection).toEqual([30, ...laterUpdates, 1, 9]);
  });

  it('knows the blocks built so far, and the page each new page starts on', () => {
    const editor = newEditor();
    const builder = new DocumentBuilder(blocks);
    editor.update(() => builder.$build((built) => built >= 30), { discrete: true });
    expect(builder.done).toBe(false);
    expect(builder.built).toBeGreaterThanOrEqual(30);
    expect(builder.index.blockKeys.size).toBe(builder.built);
    expect(builder.index.blockKeys.has('q')).toBe(false);
    editor.update(() => builder.$build(), { discrete: true });
    expect(builder.done).toBe(true);
    expect([...builder.index.pageStarts.values()]).toEqual([3, 4]);
    expect(builder.index.pageStarts.get(builder.index.blockKeys.get('q')!)).toBe(3);
  });

  it('lets go of the version and of what writes its highlights once all is built, keeping where each block went', async () => {
    const collectGarbage = exposedGarbageCollection();
    const editor = newEditor();
    let version: Block[] | undefined = generatePolicyBlocks(3);
    let highlights: $AppendBlockText | undefined = (element, block) => element.append($createTextNode(block.text));
    const versionHeld = new WeakRef(version);
    const highlightsHeld = new WeakRef(highlights);
    const builder = new DocumentBuilder(version, highlights);
    const blockCount = version.length;
    version = highlights = undefined;
    editor.update(() => builder.$build((built) => built >= 10), { discrete: true });
    // A weak reference holds its target until the task that made it ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(versionHeld.deref()).toBeDefined();
    expect(highlightsHeld.deref()).toBeDefined();

    editor.update(() => builder.$build(), { discrete: true });
    // (Reading a weak reference holds its target until the task ends too.)
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(builder.done).toBe(true);
    expect(versionHeld.deref()).toBeUndefined();
    expect(highlightsHeld.deref()).toBeUndefined();
    expect(builder.built).toBe(blockCount);
    expect(builder.index.blockKeys.size).toBe(blockCount);
  });
});

/** The engine's full collection, as `--expose-gc` gives it, asked for from inside a test. */
function exposedGarbageCollection(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
