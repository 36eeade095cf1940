import { createHash, randomUUID } from 'node:crypto';
import type { Annotation, Block, Version } from '../../shared/model';

/** A deterministic pseudo-random sequence, so every bench run measures the same document. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'employees official accounts public records retention request comment moderation policy department content ' +
  'information privacy personal data consent assessment platform security password access account manager ' +
  'approval communication response crisis training review annual owner stakeholder consultation legal counsel ' +
  'accessibility captions alternative text misinformation harassment report block remove archive publish post ' +
  'must should may not within days business agency staff members residents community service notice'
).split(' ');

/** A policy of about `pages` pages: headings every dozen blocks, paragraphs of 20-60 words, some list items. */
export function generatePolicyBlocks(pages: number, seed = 1): Block[] {
  const random = seededRandom(seed);
  const word = () => WORDS[Math.floor(random() * WORDS.length)] ?? 'policy';
  const sentence = (n: number) => {
    const words = Array.from({ length: n }, word);
    const first = words[0] ?? 'Policy';
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${words.join(' ')}.`;
  };
  const blocks: Block[] = [];
  const total = Math.round(pages * 17);
  for (let i = 0; i < total; i++) {
    const id = `b${i}`;
    if (i % 12 === 0)
      blocks.push({
        id,
        type: 'heading',
        level: i % 48 === 0 ? 1 : 2,
        text: `${Math.floor(i / 12) + 1}. ${sentence(4).slice(0, -1)}`,
      });
    else if (i % 7 === 3)
      blocks.push({
        id,
        type: 'list-item',
        depth: i % 2,
        ordered: false,
        text: sentence(8 + Math.floor(random() * 12)),
      });
    else
      blocks.push({
        id,
        type: 'paragraph',
        text: `${sentence(10 + Math.floor(random() * 20))} ${sentence(10 + Math.floor(random() * 20))}`,
      });
  }
  return blocks;
}

export function versionFromBlocks(blocks: Block[], label: string): Version {
  const text = blocks.map((b) => b.text).join('\n\n');
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    label,
    importedAt: now,
    importedBy: { name: 'Bench' },
    source: {
      fileName: `${label}.md`,
      mediaType: 'text/markdown',
      sha256: createHash('sha256').update(text).digest('hex'),
      bytes: text.length,
    },
    blocks,
    text,
    warnings: [],
  };
}

/**
 * What the generated annotations mark: a passage of 20 to 80 characters (3 to 12 words, starting and ending anywhere),
 * or words, a word and the next one or two, as a person marks "personal data".
 */
export type QuoteLength = 'passage' | 'words';

/** `count` annotations spread over the text, some overlapping, each on a passage (3-12 words) or on words. */
export function generateAnnotations(
  version: Version,
  count: number,
  criterionIds: string[],
  seed = 2,
  quotes: QuoteLength = 'passage',
): Annotation[] {
  const random = seededRandom(seed);
  const text = version.text;
  const annotations: Annotation[] = [];
  const now = new Date().toISOString();
  for (let i = 0; i < count; i++) {
    const { start, end } = quotes === 'passage' ? passageAt(text, random) : wordsAt(text, random);
    annotations.push({
      id: randomUUID(),
      versionId: version.id,
      target: {
        source: version.id,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: text.slice(start, end),
            prefix: text.slice(Math.max(0, start - 32), start),
            suffix: text.slice(end, end + 32),
          },
          { type: 'TextPositionSelector', start, end },
        ],
      },
      criterionIds: [criterionIds[i % criterionIds.length] ?? 'governance.purpose-scope'],
      severity: (['info', 'minor', 'major', 'critical'] as const)[i % 4] ?? 'info',
      status: 'open',
      body: {
        root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: `Comment ${i}` }] }] },
      },
      author: { name: 'Bench', role: 'member' },
      createdAt: now,
      updatedAt: now,
      replies: [],
      anchorState: 'anchored',
    });
  }
  return annotations;
}

function passageAt(text: string, random: () => number) {
  const start = Math.floor(random() * (text.length - 200));
  return { start, end: start + 20 + Math.floor(random() * 60) };
}

/** A word of the text and the next one or two, within one block (its words are separated by single spaces). */
function wordsAt(text: string, random: () => number) {
  for (;;) {
    const start = text.indexOf(' ', Math.floor(random() * (text.length - 200))) + 1;
    let end = text.indexOf(' ', text.indexOf(' ', start) + 1);
    if (random() < 0.3) end = text.indexOf(' ', end + 1);
    if (!text.slice(start, end).includes('\n')) return { start, end };
  }
}

/** What `editPolicyBlocks` did, block by block. */
export interface PolicyEdits {
  reworded: number;
  inserted: number;
  deleted: number;
  moved: number;
  movedAndEdited: number;
  rewrapped: number;
}

/**
 * The next version of a generated policy: scattered edits as a drafting round makes them — about 4 % of blocks
 * reworded (one to three words), 1.5 % deleted, 1.5 % new blocks inserted, 1 % moved (half of those also
 * reworded) and 3 % re-wrapped (line breaks and doubled spaces where spaces were, which is no change at all).
 */
export function editPolicyBlocks(blocks: readonly Block[], seed = 3): { blocks: Block[]; edits: PolicyEdits } {
  const random = seededRandom(seed);
  const word = () => WORDS[Math.floor(random() * WORDS.length)] ?? 'policy';
  const reword = (text: string) => {
    const words = text.split(' ');
    for (let n = 1 + Math.floor(random() * 3); n > 0; n--) words[Math.floor(random() * words.length)] = 'revised';
    return words.join(' ');
  };
  const edits: PolicyEdits = { reworded: 0, inserted: 0, deleted: 0, moved: 0, movedAndEdited: 0, rewrapped: 0 };
  const kept: Block[] = [];
  const moving: Block[] = [];
  let nextId = blocks.length;
  for (const block of blocks) {
    const roll = random();
    if (roll < 0.04) {
      edits.reworded++;
      kept.push({ ...block, text: reword(block.text) });
    } else if (roll < 0.055) {
      edits.deleted++;
    } else if (roll < 0.06) {
      edits.moved++;
      moving.push(block);
    } else if (roll < 0.065) {
      edits.movedAndEdited++;
      moving.push({ ...block, text: reword(block.text) });
    } else if (roll < 0.095) {
      edits.rewrapped++;
      kept.push({
        ...block,
        text: block.text.replace(/ /g, () => (random() < 0.12 ? '\n' : random() < 0.05 ? '  ' : ' ')),
      });
    } else {
      kept.push(block);
    }
    if (random() < 0.015) {
      edits.inserted++;
      const words = Array.from({ length: 15 + Math.floor(random() * 25) }, word);
      kept.push({ id: `b${nextId++}`, type: 'paragraph', text: `${words.join(' ')}.` });
    }
  }
  for (const block of moving) kept.splice(Math.floor(random() * (kept.length + 1)), 0, block);
  return { blocks: kept, edits };
}
