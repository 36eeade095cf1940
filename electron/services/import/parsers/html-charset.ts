import type { Element, Root } from 'hast';
import { isElement, stringProperty } from './html-elements';

const XML_DECLARATION = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']+)["']/i;
const CONTENT_TYPE_CHARSET = /charset\s*=\s*["']?([^"';\s]+)/i;

/**
 * The character set a page says it is written in (`<meta charset>`, `<meta http-equiv="Content-Type">` or an
 * XML declaration), or undefined when it says nothing.
 */
export function declaredCharset(tree: Root, text: string): string | undefined {
  const xml = XML_DECLARATION.exec(text)?.[1];
  if (xml) return xml;
  for (const meta of metaElements(tree)) {
    const charset = stringProperty(meta, 'charSet') ?? contentTypeCharset(meta);
    if (charset?.trim()) return charset.trim();
  }
  return undefined;
}

/** Whether text in this character set is what decoding as UTF-8 (or UTF-16, by its byte-order mark) gives. */
export function isUnicodeCharset(label: string): boolean {
  try {
    return ['utf-8', 'utf-16le', 'utf-16be'].includes(new TextDecoder(label).encoding);
  } catch {
    return false;
  }
}

function contentTypeCharset(meta: Element): string | undefined {
  if (stringProperty(meta, 'httpEquiv')?.toLowerCase() !== 'content-type') return undefined;
  return CONTENT_TYPE_CHARSET.exec(stringProperty(meta, 'content') ?? '')?.[1];
}

/** Meta elements belong in the head; browsers only look for the charset there. */
function metaElements(tree: Root): Element[] {
  const html = tree.children.find((child) => isElement(child, 'html'));
  const head = html?.children.find((child) => isElement(child, 'head'));
  return isElement(head) ? head.children.filter((child) => isElement(child, 'meta')) : [];
}
