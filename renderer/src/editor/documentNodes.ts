import { ListItemNode, ListNode } from '@lexical/list';
import { MarkNode } from '@lexical/mark';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';
import { AnnotationMarkNode } from './nodes/AnnotationMarkNode';
import { BidiControlNode } from './nodes/BidiControlNode';
import { CodeBlockNode } from './nodes/CodeBlockNode';
import { NoteNode } from './nodes/NoteNode';
import { SectionNode } from './nodes/SectionNode';

/** Every kind of node a policy version is shown with: one per block type of the review model, sections, highlights and direction marks. */
export const DOCUMENT_NODES: readonly Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  CodeBlockNode,
  NoteNode,
  SectionNode,
  MarkNode,
  AnnotationMarkNode,
  BidiControlNode,
];
