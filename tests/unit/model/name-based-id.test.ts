import { describe, expect, it } from 'vitest';
import { nameBasedId } from '../../../shared/model/name-based-id';
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
});
