import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFObject,
} from '@cantoo/pdf-lib';

/**
 * Whether two PDF values mean the same: same type and value, dictionaries with the same keys and equal values
 * (in any order), arrays item by item, references to the same object number, strings by their bytes (literal or
 * hex), streams by their dictionary and their bytes as written. A stream whose /Length is not written in place is
 * never "the same": its end is then found by searching for `endstream`, and a reader that follows the /Length
 * may see other bytes than this comparison did.
 */
export function samePdfValue(a: PDFObject | undefined, b: PDFObject | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  if (a instanceof PDFRef)
    return b instanceof PDFRef && a.objectNumber === b.objectNumber && a.generationNumber === b.generationNumber;
  if (a instanceof PDFName || a instanceof PDFBool || a === PDFNull) return false; // interned: equal only if identical
  if (a instanceof PDFNumber) return b instanceof PDFNumber && a.asNumber() === b.asNumber();
  if (a instanceof PDFString || a instanceof PDFHexString)
    return (b instanceof PDFString || b instanceof PDFHexString) && Buffer.from(a.asBytes()).equals(b.asBytes());
  if (a instanceof PDFArray) {
    if (!(b instanceof PDFArray) || a.size() !== b.size()) return false;
    for (let i = 0; i < a.size(); i++) if (!samePdfValue(a.get(i), b.get(i))) return false;
    return true;
  }
  if (a instanceof PDFRawStream) {
    if (!(b instanceof PDFRawStream) || !lengthWrittenInPlace(a) || !lengthWrittenInPlace(b)) return false;
    return Buffer.from(a.contents).equals(b.contents) && samePdfValue(a.dict, b.dict);
  }
  if (a instanceof PDFDict) {
    if (!(b instanceof PDFDict)) return false;
    const keys = a.keys();
    if (keys.length !== b.keys().length) return false;
    return keys.every((key) => b.has(key) && samePdfValue(a.get(key), b.get(key)));
  }
  return false;
}

function lengthWrittenInPlace(stream: PDFRawStream): boolean {
  const length = stream.dict.get(PDFName.of('Length'));
  return length instanceof PDFNumber && length.asNumber() === stream.contents.length;
}
