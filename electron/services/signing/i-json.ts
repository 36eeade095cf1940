import { visit, type JSONPath } from 'jsonc-parser';
import { AppError } from '../../../shared/errors';

/** In a `u` regular expression a surrogate pair is one code point, so only a lone surrogate matches. */
const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * Checks that a JSON text (already known to be JSON) is I-JSON (RFC 7493), which RFC 8785 asks of anything it
 * canonicalizes, so that the canonical form a signature covers means what the file shows: no object has two
 * members of one name (JSON.parse keeps the last, other readers the first, so a hidden member could hold the value
 * that is signed), no string or name holds a lone UTF-16 surrogate (not a character), and every number survives as
 * an IEEE 754 double (12345678901234567890 would be signed as 12345678901234567000). JSON.parse hides all three;
 * jsonc-parser, without comments or trailing commas, reports members, strings and numbers as the file spells them.
 * Throws E_INVALID_INPUT naming where the first problem is.
 */
export function checkIJson(text: string): void {
  let problem: string | undefined;
  const found = (message: string) => {
    problem ??= message;
  };
  const names: Set<string>[] = [];
  visit(
    text,
    {
      onObjectBegin: () => {
        names.push(new Set());
      },
      onObjectEnd: () => {
        names.pop();
      },
      onObjectProperty: (name, _offset, _length, _line, _column, pathOf) => {
        const seen = names.at(-1);
        const where = pointer([...pathOf(), name]);
        if (seen?.has(name))
          found(
            `the member ${quoted(name)} appears twice in one object (at ${where}); readers disagree about which of the two counts`,
          );
        seen?.add(name);
        if (LONE_SURROGATE.test(name))
          found(`the member name at ${where} holds a lone UTF-16 surrogate, which is not a character`);
      },
      onLiteralValue: (value: unknown, offset, length, _line, _column, pathOf) => {
        if (typeof value === 'string' && LONE_SURROGATE.test(value))
          found(`the text at ${pointer(pathOf())} holds a lone UTF-16 surrogate, which is not a character`);
        if (typeof value === 'number') {
          const spelled = text.slice(offset, offset + length);
          if (decimalValue(spelled) !== decimalValue(String(value))) {
            found(
              `the number ${spelled} at ${pointer(pathOf())} does not survive as a JSON number (an IEEE 754 double reads it as ${String(value)})`,
            );
          }
        }
      },
      onError: (_error, offset) => found(`it is not plain JSON (at character ${offset + 1})`),
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  if (problem)
    throw new AppError(
      'E_INVALID_INPUT',
      `This JSON cannot be signed or checked as a report: ${problem}. What a signature covers and what a reader sees could differ.`,
    );
}

/** A JSON number's exact value as significant digits and a power of ten, so two spellings of one number compare equal. */
function decimalValue(spelled: string): string | undefined {
  const parts = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(spelled);
  if (!parts) return undefined;
  const [, sign, whole = '', fraction = '', exponent = '0'] = parts;
  const digits = `${whole}${fraction}`.replace(/^0+/, '');
  if (digits === '') return '0';
  const significant = digits.replace(/0+$/, '');
  return `${sign}${significant}e${Number(exponent) - fraction.length + (digits.length - significant.length)}`;
}

/** Where a value is, as a JSON Pointer (RFC 6901), with unprintable characters escaped. */
function pointer(path: JSONPath): string {
  if (path.length === 0) return 'the top level';
  return path
    .map((segment) => `/${JSON.stringify(String(segment)).slice(1, -1).replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
}

function quoted(name: string): string {
  return `“${JSON.stringify(name).slice(1, -1)}”`;
}
