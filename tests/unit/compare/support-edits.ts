import { targetForRange } from '../../../shared/anchoring';
import type { CarryVersion } from '../../../shared/anchoring';
import type { AnnotationTarget, Block } from '../../../shared/model';
import { seededRandom } from '../../bench/generate-policy';

/** What must become of an annotation, known because the test made the new version itself. */
export type Expected =
  /** The quoted words survive as they were (whitespace aside): they must be found at exactly `[start, end)`. */
  | { kind: 'same'; start: number; end: number; moved: boolean }
  /** One word of the quote was replaced: it should be found as fuzzy, reading `text`. */
  | { kind: 'edited'; start: number; end: number; text: string }
  /** The quoted words are gone from the new version. */
  | { kind: 'deleted' };

export interface EditedPair {
  older: CarryVersion;
  newer: CarryVersion;
  annotations: { target: AnnotationTarget; expected: Expected }[];
  /** How many blocks each edit touched. */
  edits: Record<string, number>;
}

interface Quote {
  from: number;
  to: number;
  state: 'same' | 'edited' | 'deleted';
}

/** A block being edited: its words and the whitespace after each, and the annotated word ranges in it. */
interface Draft {
  type: Block['type'];
  words: string[];
  spaces: string[];
  quotes: Map<number, Quote>;
  moved: boolean;
}

const FRESH_WORDS =
  'newly drafted clause regarding municipal outreach pilot schedule evaluation partners quarterly summary guidance update notice'.split(
    ' ',
  );
const EDITS = [
  'keep',
  'rewrap',
  'reword-near',
  'edit-quote',
  'delete-quote',
  'delete-block',
  'move',
  'move-edit',
] as const;
type Edit = (typeof EDITS)[number];

/**
 * Version B made from version A's blocks by a seeded script: insertions, deletions of blocks and of quoted words,
 * rewording next to a quote, light edits inside a quote, moved paragraphs (some edited), re-wrapped lines and
 * extra spaces, and new paragraphs that repeat a surviving quote elsewhere (so a quote occurs more than once).
 * Annotations are put on A (three to twelve words each, several per paragraph), and for each the script knows
 * what must become of it.
 */
export function editScript(older: CarryVersion, seed: number): EditedPair {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const drafts: Draft[] = older.blocks.map((block) => {
    const words = block.text.split(' ');
    return {
      type: block.type,
      words,
      spaces: words.map((_, i) => (i < words.length - 1 ? ' ' : '')),
      quotes: new Map(),
      moved: false,
    };
  });

  // Annotations: disjoint runs of 3-12 words in paragraphs and list items of six words or more.
  let nextQuote = 0;
  for (const draft of drafts) {
    if ((draft.type !== 'paragraph' && draft.type !== 'list-item') || draft.words.length < 6) continue;
    for (let at = Math.floor(random() * 3); at < draft.words.length - 2;) {
      const to = Math.min(draft.words.length, at + 3 + Math.floor(random() * 10));
      if (to - at >= 3) draft.quotes.set(nextQuote++, { from: at, to, state: 'same' });
      at = to + 1 + Math.floor(random() * 6);
    }
  }
  const targets = new Map<number, AnnotationTarget>();
  drafts.forEach((draft, index) => {
    for (const [id, quote] of draft.quotes) {
      const start = blockStart(older, index) + charOffset(draft, quote.from);
      targets.set(id, targetForRange(older.text, older.id, { start, end: start + quoteLength(draft, quote) }));
    }
  });

  const edits: Record<string, number> = Object.fromEntries([...EDITS, 'insert', 'repeat-quote'].map((e) => [e, 0]));
  const deletedBlocks = new Set<Draft>();
  for (const draft of drafts) {
    const roll = random();
    const edit: Edit =
      roll < 0.45
        ? 'keep'
        : roll < 0.55
          ? 'rewrap'
          : roll < 0.66
            ? 'reword-near'
            : roll < 0.77
              ? 'edit-quote'
              : roll < 0.84
                ? 'delete-quote'
                : roll < 0.89
                  ? 'delete-block'
                  : roll < 0.95
                    ? 'move'
                    : 'move-edit';
    edits[edit]!++;
    const quotes = [...draft.quotes.values()];
    switch (edit) {
      case 'keep':
        break;
      case 'rewrap':
        for (let i = 0; i < draft.spaces.length - 1; i++)
          if (random() < 0.3) draft.spaces[i] = pick(['\n', '  ', ' \n ']);
        break;
      case 'reword-near': {
        const quote = quotes.length ? pick(quotes) : undefined;
        const at = quote ? (random() < 0.5 ? quote.from - 1 : quote.to) : Math.floor(random() * draft.words.length);
        if (at >= 0 && at < draft.words.length && !inQuote(draft, at)) draft.words[at] = 'reworded';
        break;
      }
      case 'edit-quote': {
        const long = quotes.filter((q) => q.to - q.from >= 5);
        if (long.length === 0) break;
        const quote = pick(long);
        draft.words[quote.from + Math.floor(random() * (quote.to - quote.from))] = 'amended';
        quote.state = 'edited';
        break;
      }
      case 'delete-quote': {
        if (quotes.length === 0) break;
        const quote = pick(quotes);
        removeWords(draft, quote.from, quote.to);
        quote.state = 'deleted';
        break;
      }
      case 'delete-block':
        deletedBlocks.add(draft);
        for (const quote of quotes) quote.state = 'deleted';
        break;
      case 'move':
        draft.moved = true;
        break;
      case 'move-edit': {
        draft.moved = true;
        const free = draft.words.map((_, i) => i).filter((i) => !inQuote(draft, i));
        if (free.length) draft.words[pick(free)] = 'revised';
        break;
      }
    }
  }

  // New paragraphs: fresh text, or a paragraph that repeats a surviving quote in other words around it.
  const surviving = drafts.flatMap((d) =>
    deletedBlocks.has(d) ? [] : [...d.quotes.values()].filter((q) => q.state === 'same').map((q) => quoteText(d, q)),
  );
  let sequence: Draft[] = [];
  for (const draft of drafts) {
    if (!deletedBlocks.has(draft)) sequence.push(draft);
    const roll = random();
    if (roll < 0.06) {
      edits.insert!++;
      sequence.push(
        plainDraft(Array.from({ length: 12 + Math.floor(random() * 20) }, () => pick(FRESH_WORDS)).join(' ') + '.'),
      );
    } else if (roll < 0.1 && surviving.length) {
      edits['repeat-quote']!++;
      sequence.push(plainDraft(`As set out in another section, ${pick(surviving)} applies here as well.`));
    }
  }
  const moving = sequence.filter((d) => d.moved);
  sequence = sequence.filter((d) => !d.moved);
  for (const draft of moving) sequence.splice(Math.floor(random() * (sequence.length + 1)), 0, draft);

  const newerBlocks = sequence.map(
    (d, i) => ({ id: `b${i + 1}`, type: d.type, text: d.words.map((w, k) => w + d.spaces[k]).join('') }) as Block,
  );
  const newer: CarryVersion = {
    id: '00000000-0000-4000-8000-00000000000b',
    blocks: newerBlocks,
    text: newerBlocks.map((b) => b.text).join('\n\n'),
  };

  const annotations: EditedPair['annotations'] = [];
  for (const draft of drafts) {
    const index = sequence.indexOf(draft);
    for (const [id, quote] of draft.quotes) {
      const target = targets.get(id)!;
      if (quote.state === 'deleted' || index === -1) {
        annotations.push({ target, expected: { kind: 'deleted' } });
        continue;
      }
      const start = blockStart(newer, index) + charOffset(draft, quote.from);
      const end = start + quoteLength(draft, quote);
      annotations.push({
        target,
        expected:
          quote.state === 'same'
            ? { kind: 'same', start, end, moved: draft.moved }
            : { kind: 'edited', start, end, text: newer.text.slice(start, end) },
      });
    }
  }
  return { older, newer, annotations, edits };
}

function plainDraft(text: string): Draft {
  const words = text.split(' ');
  return {
    type: 'paragraph',
    words,
    spaces: words.map((_, i) => (i < words.length - 1 ? ' ' : '')),
    quotes: new Map(),
    moved: false,
  };
}

function inQuote(draft: Draft, word: number): boolean {
  for (const quote of draft.quotes.values())
    if (quote.state !== 'deleted' && word >= quote.from && word < quote.to) return true;
  return false;
}

/** Removes words `[from, to)` with the space after them, and shifts the quotes after them. */
function removeWords(draft: Draft, from: number, to: number): void {
  const count = to - from;
  draft.words.splice(from, count);
  draft.spaces.splice(from, count);
  if (draft.spaces.length) draft.spaces[draft.spaces.length - 1] = '';
  for (const quote of draft.quotes.values()) {
    if (quote.state === 'deleted' || quote.from < to) continue;
    quote.from -= count;
    quote.to -= count;
  }
}

function charOffset(draft: Draft, word: number): number {
  let offset = 0;
  for (let k = 0; k < word; k++) offset += draft.words[k]!.length + draft.spaces[k]!.length;
  return offset;
}

function quoteLength(draft: Draft, quote: Quote): number {
  return charOffset(draft, quote.to) - charOffset(draft, quote.from) - draft.spaces[quote.to - 1]!.length;
}

function quoteText(draft: Draft, quote: Quote): string {
  return draft.words.slice(quote.from, quote.to).join(' ');
}

function blockStart(version: CarryVersion, index: number): number {
  let offset = 0;
  for (let i = 0; i < index; i++) offset += version.blocks[i]!.text.length + 2;
  return offset;
}
