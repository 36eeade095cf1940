import type { Clock } from '../../../shared/domain/clock';

/** A clock a test sets by hand, and ids counted from 1 (in the shape of a UUID, which the review's schema wants). */
export interface FixedClock extends Clock {
  /** From now on, `now()` says `iso`. */
  setTo(iso: string): void;
}

export function fixedClock(startIso: string): FixedClock {
  let now = startIso;
  let issued = 0;
  return {
    now: () => now,
    newId: () => counterId(++issued),
    setTo(iso) {
      now = iso;
    },
  };
}

/** The n-th id a fixed clock gives: 00000000-0000-4000-8000-00000000000n. */
export function counterId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}
