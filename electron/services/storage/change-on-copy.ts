import { current, isDraft, produce, setAutoFreeze } from 'immer';

// The app's own code changes reviews only through the store, and freezing every review it reads would cost as much as
// copying it: the copies immer makes stay ordinary objects.
setAutoFreeze(false);

/**
 * Runs `change` on a copy of `state` that shares every part the change does not touch (immer), and gives the new
 * state with the change's result. The state itself is never altered: a change that throws, or whose save fails,
 * leaves nothing to undo, and the records it did not touch stay the same objects, which is how the journal finds
 * what to save. The result is taken out of the copy before it is closed (a part of a draft is unreadable after).
 */
export function changeOnCopy<S extends object, T>(
  state: S,
  change: (draft: S) => T,
  finish?: (draft: S) => void,
): { next: S; result: T } {
  let result: T | undefined;
  const next = produce(state, (draft) => {
    result = detached(change(draft as S));
    finish?.(draft as S);
  }) as S;
  return { next, result: result as T };
}

/**
 * A change's result with every part of the draft in it replaced by its current value. Parts of the state it did
 * not change are the state's own objects: callers that hand results on copy them (as the contract's door does).
 */
function detached<T>(value: T): T {
  if (isDraft(value)) return current(value as object) as T;
  if (Array.isArray(value)) return (value.some(holdsDraft) ? value.map(detached) : value) as T;
  if (isPlainObject(value) && Object.values(value).some(holdsDraft)) {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, detached(field)])) as T;
  }
  return value;
}

function holdsDraft(value: unknown): boolean {
  if (isDraft(value)) return true;
  if (Array.isArray(value)) return value.some(holdsDraft);
  return isPlainObject(value) && Object.values(value).some(holdsDraft);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
