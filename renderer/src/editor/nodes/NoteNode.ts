import {
  $applyNodeReplacement,
  $getState,
  $setState,
  createState,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
} from 'lexical';

const labelState = createState('label', { parse: (value) => (typeof value === 'string' ? value : '') });

/**
 * A footnote or endnote of the source, shown with its label (e.g. "[1]") like a footnote. The label is drawn by
 * the stylesheet from a data attribute, not written as text, so the note's text is exactly the imported text.
 */
export class NoteNode extends ElementNode {
  override $config() {
    return this.config('policy-note', {
      extends: ElementNode,
      stateConfigs: [{ flat: true, stateConfig: labelState }],
    });
  }

  getLabel(): string {
    return $getState(this, labelState);
  }

  setLabel(label: string): this {
    return $setState(this, labelState, label);
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('div');
    const className = config.theme['note'] as string | undefined;
    if (className) element.className = className;
    element.dataset['noteLabel'] = this.getLabel();
    return element;
  }

  override updateDOM(_previous: this, element: HTMLElement): boolean {
    element.dataset['noteLabel'] = this.getLabel();
    return false;
  }
}

export function $createNoteNode(label: string): NoteNode {
  return $applyNodeReplacement(new NoteNode()).setLabel(label);
}

export function $isNoteNode(node: LexicalNode | null | undefined): node is NoteNode {
  return node instanceof NoteNode;
}
