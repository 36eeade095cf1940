import { AppError } from '../../errors';
import type { RichText } from '../../model';
import { findRichTextProblem, richTextToPlainText } from '../../rich-text';

/** A comment as typed, refused with the first thing wrong in it (an unknown element, a `javascript:` link, ...). */
export function checkedCommentBody(body: RichText, what: 'comment' | 'reply'): RichText {
  const problem = findRichTextProblem(body);
  if (problem) throw new AppError('E_INVALID_INPUT', `The ${what} was not saved: ${lowerFirst(problem.message)}`);
  if (what === 'reply' && richTextToPlainText(body).trim() === '')
    throw new AppError('E_INVALID_INPUT', 'A reply needs some text.');
  return body;
}

/** A short quotation for a sentence in the audit log: “the first words…”. */
export function shortQuote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat}”`;
}

function lowerFirst(sentence: string): string {
  return /^[A-Z][a-z]/.test(sentence) ? sentence.charAt(0).toLowerCase() + sentence.slice(1) : sentence;
}
