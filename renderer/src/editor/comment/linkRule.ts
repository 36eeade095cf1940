import { linkUrlProblem } from '../../../../shared/rich-text';

/**
 * Links in comments may point only to web pages and email addresses (http, https, mailto): the one rule of
 * shared/rich-text, which the services apply again before a comment is saved.
 */
export function isAllowedLinkUrl(url: string): boolean {
  return linkUrlProblem(url) === undefined;
}

/**
 * What a person typed into the link field, as a full address: "example.org/page" becomes
 * "https://example.org/page", "name@example.org" becomes "mailto:name@example.org". Returns the address, or why
 * it cannot be a link.
 */
export function linkFromInput(input: string): { url: string } | { problem: string } {
  const text = input.trim();
  let candidate = text;
  if (/^[^\s@/:]+@[^\s@/]+\.[^\s@/]+$/.test(text)) candidate = `mailto:${text}`;
  else if (text && !/^[a-z][a-z0-9+.-]*:/i.test(text)) candidate = `https://${text}`;
  const problem = linkUrlProblem(candidate);
  return problem ? { problem } : { url: candidate };
}
