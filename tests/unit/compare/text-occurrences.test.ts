import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { occurrences } from '../../../shared/anchoring';
import { TextOccurrences } from '../../../shared/anchoring/text-occurrences';
import { RIVERTON } from '../import/support-import';

/** A stretch longer than this is read through the index (text-occurrences.ts reads up to 4,096 characters as they are). */
const PLAIN_LIMIT = 5000;

/** Every quote of `lengths` characters starting at every `step`-th character of `text`. */
function quotesOf(text: string, lengths: number[], step: number): string[] {
  const quotes: string[] = [];
  for (let start = 0; start < text.length; start += step)
    for (const length of lengths) quotes.push(text.slice(start, start + length));
  return quotes;
}

describe('TextOccurrences (the indexed search carrying uses on long policies)', () => {
  it('finds exactly the places a plain search finds, for quotes of every length from anywhere in a real policy', async () => {
    const text = await readFile(`${RIVERTON}/v3.md`, 'utf8');
    const index = new TextOccurrences(text);
    const quotes = quotesOf(text, [1, 5, 12, 13, 20, 45, 90], 37);
    // Repeated phrases, and quotes found nowhere: a word changed, or cut across a word.
    quotes.push(
      'the',
      'Records Retention Schedule',
      'in accordance with the',
      'Records Retention Scheduled',
      'xyzzy plugh',
    );
    for (const quote of quotes) expect(index.of(quote), quote).toEqual(occurrences(text, quote));
  });

  it('finds quotes that start inside words, after punctuation, and around letters outside the basic plane', () => {
    const text =
      'Résumé: élève—naïve 𝐀𝐁𝐂 approval 𝐀approval, (approval) approvals; 123approval approval\napproval ' +
      'Approval – 𝐀𝐁𝐂 approval 𝐀𝐁𝐂 approval 😀approval approval';
    const index = new TextOccurrences(text);
    for (const quote of quotesOf(text, [1, 3, 12, 13, 14, 16, 24, 40], 1))
      expect(index.of(quote), quote).toEqual(occurrences(text, quote));
  });

  it('finds quotes that run across doubled spaces, tabs, line breaks and spaces at their ends', () => {
    const text =
      'approval  approval\tapproval approval \n approval approval  \n\n approval\u00a0approval approval approval ' +
      ' approval approval\n\napproval approval   approval';
    const index = new TextOccurrences(text);
    for (const quote of quotesOf(text, [1, 12, 13, 14, 20, 27, 40], 1))
      expect(index.of(quote), JSON.stringify(quote)).toEqual(occurrences(text, quote));
  });

  it('finds quotes in a text of one-letter words, a space every other character (more places than it first makes room for)', () => {
    const letters = 'a b c d e f g h i j k l m n o p q r s t u v w x y z ';
    const text = Array.from({ length: 40 }, (_, n) => letters.slice(n % 26) + letters.slice(0, n % 26)).join('x ');
    const index = new TextOccurrences(text);
    for (const quote of quotesOf(text, [1, 13, 14, 25, 60], 7))
      expect(index.of(quote), JSON.stringify(quote)).toEqual(occurrences(text, quote));
    expect(text.split(' ').length).toBeGreaterThan(text.length / 3);
  });

  it('finds quotes of a word or two, however many come (past the first ten, through an index of short probes), exactly as a plain search does', async () => {
    const text = await readFile(`${RIVERTON}/v3.md`, 'utf8');
    const index = new TextOccurrences(text);
    // Two words whose second is shorter than a long probe, from every 53rd word of the policy, and a few found nowhere
    // or in one place only.
    const words = text.split(' ');
    const quotes = words.flatMap((word, n) =>
      n % 53 === 0 && words[n + 1] !== undefined ? [`${word} ${words[n + 1]!.slice(0, 8)}`] : [],
    );
    quotes.push('the Records', 'of the', 'xyzzy plugh', 'Retention Sched');
    expect(quotes.filter((quote) => /^[^ ]* .{4,11}$/s.test(quote)).length).toBeGreaterThan(20);
    for (const quote of quotes) expect(index.of(quote), JSON.stringify(quote)).toEqual(occurrences(text, quote));
    for (const quote of quotes)
      expect(index.within(quote, 100, text.length - 100), JSON.stringify(quote)).toEqual(
        occurrences(text, quote).filter((at) => at >= 100 && at + quote.length <= text.length - 100),
      );
  });

  it('finds within a stretch exactly the places a plain search of that stretch finds, short stretches and long', async () => {
    const text = await readFile(`${RIVERTON}/v3.md`, 'utf8');
    const index = new TextOccurrences(text);
    const quotes = [...quotesOf(text, [5, 13, 20, 45], 211), 'the', 'in accordance with the', 'xyzzy plugh'];
    // Stretches of a paragraph or two (read as they are) and of most of the policy (read through the index).
    const stretches = [
      [0, 300],
      [1200, 1900],
      [500, 4500],
      [0, 9000],
      [3000, text.length],
      [0, text.length],
    ] as const;
    for (const quote of quotes) {
      // Long stretches that cut through an occurrence at either end: it is not wholly inside.
      const cutting = occurrences(text, quote)
        .filter((at) => at > PLAIN_LIMIT && text.length - at > PLAIN_LIMIT)
        .flatMap((at) => [
          [0, at + quote.length - 1],
          [at + 1, text.length],
        ]);
      for (const [start, end] of [...stretches, ...cutting]) {
        const plain = occurrences(text, quote).filter((at) => at >= start && at + quote.length <= end);
        expect(index.within(quote, start!, end!), `${quote} in [${start}, ${end})`).toEqual(plain);
      }
    }
    expect(text.length).toBeGreaterThan(9000);
  });
});
