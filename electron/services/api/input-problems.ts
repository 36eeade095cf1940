import type { z } from 'zod';

/**
 * Argument problems in words a person can act on. Messages the contract wrote for people (“A title is
 * required.”) pass through; zod's generic ones (“Too big: expected string to have <=500 characters”) are
 * rephrased with the field's name.
 */
export function describeInputProblems(error: z.ZodError, limit = 3): string {
  const sentences = error.issues.slice(0, limit).map(describeIssue);
  return [...new Set(sentences)].join(' ');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = fieldName(issue.path);
  if (!isGenericMessage(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string'
        ? `${field} is too long: at most ${String(issue.maximum)} characters.`
        : `${field} has too many entries: at most ${String(issue.maximum)}.`;
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) <= 1
        ? `${field} is required.`
        : `${field} is too short.`;
    case 'invalid_format':
      return issue.format === 'email'
        ? `${field} must be an email address, like name@example.org.`
        : `${field} is not in the expected format (${issue.format}).`;
    case 'invalid_type':
      return issue.input === undefined ? `${field} is missing.` : `${field} has the wrong kind of value.`;
    case 'invalid_value':
      return `${field} must be one of: ${issue.values.map(String).join(', ')}.`;
    case 'unrecognized_keys':
      return `Unexpected field${issue.keys.length === 1 ? '' : 's'}: ${issue.keys.join(', ')}.`;
    default:
      return `${field}: ${issue.message}.`;
  }
}

/** zod's own English messages start like these; the contract's own messages are full sentences. */
function isGenericMessage(message: string): boolean {
  return /^(Too (big|small)|Invalid|Expected|Unrecognized key)/.test(message);
}

function fieldName(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((segment) => typeof segment === 'string');
  if (typeof last !== 'string') return 'The value';
  const words = last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `The ${words}`;
}
