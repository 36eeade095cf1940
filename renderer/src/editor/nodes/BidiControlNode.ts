import { $applyNodeReplacement, TextNode, type EditorConfig, type LexicalNode } from 'lexical';
import { BIDI_CONTROL_NAMES } from '../../../../shared/document';

/**
 * One bidirectional control character of the policy text (an override such as U+202E, an isolate), shown as a
 * labelled mark: `⟨RLO⟩`. The character itself stays in the text, so offsets, selections and highlights are
 * those of the version's text; the label is drawn by CSS (not text, never selected or counted), and the mark
 * is isolated, so the character no longer turns the words around it. See document.css.
 */
export class BidiControlNode extends TextNode {
  override $config() {
    return this.config('policy-bidi-control', { extends: TextNode });
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = super.createDOM(config);
    const name = BIDI_CONTROL_NAMES[this.__text] ?? 'BIDI';
    element.classList.add('doc-bidi-control');
    element.dataset['bidi'] = name;
    element.title = `Direction control ${name} (U+${this.__text.charCodeAt(0).toString(16).toUpperCase()}) in the document’s text`;
    return element;
  }
}

export function $createBidiControlNode(char: string): BidiControlNode {
  // Token mode: one unit, never merged into the text beside it.
  return $applyNodeReplacement(new BidiControlNode(char)).setMode('token');
}

export function $isBidiControlNode(node: LexicalNode | null | undefined): node is BidiControlNode {
  return node instanceof BidiControlNode;
}
