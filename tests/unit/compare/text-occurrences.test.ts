import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { occurrences } from '../../../shared/anchoring';
import { TextOccurrences } from '../../../shared/anchoring/text-occurrences';
import { RIVERTON } from '../import/support-import';

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
});
