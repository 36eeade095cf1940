import { parse as uuidBytes, v5 as uuidV5 } from 'uuid';

/**
 * A record id computed from what the record is about rather than drawn at random: a UUID version 5 (RFC 9562,
 * SHA-1 of a namespace and a name), so every laptop that makes "the same" record gives it the same id, and merging
 * two copies of a review finds one record where random ids would find two.
 */
export function nameBasedId(namespace: string | Uint8Array, name: string): string {
  return uuidV5(name, namespace);
}

/** The namespace of the reviews' own namespaces: fixed for ever, since changing it would change every id below. */
const REVIEWS_NAMESPACE = '8c407060-87f2-43b3-b478-68f37ca1c6de';

/**
 * The name-based id of a record of one review: `kind:` and the ids it is about, named in that review's own
 * namespace, so two copies of the review (a package opened on another laptop) give the same record the same id.
 * The namespace is itself named from the review id, so any review id works, an older review's that is not a UUID
 * too. None of the ids named holds a line break (UUIDs, criterion ids, SHA-256 hex), so the name is unambiguous.
 */
export function reviewRecordId(reviewId: string, kind: string, ...about: string[]): string {
  return nameBasedId(namespaceOf(reviewId), `${kind}:${about.join('\n')}`);
}

/**
 * The last review's namespace, as bytes: ids are made many at a time for one review (a carry names one per
 * annotation), and naming the namespace again for each would double the hashing.
 */
let lastNamespace: { reviewId: string; bytes: Uint8Array } | undefined;

function namespaceOf(reviewId: string): Uint8Array {
  if (lastNamespace?.reviewId !== reviewId)
    lastNamespace = { reviewId, bytes: uuidBytes(nameBasedId(REVIEWS_NAMESPACE, reviewId)) };
  return lastNamespace.bytes;
}
