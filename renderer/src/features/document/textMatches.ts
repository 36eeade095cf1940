/** Where a search's words are in a version's text: `[start, end)` offsets, as annotations and selections use them. */
export interface TextMatch {
  start: number;
  end: number;
}

/** Enough to walk a long policy; a search that finds more is too broad to step through one by one. */
export const MAX_MATCHES = 500;

/**
 * Every place `query` is in `text`, in order, ignoring case; a run of white space in the query matches any run in
 * the text, so a phrase is found across a line break or the blank line between two blocks.
 */
export function textMatches(text: string, query: string): TextMatch[] {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'giu');
  const found: TextMatch[] = [];
  for (const match of text.matchAll(pattern)) {
    found.push({ start: match.index, end: match.index + match[0].length });
    if (found.length === MAX_MATCHES) break;
  }
  return found;
}
