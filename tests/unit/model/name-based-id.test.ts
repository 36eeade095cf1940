import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nameBasedId } from '../../../shared/model/name-based-id';
import { sha1 } from '../../../shared/model/sha1';
import { RecordId } from '../../../shared/model';

const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('name-based record ids', () => {
  it.each([
    ['nothing', ''],
    ['three letters', 'abc'],
    ['exactly one block less the padding', 'x'.repeat(55)],
    ['one byte over', 'x'.repeat(56)],
    ['several blocks of non-ASCII text', 'Ça coûte « cher » – 議事録 '.repeat(20)],
  ])('digests %s as SHA-1 does', (_, text) => {
    const bytes = new TextEncoder().encode(text);
    expect(Buffer.from(sha1(bytes)).toString('hex')).toBe(createHash('sha1').update(bytes).digest('hex'));
  });

  it('gives the UUID version 5 that RFC 9562 gives for a name in the DNS namespace', () => {
    expect(nameBasedId(DNS_NAMESPACE, 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('is a valid record id, the same for the same name and different for another', () => {
    const id = nameBasedId(DNS_NAMESPACE, 'a');
    expect(RecordId.safeParse(id).success).toBe(true);
    expect(nameBasedId(DNS_NAMESPACE, 'a')).toBe(id);
    expect(nameBasedId(DNS_NAMESPACE, 'b')).not.toBe(id);
  });
});
