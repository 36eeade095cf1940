// Mammoth writes its HTML from a tree of its own: tags nested as in that tree, every attribute quoted, and `&`,
// `<`, `>` (and `"` in attributes) always escaped, with nothing between the tags. That text is read back into a
// tree here in one pass, without a general HTML parser: parse5 took about as long as mammoth's own conversion on
// a 100-page policy. The tree is the one parse5 builds from the same text (hast-util-from-html, fragment): the
// same elements, the attributes mammoth writes as the same hast properties, and the one change parse5 makes to
// mammoth's nesting, a table's rows put in a tbody. Anything else, which parse5 would rebuild (a paragraph or a
// list opened inside a paragraph, a link in a link, text straight inside a table) or which mammoth does not
// write, answers undefined: the caller then reads the text with hast-util-from-html, as before.
import type { Element, ElementContent, Properties, Root } from 'hast';

/** What mammoth writes with our style map and its default one: anything else goes to the general parser. */
const PHRASING = new Set(['strong', 'em', 'u', 's', 'sup', 'sub', 'span', 'code', 'a']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Start tags that close an open paragraph (HTML's "close a p element in button scope"). */
const CLOSES_P = new Set(['p', 'ul', 'ol', 'li', 'blockquote', 'table', ...HEADINGS]);
const VOID = new Set(['br', 'img', 'input']);
/** The table's parts, each allowed only in its own parent; a row straight in a table gets parse5's tbody. */
const TABLE_PARENT: Record<string, ReadonlySet<string>> = {
  thead: new Set(['table']),
  tbody: new Set(['table']),
  tr: new Set(['table', 'thead', 'tbody']),
  td: new Set(['tr']),
  th: new Set(['tr']),
};
const TABLE_CONTEXT = new Set(['table', 'thead', 'tbody', 'tr']);

const TAG = /<(\/?)([a-z][a-z0-9]*)((?: [a-z][a-z-]*="[^"<>]*")*)( \/)?>/y;
const ATTRIBUTE = / ([a-z][a-z-]*)="([^"<>]*)"/g;
const ESCAPE = /&(amp|lt|gt|quot);/g;
const UNESCAPED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
/** An `&` that is not one of the writer's escapes, or characters parse5 changes (line ends, NUL). */
const NOT_WRITTEN_BY_MAMMOTH = /&(?!(?:amp|lt|gt|quot);)|[\r\0]/;

/** The attributes mammoth writes, as hast names them; any other attribute goes to the general parser. */
const PROPERTY_NAMES: Record<string, string> = {
  href: 'href',
  target: 'target',
  id: 'id',
  type: 'type',
  src: 'src',
  alt: 'alt',
  colspan: 'colSpan',
  rowspan: 'rowSpan',
  checked: 'checked',
};

interface Open extends Element {
  /** A tbody parse5 adds around rows written straight in a table: closed with the table. */
  implied?: boolean;
}

/** The tree of HTML mammoth wrote, as hast-util-from-html's fragment would be; undefined for anything else. */
export function mammothHtmlToHast(html: string): Root | undefined {
  if (NOT_WRITTEN_BY_MAMMOTH.test(html)) return undefined;
  const root: ElementContent[] = [];
  const stack: Open[] = [];
  const childrenOfCurrent = () => stack.at(-1)?.children ?? root;
  const close = () => {
    const { implied: _implied, ...element } = stack.pop()!;
    childrenOfCurrent().push(element);
  };
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt !== at) {
      const end = lt === -1 ? html.length : lt;
      const parent = stack.at(-1);
      if (parent && TABLE_CONTEXT.has(parent.tagName)) return undefined;
      childrenOfCurrent().push({
        type: 'text',
        value: html.slice(at, end).replace(ESCAPE, (_, name: string) => UNESCAPED[name]!),
      });
      at = end;
      continue;
    }
    TAG.lastIndex = at;
    const tag = TAG.exec(html);
    if (!tag) return undefined;
    at = TAG.lastIndex;
    const [, slash, tagName = '', attributes = '', selfClosing] = tag;
    if (slash) {
      if (attributes || selfClosing) return undefined;
      if (tagName === 'table' && stack.at(-1)?.implied) close();
      if (stack.at(-1)?.tagName !== tagName || VOID.has(tagName)) return undefined;
      close();
      continue;
    }
    if (!opensAsWritten(tagName, stack)) return undefined;
    if (tagName === 'tr' && stack.at(-1)?.tagName === 'table')
      stack.push({ type: 'element', tagName: 'tbody', properties: {}, children: [], implied: true });
    const properties = propertiesOf(attributes);
    if (!properties || VOID.has(tagName) !== Boolean(selfClosing)) return undefined;
    stack.push({ type: 'element', tagName, properties, children: [] });
    if (selfClosing) close();
  }
  if (stack.length > 0) return undefined;
  return { type: 'root', children: root };
}

/** The attributes as hast-util-from-html gives them: spans as numbers, `checked` as true; undefined for others. */
function propertiesOf(attributes: string): Properties | undefined {
  const properties: Properties = {};
  for (const [, name = '', escaped = ''] of attributes.matchAll(ATTRIBUTE)) {
    const property = Object.hasOwn(PROPERTY_NAMES, name) ? PROPERTY_NAMES[name] : undefined;
    if (property === undefined) return undefined;
    if (Object.hasOwn(properties, property)) continue;
    const value = escaped.replace(ESCAPE, (_, escape: string) => UNESCAPED[escape]!);
    if (property === 'colSpan' || property === 'rowSpan')
      properties[property] = value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
    else if (property === 'checked') properties[property] = value === '' || value.toLowerCase() === 'checked' || value;
    else properties[property] = value;
  }
  return properties;
}

/** Whether parse5 puts this start tag where it is written, as a child of the element open last. */
function opensAsWritten(tagName: string, stack: readonly Open[]): boolean {
  const parent = stack.at(-1);
  const tableParents = TABLE_PARENT[tagName];
  if (tableParents) return parent !== undefined && tableParents.has(parent.tagName);
  if (parent && TABLE_CONTEXT.has(parent.tagName)) return false;
  if (!PHRASING.has(tagName) && !CLOSES_P.has(tagName) && !VOID.has(tagName)) return false;
  if (CLOSES_P.has(tagName) && stack.some((open) => open.tagName === 'p')) return false;
  if (HEADINGS.has(tagName) && parent && HEADINGS.has(parent.tagName)) return false;
  if (tagName === 'a' && stack.some((open) => open.tagName === 'a')) return false;
  // A list item closes an open one it is in, unless a list or another block comes between them.
  if (tagName === 'li') {
    let index = stack.length - 1;
    while (index >= 0 && PHRASING.has(stack[index]!.tagName)) index--;
    if (stack[index]?.tagName === 'li') return false;
  }
  return true;
}
