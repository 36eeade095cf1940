import { useCallback, useEffect, useLayoutEffect, useState, useSyncExternalStore } from 'react';
import { callInReview } from '../../api';

/** How long typing must pause before a draft is written. */
export const DRAFT_DELAY_MS = 400;

export type DraftStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

interface Entry {
  value: string | null;
  timer: number | undefined;
  status: DraftStatus;
}

/**
 * What a person typed and has not saved yet (a new annotation, a reply, a rationale), kept with the review through
 * `drafts.set`: written after a pause in typing, at once when the field loses focus or the window is hidden or
 * closed, and cleared when the real thing is saved. Read once when the review opens.
 */
export class DraftStore {
  private readonly values: Map<string, string>;
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly reviewId: string,
    initial: Record<string, string>,
    /** False in a read-only view: drafts are kept on screen only. */
    private readonly writable: boolean,
  ) {
    this.values = new Map(Object.entries(initial));
  }

  /** The draft kept for `key`, if any. */
  get(key: string): string | undefined {
    return this.values.get(key);
  }

  /** Every draft key that starts with `prefix`. */
  keys(prefix: string): string[] {
    return [...this.values.keys()].filter((key) => key.startsWith(prefix));
  }

  status(key: string): DraftStatus {
    return this.entries.get(key)?.status ?? 'idle';
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Keeps what was typed; it is written after a pause in typing. An empty value clears the draft. */
  set(key: string, value: string): void {
    const next = value === '' ? null : value;
    if (next === null) this.values.delete(key);
    else this.values.set(key, next);
    const entry = this.entry(key);
    entry.value = next;
    window.clearTimeout(entry.timer);
    entry.timer = window.setTimeout(() => this.write(key), DRAFT_DELAY_MS);
    this.setStatus(entry, 'pending');
  }

  /** Writes the draft for `key` now if it has changed. */
  flush(key: string): void {
    const entry = this.entries.get(key);
    if (entry?.status === 'pending') this.write(key);
  }

  /** Writes every changed draft now: the window is being hidden or closed. */
  flushAll(): void {
    for (const [key, entry] of this.entries) if (entry.status === 'pending') this.write(key);
  }

  /** The real thing was saved (or the person discarded it): the draft goes. */
  clear(key: string): void {
    const entry = this.entry(key);
    // Written before, or on its way: the services must forget it too.
    const known = this.values.has(key) || entry.status !== 'idle';
    this.values.delete(key);
    window.clearTimeout(entry.timer);
    entry.value = null;
    if (known) this.write(key);
    else this.setStatus(entry, 'idle');
  }

  private write(key: string): void {
    const entry = this.entry(key);
    window.clearTimeout(entry.timer);
    entry.timer = undefined;
    const value = entry.value;
    if (!this.writable) {
      this.setStatus(entry, 'idle');
      return;
    }
    this.setStatus(entry, 'saving');
    callInReview(this.reviewId, 'drafts.set', { reviewId: this.reviewId, key, value }).then(
      () => {
        // Only the answer to the last write says what is kept now.
        if (entry.value === value && entry.status === 'saving')
          this.setStatus(entry, value === null ? 'idle' : 'saved');
      },
      () => {
        if (entry.value === value) this.setStatus(entry, 'failed');
      },
    );
  }

  private entry(key: string): Entry {
    let entry = this.entries.get(key);
    if (!entry) this.entries.set(key, (entry = { value: null, timer: undefined, status: 'idle' }));
    return entry;
  }

  private setStatus(entry: Entry, status: DraftStatus): void {
    entry.status = status;
    for (const listener of [...this.listeners]) listener();
  }
}

/**
 * One draft: its value when the field opened, a setter to call while typing, `flush` for blur, `clear` for
 * save or discard, and how its saving is going.
 */
export function useDraft(drafts: DraftStore, key: string) {
  const [initial] = useState(() => drafts.get(key));
  const status = useSyncExternalStore(drafts.subscribe, () => drafts.status(key));
  const update = useCallback((value: string) => drafts.set(key, value), [drafts, key]);
  const flush = useCallback(() => drafts.flush(key), [drafts, key]);
  const clear = useCallback(() => drafts.clear(key), [drafts, key]);
  return { initial, status, update, flush, clear };
}

/**
 * Writes every changed draft when the window is hidden or closed, so closing it loses nothing typed, and when the
 * review is left (before it is closed: a layout effect's cleanup runs ahead of the session's, so the last draft
 * is queued before `reviews.close`).
 */
export function useFlushDraftsOnHide(drafts: DraftStore): void {
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') drafts.flushAll();
    };
    const onPageHide = () => drafts.flushAll();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
    };
  }, [drafts]);
  useLayoutEffect(() => () => drafts.flushAll(), [drafts]);
}
