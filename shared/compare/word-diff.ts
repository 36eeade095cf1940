import { diffWordsWithSpace } from 'diff';
import type { WordPart } from './types';

/**
 * The word diff of two block texts (jsdiff's `diffWordsWithSpace`): the `equal` and `removed` parts spell `older`
 * exactly, the `equal` and `added` parts spell `newer`. Only ever run on one pair of blocks, never whole texts.
 * A replacement of several words reads as one (“[-a deputy-]{+two deputies+}”), not word by word around the
 * spaces that stayed.
 */
export function wordParts(older: string, newer: string): WordPart[] {
  const parts: WordPart[] = [];
  let run: WordPart[] = [];
  const flush = () => {
    for (const part of joinedRun(run)) push(parts, part);
    run = [];
  };
  const changes = diffWordsWithSpace(older, newer).filter((change) => change.value !== '');
  changes.forEach((change, i) => {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'equal';
    const next = changes[i + 1];
    const glue =
      kind === 'equal' &&
      run.length > 0 &&
      /^\s+$/.test(change.value) &&
      next !== undefined &&
      (next.added || next.removed);
    if (kind === 'equal' && !glue) {
      flush();
      push(parts, { kind, text: change.value });
    } else {
      run.push({ kind, text: change.value });
    }
  });
  flush();
  return parts;
}

/** A run of changes with the spaces between them: one removal and one addition, if both sides changed words. */
function joinedRun(run: readonly WordPart[]): WordPart[] {
  const spaces = run.filter((p) => p.kind === 'equal');
  const removed = run.filter((p) => p.kind === 'removed');
  const added = run.filter((p) => p.kind === 'added');
  if (spaces.length === 0 || removed.length === 0 || added.length === 0) return [...run];
  return [
    {
      kind: 'removed',
      text: run
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    },
    {
      kind: 'added',
      text: run
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    },
  ];
}

function push(parts: WordPart[], part: WordPart): void {
  const last = parts[parts.length - 1];
  if (last?.kind === part.kind) last.text += part.text;
  else parts.push({ ...part });
}
