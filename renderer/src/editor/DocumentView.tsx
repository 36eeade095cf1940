import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { LexicalEditor } from 'lexical';
import { useEffect, useImperativeHandle, useState, type ReactNode, type Ref } from 'react';
import type { Version } from '../../../shared/model';
import { DocumentBuilder, type DocumentIndex } from './buildDocumentState';
import { completeDocument, rememberDocumentBuilder, useDocumentIndex } from './documentIndex';
import { documentTheme } from './documentTheme';
import { DOCUMENT_NODES } from './documentNodes';
import { $appendSegments } from './highlights/appendSegments';
import { HighlightLayout } from './highlights/highlightLayout';
import {
  DocumentHighlightsContext,
  type DocumentHighlights,
  type HighlightSource,
} from './highlights/highlightsContext';
import { MarkRegistry } from './highlights/markRegistry';
import { DocumentBuildPlugin } from './plugins/DocumentBuildPlugin';
import { HighlightsPlugin } from './plugins/HighlightsPlugin';
import { PageMarkersPlugin } from './plugins/PageMarkersPlugin';
import { PaintTimingPlugin } from './plugins/PaintTimingPlugin';
import { readTextSelection, type TextSelection } from './selection/readTextSelection';
import { textRangeToDom } from './selection/textRangeToDom';
import './document.css';
import './highlights/highlights.css';

/** What the work built on a shown version (highlights, anchoring) needs: its editor and where each block went. */
export interface DocumentHandle {
  versionId: string;
  editor: LexicalEditor;
  index: DocumentIndex;
  highlights: DocumentHighlights;
  /** Scrolls an annotation's first mark into view and, unless told not to, focuses it. False when it has none. */
  showAnnotation: (annotationId: string, options?: { focus?: boolean }) => boolean;
  /** The words of this version selected now (read at once, not a frame late), or null. */
  readSelection: () => TextSelection | null;
  /** The DOM range over `[start, end)` of the version's text (words not selected, e.g. a restored draft's). */
  rangeOf: (start: number, end: number) => Range | null;
}

export interface DocumentViewProps {
  /** The version to show. Mount one view per version (`key={version.id}`): the tree is built once, at mount. */
  version: Version;
  /** The annotations to highlight; drawn into the first editor state, then kept in step with every change. */
  highlights?: HighlightSource | undefined;
  /** Set to the view's editor and index while it is mounted. */
  handleRef?: Ref<DocumentHandle | null>;
  /** Plugins of the features built on the view (selection, tooltips, activation). */
  children?: ReactNode;
}

/**
 * Blocks built in the editor's first update: a few screens, and the whole of most policies. A longer one gets the
 * rest a few blocks per task after its first screen is shown (DocumentBuildPlugin).
 */
const FIRST_BLOCKS = 300;
/**
 * Blocks whose highlights are placed before the first screen: the first update's, with room for a list or table
 * that runs past its end. Those of the rest are placed after the first screen is painted (DocumentBuildPlugin), or
 * at once if a block past them is drawn sooner.
 */
const FIRST_PLACED_BLOCKS = FIRST_BLOCKS + 100;

/**
 * The editor keeps its config, and Lexical keeps the first editor of the page for the page's life (a list of event
 * handlers it makes once holds it). So the functions in a view's config are made out of the view: one made inside
 * it would keep what the view holds (the version, its highlights and annotations) as long as the editor lives.
 */
const logEditorError = (error: Error) => console.error(error);

/** The editor's first state, and what it is made of until it is made; then only the builder holds that. */
class FirstState {
  constructor(private shown: { version: Version; drawn: DocumentHighlights } | undefined) {}

  /**
   * For the editor's config: builds the first screens of the version with their highlights, and remembers the
   * builder that goes on with the rest (DocumentBuildPlugin), which lets go of the version once it is all built.
   */
  readonly build = (editor: LexicalEditor): void => {
    if (!this.shown) return;
    const { version, drawn } = this.shown;
    drawn.marks.clear();
    const builder = new DocumentBuilder(version.blocks, (element, block, blockIndex) => {
      const marks = $appendSegments(element, drawn.layout.segments(blockIndex), block.type === 'code');
      if (marks.length) drawn.marks.setBlock(blockIndex, marks);
    });
    builder.$build((built) => built >= FIRST_BLOCKS);
    rememberDocumentBuilder(editor, builder);
  };

  /** Once the editor is made. */
  forget(): void {
    this.shown = undefined;
  }
}

/**
 * One version of the policy as read-only rich text with its annotations highlighted. The editor tree, marks
 * included, is built from precomputed segments (no per-block components, no highlighting after mount): the first
 * screens in the editor's first update, the rest of a long policy in steps after it, so each part is laid out
 * once; later changes redraw only the blocks they touch.
 */
export function DocumentView({ version, highlights, handleRef, children }: DocumentViewProps) {
  const [drawn] = useState<DocumentHighlights>(() => ({
    layout: new HighlightLayout(version, highlights?.getAnnotations() ?? [], { placedFirst: FIRST_PLACED_BLOCKS }),
    marks: new MarkRegistry(),
  }));
  const [first] = useState(() => new FirstState({ version, drawn }));
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: 'policy-document',
    editable: false,
    theme: documentTheme,
    nodes: [...DOCUMENT_NODES],
    onError: logEditorError,
    editorState: first.build,
  }));
  // The editor is made from the config as the view first renders: what its first state was made of is let go now.
  useEffect(() => first.forget(), [first]);
  const paged = version.blocks.some((block) => block.page !== undefined);

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <DocumentHighlightsContext value={drawn}>
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
        <PaintTimingPlugin />
        <DocumentBuildPlugin />
        {highlights && <HighlightsPlugin source={highlights} />}
        <DocumentHandlePlugin handleRef={handleRef} versionId={version.id} highlights={drawn} />
        {children}
      </DocumentHighlightsContext>
    </LexicalComposer>
  );
}

function DocumentHandlePlugin({
  handleRef,
  versionId,
  highlights,
}: {
  handleRef: Ref<DocumentHandle | null> | undefined;
  versionId: string;
  highlights: DocumentHighlights;
}) {
  const [editor] = useLexicalComposerContext();
  const index = useDocumentIndex();
  useImperativeHandle(
    handleRef,
    () => ({
      versionId,
      editor,
      index,
      highlights,
      showAnnotation: (annotationId, { focus = true } = {}) => {
        completeDocument(editor);
        const key = highlights.marks.keysOf(annotationId)[0];
        const element = key === undefined ? null : editor.getElementByKey(key);
        if (!element) return false;
        element.scrollIntoView({ block: 'center' });
        if (focus) element.focus({ preventScroll: true });
        return true;
      },
      readSelection: () => readTextSelection(editor, index, highlights.layout),
      rangeOf: (start, end) => {
        completeDocument(editor);
        return textRangeToDom(editor, index, highlights.layout, start, end);
      },
    }),
    [versionId, editor, index, highlights],
  );
  return null;
}
