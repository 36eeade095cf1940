import { $applyNodeReplacement, ElementNode, type EditorConfig, type LexicalNode } from 'lexical';

/**
 * A heading and the blocks under it, up to the next heading. Only a wrapper for layout: the stylesheet gives each
 * section `content-visibility: auto`, so the browser lays out and paints the sections on screen and skips the
 * rest until they scroll near (a 100-page policy then costs about one screen of layout to show).
 */
export class SectionNode extends ElementNode {
  override $config() {
    return this.config('policy-section', { extends: ElementNode });
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('div');
    const className = config.theme['section'] as string | undefined;
    if (className) element.className = className;
    return element;
  }

  override updateDOM(): boolean {
    return false;
  }

  /** Selections treat a section like the root: blocks inside it are top-level blocks. */
  override isShadowRoot(): boolean {
    return true;
  }
}

export function $createSectionNode(): SectionNode {
  return $applyNodeReplacement(new SectionNode());
}

export function $isSectionNode(node: LexicalNode | null | undefined): node is SectionNode {
  return node instanceof SectionNode;
}
