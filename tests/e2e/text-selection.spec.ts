import type { Locator, Page } from '@playwright/test';
import { policyText } from './support/documents';
import { expect, test } from './support/fixtures';
import {
  annotationsOn,
  annotationsPanel,
  markOf,
  pickCriteria,
  reloadAndReopen,
  startWorkshop,
} from './support/workspace';

/**
 * One end of a selection: `offset` characters into the first place `phrase` is in the policy text as shown (a
 * phrase within one block, which highlights may split into several text nodes), or a text node outside the policy
 * text, before or after it on the page.
 */
type End = { phrase: string; offset: number } | { outside: 'before' | 'after' };

/** Sets the browser's selection from `anchor` to `focus`, as a drag in either direction leaves it, and annotates it. */
async function annotateBetween(app: Page, anchor: End, focus: End): Promise<Locator> {
  await policyText(app).evaluate(
    (root, ends) => {
      const inside = (end: { phrase: string; offset: number }) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const nodes: { node: Text; start: number }[] = [];
        let all = '';
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          nodes.push({ node: node as Text, start: all.length });
          all += (node as Text).data;
        }
        const at = all.indexOf(end.phrase);
        if (at < 0) throw new Error(`“${end.phrase}” is not in the policy text`);
        // At a boundary between two text nodes, the point is put at the end of the earlier one.
        const found = nodes.find((n) => n.start + n.node.length >= at + end.offset)!;
        return { node: found.node as Node, offset: at + end.offset - found.start };
      };
      const outside = (where: 'before' | 'after') => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const candidates: Text[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const relation = root.compareDocumentPosition(node);
          const wanted = where === 'before' ? Node.DOCUMENT_POSITION_PRECEDING : Node.DOCUMENT_POSITION_FOLLOWING;
          if (relation & wanted && !root.contains(node) && (node as Text).data.trim()) candidates.push(node as Text);
        }
        const node = where === 'before' ? candidates.at(-1) : candidates[0];
        if (!node) throw new Error(`No text on the page ${where} the policy text`);
        return { node: node as Node, offset: where === 'before' ? 0 : node.length };
      };
      const point = (end: (typeof ends)[number]) => ('outside' in end ? outside(end.outside) : inside(end));
      const [a, f] = [point(ends[0]), point(ends[1])];
      document.getSelection()!.setBaseAndExtent(a.node, a.offset, f.node, f.offset);
    },
    [anchor, focus] as const,
  );
  await app.getByRole('button', { name: /^Annotate/ }).click();
  const quote = annotationsPanel(app).locator('blockquote[aria-label="Selected text"]');
  await expect(quote).toBeVisible();
  return quote;
}

/**
 * The words the new-annotation form quotes for a selection from `anchor` to `focus` (what `selectedTextRange` made
 * of it: the version's text between the offsets it found, without white space at the ends; the form shows it on
 * one line), then the form is cancelled and the selection cleared.
 */
async function quoteFor(app: Page, anchor: End, focus: End): Promise<string> {
  const quote = await annotateBetween(app, anchor, focus);
  const text = (await quote.textContent()) ?? '';
  await annotationsPanel(app).getByRole('button', { name: 'Cancel' }).click();
  await expect(quote).toBeHidden();
  await app.evaluate(() => document.getSelection()?.removeAllRanges());
  return text;
}

/** A passage of the version's text as the form quotes it: on one line. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

test.describe('a selection in the policy text', () => {
  test('is read as the version’s words: in one block, across blocks and highlights, backwards, and partly outside the text', async ({
    app,
    invoke,
  }) => {
    test.setTimeout(120_000);
    const workshop = await startWorkshop(app, invoke, 'Selections');
    const { text } = await invoke('versions.get', { reviewId: workshop.reviewId, versionId: workshop.v2.id });
    const between = (from: string, to: string) =>
      text.slice(text.indexOf(from), text.indexOf(to, text.indexOf(from)) + to.length);
    // A highlight on “Communications Office” splits its sentence into three text nodes.
    const marked = 'Communications Office';
    const markedAt = text.indexOf(`The ${marked} administers`) + 4;
    const existing = await invoke('annotations.add', {
      reviewId: workshop.reviewId,
      versionId: workshop.v2.id,
      range: { start: markedAt, end: markedAt + marked.length, exact: marked },
      criterionIds: ['governance.roles-approval'],
      severity: 'info',
      body: { root: { type: 'root', children: [] } },
    });
    await reloadAndReopen(app, workshop.title);
    await expect(markOf(app, existing.id)).toHaveText(marked);

    const WITHIN = 'share timely and accurate information';
    expect(await quoteFor(app, { phrase: WITHIN, offset: 0 }, { phrase: WITHIN, offset: WITHIN.length })).toBe(WITHIN);

    // Across blocks: the blank line between them, and the heading in between, as the version's text has them.
    const FIRST = 'in connection with their work';
    const NEXT = 'This policy applies';
    expect(await quoteFor(app, { phrase: FIRST, offset: 0 }, { phrase: NEXT, offset: NEXT.length })).toBe(
      oneLine(between(FIRST, NEXT)),
    );

    // Into, out of and over the highlight, whose mark ends the text node before it and starts the one after.
    const SENTENCE = 'The Communications Office administers this policy.';
    const into = { phrase: SENTENCE, offset: 0 };
    expect(await quoteFor(app, into, { phrase: SENTENCE, offset: 'The Communications'.length })).toBe(
      'The Communications',
    );
    const fromMark = { phrase: SENTENCE, offset: 'The Communications '.length };
    expect(await quoteFor(app, fromMark, { phrase: SENTENCE, offset: SENTENCE.length })).toBe(
      'Office administers this policy.',
    );
    expect(await quoteFor(app, into, { phrase: SENTENCE, offset: SENTENCE.length })).toBe(SENTENCE);

    // Backwards (the focus before the anchor), in one block and across blocks: the same words.
    expect(await quoteFor(app, { phrase: WITHIN, offset: WITHIN.length }, { phrase: WITHIN, offset: 0 })).toBe(WITHIN);
    expect(await quoteFor(app, { phrase: NEXT, offset: NEXT.length }, { phrase: FIRST, offset: 0 })).toBe(
      oneLine(between(FIRST, NEXT)),
    );

    // Partly outside the text: the part inside, from the text's first words or to its last.
    const OPENING = 'City of Riverton — Social Media Policy';
    expect(text.startsWith(OPENING)).toBe(true);
    expect(await quoteFor(app, { outside: 'before' }, { phrase: OPENING, offset: OPENING.length })).toBe(OPENING);
    const LAST = 'The Code may be consulted';
    const ending = oneLine(text.slice(text.indexOf(LAST)));
    expect(await quoteFor(app, { phrase: LAST, offset: 0 }, { outside: 'after' })).toBe(ending);
    expect(await quoteFor(app, { outside: 'after' }, { phrase: LAST, offset: 0 })).toBe(ending);

    // Saved, a backwards selection over blocks and the highlight points at exactly those characters of the version.
    await annotateBetween(app, { phrase: SENTENCE, offset: SENTENCE.length }, { phrase: FIRST, offset: 0 });
    await pickCriteria(app, ['accuracy checks']);
    await annotationsPanel(app).getByRole('radio', { name: 'Minor' }).check();
    await annotationsPanel(app).getByRole('button', { name: 'Save annotation' }).click();
    const added = async () =>
      (await annotationsOn(invoke, workshop.reviewId, workshop.v2.id)).find((a) => a.id !== existing.id);
    await expect.poll(async () => (await added()) !== undefined).toBe(true);
    const [quote, position] = (await added())!.target.selector;
    const start = text.indexOf(FIRST);
    const end = text.indexOf(SENTENCE) + SENTENCE.length;
    expect([quote.exact, position?.start, position?.end]).toEqual([text.slice(start, end), start, end]);
    expect(quote.exact).toContain('\n\n1.2 Scope\n\n');
  });
});
