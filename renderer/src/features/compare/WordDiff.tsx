import type { VersionComparison } from '../../../../shared/api';

type WordParts = NonNullable<VersionComparison['blocks'][number]['parts']>;

/** A run split into its leading spaces, its words and its trailing spaces: only the words are marked. */
function trimmed(text: string): [string, string, string] {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  return match ? [match[1] ?? '', match[2] ?? '', match[3] ?? ''] : ['', text, ''];
}

function Marked({ kind, text }: { kind: 'removed' | 'added'; text: string }) {
  const [before, words, after] = trimmed(text);
  const Tag = kind === 'removed' ? 'del' : 'ins';
  return (
    <>
      {before}
      {words && <Tag className={kind === 'removed' ? 'word-removed' : 'word-added'}>{words}</Tag>}
      {after}
    </>
  );
}

/** Which text to spell from a word diff: the older block's, the newer one's, or both interleaved (inline view). */
export type DiffSide = 'old' | 'new' | 'both';

/**
 * A changed block's words, with the removed ones struck through and the added ones underlined (not colour alone).
 * Every run is a text node: the policy's words are never parsed as markup.
 */
export function WordDiff({ parts, side }: { parts: WordParts; side: DiffSide }) {
  return (
    <>
      {parts.map((part, n) => {
        if (part.kind === 'equal') return <span key={n}>{part.text}</span>;
        if (part.kind === 'removed') return side === 'new' ? null : <Marked key={n} kind="removed" text={part.text} />;
        return side === 'old' ? null : <Marked key={n} kind="added" text={part.text} />;
      })}
    </>
  );
}
