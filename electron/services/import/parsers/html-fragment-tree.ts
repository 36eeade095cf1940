// The HTML mammoth writes for a Word document, as the hast tree the shared HTML reader (html-blocks.ts) walks.
// htmlparser2 parses it, and hastscript makes each element from its attributes, as hast-util-from-parse5 does:
// mammoth's HTML is well formed and needs none of the HTML standard's repairs that parse5 spends its time on, so
// this costs about a third of hast-util-from-html on a 100-page policy. (The one repair parse5 would make, a
// `tbody` around a table's rows, the reader does without: it reads rows in or out of one.)
// The tree is built as htmlparser2 reads, from its events, rather than from the DOM its DomHandler would build
// first: one pass over the HTML instead of two, and one tree instead of two.
import type { ElementContent, Root, Text } from 'hast';
import { h } from 'hastscript';
import { Parser } from 'htmlparser2';

/** An element htmlparser2 has opened and not closed yet, with the content read inside it so far. */
interface OpenElement {
  name: string;
  properties: Record<string, string>;
  children: ElementContent[];
}

export function htmlFragmentTree(html: string): Root {
  const root: Root = { type: 'root', children: [] };
  const open: OpenElement[] = [];
  const contentHere = (): ElementContent[] => open.at(-1)?.children ?? (root.children as ElementContent[]);
  // Text read in pieces (around an entity, say) is one text node, as DomHandler makes it, until anything else comes.
  let text: Text | undefined;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        text = undefined;
        const properties: Record<string, string> = {};
        for (const [attribute, value] of Object.entries(attribs)) {
          // As hast-util-from-parse5 does: a name of Object's own (`constructor`, `__proto__`) is never a property.
          if (!Object.hasOwn(Object.prototype, attribute)) properties[attribute] = value;
        }
        open.push({ name, properties, children: [] });
      },
      // htmlparser2 closes every element it opened (those the HTML leaves open, at the end), innermost first.
      onclosetag() {
        text = undefined;
        const element = open.pop();
        if (element) contentHere().push(h(element.name, element.properties, element.children));
      },
      ontext(data) {
        if (text) text.value += data;
        else contentHere().push((text = { type: 'text', value: data }));
      },
      // Comments, directives and the like carry no text of the document; they do end a text node.
      oncomment: () => (text = undefined),
      onprocessinginstruction: () => (text = undefined),
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return root;
}
