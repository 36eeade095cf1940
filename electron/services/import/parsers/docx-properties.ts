// The document properties Word keeps in docProps/core.xml: the title (which can label the version) and when the
// document was created and last changed. Read with a few patterns: the part is small and flat, and nothing else
// in it is used.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function readCoreProperties(xml: string | undefined): Record<string, string> {
  const metadata: Record<string, string> = {};
  if (!xml) return metadata;
  const title = element(xml, 'dc:title')?.replace(/\s+/g, ' ').trim();
  if (title) metadata.title = title.slice(0, 200);
  for (const [name, key] of [
    ['dcterms:created', 'created'],
    ['dcterms:modified', 'modified'],
  ] as const) {
    const value = element(xml, name)?.trim();
    const date = value ? new Date(value) : undefined;
    if (date && !Number.isNaN(date.getTime())) metadata[key] = date.toISOString();
  }
  return metadata;
}

function element(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml);
  return match?.[1] === undefined ? undefined : decodeEntities(match[1]);
}

function decodeEntities(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (whole, hex?: string, decimal?: string, name?: string) => {
    const code = hex ? parseInt(hex, 16) : decimal ? Number(decimal) : undefined;
    if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    return (name && ENTITIES[name]) ?? whole;
  });
}
