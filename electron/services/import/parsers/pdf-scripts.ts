// Whether a PDF carries JavaScript (an /OpenAction that runs a script, a link or form field with a script action,
// document-level scripts). Nothing here or in pdf.js ever runs such a script: pdf.js only runs them through its
// scripting sandbox, which the import never creates. This only lets the import say that scripts were ignored.
//
// It looks for the PDF names /JS and /JavaScript in the file's bytes, which is cheap and needs no help from pdf.js
// (whose script accessors the import does not call). Names inside compressed object streams are not seen, so a
// script there goes without the warning; it is still never run.
import { bufferView } from '../../files/buffer-view';

const SCRIPT_NAMES = ['/JavaScript', '/JS'].map((name) => Buffer.from(name, 'latin1'));
/** PDF delimiters and white space: a name ends at one of them. */
const NAME_ENDS = new Set([
  0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25,
]);

export function mentionsJavaScript(bytes: Uint8Array): boolean {
  const buffer = bufferView(bytes);
  for (const name of SCRIPT_NAMES) {
    for (let at = buffer.indexOf(name); at >= 0; at = buffer.indexOf(name, at + 1)) {
      const next = buffer[at + name.length];
      if (next === undefined || NAME_ENDS.has(next)) return true;
    }
  }
  return false;
}
