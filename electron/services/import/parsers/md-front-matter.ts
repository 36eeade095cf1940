import { parse, YAMLParseError } from 'yaml';

export interface FrontMatter {
  metadata: Record<string, string>;
  warnings: string[];
}

/** Enough for any real front matter; a "billion laughs" file of aliases is refused long before memory runs out. */
const MAX_ALIAS_COUNT = 100;
const TOML_KEY_VALUE = /^\s*([A-Za-z0-9_-]+)\s*=\s*(.+?)\s*$/;
const TOML_TABLE = /^\s*\[/;

/**
 * A Markdown file's YAML front matter as metadata: each top-level property as a string, lists joined with
 * ", ", nested properties skipped. Every value is read as plain text (the failsafe schema), so a version
 * number such as 1.10 stays "1.10" and nothing in the file can construct objects.
 */
export function readYamlFrontMatter(source: string): FrontMatter {
  let value: unknown;
  try {
    value = parse(source, { schema: 'failsafe', maxAliasCount: MAX_ALIAS_COUNT, logLevel: 'error', mapAsMap: true });
  } catch (error) {
    return {
      metadata: {},
      warnings: [unreadable(error instanceof YAMLParseError ? error.linePos?.[0].line : undefined)],
    };
  }
  if (value === null || value === undefined) return { metadata: {}, warnings: [] };
  if (!(value instanceof Map)) return { metadata: {}, warnings: [unreadable(undefined)] };
  return { metadata: flatten(value), warnings: [] };
}

/**
 * A Markdown file's TOML front matter (`+++`), read for its top-level `key = value` lines only: enough for a
 * title, a date or a version. Tables and inline tables are skipped.
 */
export function readTomlFrontMatter(source: string): FrontMatter {
  const entries: [string, string][] = [];
  for (const line of source.split(/\r?\n/)) {
    if (TOML_TABLE.test(line)) break;
    const match = TOML_KEY_VALUE.exec(line);
    const value = match?.[2] === undefined ? undefined : tomlValue(match[2]);
    if (match?.[1] !== undefined && value) entries.push([match[1], value]);
  }
  return { metadata: Object.fromEntries(entries), warnings: [] };
}

function flatten(properties: Map<unknown, unknown>): Record<string, string> {
  const entries: [string, string][] = [];
  for (const [key, value] of properties) {
    const text =
      typeof value === 'string'
        ? value
        : Array.isArray(value)
          ? value.filter((item) => typeof item === 'string').join(', ')
          : undefined;
    if (typeof key === 'string' && text?.trim()) entries.push([key, text.trim()]);
  }
  // Object.fromEntries defines each key as its own property, so a key such as "__proto__" is just a key.
  return Object.fromEntries(entries);
}

function unreadable(line: number | undefined): string {
  const where = line === undefined ? '' : ` (a YAML error on line ${line + 1} of the file)`;
  return `The front matter (the properties between the --- lines at the top) could not be read${where}; it was left out.`;
}

function tomlValue(raw: string): string | undefined {
  const quoted = /^"((?:[^"\\]|\\.)*)"|^'([^']*)'/.exec(raw);
  if (quoted) return (quoted[2] ?? quoted[1] ?? '').replace(/\\(["\\])/g, '$1');
  if (raw.startsWith('['))
    return [...raw.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((m) => m[2] ?? m[1] ?? '').join(', ');
  if (raw.startsWith('{')) return undefined;
  return raw.replace(/\s+#.*$/, '');
}
