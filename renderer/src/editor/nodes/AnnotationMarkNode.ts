import { MarkNode } from '@lexical/mark';
import { $applyNodeReplacement, type EditorConfig, type LexicalNode } from 'lexical';
import type { Severity } from '../../../../shared/model';

/**
 * A highlight over a run of policy text: a MarkNode whose ids are the annotations over that run (several when
 * they overlap), drawn by the most severe of them. Focusable, so keyboard users reach each highlight with Tab.
 * The severity shows as colour and as the underline's style, for people who cannot tell the colours apart.
 *
 * Severity and settledness are plain fields (copied on clone), not node state: a long policy creates a thousand
 * or more of these in its first update, and reading them in createDOM must cost nothing.
 */
export class AnnotationMarkNode extends MarkNode {
  /** @internal */
  __severity: Severity = 'info';
  /** @internal */
  __settled = false;

  override $config() {
    return this.config('annotation-mark', { extends: MarkNode });
  }

  override afterCloneFrom(previous: this): void {
    super.afterCloneFrom(previous);
    this.__severity = previous.__severity;
    this.__settled = previous.__settled;
  }

  getSeverity(): Severity {
    return this.getLatest().__severity;
  }

  setSeverity(severity: Severity): this {
    const writable = this.getWritable();
    writable.__severity = severity;
    return writable;
  }

  isSettled(): boolean {
    return this.getLatest().__settled;
  }

  setSettled(settled: boolean): this {
    const writable = this.getWritable();
    writable.__settled = settled;
    return writable;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = super.createDOM(config);
    element.classList.add('annotation-mark');
    element.tabIndex = 0;
    this.writeAttributes(element);
    return element;
  }

  override updateDOM(previous: this, element: HTMLElement, config: EditorConfig): boolean {
    super.updateDOM(previous, element, config);
    this.writeAttributes(element);
    return false;
  }

  private writeAttributes(element: HTMLElement): void {
    // Read in createDOM, where `this` is the latest version: the fields directly, no copies.
    const ids = this.__ids;
    element.dataset['annotationIds'] = ids.join(' ');
    element.dataset['severity'] = this.__severity;
    if (this.__settled) element.dataset['settled'] = '';
    else delete element.dataset['settled'];
    if (ids.length > 1) element.dataset['overlap'] = String(ids.length);
    else delete element.dataset['overlap'];
  }
}

export function $createAnnotationMarkNode(
  ids: readonly string[],
  severity: Severity,
  settled: boolean,
): AnnotationMarkNode {
  const node = $applyNodeReplacement(new AnnotationMarkNode(ids));
  node.__severity = severity;
  node.__settled = settled;
  return node;
}

export function $isAnnotationMarkNode(node: LexicalNode | null | undefined): node is AnnotationMarkNode {
  return node instanceof AnnotationMarkNode;
}
