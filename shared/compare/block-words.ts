/** Words as numbers, so comparing two blocks' words is a merge of two sorted arrays. */
export class WordNumbers {
  private readonly ids = new Map<string, number>();

  /** The block's words, lower-cased, as numbers in reading order. */
  of(text: string): Int32Array {
    const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const numbers = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      let id = this.ids.get(word);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(word, id);
      }
      numbers[i] = id;
    }
    return numbers;
  }
}

/**
 * How alike two blocks are by their words, ignoring order: 2·shared / (words in both), 0..1 (Dice). Takes the
 * words sorted (`Int32Array.prototype.sort`), so shared words are counted by one merge.
 */
export function wordSimilarity(a: Int32Array, b: Int32Array): number {
  if (a.length + b.length === 0) return 1;
  return (2 * sharedWords(a, b)) / (a.length + b.length);
}

/** How many words two sorted word lists share, repeats counted. */
export function sharedWords(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}

/** The best similarity two word lists of these lengths could have: a cheap test before the real one. */
export function similarityBound(lengthA: number, lengthB: number): number {
  return lengthA + lengthB === 0 ? 1 : (2 * Math.min(lengthA, lengthB)) / (lengthA + lengthB);
}
