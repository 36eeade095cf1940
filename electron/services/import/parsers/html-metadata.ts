import type { Element, Root } from 'hast';
import { isElement, stringProperty } from './html-elements';

/** Document properties a page may state in its head, by the `<meta>` names and properties that carry them. */
const META_KEYS: ReadonlyMap<string, string> = new Map([
  ['description', 'description'],
  ['dc.description', 'description'],
  ['dcterms.description', 'description'],
  ['og:description', 'description'],
  ['date', 'date'],
  ['dc.date', 'date'],
  ['dcterms.date', 'date'],
  ['dcterms.issued', 'date'],
  ['dcterms.created', 'date'],
  ['article:published_time', 'date'],
  ['dcterms.modified', 'modified'],
  ['article:modified_time', 'modified'],
  ['author', 'author'],
  ['dc.creator', 'author'],
  ['dcterms.creator', 'author'],
  ['keywords', 'keywords'],
  ['version', 'version'],
  ['effective-date', 'effective_date'],
  ['effective_date', 'effective_date'],
  ['dc.title', 'title'],
  ['dcterms.title', 'title'],
  ['og:title', 'title'],
]);

/** Where a page's properties are never found: embedded graphics have titles of their own. */
const NOT_SEARCHED = new Set(['svg', 'math', 'template', 'script', 'style', 'noscript']);
const MAX_VALUE_CHARS = 1_000;

/**
 * The page's title and the document properties its `<meta>` elements state (description, date, author, ...).
 * Only named properties are read: `http-equiv` instructions such as refresh are not metadata.
 */
export function metadataFromPage(tree: Root): Record<string, string> {
  const entries = new Map<string, string>();
  let title: [string, string] | undefined;
  for (const element of elementsOf(tree)) {
    if (element.tagName === 'title') {
      title ??= titleEntry(element);
      continue;
    }
    const entry = metaEntry(element);
    if (entry && !entries.has(entry[0])) entries.set(entry[0], entry[1]);
  }
  // The page's own <title> names it; Dublin Core or Open Graph titles only stand in when it has none.
  if (title) entries.set(...title);
  return Object.fromEntries(entries);
}

/** The page's <title> and <meta> elements in document order. */
function elementsOf(tree: Root): Element[] {
  const found: Element[] = [];
  const stack: Element[] = [];
  pushChildElements(stack, tree);
  for (let element = stack.pop(); element; element = stack.pop()) {
    if (NOT_SEARCHED.has(element.tagName)) continue;
    if (element.tagName === 'title' || element.tagName === 'meta') found.push(element);
    else pushChildElements(stack, element);
  }
  return found;
}

/** Pushed last-first, so they pop in document order. */
function pushChildElements(stack: Element[], parent: Root | Element): void {
  for (let i = parent.children.length - 1; i >= 0; i--) {
    const child = parent.children[i];
    if (isElement(child)) stack.push(child);
  }
}

function titleEntry(title: Element): [string, string] | undefined {
  const text = title.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
  return cleanEntry('title', text);
}

function metaEntry(meta: Element): [string, string] | undefined {
  const name = (stringProperty(meta, 'name') ?? stringProperty(meta, 'property'))?.trim().toLowerCase();
  const key = name === undefined ? undefined : META_KEYS.get(name);
  const content = stringProperty(meta, 'content');
  return key === undefined || content === undefined ? undefined : cleanEntry(key, content);
}

function cleanEntry(key: string, value: string): [string, string] | undefined {
  const clean = value.replace(/\s+/g, ' ').trim().slice(0, MAX_VALUE_CHARS);
  return clean === '' ? undefined : [key, clean];
}
