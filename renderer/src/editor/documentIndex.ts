import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import type { DocumentIndex } from './buildDocumentState';

const indexes = new WeakMap<LexicalEditor, DocumentIndex>();
const EMPTY: DocumentIndex = { blockKeys: new Map(), pageStarts: new Map(), blockIndexByKey: new Map() };

/** Remembers where the blocks of the document an editor shows went; kept per editor, so it goes with it. */
export function rememberDocumentIndex(editor: LexicalEditor, index: DocumentIndex): void {
  indexes.set(editor, index);
}

export function documentIndexOf(editor: LexicalEditor): DocumentIndex {
  return indexes.get(editor) ?? EMPTY;
}

/** Where each block of the shown version went, for plugins inside the document (highlights, anchoring). */
export function useDocumentIndex(): DocumentIndex {
  const [editor] = useLexicalComposerContext();
  return documentIndexOf(editor);
}
