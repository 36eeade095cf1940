/**
 * The same bytes as a Buffer, without copying them: `Buffer.from(bytes)` copies, which costs about 50 ms for a
 * review package's 14 MB review (memory first written is dear), where a Node API only needs to read them.
 */
export function bufferView(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
