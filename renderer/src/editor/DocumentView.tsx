import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { LexicalEditor } from 'lexical';
import { useImperativeHandle, useState, type Ref } from 'react';
import type { Version } from '../../../shared/model';
import { $buildDocument, type DocumentIndex } from './buildDocumentState';
import { rememberDocumentIndex, useDocumentIndex } from './documentIndex';
import { documentTheme } from './documentTheme';
import { DOCUMENT_NODES } from './documentNodes';
import { PageMarkersPlugin } from './plugins/PageMarkersPlugin';
import './document.css';

/** What the work built on a shown version (highlights, anchoring) needs: its editor and where each block went. */
export interface DocumentHandle {
  versionId: string;
  editor: LexicalEditor;
  index: DocumentIndex;
}

export interface DocumentViewProps {
  /** The version to show. Mount one view per version (`key={version.id}`): the tree is built once, at mount. */
  version: Version;
  /** Set to the view's editor and index while it is mounted. */
  handleRef?: Ref<DocumentHandle | null>;
}

/**
 * One version of the policy as read-only rich text. The whole editor tree is built in the editor's first update
 * (no per-block components, no changes after mount), so a long policy is laid out once.
 */
export function DocumentView({ version, handleRef }: DocumentViewProps) {
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: 'policy-document',
    editable: false,
    theme: documentTheme,
    nodes: [...DOCUMENT_NODES],
    onError: (error) => console.error(error),
    editorState: (editor) => rememberDocumentIndex(editor, $buildDocument(version.blocks)),
  }));
  const paged = version.blocks.some((block) => block.page !== undefined);

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <RichTextPlugin
        contentEditable={
          <ContentEditable
            className={paged ? 'doc-content is-paged' : 'doc-content'}
            aria-label={`Policy text, version ${version.label}`}
            aria-multiline
            tabIndex={0}
            spellCheck={false}
          />
        }
        ErrorBoundary={LexicalErrorBoundary}
      />
      <PageMarkersPlugin />
      <DocumentHandlePlugin handleRef={handleRef} versionId={version.id} />
    </LexicalComposer>
  );
}

function DocumentHandlePlugin({ handleRef, versionId }: { handleRef: Ref<DocumentHandle | null> | undefined; versionId: string }) {
  const [editor] = useLexicalComposerContext();
  const index = useDocumentIndex();
  useImperativeHandle(handleRef, () => ({ versionId, editor, index }), [versionId, editor, index]);
  return null;
}
