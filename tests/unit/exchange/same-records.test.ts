import { describe, expect, it } from 'vitest';
import canonicalize from 'canonicalize';
import { sameAsJson, sameRecords } from '../../../electron/services/exchange/review-history';
import { Review, type Annotation } from '../../../shared/model';
import { laptopClock, startingReview } from '../domain/merge/support-laptops';

const START = '2026-03-02T09:00:00.000Z';

/** The review read back as its file holds it: every key in another order, as another writer may give them. */
function reordered<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reordered) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, v]) => [key, reordered(v)]),
  ) as T;
}

describe('whether two reviews hold the same records', () => {
  const review = Review.parse(startingReview(laptopClock(0, START)));

  it('are the same whatever the order of keys, when a key is undefined or absent, and whenever each was saved', () => {
    const copy = reordered(structuredClone(review));
    expect(Object.keys(copy)).not.toEqual(Object.keys(review));
    copy.updatedAt = '2030-01-01T00:00:00.000Z';
    copy.annotations[0] = { ...copy.annotations[0]!, deletedAt: undefined };
    expect(sameRecords(review, copy)).toBe(true);
    expect(sameRecords(copy, review)).toBe(true);
  });

  it('differ at one field of one record, deep in a comment or at the top, or in the order of the records', () => {
    const severity = structuredClone(review);
    severity.annotations[1]!.severity = severity.annotations[1]!.severity === 'major' ? 'minor' : 'major';
    const comment = structuredClone(review);
    const words = JSON.stringify(comment.annotations[0]!.body);
    comment.annotations[0]!.body = JSON.parse(words.replace(/"text":"/, '"text":"Not ')) as Annotation['body'];
    expect(JSON.stringify(comment.annotations[0]!.body)).not.toBe(words);
    const added = structuredClone(review);
    added.annotations[0] = { ...added.annotations[0]!, deletedAt: START };
    const order = structuredClone(review);
    order.annotations.reverse();
    const title = { ...structuredClone(review), title: 'Another title' };
    for (const changed of [severity, comment, added, order, title]) {
      expect(sameRecords(review, changed)).toBe(false);
      expect(sameRecords(changed, review)).toBe(false);
    }
  });

  it('compares values as their canonical JSON does', () => {
    const pairs: [unknown, unknown][] = [
      [
        { a: 1, b: [1, { c: 'x' }] },
        { b: [1, { c: 'x' }], a: 1 },
      ],
      [{ a: 1, b: undefined }, { a: 1 }],
      [{ a: 1 }, { a: 1, b: null }],
      [
        [1, 2],
        [2, 1],
      ],
      [{ a: [] }, { a: {} }],
      ['1', 1],
      [{ a: { b: { c: [true] } } }, { a: { b: { c: [false] } } }],
      [{}, []],
    ];
    for (const [a, b] of pairs) {
      const canonicalSame = canonicalize(a) === canonicalize(b);
      expect(sameAsJson(a, b), `${JSON.stringify(a)} against ${JSON.stringify(b)}`).toBe(canonicalSame);
      expect(sameAsJson(b, a)).toBe(canonicalSame);
    }
  });
});
