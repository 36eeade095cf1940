// What a few CSS values amount to, read from css-tree's parsed values: a keyword, a length in pixels, a number,
// a colour (parsed by culori). Anything these cannot tell (a percentage of an unknown box, a variable) is unknown.
import type * as csstree from 'css-tree';
import generate from 'css-tree/generator';
import parse from 'css-tree/parser';
import { parse as parseColor, type Color } from 'culori';

/** Pixels per unit for absolute lengths; font-relative units at the browsers' default 16 px. */
const PX_PER_UNIT: Record<string, number> = {
  px: 1,
  pt: 4 / 3,
  pc: 16,
  in: 96,
  cm: 96 / 2.54,
  mm: 96 / 25.4,
  q: 96 / 101.6,
  em: 16,
  rem: 16,
};

export type CssValue = csstree.Value | csstree.Raw;

/** The value's parts, read again by css-tree when it came as raw text (an old attribute). */
export function valueParts(value: CssValue): csstree.CssNode[] {
  if (value.type === 'Value') return value.children.toArray();
  const parsed = parse(value.value, { context: 'value', onParseError: () => undefined });
  return parsed.type === 'Value' ? parsed.children.toArray() : [];
}

export function cssText(value: CssValue): string {
  return generate(value).trim();
}

/** The single keyword a value is (`none`, `hidden`), lower case; undefined for anything else. */
export function keyword(value: CssValue | undefined): string | undefined {
  if (!value) return undefined;
  const parts = valueParts(value);
  const [first] = parts;
  return parts.length === 1 && first?.type === 'Identifier' ? first.name.toLowerCase() : undefined;
}

/** A length in pixels (`0` counts as one); undefined for percentages, viewport units and anything else. */
export function lengthPx(node: csstree.CssNode | undefined): number | undefined {
  if (node?.type === 'Number' && Number(node.value) === 0) return 0;
  if (node?.type !== 'Dimension') return undefined;
  const perUnit = PX_PER_UNIT[node.unit.toLowerCase()];
  return perUnit === undefined ? undefined : Number(node.value) * perUnit;
}

/** A plain number or percentage as a fraction (`0.5`, `50%`), as opacity takes it. */
export function fraction(value: CssValue): number | undefined {
  const parts = valueParts(value);
  const [first] = parts;
  if (parts.length !== 1 || !first) return undefined;
  if (first.type === 'Number') return Number(first.value);
  if (first.type === 'Percentage') return Number(first.value) / 100;
  return undefined;
}

/** A colour value (`white`, `#fff`, `rgb(0 0 0 / 0)`, `transparent`); undefined for `currentcolor`, variables and the like. */
export function colorOf(text: string): Color | undefined {
  return parseColor(text.trim());
}

/** The colour in a value with more in it (the `background` shorthand): its first part that is a colour. */
export function colorIn(value: CssValue): Color | undefined {
  for (const part of valueParts(value)) {
    if (part.type === 'Identifier' || part.type === 'Hash' || part.type === 'Function') {
      const color = colorOf(generate(part));
      if (color) return color;
    }
  }
  return undefined;
}

/** Whether a background value paints a picture (an image or gradient), behind which no text colour can be judged. */
export function hasImage(value: CssValue): boolean {
  return valueParts(value).some(
    (part) => part.type === 'Url' || (part.type === 'Function' && /gradient|image/i.test(part.name)),
  );
}
