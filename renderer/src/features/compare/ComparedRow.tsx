import { memo, type ReactNode } from 'react';
import type { Version } from '../../../../shared/model';
import { blockClass, sectionOf } from './blockContext';
import { CHANGE_KIND_SIGNS, changeLabel, type ComparedBlock } from './changeLabels';
import { WordDiff, type DiffSide } from './WordDiff';

export type CompareLayout = 'side-by-side' | 'inline';

export interface ComparedRowProps {
  block: ComparedBlock;
  from: Version;
  to: Version;
  layout: CompareLayout;
  /** The change's number (1-based) among the comparison's changes; absent for an unchanged block. */
  changeNumber: number | undefined;
}

/** Where a moved block was and where it went, by section, so "moved" says from where. */
function movedNote(block: ComparedBlock, from: Version, to: Version): string | undefined {
  if (block.kind !== 'moved' || !block.from || !block.to) return undefined;
  const was = sectionOf(from, block.from.index);
  const now = sectionOf(to, block.to.index);
  if (was && now && was !== now) return `was under “${was}” in ${from.label}, now under “${now}”`;
  if (was) return `was elsewhere under “${was}” in ${from.label}`;
  return `was at block ${block.from.index + 1} of ${from.label}, now at block ${block.to.index + 1}`;
}

/** One side's words: the word diff when the block was edited, else the block's text as it stands. */
function sideText(block: ComparedBlock, version: Version, place: ComparedBlock['from'], side: DiffSide): ReactNode {
  const source = place ? version.blocks[place.index] : undefined;
  const content = block.edited && block.parts ? <WordDiff parts={block.parts} side={side} /> : (source?.text ?? '');
  return <p className={blockClass(source)}>{content}</p>;
}

/** The words of a block in the inline view: old and new interleaved, a whole block struck or underlined. */
function inlineText(block: ComparedBlock, from: Version, to: Version): ReactNode {
  if (block.kind === 'removed') {
    const source = block.from ? from.blocks[block.from.index] : undefined;
    return (
      <p className={blockClass(source)}>
        <del className="word-removed">{source?.text}</del>
      </p>
    );
  }
  const source = block.to ? to.blocks[block.to.index] : undefined;
  if (block.kind === 'added') {
    return (
      <p className={blockClass(source)}>
        <ins className="word-added">{source?.text}</ins>
      </p>
    );
  }
  return sideText(block, to, block.to, 'both');
}

/**
 * One block of the comparison. Side by side, the older text is on the left and the newer on the right in the
 * same row, so both columns scroll together and a block always faces its counterpart. A change carries a tag in
 * words and signs (not colour alone), and can take focus for next/previous change.
 */
export const ComparedRow = memo(function ComparedRow({ block, from, to, layout, changeNumber }: ComparedRowProps) {
  const label = changeLabel(block);
  const note = movedNote(block, from, to);
  const kindClass = block.kind === 'moved' && block.edited ? 'kind-moved is-edited' : `kind-${block.kind}`;
  return (
    <div
      className={`compare-row ${layout === 'inline' ? 'is-inline' : 'is-split'} ${kindClass}`}
      data-kind={block.kind}
      data-change={changeNumber}
      tabIndex={changeNumber === undefined ? undefined : -1}
      role={changeNumber === undefined ? undefined : 'group'}
      aria-label={changeNumber === undefined ? undefined : `Change ${changeNumber}: ${label}`}
    >
      {changeNumber !== undefined && (
        <p className="change-tag">
          <span className="change-sign" aria-hidden="true">
            {CHANGE_KIND_SIGNS[block.kind]}
          </span>
          <span className="change-tag-label">{label}</span>
          {note && <span className="change-tag-note">{note}</span>}
        </p>
      )}
      {layout === 'inline' ? (
        <div className="compare-cell">{inlineText(block, from, to)}</div>
      ) : (
        <>
          <div className={block.from ? 'compare-cell is-old' : 'compare-cell is-old is-empty'}>
            {block.from ? (
              sideText(block, from, block.from, 'old')
            ) : (
              <span className="visually-hidden">Not in {from.label}</span>
            )}
          </div>
          <div className={block.to ? 'compare-cell is-new' : 'compare-cell is-new is-empty'}>
            {block.to ? (
              sideText(block, to, block.to, 'new')
            ) : (
              <span className="visually-hidden">Not in {to.label}</span>
            )}
          </div>
        </>
      )}
    </div>
  );
});
