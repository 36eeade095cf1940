import { describe, expect, it } from 'vitest';
import { changeOnCopy } from '../../../electron/services/storage/change-on-copy';
import { applyChanges, changesBetween } from '../../../electron/services/storage/review-changes';

interface Note {
  id: string;
  text: string;
}
interface Doc {
  title: string;
  notes: Note[];
  tags: string[];
}

const note = (id: string, text = `note ${id}`): Note => ({ id, text });

/**
 * Changes made one after another as the store makes them (each on a copy of the last, immer), each checked to be
 * what the journal would keep: applied to the document as JSON, it gives the new document.
 */
function chain(start: Doc) {
  let current = start;
  return (change: (draft: Doc) => void) => {
    const { next } = changeOnCopy(current, change);
    const changes = changesBetween(current, next);
    const replayed = JSON.parse(JSON.stringify(current)) as Record<string, unknown>;
    if (changes) applyChanges(replayed, changes);
    expect(replayed).toEqual(JSON.parse(JSON.stringify(next)));
    current = next;
    return changes;
  };
}

describe('the changes a journal keeps of one change to a review', () => {
  it('are the records written, found by position, over a chain of changes', () => {
    const change = chain({ title: 'T', notes: [note('a'), note('b'), note('c')], tags: ['x'] });
    expect(change((d) => void (d.notes[1]!.text = 'edited'))).toEqual({ put: { notes: [note('b', 'edited')] } });
    expect(change((d) => void d.notes.push(note('d'), note('e')))).toEqual({ put: { notes: [note('d'), note('e')] } });
    expect(change((d) => void (d.title = 'U'))).toEqual({ set: { title: 'U' } });
    expect(change((d) => void d.notes.splice(0, 1))).toEqual({ order: { notes: ['b', 'c', 'd', 'e'] } });
  });

  it('write a list whole when a change adds a record whose id the list holds, however many changes came before', () => {
    const change = chain({ title: 'T', notes: [note('a'), note('b')], tags: [] });
    // The list is read whole once, then known to hold distinct ids; later changes read only what they add.
    change((d) => void d.notes.push(note('c')));
    change((d) => void (d.notes[0]!.text = 'edited'));
    const notes = [note('a', 'edited'), note('b'), note('c'), note('b', 'again')];
    expect(change((d) => void d.notes.push(note('b', 'again')))).toEqual({ set: { notes } });
    // Still whole while it holds two records of one id; by records again once it does not.
    expect(change((d) => void (d.notes[3]!.text = 'still'))?.set).toBeDefined();
    // (The record of that id the list held last stood for it: the first is written again.)
    expect(change((d) => void d.notes.pop())).toEqual({
      put: { notes: [note('b')] },
      order: { notes: ['a', 'b', 'c'] },
    });
    expect(change((d) => void d.notes.push(note('d')))).toEqual({ put: { notes: [note('d')] } });
  });

  it('write a list whole when records added together share an id, or the list is not of records', () => {
    const change = chain({ title: 'T', notes: [note('a')], tags: ['x'] });
    change((d) => void d.notes.push(note('b')));
    expect(change((d) => void d.notes.push(note('c'), note('c', 'twin')))?.set?.notes).toHaveLength(4);
    const many = Array.from({ length: 12 }, (_, i) => note(`m${i}`));
    const more = chain({ title: 'T', notes: [note('a')], tags: [] });
    more((d) => void d.notes.push(note('b')));
    expect(more((d) => void d.notes.push(...many, note('a')))?.set?.notes).toHaveLength(15);
    expect(change((d) => void d.tags.push('y'))).toEqual({ set: { tags: ['x', 'y'] } });
  });
});
