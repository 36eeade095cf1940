import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The contract calls the store makes (`drafts.set`), answered by each test. */
const calls = vi.hoisted(() => ({
  callInReview: vi.fn<(reviewId: string, method: string, args: unknown) => Promise<unknown>>(),
}));
vi.mock('../../../renderer/src/api', () => ({ callInReview: calls.callInReview }));

const { DRAFT_DELAY_MS, DraftStore } = await import('../../../renderer/src/features/workspace/draftStore');

const REVIEW = 'review-1';
const written = () => calls.callInReview.mock.calls.map(([, method, args]) => ({ method, args }));
/** Lets the answers of `drafts.set` arrive. */
const answers = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  // The store times its writes with window's timers; in Node the global object stands in for window.
  vi.stubGlobal('window', globalThis);
  vi.useFakeTimers();
  calls.callInReview.mockReset();
  calls.callInReview.mockResolvedValue({ saved: true });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('drafts of what a person typed', () => {
  it('writes a draft only after typing pauses, once, with the last value', async () => {
    const drafts = new DraftStore(REVIEW, {}, true);
    drafts.set('reply:a1', 'Who');
    vi.advanceTimersByTime(DRAFT_DELAY_MS - 1);
    drafts.set('reply:a1', 'Who approves');
    vi.advanceTimersByTime(DRAFT_DELAY_MS - 1);
    expect(calls.callInReview).not.toHaveBeenCalled();
    expect(drafts.status('reply:a1')).toBe('pending');
    vi.advanceTimersByTime(1);
    expect(written()).toEqual([
      { method: 'drafts.set', args: { reviewId: REVIEW, key: 'reply:a1', value: 'Who approves' } },
    ]);
    expect(drafts.status('reply:a1')).toBe('saving');
    await answers();
    expect(drafts.status('reply:a1')).toBe('saved');
    expect(drafts.get('reply:a1')).toBe('Who approves');
  });

  it('writes at once on flush (the field lost focus), and not again when the timer would have fired', async () => {
    const drafts = new DraftStore(REVIEW, {}, true);
    drafts.set('rationale:c1', 'Partly');
    drafts.flush('rationale:c1');
    expect(written()).toHaveLength(1);
    vi.advanceTimersByTime(DRAFT_DELAY_MS * 2);
    await answers();
    expect(written()).toHaveLength(1);
    // Nothing changed since: a second flush writes nothing.
    drafts.flush('rationale:c1');
    expect(written()).toHaveLength(1);
  });

  it('writes every changed draft when the window is hidden, and only those', () => {
    const drafts = new DraftStore(REVIEW, { 'reply:old': 'kept' }, true);
    drafts.set('reply:a1', 'one');
    drafts.set('reply:a2', 'two');
    drafts.flushAll();
    expect(written().map((w) => (w.args as { key: string }).key)).toEqual(['reply:a1', 'reply:a2']);
  });

  it('clears a draft by writing nothing for it, and forgets it on screen', async () => {
    const drafts = new DraftStore(REVIEW, { 'reply:a1': 'half a reply' }, true);
    drafts.clear('reply:a1');
    expect(written()).toEqual([{ method: 'drafts.set', args: { reviewId: REVIEW, key: 'reply:a1', value: null } }]);
    expect(drafts.get('reply:a1')).toBeUndefined();
    await answers();
    expect(drafts.status('reply:a1')).toBe('idle');
  });

  it('does not write to clear a draft that was never kept', () => {
    const drafts = new DraftStore(REVIEW, {}, true);
    drafts.clear('reply:a1');
    expect(calls.callInReview).not.toHaveBeenCalled();
  });

  it('treats an emptied field as a cleared draft', () => {
    const drafts = new DraftStore(REVIEW, { 'reply:a1': 'text' }, true);
    drafts.set('reply:a1', '');
    expect(drafts.get('reply:a1')).toBeUndefined();
    vi.advanceTimersByTime(DRAFT_DELAY_MS);
    expect(written()[0]?.args).toMatchObject({ key: 'reply:a1', value: null });
  });

  it('says a write failed, and lets a later answer for an older value not claim the newer one is saved', async () => {
    const drafts = new DraftStore(REVIEW, {}, true);
    const held: ((value: unknown) => void)[] = [];
    calls.callInReview.mockImplementation(() => new Promise((resolve) => held.push(resolve)));
    drafts.set('reply:a1', 'first');
    drafts.flush('reply:a1');
    drafts.set('reply:a1', 'second');
    drafts.flush('reply:a1');
    held[0]?.({ saved: true });
    await answers();
    expect(drafts.status('reply:a1')).toBe('saving');
    held[1]?.({ saved: true });
    await answers();
    expect(drafts.status('reply:a1')).toBe('saved');

    calls.callInReview.mockRejectedValueOnce(new Error('E_DISK_FULL'));
    drafts.set('reply:a1', 'third');
    drafts.flush('reply:a1');
    await answers();
    expect(drafts.status('reply:a1')).toBe('failed');
  });

  it('keeps drafts on screen only in a read-only view', () => {
    const drafts = new DraftStore(REVIEW, {}, false);
    drafts.set('reply:a1', 'typed while read-only');
    vi.advanceTimersByTime(DRAFT_DELAY_MS);
    drafts.flushAll();
    drafts.clear('reply:a1');
    expect(calls.callInReview).not.toHaveBeenCalled();
    expect(drafts.status('reply:a1')).toBe('idle');
  });

  it('lists its keys by prefix and tells subscribers when a status changes, until they stop listening', () => {
    const drafts = new DraftStore(REVIEW, { 'reply:a1': 'x', 'reply:a2': 'y', 'rationale:c1': 'z' }, true);
    expect(drafts.keys('reply:').sort()).toEqual(['reply:a1', 'reply:a2']);
    const listener = vi.fn();
    const stop = drafts.subscribe(listener);
    drafts.set('reply:a3', 'new');
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    drafts.flush('reply:a3');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
