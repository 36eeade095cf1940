import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import type { DocumentBuilder, DocumentIndex } from './buildDocumentState';

/** Tags the editor updates that build the rest of a long document after its first screen. */
export const BUILD_TAG = 'policy-document-build';

const builders = new WeakMap<LexicalEditor, DocumentBuilder>();
const EMPTY: DocumentIndex = { blockKeys: new Map(), pageStarts: new Map(), blockIndexByKey: new Map() };

/** Remembers what builds the document an editor shows, and so where its blocks went; kept per editor, so it goes with it. */
export function rememberDocumentBuilder(editor: LexicalEditor, builder: DocumentBuilder): void {
  builders.set(editor, builder);
}

export function documentBuilderOf(editor: LexicalEditor): DocumentBuilder | undefined {
  return builders.get(editor);
}

/** Where each block built so far went (the index fills as the rest of a long document is built). */
export function documentIndexOf(editor: LexicalEditor): DocumentIndex {
  return builders.get(editor)?.index ?? EMPTY;
}

/**
 * Builds what is left of the editor's document now, in one discrete update, for work that needs any block in
 * the tree at once (bringing a highlight into view, selecting found words). Does nothing once it is all built.
 */
export function completeDocument(editor: LexicalEditor): void {
  const builder = builders.get(editor);
  if (builder && !builder.done) editor.update(() => builder.$build(), { discrete: true, tag: BUILD_TAG });
}

/** Where each block of the shown version went, for plugins inside the document (highlights, anchoring). */
export function useDocumentIndex(): DocumentIndex {
  const [editor] = useLexicalComposerContext();
  return documentIndexOf(editor);
}
