/** The one way documents are written to disk, so a checksum of the bytes means the same thing everywhere. */
export function serializeJson(data: unknown): string {
  return JSON.stringify(data, null, 2) + '\n';
}
