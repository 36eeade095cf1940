// Word's hidden text (the run property w:vanish, set on a run or by its character or paragraph style) is shown
// to nobody who reads or prints the document, but mammoth converts it like any other text. Before mammoth reads
// the document, the text of hidden runs is taken out of the parts it reads, with @xmldom/xmldom for the XML. It
// works on the parts the archive check unpacked (docx-zip.ts), never on the archive itself. xmldom loads only
// for a document that names w:vanish at all: nearly none does.

/** The parts whose text mammoth converts: the body, footnotes and endnotes. */
const TEXT_PARTS = ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml'];
const STYLES_PART = 'word/styles.xml';
/** WordprocessingML, in its usual (transitional) and its strict namespace. */
const NAMESPACES = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
];
/** What a run holds that shows as text; field codes and the like stay, so fields keep their structure. */
const TEXT_CONTENT = new Set(['t', 'tab', 'br', 'cr', 'sym', 'noBreakHyphen', 'softHyphen']);

export interface WithoutHiddenText {
  /** The parts to convert: the same map when nothing is hidden. */
  parts: ReadonlyMap<string, Uint8Array>;
  /** The text taken out, one entry per paragraph that had any. */
  hidden: string[];
}

export async function withoutHiddenText(parts: ReadonlyMap<string, Uint8Array>): Promise<WithoutHiddenText> {
  const text = new Map<string, string>();
  for (const name of [...TEXT_PARTS, STYLES_PART]) {
    const bytes = parts.get(name);
    if (bytes !== undefined) text.set(name, new TextDecoder().decode(bytes));
  }
  // Every way of hiding text names w:vanish; without it there is nothing to do (nearly every document).
  if (![...text.values()].some((xml) => xml.includes('vanish'))) return { parts, hidden: [] };

  const { DOMParser, XMLSerializer } = await import('@xmldom/xmldom');
  const parseXml = (xml: string): Document =>
    // A part that is not well-formed is left to mammoth, which says the document is damaged.
    new DOMParser({
      errorHandler: { warning: () => undefined, error: () => undefined, fatalError: () => undefined },
    }).parseFromString(xml, 'text/xml');
  const stylesXml = text.get(STYLES_PART);
  const styles = readStyles(stylesXml === undefined ? undefined : parseXml(stylesXml));
  const hidden: string[] = [];
  const visible = new Map(parts);
  for (const name of TEXT_PARTS) {
    const xml = text.get(name);
    if (xml === undefined) continue;
    const document = parseXml(xml);
    const removed = removeHiddenRuns(document, styles);
    if (removed.length === 0) continue;
    hidden.push(...removed);
    visible.set(name, new TextEncoder().encode(new XMLSerializer().serializeToString(document)));
  }
  return { parts: visible, hidden };
}

interface Style {
  basedOn: string | undefined;
  /** Whether the style's run properties hide text; undefined when it does not say. */
  vanish: boolean | undefined;
}

interface Styles {
  byId: Map<string, Style>;
  /** The paragraph style of paragraphs that name none. */
  defaultParagraph: string | undefined;
  /** The document's default run properties (w:docDefaults). */
  vanish: boolean | undefined;
}

function readStyles(document: Document | undefined): Styles {
  const styles: Styles = { byId: new Map(), defaultParagraph: undefined, vanish: undefined };
  if (document === undefined) return styles;
  const defaults = elements(document, 'rPrDefault')[0];
  styles.vanish = vanishIn(defaults && child(defaults, 'rPr'));
  for (const style of elements(document, 'style')) {
    const id = attribute(style, 'styleId');
    if (!id) continue;
    const basedOn = child(style, 'basedOn');
    styles.byId.set(id, {
      basedOn: basedOn ? attribute(basedOn, 'val') : undefined,
      vanish: vanishIn(child(style, 'rPr')),
    });
    if (attribute(style, 'type') === 'paragraph' && isOn(attribute(style, 'default'))) styles.defaultParagraph = id;
  }
  return styles;
}

/** Whether a style (or one it is based on) hides text; undefined when none of them says. */
function styleVanish(styles: Styles, id: string | undefined): boolean | undefined {
  const seen = new Set<string>();
  for (
    let style = id ? styles.byId.get(id) : undefined;
    style && id && !seen.has(id);
    id = style.basedOn, style = id ? styles.byId.get(id) : undefined
  ) {
    seen.add(id);
    if (style.vanish !== undefined) return style.vanish;
  }
  return undefined;
}

/**
 * Empties the runs that are hidden: by their own properties, else by their character style, else by their
 * paragraph's style, else by the document's defaults. Returns their text, per paragraph.
 */
function removeHiddenRuns(document: Document, styles: Styles): string[] {
  const removed = new Map<Element, string>();
  for (const run of elements(document, 'r')) {
    const properties = child(run, 'rPr');
    const characterStyle = properties && child(properties, 'rStyle');
    const paragraph = ancestor(run, 'p');
    const paragraphProperties = paragraph && child(paragraph, 'pPr');
    const paragraphStyle = paragraphProperties && child(paragraphProperties, 'pStyle');
    const hidden =
      vanishIn(properties) ??
      styleVanish(styles, characterStyle ? attribute(characterStyle, 'val') : undefined) ??
      styleVanish(styles, paragraphStyle ? attribute(paragraphStyle, 'val') : styles.defaultParagraph) ??
      styles.vanish ??
      false;
    if (!hidden) continue;
    let text = '';
    for (const content of [...childElements(run)].filter((node) => TEXT_CONTENT.has(node.localName ?? ''))) {
      text += content.localName === 't' ? (content.textContent ?? '') : ' ';
      run.removeChild(content);
    }
    if (text.trim() === '') continue;
    const key = paragraph ?? run;
    removed.set(key, (removed.get(key) ?? '') + text);
  }
  return [...removed.values()];
}

/** A run-properties element's w:vanish: true when present and not switched off, undefined when absent. */
function vanishIn(properties: Element | undefined): boolean | undefined {
  const vanish = properties && child(properties, 'vanish');
  return vanish ? isOn(attribute(vanish, 'val') ?? 'true') : undefined;
}

/** An OOXML on/off value: absent or anything but false, 0 and off means on. */
function isOn(value: string | undefined): boolean {
  return value !== undefined && !['false', '0', 'off'].includes(value.toLowerCase());
}

function isWordElement(node: Node, localName: string): node is Element {
  return (
    node.nodeType === 1 &&
    (node as Element).localName === localName &&
    NAMESPACES.includes((node as Element).namespaceURI ?? '')
  );
}

function elements(document: Document, localName: string): Element[] {
  return NAMESPACES.flatMap((namespace) => {
    const list = document.getElementsByTagNameNS(namespace, localName);
    return Array.from({ length: list.length }, (_, i) => list.item(i)!);
  });
}

function* childElements(parent: Element): Generator<Element> {
  for (let node = parent.firstChild; node; node = node.nextSibling) if (node.nodeType === 1) yield node as Element;
}

function child(parent: Element, localName: string): Element | undefined {
  for (const node of childElements(parent)) if (isWordElement(node, localName)) return node;
  return undefined;
}

function ancestor(node: Element, localName: string): Element | undefined {
  for (let parent = node.parentNode; parent; parent = parent.parentNode)
    if (isWordElement(parent, localName)) return parent;
  return undefined;
}

function attribute(element: Element, localName: string): string | undefined {
  for (const namespace of NAMESPACES) {
    const value = element.getAttributeNS(namespace, localName);
    if (value) return value;
  }
  return undefined;
}
