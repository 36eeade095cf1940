import { $applyNodeReplacement, ElementNode, type EditorConfig, type LexicalNode } from 'lexical';

/**
 * A block of code or preformatted text from the source (a Markdown fence, an HTML `<pre>`), shown as it was
 * written: monospace, lines kept. Its lines are text nodes separated by line breaks, so the block's text (and the
 * offsets annotations point at) is exactly the imported text.
 */
export class CodeBlockNode extends ElementNode {
  override $config() {
    return this.config('policy-code-block', { extends: ElementNode });
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('pre');
    const className = config.theme['codeBlock'] as string | undefined;
    if (className) element.className = className;
    return element;
  }

  override updateDOM(): boolean {
    return false;
  }
}

export function $createCodeBlockNode(): CodeBlockNode {
  return $applyNodeReplacement(new CodeBlockNode());
}

export function $isCodeBlockNode(node: LexicalNode | null | undefined): node is CodeBlockNode {
  return node instanceof CodeBlockNode;
}
