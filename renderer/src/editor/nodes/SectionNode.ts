import {
  $applyNodeReplacement,
  $getState,
  $getStateChange,
  $setState,
  createState,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
} from 'lexical';

/**
 * About how many lines of text a section holds, until the browser has laid it out once (see `.doc-section`).
 * Sections run to a hundred blocks, several screens, so a fixed guess misplaces whatever is scrolled to far down
 * (a search hit, an annotation) as the sections before it are laid out and grow to their real height.
 */
const estimatedLines = createState('lines', {
  parse: (value) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0),
});

/**
 * A run of blocks: headings with what follows them (DocumentBuilder says how many). Only a wrapper for layout:
 * the stylesheet gives each section but a short one `content-visibility: auto`, so the browser lays out and paints
 * the sections on screen and skips the rest until they scroll near (a 100-page policy then costs about one screen of
 * layout to show).
 */
export class SectionNode extends ElementNode {
  override $config() {
    return this.config('policy-section', { extends: ElementNode, stateConfigs: [{ stateConfig: estimatedLines }] });
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('div');
    const className = config.theme['section'] as string | undefined;
    if (className) element.className = className;
    showEstimatedLines(element, $getState(this, estimatedLines));
    return element;
  }

  override updateDOM(previous: this, element: HTMLElement): boolean {
    const change = $getStateChange(this, previous, estimatedLines);
    if (change) showEstimatedLines(element, change[0]);
    return false;
  }

  /** Selections treat a section like the root: blocks inside it are top-level blocks. */
  override isShadowRoot(): boolean {
    return true;
  }
}

/**
 * Below this many lines a section is marked short, and the stylesheet lays it out like any block rather than skip
 * it off screen: skipping a paragraph or two saves nothing, and the browser checks each skippable section's place
 * on every frame of a scroll. The build makes such sections (see DocumentBuilder), about a hundred on a 500-page
 * policy. Scrolling it end to end twelve times each way, 6 frames of about 44,000 missed 17 ms with them marked and 11
 * without: too few to tell apart, but nothing is lost by laying out a paragraph.
 */
const SHORT_SECTION_LINES = 12;

function showEstimatedLines(element: HTMLElement, estimated: number): void {
  // Whole lines, for the height and for being short alike: 11.55 lines is a section of 12, not a short one.
  const lines = Math.round(estimated);
  if (lines > 0) element.style.setProperty('--section-lines', String(lines));
  element.toggleAttribute('data-short', lines > 0 && lines < SHORT_SECTION_LINES);
}

export function $createSectionNode(): SectionNode {
  return $applyNodeReplacement(new SectionNode());
}

/** Records about how many lines the section's blocks take (see DocumentBuilder). */
export function $setEstimatedLines(section: SectionNode, lines: number): void {
  $setState(section, estimatedLines, lines);
}

export function $isSectionNode(node: LexicalNode | null | undefined): node is SectionNode {
  return node instanceof SectionNode;
}
