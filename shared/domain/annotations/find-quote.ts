import { occurrences, type TextRange } from '../../anchoring';
import { AppError } from '../../errors';
import type { Version } from '../../model';
import { shortQuote } from './comment-body';

export interface QuoteInText {
  quote: string;
  /** Text that must come right before the quote, to tell its occurrences apart. */
  prefix?: string | undefined;
  /** Text that must come right after it. */
  suffix?: string | undefined;
}

/**
 * Where a quoted passage is in a version's text, for people who name a passage by its words (the command
 * line): the one occurrence of the quote that the prefix and suffix leave. An absent quote, or one that occurs
 * several times without a prefix or suffix that singles one out, is an error that says which and what to add.
 */
export function findQuote(version: Version, { quote, prefix = '', suffix = '' }: QuoteInText): TextRange {
  const text = version.text;
  const found = occurrences(text, quote);
  const named = shortQuote(quote, 80);
  if (found.length === 0)
    throw new AppError(
      'E_NOT_FOUND',
      `The quote ${named} is not found in version “${version.label}”. Copy the words exactly as the version has them.`,
    );
  const fitting = found.filter(
    (start) =>
      start >= prefix.length &&
      text.startsWith(prefix, start - prefix.length) &&
      text.startsWith(suffix, start + quote.length),
  );
  const [only] = fitting;
  if (fitting.length === 1 && only !== undefined) return { start: only, end: only + quote.length };
  const given = [prefix && `--prefix ${shortQuote(prefix)}`, suffix && `--suffix ${shortQuote(suffix)}`]
    .filter(Boolean)
    .join(' and ');
  const times = found.length === 1 ? 'once' : `${found.length} times`;
  if (fitting.length === 0) {
    throw new AppError(
      'E_NOT_FOUND',
      `In version “${version.label}”, the quote ${named} occurs ${times}, but never with ${given}. Check the words around it.`,
    );
  }
  throw new AppError(
    'E_INVALID_INPUT',
    `In version “${version.label}”, the quote ${named} occurs ${times}; add --prefix or ` +
      `--suffix with the words just before or after it to say ` +
      `which${given ? ` (${fitting.length} occurrences fit ${given})` : ''}.`,
  );
}
