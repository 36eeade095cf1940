import { v5 as uuidV5 } from 'uuid';

/**
 * A record id computed from what the record is about rather than drawn at random: a UUID version 5 (RFC 9562,
 * SHA-1 of a namespace and a name), so every laptop that makes "the same" record gives it the same id, and merging
 * two copies of a review finds one record where random ids would find two.
 */
export function nameBasedId(namespace: string, name: string): string {
  return uuidV5(name, namespace);
}
