import type { Element, Root } from 'hast';
import {
  fragmentTarget,
  hasClass,
  isElement,
  isLeftOut,
  LIST_TAGS,
  stringProperty,
  type HastParent,
} from './html-elements';

export interface Footnote {
  item: Element;
  label: string;
}

/** Where a page keeps its footnotes and how their markers and back-links are recognized. */
export interface FootnoteIndex {
  /** The notes each footnote section holds, in order. */
  notesIn: Map<Element, Footnote[]>;
  /** A note's label by its id, so a marker linking to it can show `[label]`. */
  labelById: Map<string, string>;
  /** Ids of the markers in the text, so a note's link back to its marker is recognized and left out. */
  markerIds: Set<string>;
}

const FOOTNOTE_ROLES = new Set(['doc-endnotes', 'doc-footnotes']);
const BACK_LINK_CLASSES = ['footnote-back', 'footnote-backref', 'reversefootnote'];
/** Mammoth (DOCX) writes its notes as a bare `<ol>` whose items are `footnote-1`, `endnote-2`, ... */
const MAMMOTH_NOTE_ID = /^(?:foot|end)note-\d+$/;

/**
 * Finds footnote sections as remark-gfm, pandoc, markdown-it, kramdown and mammoth write them, numbers their
 * notes, and notes which links in the text are markers pointing at them.
 */
export function indexFootnotes(tree: Root): FootnoteIndex {
  const index: FootnoteIndex = { notesIn: new Map(), labelById: new Map(), markerIds: new Set() };
  const inPageLinks: Element[] = [];
  collect(tree, index, inPageLinks);
  for (const link of inPageLinks) {
    const target = fragmentTarget(link);
    const id = stringProperty(link, 'id');
    if (target !== undefined && id !== undefined && index.labelById.has(target)) index.markerIds.add(id);
  }
  return index;
}

function collect(parent: HastParent, index: FootnoteIndex, inPageLinks: Element[]): void {
  for (const child of parent.children) {
    if (!isElement(child) || isLeftOut(child)) continue;
    if (isFootnoteSection(child)) {
      addNotes(child, index);
      continue;
    }
    if (child.tagName === 'a' && fragmentTarget(child) !== undefined) inPageLinks.push(child);
    collect(child, index, inPageLinks);
  }
}

function isFootnoteSection(element: Element): boolean {
  const role = stringProperty(element, 'role')?.toLowerCase();
  if (hasClass(element, 'footnotes') || element.properties.dataFootnotes !== undefined) return true;
  if (role !== undefined && FOOTNOTE_ROLES.has(role)) return true;
  return element.tagName === 'ol' && isMammothNoteList(element);
}

function isMammothNoteList(list: Element): boolean {
  const items = list.children.filter((child) => isElement(child));
  return (
    items.length > 0 &&
    items.every((item) => item.tagName === 'li' && MAMMOTH_NOTE_ID.test(stringProperty(item, 'id') ?? ''))
  );
}

function addNotes(section: Element, index: FootnoteIndex): void {
  const list = LIST_TAGS.has(section.tagName) ? section : firstList(section);
  if (!list) return;
  const start = list.tagName === 'ol' ? Number(list.properties.start ?? 1) : 1;
  const notes = list.children
    .filter((child) => isElement(child, 'li') && !isLeftOut(child))
    .map((item, position): Footnote => ({
      item: item as Element,
      label: String((Number.isInteger(start) ? start : 1) + position),
    }));
  index.notesIn.set(section, notes);
  for (const note of notes) {
    const id = stringProperty(note.item, 'id');
    if (id !== undefined) index.labelById.set(id, note.label);
  }
}

function firstList(parent: HastParent): Element | undefined {
  for (const child of parent.children) {
    if (!isElement(child) || isLeftOut(child)) continue;
    if (LIST_TAGS.has(child.tagName)) return child;
    const nested = firstList(child);
    if (nested) return nested;
  }
  return undefined;
}

/** The label a link shows as a footnote marker, when it points at a known note. */
export function markerLabel(link: Element, index: FootnoteIndex): string | undefined {
  const target = fragmentTarget(link);
  return target === undefined ? undefined : index.labelById.get(target);
}

/** A note's link back to its marker (`↩`, `↑`): navigation, not part of the note's text. */
export function isBackLink(link: Element, index: FootnoteIndex): boolean {
  const target = fragmentTarget(link);
  if (target !== undefined && index.markerIds.has(target)) return true;
  if (
    stringProperty(link, 'role')?.toLowerCase() === 'doc-backlink' ||
    link.properties.dataFootnoteBackref !== undefined
  )
    return true;
  return BACK_LINK_CLASSES.some((name) => hasClass(link, name));
}
