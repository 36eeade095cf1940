import type { RichText } from '../../../../shared/model';
import { richTextToPlainText } from '../../../../shared/rich-text';

/** A node of a comment as Lexical writes it, read loosely: comments may come from other tools too. */
export interface SerializedNode {
  type?: unknown;
  text?: unknown;
  format?: unknown;
  url?: unknown;
  listType?: unknown;
  children?: unknown;
  [key: string]: unknown;
}

export function childrenOf(node: SerializedNode): SerializedNode[] {
  return Array.isArray(node.children)
    ? (node.children.filter((c) => c && typeof c === 'object') as SerializedNode[])
    : [];
}

/** A comment's words, blocks on lines of their own: for telling whether it is empty. */
export function plainTextOf(body: RichText | undefined | null): string {
  return body ? richTextToPlainText(body) : '';
}

function textNode(text: string, format = 0): SerializedNode {
  return { type: 'text', version: 1, text, format, detail: 0, mode: 'normal', style: '' };
}

function paragraph(children: SerializedNode[]): SerializedNode {
  return {
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children,
  };
}

const ELEMENT_DEFAULTS = { version: 1, direction: null, format: '', indent: 0 };

/**
 * A comment in the shape the editor reads, whatever wrote it: the node types the comment editor knows, with every
 * field it needs; anything else becomes its text. Lets a comment written by the CLI or another tool be edited.
 */
export function normalizeRichText(body: RichText): RichText {
  const inline = (node: SerializedNode): SerializedNode[] => {
    switch (node.type) {
      case 'text':
        return [
          {
            ...textNode(typeof node.text === 'string' ? node.text : ''),
            format: typeof node.format === 'number' ? node.format : 0,
          },
        ];
      case 'linebreak':
        return [{ type: 'linebreak', version: 1 }];
      case 'link':
      case 'autolink':
        return [
          {
            ...ELEMENT_DEFAULTS,
            type: 'link',
            url: typeof node.url === 'string' ? node.url : '',
            rel: null,
            target: null,
            title: null,
            children: childrenOf(node).flatMap(inline),
          },
        ];
      default:
        return childrenOf(node).flatMap(inline);
    }
  };
  const list = (node: SerializedNode): SerializedNode => {
    const listType = node.listType === 'number' ? 'number' : 'bullet';
    return {
      ...ELEMENT_DEFAULTS,
      type: 'list',
      listType,
      start: 1,
      tag: listType === 'number' ? 'ol' : 'ul',
      children: childrenOf(node).map((item, n) => ({
        ...ELEMENT_DEFAULTS,
        type: 'listitem',
        value: n + 1,
        checked: undefined,
        children: childrenOf(item).flatMap((child) => (child.type === 'list' ? [list(child)] : inline(child))),
      })),
    };
  };
  const block = (node: SerializedNode): SerializedNode[] => {
    if (node.type === 'list') return [list(node)];
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'quote')
      return [paragraph(childrenOf(node).flatMap(inline))];
    const words = inline(node);
    return words.length ? [paragraph(words)] : [];
  };
  const children = childrenOf(body.root as SerializedNode).flatMap(block);
  return { root: { ...ELEMENT_DEFAULTS, type: 'root', children: children.length ? children : [paragraph([])] } };
}
