import { describe, expect, it } from 'vitest';
import { nameBasedId, reviewRecordId } from '../../../shared/model/name-based-id';
import { RecordId } from '../../../shared/model';

const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('name-based record ids', () => {
  it('gives the UUID version 5 that RFC 9562 gives for a name in the DNS namespace', () => {
    expect(nameBasedId(DNS_NAMESPACE, 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('keeps names apart that differ only past the first block, or in non-ASCII letters', () => {
    const long = 'x'.repeat(200);
    expect(nameBasedId(DNS_NAMESPACE, `${long}a`)).not.toBe(nameBasedId(DNS_NAMESPACE, `${long}b`));
    expect(nameBasedId(DNS_NAMESPACE, 'Ça coûte')).not.toBe(nameBasedId(DNS_NAMESPACE, 'Ca coute'));
  });

  it('is a valid record id, the same for the same name and different for another', () => {
    const id = nameBasedId(DNS_NAMESPACE, 'a');
    expect(RecordId.safeParse(id).success).toBe(true);
    expect(nameBasedId(DNS_NAMESPACE, 'a')).toBe(id);
    expect(nameBasedId(DNS_NAMESPACE, 'b')).not.toBe(id);
  });

  it("names a review's records the same whatever reviews were named in between, as they were always named", () => {
    // Fixed values: a record's id may never change, or two laptops' copies of a review would stop matching.
    const first = reviewRecordId('review-a', 'carried-annotation', 'x', 'y');
    expect(first).toBe('e84d577d-a83e-5d44-9a12-957488094e7a');
    const other = reviewRecordId('b7f2c7e2-2f3c-4a51-9f62-8d4a3c1e0b11', 'vote', 'v1', 'c1');
    expect(other).toBe('f6b212c9-6f62-57c2-ab7f-c1551caa883e');
    expect(reviewRecordId('review-a', 'carried-annotation', 'x', 'y')).toBe(first);
    expect(reviewRecordId('review-a', 'carried-annotation', 'x', 'z')).toBe('999eeeea-b21d-5170-85f8-7c3645f655da');
  });
});
