// The page's own styles, as far as they decide whether a reader sees text: the rules of its <style> sheets matched
// to elements by their selectors, its style attributes and the old colour attributes, put in cascade order. A
// page is never rendered, so this reads only the properties that hide text, and never fetches a linked sheet.
import Specificity from '@bramus/specificity';
import type * as csstree from 'css-tree';
import generate from 'css-tree/generator';
import parse from 'css-tree/parser';
import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { isElement, stringProperty, type HastParent } from './html-elements';

/** The properties that can make text invisible, hide it or move it out of view. */
const VISIBILITY_PROPERTIES = new Set([
  'display',
  'visibility',
  'content-visibility',
  'opacity',
  'font-size',
  'font',
  'color',
  'background-color',
  'background',
  'background-image',
  'position',
  'left',
  'top',
  'right',
  'bottom',
  'text-indent',
  'clip',
  'clip-path',
]);

/**
 * Selectors matched at most. Each is matched against the whole page: 1,000 of them added 3.5 s to a page of 5,000
 * paragraphs (2,000 added 7 s). Selectors naming a class, id or element the page does not have are not counted
 * (nor matched), so a page's own sheet is read whole; one made to slow the import down stops being read here,
 * and the import says so.
 */
export const MAX_SELECTORS = 1_000;
/** Media types that a reader on a screen never gets: their rules are not read. */
const NOT_ON_SCREEN = /^(?:only\s+)?(?:print|speech)$/i;
/** Media queries that hold on every screen: their rules apply as if they had no condition. */
const ON_EVERY_SCREEN = /^(?:only\s+)?(?:all|screen)$/i;

/** One declaration that applies to an element, with what decides the cascade between declarations. */
export interface AppliedDeclaration {
  property: string;
  value: csstree.Value | csstree.Raw;
  /** Highest first: `!important`, then origin (style attribute over sheet over old attributes), specificity, order. */
  rank: readonly number[];
  /** The condition (`@media (max-width: 600px)`) under which the rule applies; undefined when it always does. */
  condition?: string | undefined;
}

/** Every declaration that decides visibility, per element that has any, in no particular order. */
export interface DeclaredStyles {
  byElement: Map<Element, AppliedDeclaration[]>;
  /** Selectors left unread past MAX_SELECTORS. */
  unread: number;
}

const ORIGIN = { attribute: 0, sheet: 1, inline: 2 } as const;

export function declaredStyles(tree: Root): DeclaredStyles {
  const byElement = new Map<Element, AppliedDeclaration[]>();
  const add = (element: Element, declaration: AppliedDeclaration) => {
    const list = byElement.get(element);
    if (list) list.push(declaration);
    else byElement.set(element, [declaration]);
  };
  const sheets = styleSheets(tree);
  const present = sheets.length > 0 ? namesInPage(tree) : undefined;
  let order = 0;
  let matchedSelectors = 0;
  let unread = 0;
  for (const sheet of sheets) {
    for (const { rule, condition } of styleRules(sheet)) {
      const declarations = visibilityDeclarations(rule.block);
      if (declarations.length === 0 || rule.prelude.type !== 'SelectorList') continue;
      for (const selector of rule.prelude.children) {
        if (selector.type !== 'Selector' || hasPseudoElement(selector) || !couldMatch(selector, present!)) continue;
        if (++matchedSelectors > MAX_SELECTORS) {
          unread++;
          continue;
        }
        const matched = matchAll(selector, tree);
        if (matched.length === 0) continue;
        const { a, b, c } = Specificity.calculateForAST(selector).value;
        order++;
        for (const element of matched) {
          for (const { property, value, important } of declarations) {
            add(element, { property, value, rank: [important ? 1 : 0, ORIGIN.sheet, a, b, c, order], condition });
          }
        }
      }
    }
  }
  visitElements(tree, (element) => {
    for (const { property, value } of attributeDeclarations(element))
      add(element, { property, value, rank: [0, ORIGIN.attribute, 0, 0, 0, 0] });
    const style = stringProperty(element, 'style');
    if (style === undefined) return;
    for (const { property, value, important } of visibilityDeclarations(parseQuietly(style, 'declarationList'))) {
      add(element, { property, value, rank: [important ? 1 : 0, ORIGIN.inline, 0, 0, 0, 0] });
    }
  });
  return { byElement, unread };
}

/**
 * The declaration of `property` that wins the cascade among those given. With `withConditions` false, rules that
 * apply only under a condition (a screen size) are left out: what holds on every screen.
 */
export function cascaded(
  declarations: readonly AppliedDeclaration[] | undefined,
  property: string,
  withConditions: boolean,
): AppliedDeclaration | undefined {
  let best: AppliedDeclaration | undefined;
  for (const declaration of declarations ?? []) {
    if (declaration.property !== property || (!withConditions && declaration.condition !== undefined)) continue;
    if (!best || compareRanks(declaration.rank, best.rank) >= 0) best = declaration;
  }
  return best;
}

/** Above zero when rank `a` wins over `b` in the cascade, below when it loses, zero on a tie. */
export function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  }
  return 0;
}

/** The text of each <style> element that applies on a screen, in document order. */
function styleSheets(tree: Root): csstree.CssNode[] {
  const sheets: csstree.CssNode[] = [];
  visitElements(tree, (element) => {
    if (element.tagName !== 'style') return;
    const media = stringProperty(element, 'media')?.trim();
    if (media && NOT_ON_SCREEN.test(media)) return;
    const css = element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
    sheets.push(parseQuietly(css, 'stylesheet'));
  });
  return sheets;
}

/** Style rules in a sheet, with the condition of the @media (or @container) rule they sit in, if any. */
function* styleRules(
  node: csstree.CssNode,
  condition?: string,
): Generator<{ rule: csstree.Rule; condition: string | undefined }> {
  if (node.type === 'StyleSheet' || node.type === 'Block') {
    for (const child of node.children) yield* styleRules(child, condition);
  } else if (node.type === 'Rule') {
    yield { rule: node, condition };
  } else if (node.type === 'Atrule' && node.block) {
    const name = node.name.toLowerCase();
    if (name === 'supports' || name === 'layer') {
      yield* styleRules(node.block, condition);
    } else if (name === 'media' || name === 'container') {
      const query = node.prelude ? generate(node.prelude).trim() : '';
      if (name === 'media' && NOT_ON_SCREEN.test(query)) return;
      const always = name === 'media' && (query === '' || ON_EVERY_SCREEN.test(query));
      yield* styleRules(node.block, always ? condition : `@${name} ${query}`.slice(0, 80));
    }
  }
}

interface VisibilityDeclaration {
  property: string;
  value: csstree.Value | csstree.Raw;
  important: boolean;
}

function visibilityDeclarations(block: csstree.CssNode): VisibilityDeclaration[] {
  if (block.type !== 'Block' && block.type !== 'DeclarationList') return [];
  const found: VisibilityDeclaration[] = [];
  for (const node of block.children) {
    if (node.type !== 'Declaration') continue;
    const property = node.property.toLowerCase();
    if (VISIBILITY_PROPERTIES.has(property))
      found.push({ property, value: node.value, important: node.important !== false });
  }
  return found;
}

/** `<font color>`, `<body text>` and `bgcolor`, which browsers still honour below any style. */
function attributeDeclarations(element: Element): { property: string; value: csstree.Value | csstree.Raw }[] {
  const found: { property: string; value: csstree.Value | csstree.Raw }[] = [];
  const color =
    element.tagName === 'font'
      ? stringProperty(element, 'color')
      : element.tagName === 'body'
        ? stringProperty(element, 'text')
        : undefined;
  if (color) found.push({ property: 'color', value: { type: 'Raw', value: color } });
  const background = stringProperty(element, 'bgColor');
  if (background) found.push({ property: 'background-color', value: { type: 'Raw', value: background } });
  return found;
}

/** The element names, ids and classes the page has: a selector needing one it lacks matches nothing. */
interface PageNames {
  tags: Set<string>;
  ids: Set<string>;
  classes: Set<string>;
}

function namesInPage(tree: Root): PageNames {
  const names: PageNames = { tags: new Set(), ids: new Set(), classes: new Set() };
  visitElements(tree, (element) => {
    names.tags.add(element.tagName);
    const id = stringProperty(element, 'id');
    if (id) names.ids.add(id);
    const classes = element.properties.className;
    if (Array.isArray(classes)) for (const name of classes) names.classes.add(String(name));
  });
  return names;
}

/** False when the element a selector picks (its last compound) needs a name the page does not have. */
function couldMatch(selector: csstree.Selector, present: PageNames): boolean {
  const parts = selector.children.toArray();
  const last = parts.findLastIndex((part) => part.type === 'Combinator');
  return parts.slice(last + 1).every((part) => {
    if (part.type === 'TypeSelector') return part.name === '*' || present.tags.has(part.name.toLowerCase());
    if (part.type === 'IdSelector') return present.ids.has(part.name);
    if (part.type === 'ClassSelector') return present.classes.has(part.name);
    return true;
  });
}

/** Generated content (::before, ::after) is not the element's text: such rules say nothing about it. */
function hasPseudoElement(selector: csstree.Selector): boolean {
  return selector.children.some((part) => part.type === 'PseudoElementSelector');
}

/** The elements a selector matches; none when the matcher does not know it (a state such as :hover, never the page as first shown). */
function matchAll(selector: csstree.Selector, tree: Root): Element[] {
  try {
    return selectAll(generate(selector), tree);
  } catch {
    return [];
  }
}

/** CSS as the browser reads it: what it cannot parse, it skips. */
function parseQuietly(css: string, context: 'stylesheet' | 'declarationList'): csstree.CssNode {
  return parse(css, { context, parseValue: true, parseCustomProperty: false, onParseError: () => undefined });
}

function visitElements(parent: HastParent, visit: (element: Element) => void): void {
  for (const child of parent.children) {
    if (!isElement(child)) continue;
    visit(child);
    visitElements(child, visit);
  }
}
