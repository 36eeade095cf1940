/**
 * The hashes and random names the storage makes. Node's crypto module loads with the first of them, not with the
 * storage: reading a review makes none, and loading it (about 4 ms) was the largest part of what the command
 * line's reading commands (`list`, `show`) loaded from Node at every start.
 */

/**
 * The SHA-256 of `bytes`, in lower-case hex: what the app checks and names bytes by (backups, journals, locks,
 * packages, reports, certificates).
 */
export function sha256Hex(bytes: string | Uint8Array): string {
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(bytes).digest('hex');
}

/** `byteCount` random bytes as hex digits, to make a file name no other writer makes. */
export function randomHex(byteCount: number): string {
  return process.getBuiltinModule('node:crypto').randomBytes(byteCount).toString('hex');
}
