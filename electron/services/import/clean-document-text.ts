import {
  BIDI_CONTROL,
  bidiControlsIn,
  hasControlCharacters,
  normalizeBlockText,
  stripControlCharacters,
} from '../../../shared/document';
import { describeBlockPlace, excerpt } from './block-place';
import type { BlockDraft, InvisibleText, ParsedDocument } from './types';

/** Places named in one warning; the rest are counted. */
const MAX_PLACES = 3;
/** Pieces of invisible text reported one by one; the rest are counted in one more warning. */
const MAX_INVISIBLE_WARNINGS = 10;

/**
 * What every format's text goes through once its parser is done, so no format can skip it: control characters
 * (and terminal escape sequences) removed from the text, labels, properties and messages; the one whitespace
 * rule applied and blocks left empty dropped; and warnings, naming where, about what was removed, about text a
 * reader of the original does not see, and about direction controls (kept: they are part of what the document
 * says, and the document view shows them).
 */
export function cleanDocumentText(parsed: ParsedDocument): ParsedDocument {
  const blocks: BlockDraft[] = [];
  /** For each parsed block, the index of the block it became (or of the next one kept, when it was dropped). */
  const kept: number[] = [];
  const hadControls: number[] = [];
  let emptied = 0;
  for (const draft of parsed.blocks) {
    kept.push(blocks.length);
    // Vertical tabs and form feeds become line breaks without a word: they are layout, not hidden instructions.
    const removed = hasControlCharacters(draft.text);
    const text = normalizeBlockText(stripControlCharacters(draft.text), draft.type);
    if (text === '' && draft.type !== 'table-cell') {
      if (removed) emptied++;
      continue;
    }
    if (removed) hadControls.push(blocks.length);
    blocks.push(
      draft.type === 'note' ? { ...draft, text, label: stripControlCharacters(draft.label) } : { ...draft, text },
    );
  }
  const metadata = Object.fromEntries(
    Object.entries(parsed.metadata).map(([key, value]) => [stripControlCharacters(key), stripControlCharacters(value)]),
  );
  const metadataHadControls = Object.entries(parsed.metadata).some(([key, value]) => hasControlCharacters(key + value));
  const invisible = (parsed.invisibleText ?? []).map((found) => ({
    ...found,
    block: kept[found.block] ?? blocks.length,
  }));
  const warnings = [
    ...parsed.warnings.map(stripControlCharacters),
    ...controlsWarning(blocks, hadControls, emptied, metadataHadControls),
    ...invisibleTextWarnings(blocks, invisible),
    ...bidiWarning(blocks),
  ];
  return { blocks, metadata, warnings };
}

function controlsWarning(
  blocks: readonly BlockDraft[],
  places: readonly number[],
  emptied: number,
  inProperties: boolean,
): string[] {
  if (places.length === 0 && emptied === 0 && !inProperties) return [];
  const named = places.slice(0, MAX_PLACES).map((index) => describeBlockPlace(blocks, index));
  if (places.length > MAX_PLACES)
    named.push(`${places.length - MAX_PLACES} more ${places.length - MAX_PLACES === 1 ? 'place' : 'places'}`);
  if (inProperties) named.push('the document’s properties');
  const where = named.length > 0 ? ` from ${listed(named)}` : '';
  const left =
    emptied > 0
      ? ` ${emptied === 1 ? 'One paragraph' : `${emptied} paragraphs`} held nothing else and ${emptied === 1 ? 'was' : 'were'} left out.`
      : '';
  return [
    `Control characters (such as terminal escape codes), which are no part of a policy’s text, were removed${where}.${left}`,
  ];
}

function invisibleTextWarnings(blocks: readonly BlockDraft[], found: readonly InvisibleText[]): string[] {
  const pieces = found.filter((piece) => piece.text.trim() !== '');
  const warnings = pieces
    .slice(0, MAX_INVISIBLE_WARNINGS)
    .map(
      (piece) =>
        `Text styled to be invisible (${piece.how}) kept ` +
        `in ${describeBlockPlace(blocks, piece.block)}: ` +
        `“${excerpt(stripControlCharacters(piece.text))}”. A reader of the original does not see ` +
        `it; check whether it belongs in the policy.`,
    );
  const more = pieces.length - MAX_INVISIBLE_WARNINGS;
  if (more > 0)
    warnings.push(
      `${more} more ${more === 1 ? 'piece' : 'pieces'} of text styled to be invisible ${more === 1 ? 'was' : 'were'} kept as well.`,
    );
  return warnings;
}

function bidiWarning(blocks: readonly BlockDraft[]): string[] {
  const places: number[] = [];
  const names = new Set<string>();
  for (const [index, block] of blocks.entries()) {
    const found = bidiControlsIn(block.text);
    if (found.length === 0) continue;
    places.push(index);
    for (const name of found) names.add(name);
  }
  const [first] = places;
  if (first === undefined) return [];
  const named = places
    .slice(0, MAX_PLACES)
    .map((index, n) =>
      n === 0
        ? `${describeBlockPlace(blocks, index)} (“${firstControlExcerpt(blocks[index]!.text)}”)`
        : describeBlockPlace(blocks, index),
    );
  if (places.length > MAX_PLACES)
    named.push(`${places.length - MAX_PLACES} more ${places.length - MAX_PLACES === 1 ? 'place' : 'places'}`);
  const marks = [...names].map((name) => `⟨${name}⟩`).join(', ');
  return [
    `Characters that change the direction of text (${marks}) are in ${listed(named)}. They ` +
      `can make words show in a different order from the text that is reviewed and annotated; ` +
      `they are kept, and the document view shows each one as a mark such ` +
      `as ${[...names].map((name) => `⟨${name}⟩`)[0]}.`,
  ];
}

function firstControlExcerpt(text: string): string {
  return excerpt(text, Math.max(0, text.search(BIDI_CONTROL)));
}

function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
