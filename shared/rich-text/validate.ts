import type { RichText } from '../model/review';

/**
 * What a comment may contain: the nodes of the comment editor (paragraphs, headings, quotes, lists, links,
 * line breaks, formatted text) and nothing else, so a comment from another copy of a review or a hand-edited
 * file cannot smuggle in a node the app does not render safely.
 */
export const RICH_TEXT_NODE_TYPES = [
  'root',
  'paragraph',
  'heading',
  'quote',
  'list',
  'listitem',
  'link',
  'autolink',
  'text',
  'linebreak',
] as const;
export type RichTextNodeType = (typeof RICH_TEXT_NODE_TYPES)[number];

/** The addresses a link may point to. Everything else (javascript:, data:, file:, relative paths) is refused. */
export const LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'] as const;

/** Lexical's text formats: bold, italic, strikethrough, underline, code, subscript, superscript, highlight, lower-, upper-case, capitalize. */
const TEXT_FORMAT_NAMES = [
  'bold',
  'italic',
  'strikethrough',
  'underline',
  'code',
  'subscript',
  'superscript',
  'highlight',
  'lowercase',
  'uppercase',
  'capitalize',
] as const;
const ALL_TEXT_FORMATS = (1 << TEXT_FORMAT_NAMES.length) - 1;

/** Deeper than any list a person nests by hand; deep enough JSON would otherwise exhaust the stack of whoever renders it. */
export const MAX_RICH_TEXT_DEPTH = 32;
/** Far more paragraphs, list items and pieces of text than a comment of `MAX_RICH_TEXT_CHARS` can hold in practice. */
export const MAX_RICH_TEXT_NODES = 10_000;
/** Largest comment a person can write (as JSON): far beyond any real comment, small enough to keep reviews light. */
export const MAX_RICH_TEXT_CHARS = 100_000;
/**
 * How deep the JSON of a comment may go: two JSON levels (a node and its list of children) per level of nesting,
 * with room for the fields of a node. Deeper JSON is refused before anything walks it recursively.
 */
const MAX_JSON_DEPTH = 2 * MAX_RICH_TEXT_DEPTH + 8;

const BLOCKS = new Set<string>(['paragraph', 'heading', 'quote', 'list']);
const INLINES = new Set<string>(['text', 'linebreak', 'link', 'autolink']);
/** Which node types each container may hold. */
const ALLOWED_CHILDREN: Record<string, ReadonlySet<string>> = {
  root: BLOCKS,
  paragraph: INLINES,
  heading: INLINES,
  quote: INLINES,
  list: new Set(['listitem']),
  listitem: new Set([...INLINES, 'list']),
  link: new Set(['text', 'linebreak']),
  autolink: new Set(['text', 'linebreak']),
};

export interface RichTextProblem {
  /** Where in the document, e.g. `root.children[0].children[2]`. */
  path: string;
  /** What is wrong, as a sentence a person can act on. */
  message: string;
}

/**
 * The first problem with a comment (a Lexical editor state as JSON), or `undefined` when it holds only what
 * the comment editor makes: known node types in their places, known text formats, no inline styles, and links
 * to http, https or mailto addresses only.
 */
export function findRichTextProblem(body: RichText): RichTextProblem | undefined {
  return findRichTextShapeProblem(body) ?? checkNode(body.root, 'root', 'root', 0);
}

/**
 * The comment's size: how deep its JSON goes, how many values it holds, how long it is. Walked with a stack of
 * its own and stopped at the first limit, so a comment nested 100,000 levels deep or holding millions of nodes
 * is refused in a moment instead of exhausting the call stack or memory of whatever reads it next.
 */
export function findRichTextShapeProblem(body: unknown): RichTextProblem | undefined {
  const pending: Array<{ value: object; depth: number }> =
    typeof body === 'object' && body !== null ? [{ value: body, depth: 0 }] : [];
  // Each node is an object with a list of children: two JSON containers.
  let containers = 0;
  while (pending.length > 0) {
    const { value, depth } = pending.pop()!;
    if (depth >= MAX_JSON_DEPTH)
      return { path: 'root', message: `The comment is nested more than ${MAX_RICH_TEXT_DEPTH} levels deep.` };
    if (++containers > 2 * MAX_RICH_TEXT_NODES) {
      return {
        path: 'root',
        message: `The comment has more than ${MAX_RICH_TEXT_NODES.toLocaleString('en')} parts (paragraphs, list items, pieces of text).`,
      };
    }
    for (const child of Array.isArray(value) ? (value as unknown[]) : Object.values(value)) {
      if (typeof child === 'object' && child !== null) pending.push({ value: child, depth: depth + 1 });
    }
  }
  // Bounded in depth now, so the engine's own serializer cannot run out of stack on it.
  if (JSON.stringify(body).length > MAX_RICH_TEXT_CHARS)
    return {
      path: 'root',
      message: `The comment has more than ${MAX_RICH_TEXT_CHARS.toLocaleString('en')} characters.`,
    };
  return undefined;
}

function checkNode(
  node: unknown,
  path: string,
  parentType: string | undefined,
  depth: number,
): RichTextProblem | undefined {
  if (depth > MAX_RICH_TEXT_DEPTH)
    return { path, message: `The comment is nested more than ${MAX_RICH_TEXT_DEPTH} levels deep.` };
  if (!isRecord(node)) return { path, message: 'The comment holds something that is not a node.' };
  const type = node.type;
  if (typeof type !== 'string' || !(RICH_TEXT_NODE_TYPES as readonly string[]).includes(type)) {
    return {
      path,
      message: `A comment cannot hold a “${String(type).slice(0, 40)}” element; only text, paragraphs, headings, quotes, lists and links.`,
    };
  }
  if (
    path === 'root'
      ? type !== 'root'
      : type === 'root' || (parentType !== undefined && !ALLOWED_CHILDREN[parentType]?.has(type))
  ) {
    return { path, message: `A “${type}” element cannot be placed inside a “${parentType ?? 'nothing'}” element.` };
  }
  const problem = checkOwnFields(node, type, path);
  if (problem) return problem;
  if (type === 'text' || type === 'linebreak') {
    return node.children === undefined ? undefined : { path, message: `A “${type}” element cannot have children.` };
  }
  const children = node.children ?? [];
  if (!Array.isArray(children)) return { path, message: `The children of a “${type}” element must be a list.` };
  for (const [index, child] of children.entries()) {
    const found = checkNode(child, `${path}.children[${index}]`, type, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function checkOwnFields(node: Record<string, unknown>, type: string, path: string): RichTextProblem | undefined {
  if (type === 'text') {
    if (node.text !== undefined && typeof node.text !== 'string')
      return { path, message: 'A piece of text in the comment is not text.' };
    if (!isTextFormat(node.format))
      return {
        path,
        message: `The comment uses a text format this app does not know (${describeFormat(node.format)}).`,
      };
  }
  // Inline CSS could load images from a network address or hide text; the comment editor never writes any.
  for (const field of ['style', 'textStyle'] as const) {
    const style = node[field];
    if (style !== undefined && style !== null && style !== '')
      return { path, message: 'A comment cannot carry styles (fonts, colours); use bold, italic, lists and links.' };
  }
  if (type === 'link' || type === 'autolink') {
    const problem = linkUrlProblem(node.url);
    if (problem) return { path, message: problem };
  }
  return undefined;
}

function describeFormat(format: unknown): string {
  return typeof format === 'object' && format !== null
    ? Array.isArray(format)
      ? 'a list'
      : 'an object'
    : String(format).slice(0, 40);
}

function isTextFormat(format: unknown): boolean {
  if (format === undefined) return true;
  if (typeof format === 'number') return Number.isInteger(format) && format >= 0 && (format & ~ALL_TEXT_FORMATS) === 0;
  return typeof format === 'string' && (TEXT_FORMAT_NAMES as readonly string[]).includes(format);
}

/** Control and invisible formatting characters (zero-width spaces, direction marks, line separators). */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/**
 * Why a link's address is not allowed, or `undefined` when it is an absolute http, https or mailto address.
 * Leading and trailing spaces are ignored (as browsers do); any control character inside is refused, because
 * browsers drop some of them and `java\tscript:` would become `javascript:`.
 */
export function linkUrlProblem(url: unknown): string | undefined {
  if (typeof url !== 'string' || url.trim() === '') return 'A link in the comment has no address.';
  const trimmed = url.trim();
  const visible = trimmed.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '');
  const shown = `“${visible.slice(0, 60)}${visible.length > 60 ? '…' : ''}”`;
  const allowed = 'Links may only point to http, https or mailto addresses.';
  if (INVISIBLE.test(trimmed)) return `The link ${shown} contains control characters. ${allowed}`;
  if (/\s/.test(trimmed)) return `The link ${shown} contains spaces. ${allowed}`;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === undefined) return `The link ${shown} is not a full address (like https://example.org). ${allowed}`;
  if (!(LINK_PROTOCOLS as readonly string[]).includes(`${scheme}:`))
    return `The link ${shown} uses “${scheme}:”. ${allowed}`;
  if (scheme === 'mailto')
    return /^mailto:[^?]*[^?@]@[^?@]/i.test(trimmed)
      ? undefined
      : `The link ${shown} is not an email address. ${allowed}`;
  return /^https?:\/\/([^/?#@]+@)?[^/?#@:]+(:\d{1,5})?([/?#]|$)/i.test(trimmed)
    ? undefined
    : `The link ${shown} has no host name. ${allowed}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
