import { describe, expect, it } from 'vitest';
import { composeVersionText } from '../../../shared/document';
import type { Annotation, Block } from '../../../shared/model';
import { HighlightLayout, mostSevere } from '../../../renderer/src/editor/highlights/highlightLayout';

const BLOCKS: Block[] = [
  { id: 'title', type: 'heading', level: 1, text: 'Social media policy' },
  { id: 'who', type: 'paragraph', text: 'Staff may post photos of residents.' },
  { id: 'consent', type: 'list-item', depth: 0, ordered: false, text: 'Ask before posting faces.' },
];
const VERSION = { id: 'v1', blocks: BLOCKS, text: composeVersionText(BLOCKS).text };

let counter = 0;
/** An annotation on the first occurrence of `quote` in the version's text. */
function annotationOn(quote: string, overrides: Partial<Annotation> = {}): Annotation {
  const start = VERSION.text.indexOf(quote);
  if (start < 0) throw new Error(`“${quote}” is not in the version`);
  const end = start + quote.length;
  return {
    id: `a${++counter}`,
    versionId: VERSION.id,
    target: {
      source: VERSION.id,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: quote,
          prefix: VERSION.text.slice(Math.max(0, start - 32), start),
          suffix: VERSION.text.slice(end, end + 32),
        },
        { type: 'TextPositionSelector', start, end },
      ],
    },
    criterionIds: ['privacy.consent'],
    severity: 'minor',
    status: 'open',
    body: { root: { type: 'root', children: [] } },
    author: { name: 'Ada', role: 'member' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    replies: [],
    anchorState: 'anchored',
    ...overrides,
  } as Annotation;
}

const WHO = 1;
const CONSENT = 2;

describe('where annotations fall on a version’s blocks', () => {
  it('cuts a block’s text at each annotation’s edges, and leaves a block without annotations whole', () => {
    const layout = new HighlightLayout(VERSION, [annotationOn('post photos')]);
    expect(layout.segments(WHO).map((s) => [s.text, s.ids.length])).toEqual([
      ['Staff may ', 0],
      ['post photos', 1],
      [' of residents.', 0],
    ]);
    expect(layout.segments(0)).toEqual([{ text: 'Social media policy', ids: [], severity: 'info', settled: false }]);
  });

  it('lists overlapping annotations most severe first and colours their common run by the most severe', () => {
    const minor = annotationOn('may post photos', { severity: 'minor' });
    const critical = annotationOn('photos of residents', { severity: 'critical' });
    const segments = new HighlightLayout(VERSION, [minor, critical]).segments(WHO);
    expect(segments.map((s) => s.text)).toEqual(['Staff ', 'may post ', 'photos', ' of residents', '.']);
    expect(segments[2]).toMatchObject({ ids: [critical.id, minor.id], severity: 'critical', settled: false });
    expect(segments[1]).toMatchObject({ ids: [minor.id], severity: 'minor' });
  });

  it('draws a run settled only when every annotation over it is resolved or won’t fix', () => {
    const resolved = annotationOn('Staff may post photos', { severity: 'critical', status: 'resolved' });
    const open = annotationOn('post photos', { severity: 'info' });
    const segments = new HighlightLayout(VERSION, [resolved, open]).segments(WHO);
    expect(segments.find((s) => s.text === 'Staff may ')).toMatchObject({ severity: 'critical', settled: true });
    // The open one colours the run it shares with the resolved one, however much more severe that was.
    expect(segments.find((s) => s.text === 'post photos')).toMatchObject({
      severity: 'info',
      settled: false,
      ids: [resolved.id, open.id],
    });
  });

  it('marks an annotation across two blocks in both, and not the blank line between them', () => {
    const across = annotationOn('residents.\n\nAsk before');
    const layout = new HighlightLayout(VERSION);
    expect(layout.set(across)).toEqual([WHO, CONSENT]);
    expect(layout.segments(WHO).at(-1)).toMatchObject({ text: 'residents.', ids: [across.id] });
    expect(layout.segments(CONSENT)[0]).toMatchObject({ text: 'Ask before', ids: [across.id] });
    const gap = VERSION.text.indexOf('\n\nAsk');
    expect(layout.blocksOver(gap, gap + 2)).toEqual([]);
  });

  it('does not place an orphaned annotation', () => {
    const layout = new HighlightLayout(VERSION, [annotationOn('post photos', { anchorState: 'orphaned' })]);
    expect(layout.placements()).toEqual([]);
    expect(layout.segments(WHO)).toHaveLength(1);
  });

  it('finds an annotation by its quote when the text before it moved', () => {
    const moved = annotationOn('Ask before');
    const [quote, position] = moved.target.selector;
    const stale = { ...position, start: position.start - 5, end: position.end - 5 };
    const layout = new HighlightLayout(VERSION, [{ ...moved, target: { ...moved.target, selector: [quote, stale] } }]);
    const start = VERSION.text.indexOf('Ask before');
    expect(layout.placement(moved.id)).toMatchObject({ start, end: start + 'Ask before'.length });
  });

  it('answers which blocks to draw again as annotations are added, changed and removed', () => {
    const photos = annotationOn('post photos');
    const faces = annotationOn('posting faces');
    const layout = new HighlightLayout(VERSION);
    expect([...layout.sync([photos, faces])].sort()).toEqual([WHO, CONSENT]);
    // The same objects again: nothing changed, nothing to draw.
    expect([...layout.sync([photos, faces])]).toEqual([]);
    // A changed annotation is a new object; one deleted or on another version is taken off.
    const resolved = { ...photos, status: 'resolved' as const };
    expect([...layout.sync([resolved, faces])]).toEqual([WHO]);
    expect(layout.placement(photos.id)?.settled).toBe(true);
    expect([...layout.sync([resolved, { ...faces, deletedAt: '2026-02-01T00:00:00.000Z' }])]).toEqual([CONSENT]);
    expect([...layout.sync([{ ...resolved, versionId: 'v2' }])]).toEqual([WHO]);
    expect(layout.placements()).toEqual([]);
  });

  it('knows where each block starts in the version’s text', () => {
    const layout = new HighlightLayout(VERSION);
    expect(layout.blockStart('consent')).toBe(VERSION.text.indexOf('Ask before'));
    expect(layout.blockStartAt(WHO)).toBe(VERSION.text.indexOf('Staff'));
    expect(layout.blockStart('missing')).toBeUndefined();
  });

  it('picks the most severe of some severities', () => {
    expect(mostSevere(['minor', 'critical', 'info'])).toBe('critical');
    expect(mostSevere(['minor', 'major'])).toBe('major');
    expect(mostSevere([])).toBe('info');
  });
});

describe('placing a long version’s highlights after its first blocks', () => {
  /** The first two blocks (title and WHO) are placed when the layout is made; CONSENT waits. */
  const FIRST = { placedFirst: CONSENT };

  it('places the annotations past the first blocks only when a block past them is drawn', () => {
    const photos = annotationOn('post photos');
    const faces = annotationOn('posting faces');
    const layout = new HighlightLayout(VERSION, [faces, photos], FIRST);
    expect(layout.hasPending).toBe(true);
    expect(layout.segments(WHO).map((s) => s.ids)).toEqual([[], [photos.id], []]);
    expect(layout.hasPending).toBe(true);
    expect(layout.segments(CONSENT).map((s) => [s.text, s.ids])).toEqual([
      ['Ask before ', []],
      ['posting faces', [faces.id]],
      ['.', []],
    ]);
    expect(layout.hasPending).toBe(false);
  });

  it('places at once one whose recorded place no longer reads its quote, wherever its quote now is', () => {
    // Recorded in CONSENT's range, but its words stand in WHO: left waiting, it would be missing from WHO as drawn.
    const photos = annotationOn('post photos');
    const [quote, position] = photos.target.selector;
    const start = VERSION.text.indexOf('Ask');
    const stale = {
      ...photos,
      target: { ...photos.target, selector: [quote, { ...position, start, end: start + 11 }] },
    };
    const layout = new HighlightLayout(VERSION, [stale as Annotation], FIRST);
    expect(layout.hasPending).toBe(false);
    expect(layout.segments(WHO).find((s) => s.text === 'post photos')?.ids).toEqual([photos.id]);
  });

  it('places the waiting ones a few at a time, in the order given, until none wait', () => {
    const ask = annotationOn('Ask before');
    const faces = annotationOn('posting faces');
    const layout = new HighlightLayout(VERSION, [ask, faces], FIRST);
    expect(layout.placePending(() => true)).toBe(false);
    expect(layout.placements().map((p) => p.id)).toEqual([ask.id, faces.id]);
    expect(layout.placePending()).toBe(true);
  });

  it('shows only its version’s live annotations, and finds nothing new in the list it was made from', () => {
    const photos = annotationOn('post photos');
    const faces = annotationOn('posting faces');
    const elsewhere = annotationOn('Ask before', { versionId: 'v2' });
    const deleted = annotationOn('Staff', { deletedAt: '2026-02-01T00:00:00.000Z' });
    const list = [photos, faces, elsewhere, deleted];
    const layout = new HighlightLayout(VERSION, list, FIRST);
    expect([...layout.sync(list)]).toEqual([]);
    expect(layout.hasPending).toBe(true);
    // A new list (one annotation changed) places the waiting ones first, and draws only what changed.
    expect([...layout.sync([photos, { ...faces, severity: 'critical' as const }])]).toEqual([CONSENT]);
    expect(layout.placements().map((p) => p.id)).toEqual([photos.id, faces.id]);
  });

  it('takes off an annotation that was still waiting', () => {
    const faces = annotationOn('posting faces');
    const layout = new HighlightLayout(VERSION, [faces], FIRST);
    expect(layout.remove(faces.id)).toEqual([CONSENT]);
    expect(layout.segments(CONSENT)).toHaveLength(1);
  });
});
