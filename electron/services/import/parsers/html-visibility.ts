// What a reader of a page sees, decided before its text is read. Content that is certainly hidden (display:none
// from a style attribute or a style sheet, visibility:hidden, the hidden attribute, a closed <dialog>) is removed
// from the tree. Text that is there but styled so nobody sees it (opacity 0, font size 0, the colour of its
// background, placed off-screen, or hidden only on some screens) is kept and reported, so a person can judge it.
import type { Element, ElementContent, Root, Text } from 'hast';
import { isLeftOut, type HastParent } from './html-elements';
import type { PageStyles } from './html-page-styles';

/** How a piece of kept text is hidden from a reader, in words (“opacity 0”, “white on white”), by text node. */
export type InvisibleTextNodes = Map<Text, string>;

export interface PageVisibility {
  invisible: InvisibleTextNodes;
  /** What a person should know about how the styles were read (a sheet too large to read whole). */
  warnings: string[];
}

export type StyleReader = (tree: Root) => PageStyles<unknown>;

/** Markup that can carry styles: without any, a page's text is as the markup says, and the style reader is not loaded. */
const MAY_HAVE_STYLES = /<style|\bstyle\s*=|\b(?:bg)?color\s*=|<body[^>]*\btext\s*=/i;

/** The style reader, loaded when the markup may need it (css-tree, culori and the selector matcher take a while). */
export async function styleReaderFor(markup: string): Promise<StyleReader | undefined> {
  if (!MAY_HAVE_STYLES.test(markup)) return undefined;
  const { readPageStyles } = await import('./html-page-styles');
  return readPageStyles as StyleReader;
}

/**
 * Removes what the page certainly hides from `tree` (in place) and returns the text it keeps that a reader would
 * still not see, with how it is hidden. Without a style reader, only the markup decides.
 */
export function removeHiddenContent(tree: Root, readStyles?: StyleReader): PageVisibility {
  const styles = readStyles?.(tree);
  const invisible: InvisibleTextNodes = new Map();
  visit(tree, styles?.initial, styles, invisible);
  return { invisible, warnings: styles?.warnings ?? [] };
}

function visit<S>(
  parent: HastParent,
  state: S,
  styles: PageStyles<S> | undefined,
  invisible: InvisibleTextNodes,
): void {
  const kept: ElementContent[] = [];
  for (const child of parent.children as ElementContent[]) {
    if (child.type === 'text') {
      if (styles && !styles.visible(state)) continue;
      const how = !styles || child.value.trim() === '' ? undefined : styles.invisibility(state);
      if (how) invisible.set(child, how);
    } else if (child.type === 'element' && !isLeftOut(child)) {
      if (isHiddenByMarkup(child) || styles?.hides(child)) continue;
      visit(child, styles ? styles.inside(child, state) : state, styles, invisible);
    }
    kept.push(child);
  }
  parent.children = kept;
}

/** Content the markup itself hides from every reader: left out with everything in it. */
function isHiddenByMarkup(element: Element): boolean {
  const { hidden, ariaHidden } = element.properties;
  // `hidden="until-found"` content is found by searching the page, so a reader can see it.
  if (hidden !== undefined && hidden !== null && hidden !== false && hidden !== 'until-found') return true;
  if (String(ariaHidden ?? '').toLowerCase() === 'true') return true;
  return element.tagName === 'dialog' && element.properties.open === undefined;
}
