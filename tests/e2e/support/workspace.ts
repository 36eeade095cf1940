import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { MethodArgs, MethodName, MethodResult } from '../../../shared/api';
import { documentArea, policyText, RIVERTON } from './documents';
import { openReviewFromLibrary } from './screens';
import { importText } from './versions';

type Invoke = <M extends MethodName>(method: M, args: MethodArgs<M>) => Promise<MethodResult<M>>;

export interface Workshop {
  reviewId: string;
  title: string;
  v1: MethodResult<'versions.import'>['version'];
  v2: MethodResult<'versions.import'>['version'];
  members: MethodResult<'committee.set'>;
}

/**
 * A review as a workshop starts it: the chair's name set, a committee of three, and versions 1 and 2 of the
 * Riverton policy imported through the contract; then the review is opened from the library on its Document area.
 */
export async function startWorkshop(
  app: Page,
  invoke: Invoke,
  title = 'Riverton social media policy',
): Promise<Workshop> {
  await invoke('settings.set', { user: { name: 'Amira Haddad', role: 'chair', email: 'amira.haddad@example.org' } });
  const created = await invoke('reviews.create', { title });
  const v1 = await importText(invoke, created.id, 'v1.md', await readFile(join(RIVERTON, 'v1.md'), 'utf8'));
  const v2 = await importText(invoke, created.id, 'v2.md', await readFile(join(RIVERTON, 'v2.md'), 'utf8'));
  const current = await invoke('reviews.open', { reviewId: created.id });
  const members = await invoke('committee.set', {
    reviewId: created.id,
    members: [
      ...current.review.committee
        .filter((m) => !m.deletedAt)
        .map((m) => ({ id: m.id, name: m.name, role: m.role, email: m.email ?? '' })),
      { name: 'Jonas Berg', role: 'legal' as const, email: 'jonas.berg@example.org' },
      { name: 'Lea Novak', role: 'privacy' as const },
    ],
  });
  await invoke('reviews.close', { reviewId: created.id });
  await app.reload();
  await openReviewFromLibrary(app, title);
  await expect(documentArea(app)).toBeVisible();
  await expect(policyText(app)).toBeVisible();
  return { reviewId: created.id, title, v1, v2, members };
}

/**
 * The two members' votes on version 2 that the checklist and the presenter view show: they split on the forum
 * criterion (Jonas: not met, with his reasons; Lea: partly met) and agree that consent is met. Each votes under
 * their own name in the settings, which are the chair's again afterwards.
 */
export async function recordSplitVotes(invoke: Invoke, workshop: Workshop): Promise<void> {
  const target = { reviewId: workshop.reviewId, versionId: workshop.v2.id };
  const FORUM = 'legal.public-forum-limits';
  const CONSENT = 'privacy.consent';
  await invoke('settings.set', { user: { name: 'Jonas Berg', role: 'legal', email: 'jonas.berg@example.org' } });
  await invoke('votes.record', { ...target, criterionId: FORUM, verdict: 'not-met', rationale: 'No appeal route.' });
  await invoke('votes.record', { ...target, criterionId: CONSENT, verdict: 'met' });
  await invoke('settings.set', { user: { name: 'Lea Novak', role: 'privacy', email: '' } });
  await invoke('votes.record', { ...target, criterionId: FORUM, verdict: 'partial' });
  await invoke('votes.record', { ...target, criterionId: CONSENT, verdict: 'met' });
  await invoke('settings.set', { user: { name: 'Amira Haddad', role: 'chair', email: 'amira.haddad@example.org' } });
}

/** Reloads the window and opens the review again, as a person would after closing and reopening it. */
export async function reloadAndReopen(app: Page, title: string): Promise<void> {
  await app.reload();
  await openReviewFromLibrary(app, title);
  await expect(policyText(app)).toBeVisible();
}

interface CharBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Where the first and last characters of `phrase` are on screen, after scrolling it into the middle of the view. */
export async function phraseEnds(text: Locator, phrase: string): Promise<{ first: CharBox; last: CharBox }> {
  return text.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: { node: Text; start: number }[] = [];
    let all = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node: node as Text, start: all.length });
      all += (node as Text).data;
    }
    const at = all.indexOf(wanted);
    if (at < 0) throw new Error(`“${wanted}” is not in the policy text`);
    const pointAt = (offset: number) => {
      const found = nodes.findLast((n) => n.start <= offset)!;
      return { node: found.node, offset: offset - found.start };
    };
    const charBox = (offset: number) => {
      const { node, offset: inNode } = pointAt(offset);
      const range = document.createRange();
      range.setStart(node, inNode);
      range.setEnd(node, inNode + 1);
      const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
      return { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom };
    };
    pointAt(at).node.parentElement?.scrollIntoView({ block: 'center' });
    return { first: charBox(at), last: charBox(at + wanted.length - 1) };
  }, phrase);
}

/** Selects `phrase` in the policy text by dragging the mouse over it, as a person does. */
export async function selectWithMouse(app: Page, phrase: string): Promise<void> {
  const { first, last } = await phraseEnds(policyText(app), phrase);
  const y1 = (first.top + first.bottom) / 2;
  const y2 = (last.top + last.bottom) / 2;
  await app.mouse.move(first.left + 1, y1);
  await app.mouse.down();
  await app.mouse.move((first.left + last.right) / 2, (y1 + y2) / 2, { steps: 4 });
  await app.mouse.move(last.right - 1, y2, { steps: 4 });
  await app.mouse.up();
}

/** Puts the caret before `phrase` with a click, then selects it with Shift+Right Arrow, one character at a time. */
export async function selectWithKeyboard(app: Page, phrase: string): Promise<void> {
  const { first } = await phraseEnds(policyText(app), phrase);
  await app.mouse.click(first.left + 1, (first.top + first.bottom) / 2);
  for (let i = 0; i < phrase.length; i++) await app.keyboard.press('Shift+ArrowRight');
}

/** The side panel beside the policy text. */
export function annotationsPanel(app: Page): Locator {
  return app.getByRole('complementary', { name: 'Annotations' });
}

/** Chooses criteria in the new-annotation form's picker by typing a search and pressing Enter on the first match. */
export async function pickCriteria(app: Page, searches: string[]): Promise<void> {
  const picker = annotationsPanel(app).getByRole('combobox', { name: 'Criteria' });
  for (const search of searches) {
    await picker.fill(search);
    await expect(
      annotationsPanel(app).getByRole('listbox', { name: 'Criteria' }).getByRole('option').first(),
    ).toBeVisible();
    await picker.press('Enter');
    await expect(picker).toHaveValue('');
  }
  await picker.press('Escape');
  await expect(annotationsPanel(app).getByRole('listbox', { name: 'Criteria' })).toBeHidden();
}

/** The highlight of one annotation in the text (the first, when its words span several runs). */
export function markOf(app: Page, annotationId: string): Locator {
  return policyText(app).locator(`mark[data-annotation-ids~="${annotationId}"]`);
}

/** The text an annotation's highlights cover, joined. */
export async function markedText(app: Page, annotationId: string): Promise<string> {
  return (await markOf(app, annotationId).allTextContents()).join('');
}

/** The annotations of a version, as the services have them. */
export async function annotationsOn(invoke: Invoke, reviewId: string, versionId: string) {
  return invoke('annotations.list', { reviewId, versionId });
}

/** Today plus `days`, as YYYY-MM-DD. */
export function dateFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
