import type { Element, Root, RootContent } from 'hast';

/**
 * Elements whose content is never policy text: active content, embedded objects, form controls, media
 * fallbacks and document plumbing. They are left out with everything inside them.
 */
const LEFT_OUT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'map',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'textarea',
  'button',
  'label',
  'output',
  'meter',
  'progress',
  'head',
  'title',
  'meta',
  'link',
  'base',
]);

/** Elements that start a new block of text: text on either side of them never runs together. */
const BLOCK_LEVEL = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'search',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

export const HEADING_LEVELS: ReadonlyMap<string, number> = new Map([
  ['h1', 1],
  ['h2', 2],
  ['h3', 3],
  ['h4', 4],
  ['h5', 5],
  ['h6', 6],
]);
export const LIST_TAGS = new Set(['ul', 'ol', 'menu', 'dir']);

export type HastNode = Root | RootContent;
export type HastParent = Root | Element;

export function isElement(node: HastNode | undefined, tagName?: string): node is Element {
  return node?.type === 'element' && (tagName === undefined || node.tagName === tagName);
}

export function isBlockLevel(element: Element): boolean {
  return BLOCK_LEVEL.has(element.tagName);
}

/**
 * Never text: active or embedded content. Content the page hides from every reader is removed before the text is
 * read (see html-visibility.ts), since a style sheet can hide it as well as the element itself.
 */
export function isLeftOut(element: Element): boolean {
  return LEFT_OUT.has(element.tagName);
}

export function hasClass(element: Element, name: string): boolean {
  const classes = element.properties.className;
  return Array.isArray(classes) && classes.some((c) => String(c).toLowerCase() === name);
}

export function stringProperty(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  if (Array.isArray(value)) return value.join(' ');
  return value === undefined || value === null || typeof value === 'boolean' ? undefined : String(value);
}

/** A positive integer attribute such as colspan, with the bounds browsers apply. */
export function spanProperty(element: Element, name: 'colSpan' | 'rowSpan', max: number): number {
  const value = Number(element.properties[name]);
  return Number.isInteger(value) && value >= 1 ? Math.min(value, max) : 1;
}

/** The id an in-page link points to (`#fn-1` → `fn-1`), or undefined for any other link. */
export function fragmentTarget(element: Element): string | undefined {
  const href = stringProperty(element, 'href')?.trim();
  if (!href?.startsWith('#') || href.length < 2) return undefined;
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return href.slice(1);
  }
}
