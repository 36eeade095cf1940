// What a page's own styles do to its text, for pages that have any (loaded only for them: css-tree, culori and
// the selector matcher take a while to load). See html-visibility.ts for how the tree is read with it.
import type { Element, Root } from 'hast';
import { formatHex, wcagContrast, type Color } from 'culori';
import {
  colorIn,
  colorOf,
  cssText,
  fraction,
  hasImage,
  keyword,
  lengthPx,
  valueParts,
  type CssValue,
} from './css-values';
import { cascaded, compareRanks, declaredStyles, MAX_SELECTORS, type AppliedDeclaration } from './html-styles';

/** Offsets at least this far out (left: -9999px is the usual trick) put text beyond any screen. */
const OFF_SCREEN_PX = 999;
/** At or below this opacity (or colour alpha) text cannot be read. */
const INVISIBLE_ALPHA = 0.05;
/** Text and background closer than this contrast ratio (1 is identical, black on white is 21) cannot be told apart. */
const SAME_COLOR_CONTRAST = 1.2;

const BLACK: Color = { mode: 'rgb', r: 0, g: 0, b: 0 };
const WHITE: Color = { mode: 'rgb', r: 1, g: 1, b: 1 };

/** What an element passes on to its content. */
interface Seen {
  visible: boolean;
  /** Undefined: the reader's default (black). */
  color: Color | undefined;
  /** What lies behind the text: a colour, or a picture against which no colour can be judged. */
  backdrop: Color | 'picture';
  opacity: number;
  zeroFont: boolean;
  /** Why the element's box is out of view (placed off-screen, clipped away), inherited by everything in it. */
  outOfView: string | undefined;
  /** text-indent pushing text off-screen (an inherited property). */
  indentedAway: string | undefined;
  /** The condition under which a style rule hides the content (`@media (max-width: 600px)`). */
  hiddenUnder: string | undefined;
}

const PAGE: Seen = {
  visible: true,
  color: undefined,
  backdrop: WHITE,
  opacity: 1,
  zeroFont: false,
  outOfView: undefined,
  indentedAway: undefined,
  hiddenUnder: undefined,
};

/**
 * What a page's style sheets and style attributes do to its elements. `S` is what
 * an element passes on to its content (colour, opacity, …), opaque here.
 */
export interface PageStyles<S> {
  initial: S;
  warnings: string[];
  /** Whether the styles hide the element and everything in it (display:none). */
  hides(element: Element): boolean;
  inside(element: Element, outer: S): S;
  /** Whether text is shown at all (visibility). */
  visible(state: S): boolean;
  /** How text is made invisible though shown, in words, or undefined when a reader sees it. */
  invisibility(state: S): string | undefined;
}

/** The page's styles as html-visibility.ts asks for them: what they hide, and what they make invisible. */
export function readPageStyles(tree: Root): PageStyles<Seen> {
  const { byElement, unread } = declaredStyles(tree);
  return {
    initial: PAGE,
    warnings: unread > 0 ? [unreadStylesWarning(unread)] : [],
    hides: (element: Element) => hides(byElement.get(element), false) !== undefined,
    inside: (element: Element, outer: Seen) => seenInside(byElement.get(element), outer),
    visible: (seen: Seen) => seen.visible,
    invisibility,
  };
}

/** The declaration that hides the element's content (display:none, content-visibility:hidden), if one wins. */
function hides(
  declarations: readonly AppliedDeclaration[] | undefined,
  withConditions: boolean,
): AppliedDeclaration | undefined {
  const display = cascaded(declarations, 'display', withConditions);
  if (display && keyword(display.value) === 'none') return display;
  const content = cascaded(declarations, 'content-visibility', withConditions);
  return content && keyword(content.value) === 'hidden' ? content : undefined;
}

function seenInside(declarations: readonly AppliedDeclaration[] | undefined, outer: Seen): Seen {
  if (!declarations) return outer;
  const value = (property: string) => cascaded(declarations, property, false)?.value;
  const seen: Seen = { ...outer };
  const visibility = keyword(value('visibility'));
  if (visibility === 'hidden' || visibility === 'collapse') seen.visible = false;
  else if (visibility === 'visible') seen.visible = true;
  if (seen.visible && !outer.hiddenUnder) seen.hiddenUnder = hiddenUnder(declarations);
  const color = value('color');
  if (color) seen.color = colorOf(cssText(color)) ?? outer.color;
  seen.backdrop = backdrop(declarations, outer.backdrop);
  const opacity = value('opacity');
  if (opacity) seen.opacity = outer.opacity * Math.max(0, Math.min(1, fraction(opacity) ?? 1));
  seen.zeroFont = zeroFont(declarations, outer.zeroFont);
  seen.outOfView = outer.outOfView ?? outOfView(declarations);
  const indent = value('text-indent');
  if (indent)
    seen.indentedAway = isFarOut(lengthPx(valueParts(indent)[0]))
      ? `indented off-screen, text-indent ${cssText(indent)}`
      : undefined;
  return seen;
}

function unreadStylesWarning(unread: number): string {
  return (
    `The page’s style sheets have more rules than are checked for hidden text (the ` +
    `first ${MAX_SELECTORS.toLocaleString('en')} were checked, ${unread.toLocaleString('en')} ` +
    `more were not), so text they hide may have been kept without a warning. Compare the ` +
    `import with the page as a browser shows it.`
  );
}

/** A style rule under a condition (a screen size) that hides what holds on every other screen. */
function hiddenUnder(declarations: readonly AppliedDeclaration[]): string | undefined {
  const hiding = hides(declarations, true);
  if (hiding?.condition) return `hidden by a style rule under ${hiding.condition}`;
  const visibility = cascaded(declarations, 'visibility', true);
  const word = visibility && keyword(visibility.value);
  return visibility?.condition && (word === 'hidden' || word === 'collapse')
    ? `hidden by a style rule under ${visibility.condition}`
    : undefined;
}

/** Background colour or picture: the later of `background` and `background-color` in the cascade says. */
function backdrop(declarations: readonly AppliedDeclaration[], outer: Color | 'picture'): Color | 'picture' {
  const shorthand = cascaded(declarations, 'background', false);
  const longhand = cascaded(declarations, 'background-color', false);
  const image = cascaded(declarations, 'background-image', false);
  if ((image && hasImage(image.value)) || (shorthand && hasImage(shorthand.value))) return 'picture';
  const winner = [shorthand, longhand].filter((d) => d !== undefined).sort((a, b) => compareRanks(b.rank, a.rank))[0];
  const color = winner && (winner.property === 'background' ? colorIn(winner.value) : colorOf(cssText(winner.value)));
  // A see-through background shows what is behind it; only a solid one decides.
  return color && (color.alpha ?? 1) >= 0.9 ? color : outer;
}

/** Font size zero is inherited through relative sizes (1em of nothing is nothing) and ended by any real size. */
function zeroFont(declarations: readonly AppliedDeclaration[], outer: boolean): boolean {
  const size = cascaded(declarations, 'font-size', false);
  const font = cascaded(declarations, 'font', false);
  const winner =
    font && (!size || compareRanks(font.rank, size.rank) > 0)
      ? fontShorthandSize(font.value)
      : size && valueParts(size.value)[0];
  if (!winner) return outer;
  if (winner.type === 'Number' || winner.type === 'Percentage' || winner.type === 'Dimension') {
    if (Number(winner.value) === 0) return true;
    return winner.type === 'Percentage' || (winner.type === 'Dimension' && /^(em|ex|ch|cap|ic|lh)$/i.test(winner.unit))
      ? outer
      : false;
  }
  return winner.type === 'Identifier' && /^(inherit|unset|smaller|larger)$/i.test(winner.name) ? outer : false;
}

/** The size in a `font` shorthand: the part before `/line-height`, else the last size given. */
function fontShorthandSize(value: CssValue): ReturnType<typeof valueParts>[number] | undefined {
  const parts = valueParts(value);
  const slash = parts.findIndex((part) => part.type === 'Operator' && part.value === '/');
  if (slash > 0) return parts[slash - 1];
  return parts
    .filter(
      (part) =>
        part.type === 'Dimension' || part.type === 'Percentage' || (part.type === 'Number' && Number(part.value) === 0),
    )
    .at(-1);
}

/** Positioned far outside the page, or clipped to nothing. */
function outOfView(declarations: readonly AppliedDeclaration[]): string | undefined {
  const value = (property: string) => cascaded(declarations, property, false)?.value;
  const position = keyword(value('position'));
  if (position !== 'absolute' && position !== 'fixed') return undefined;
  for (const side of ['left', 'top', 'right', 'bottom']) {
    const offset = value(side);
    if (offset && isFarOut(lengthPx(valueParts(offset)[0]))) return `placed off-screen, ${side} ${cssText(offset)}`;
  }
  const clip = value('clip');
  if (clip && clipsToNothing(clip)) return `clipped to nothing, clip ${cssText(clip)}`;
  const clipPath = value('clip-path');
  if (clipPath && clipPathToNothing(clipPath)) return `clipped to nothing, clip-path ${cssText(clipPath)}`;
  return undefined;
}

function isFarOut(px: number | undefined): boolean {
  return px !== undefined && px <= -OFF_SCREEN_PX;
}

/** `clip: rect(top right bottom left)` that leaves at most a pixel: the usual way to hide text from sight only. */
function clipsToNothing(value: CssValue): boolean {
  const rect = valueParts(value).find((part) => part.type === 'Function' && part.name.toLowerCase() === 'rect');
  if (rect?.type !== 'Function') return false;
  const sides = rect.children
    .toArray()
    .map(lengthPx)
    .filter((px) => px !== undefined);
  if (sides.length !== 4) return false;
  const [top, right, bottom, left] = sides as [number, number, number, number];
  return right - left <= 1 || bottom - top <= 1;
}

/** `clip-path: inset(50%)` or a circle of no size. */
function clipPathToNothing(value: CssValue): boolean {
  const shape = valueParts(value).find((part) => part.type === 'Function');
  if (shape?.type !== 'Function') return false;
  const [first] = shape.children.toArray();
  if (shape.name.toLowerCase() === 'inset') return first?.type === 'Percentage' && Number(first.value) >= 50;
  return shape.name.toLowerCase() === 'circle' && lengthPx(first) === 0;
}

/** How text with these styles is hidden from a reader, or undefined when a reader sees it. */
function invisibility(seen: Seen): string | undefined {
  if (seen.hiddenUnder) return seen.hiddenUnder;
  if (seen.opacity <= INVISIBLE_ALPHA) return seen.opacity === 0 ? 'opacity 0' : `opacity ${round(seen.opacity)}`;
  if ((seen.color?.alpha ?? 1) <= INVISIBLE_ALPHA) return 'transparent text';
  if (seen.zeroFont) return 'font size 0';
  if (seen.backdrop !== 'picture') {
    const color = seen.color ?? BLACK;
    if (wcagContrast(color, seen.backdrop) < SAME_COLOR_CONTRAST)
      return `${colorName(color)} on ${colorName(seen.backdrop)}`;
  }
  return seen.outOfView ?? seen.indentedAway;
}

function colorName(color: Color): string {
  const hex = formatHex(color);
  return hex === '#ffffff' ? 'white' : hex === '#000000' ? 'black' : hex;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
