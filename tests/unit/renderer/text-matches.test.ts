import { describe, expect, it } from 'vitest';
import { MAX_MATCHES, textMatches } from '../../../renderer/src/features/document/textMatches';

const TEXT =
  'Purpose and scope\n\nThe City uses social media. Social media\naccounts are approved (in writing) by the City.';
const wordsAt = (text: string, query: string) => textMatches(text, query).map((m) => text.slice(m.start, m.end));

describe('finding words in a version’s text', () => {
  it('finds every place, in order, whatever the case', () => {
    expect(wordsAt(TEXT, 'social MEDIA')).toEqual(['social media', 'Social media']);
    expect(textMatches(TEXT, 'the city')).toEqual([
      { start: TEXT.indexOf('The City'), end: TEXT.indexOf('The City') + 8 },
      { start: TEXT.lastIndexOf('the City'), end: TEXT.lastIndexOf('the City') + 8 },
    ]);
  });

  it('matches a space in the words to a line break or the blank line between blocks', () => {
    expect(wordsAt(TEXT, 'media accounts')).toEqual(['media\naccounts']);
    expect(wordsAt(TEXT, 'scope  The')).toEqual(['scope\n\nThe']);
  });

  it('takes the words literally, punctuation included', () => {
    expect(wordsAt(TEXT, '(in writing)')).toEqual(['(in writing)']);
    expect(wordsAt(TEXT, 'media.')).toEqual(['media.']);
    expect(textMatches(TEXT, 'media.*City')).toEqual([]);
  });

  it('finds nothing for blank words or words not in the text', () => {
    expect(textMatches(TEXT, '   ')).toEqual([]);
    expect(textMatches(TEXT, 'privacy')).toEqual([]);
  });

  it('stops at a bound on a search too broad to step through', () => {
    expect(textMatches('a '.repeat(MAX_MATCHES + 50), 'a')).toHaveLength(MAX_MATCHES);
  });
});
