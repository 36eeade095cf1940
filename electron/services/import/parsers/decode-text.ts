import { AppError } from '../../../../shared/errors';

/** Text from a file's bytes: UTF-8 (with or without a byte-order mark) or UTF-16 with one. */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
      return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
      return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError(
      'E_INVALID_INPUT',
      `“${fileName}” is not valid UTF-8 text. Save it as UTF-8 (in most editors: Save As, Encoding: UTF-8) and import it again.`,
    );
  }
}
