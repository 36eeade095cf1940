// The HTML mammoth writes for a Word document, as the hast tree the shared HTML reader (html-blocks.ts) walks.
// htmlparser2 parses it, and hastscript makes each element from its attributes, as hast-util-from-parse5 does:
// mammoth's HTML is well formed and needs none of the HTML standard's repairs that parse5 spends its time on, so
// this costs about a third of hast-util-from-html on a 100-page policy. (The one repair parse5 would make, a
// `tbody` around a table's rows, the reader does without: it reads rows in or out of one.)
import type { ChildNode as DomNode } from 'domhandler';
import type { ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { parseDocument } from 'htmlparser2';

export function htmlFragmentTree(html: string): Root {
  return { type: 'root', children: parseDocument(html, { decodeEntities: true }).children.flatMap(contentOf) };
}

/** A node as hast content: elements and text; comments, directives and the like carry no text of the document. */
function contentOf(node: DomNode): ElementContent[] {
  if (node.type === 'text') return [{ type: 'text', value: node.data }];
  if (node.type !== 'tag') return [];
  const properties: Record<string, string> = {};
  for (const [name, value] of Object.entries(node.attribs)) {
    // As hast-util-from-parse5 does: a name of Object's own (`constructor`, `__proto__`) is never a property.
    if (!Object.hasOwn(Object.prototype, name)) properties[name] = value;
  }
  return [h(node.name, properties, node.children.flatMap(contentOf))];
}
