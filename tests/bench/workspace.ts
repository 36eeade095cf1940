import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BROWSER_APP_URL, serveAppInContext } from '../../electron/browser/bind-page';
import { chromiumArgs, findChromium } from '../../electron/browser/find-chromium';
import { windowEngineSwitches } from '../../electron/services/workstation/window-engine';
import { ReviewLibrary } from '../../electron/services/library/review-library';
import type { VersionComparison } from '../../shared/api';
import { newReviewDocument } from '../../shared/domain/reviews/new-review';
import { systemClock } from '../../shared/domain/clock';
import { openWorkstation, type Workstation } from '../../electron/services/workstation/workstation';
import { benchAnnotationSaves } from './annotation-saves';
import { buildApp } from './built-app';
import { editPolicyBlocks, generateAnnotations, generatePolicyBlocks, versionFromBlocks } from './generate-policy';
import { percentile } from './stats';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const rendererDir = join(repo, 'out/renderer');
const OPENINGS = 5;
const NEW_ANNOTATIONS = 10;
const SCROLL_STEP_PX = 300;
const COMPARE_OPENINGS = 3;
const CHANGE_STEPS = 12;

const round = (ms: number) => Math.round(ms * 10) / 10;

interface BenchWindow {
  benchFrames: { ran: number; highlighted: boolean; painted: number }[];
  benchStop: boolean;
  benchClick: number;
  benchNextPaint: () => Promise<number>;
  benchCompareSettled: () => Promise<void>;
  benchLongTasks: { start: number; ms: number }[];
  benchLongTaskObserver?: PerformanceObserver;
}
const median = (values: number[]) => percentile(values, 50);

/**
 * The review workspace on a large review in Chromium, as the e2e tests serve it (the built renderer, the real
 * services, no result checks): a 100-page version (about 1,700 blocks, 50,000 words) with 1,000 annotations,
 * some overlapping. Measures, from performance marks the renderer leaves: the data reaching the page to the
 * first screen painted and to every highlight in the DOM; a new annotation's highlight after its save; the longest
 * frame while scrolling the whole document; and, through the contract, annotation saves until durable on disk.
 */
export async function benchWorkspace(): Promise<Record<string, unknown>> {
  const executablePath = buildRendererForChromium();
  const dataDir = await mkdtemp(join(tmpdir(), 'policy-review-bench-'));
  const review = newReviewDocument('Workspace bench', { name: 'Bench', role: 'chair' }, systemClock);
  const version = versionFromBlocks(generatePolicyBlocks(100), 'v1');
  review.versions.push(version);
  const criteria = review.checklist.criteria.map((c) => c.id);
  review.annotations.push(...generateAnnotations(version, 1000, criteria));
  await new ReviewLibrary(dataDir).create(review);
  // A second review holds the same version and a revision of it with scattered edits, for the Compare area.
  const compared = newReviewDocument('Compare bench', { name: 'Bench', role: 'chair' }, systemClock);
  compared.versions.push(
    versionFromBlocks(version.blocks, 'v1'),
    versionFromBlocks(editPolicyBlocks(version.blocks).blocks, 'v2'),
  );
  await new ReviewLibrary(dataDir).create(compared);
  const workstation = await openWorkstation({ dataDir, host: 'browser' });
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [...chromiumArgs(), ...windowEngineSwitches(), '--disable-gpu'],
  });
  try {
    const { context, page, errors } = await openAppPage(browser, workstation);

    const openings = [];
    for (let n = 0; n < OPENINGS; n++) openings.push(await openOnce(page));
    const newHighlights = [];
    for (let n = 0; n < NEW_ANNOTATIONS; n++) newHighlights.push(await annotateOnce(page, n));
    const scrolling = await scrollEndToEnd(page, '.app-main');
    const comparing = await compareArea(page, {
      reviewId: compared.id,
      fromVersionId: compared.versions[0]!.id,
      toVersionId: compared.versions[1]!.id,
      title: compared.title,
    });
    if (errors.length) throw new Error(`the page reported errors: ${errors.join('; ')}`);
    await context.close();

    const saves = await benchAnnotationSaves();
    const first = openings[0]!;
    return {
      document: {
        blocks: version.blocks.length,
        words: version.text.split(/\s+/).length,
        annotations: review.annotations.length,
        overlappingMarks: first.overlappingMarks,
        marksInDom: first.marksInDom,
        annotationsHighlighted: first.annotationsHighlighted,
      },
      lexicalBuild: (await lexicalIsProductionBuild()) ? 'production' : 'development',
      open: {
        runs: OPENINGS,
        firstScreenMs: {
          first: first.firstPaintMs,
          median: round(median(openings.map((o) => o.firstPaintMs))),
          target: 150,
        },
        allHighlightsMs: {
          first: first.highlightsMs,
          median: round(median(openings.map((o) => o.highlightsMs))),
          target: 400,
        },
      },
      newHighlight: {
        runs: NEW_ANNOTATIONS,
        saveToDomMs: {
          p50: round(median(newHighlights.map((h) => h.saveToDomMs))),
          max: round(Math.max(...newHighlights.map((h) => h.saveToDomMs))),
        },
        saveToPaintMs: {
          p50: round(median(newHighlights.map((h) => h.saveToPaintMs))),
          max: round(Math.max(...newHighlights.map((h) => h.saveToPaintMs))),
        },
        /** The first frame after the save's answer already had the highlight, every time. */
        inFirstFrameAfterSave: newHighlights.every((h) => h.inNextFrame),
        clickToHighlightMs: {
          p50: round(median(newHighlights.map((h) => h.clickToDomMs))),
          max: round(Math.max(...newHighlights.map((h) => h.clickToDomMs))),
        },
      },
      scroll: { ...scrolling, target: 17 },
      compareArea: {
        ...comparing,
        /** The Compare area's click to first paint against the document view's first screen, in this run. */
        compareFirstScreenRatio:
          Math.round((comparing.openToPaintMs.median / median(openings.map((o) => o.firstPaintMs))) * 100) / 100,
        targetCompareFirstScreenRatio: 2,
        scrollFramesOver17ms: comparing.scroll.framesOver17ms,
        targetScrollFramesOver17ms: 0,
      },
      annotationSaves: { ...saves, target: { p95: 30 } },
    };
  } finally {
    await browser.close();
    await workstation.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Builds the renderer the bench serves (./out/renderer) and finds the Chromium to serve it to. */
export function buildRendererForChromium(): string {
  buildApp();
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error('The workspace bench needs Chromium: install it (apt-get install chromium) or set CHROMIUM_PATH.');
  return executablePath;
}

/** The app in a new page of `browser`, served with the real services of `workstation`, its user set. */
export async function openAppPage(browser: Browser, workstation: Workstation) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 880 } });
  await serveAppInContext(context, rendererDir, workstation);
  // tsx names the functions this file hands to page.evaluate with a helper the page lacks; give it a no-op one.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  // The time the next frame is presented: a message posted from a frame callback runs just after it.
  await context.addInitScript({
    content: `globalThis.benchNextPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }));`,
  });
  // Once the Compare area's rows a screen ahead are drawn (its scroller no longer busy), checked at each frame.
  await context.addInitScript({
    content: `globalThis.benchCompareSettled = () => new Promise((resolve) => {
      const check = () =>
        document.querySelector('.comparison-scroller')?.getAttribute('aria-busy') === 'false'
          ? resolve()
          : requestAnimationFrame(check);
      check();
    });`,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(BROWSER_APP_URL);
  await page.evaluate(() =>
    window.policyReview!.invoke('settings.set', { user: { name: 'Bench', role: 'chair', email: '' } }),
  );
  // The window reads the person's name when it loads; without it, the first save would ask for the name.
  await page.reload();
  return { context, page, errors };
}

/**
 * Opens the review from the library and reads the renderer's marks, and the long tasks (over 50 ms) from the
 * click until every highlight is in the DOM; then goes back to the library.
 */
export async function openOnce(page: Page, reviewName = 'Workspace bench') {
  await page.evaluate(() => {
    performance.clearMarks();
    const w = window as unknown as BenchWindow;
    w.benchLongTasks = [];
    w.benchLongTaskObserver?.disconnect();
    w.benchLongTaskObserver = new PerformanceObserver((list) =>
      list.getEntries().forEach((entry) => w.benchLongTasks.push({ start: entry.startTime, ms: entry.duration })),
    );
    w.benchLongTaskObserver.observe({ type: 'longtask', buffered: false });
  });
  const clicked = await page.evaluate(() => performance.now());
  await page.getByRole('article', { name: reviewName }).getByRole('button', { name: /^Open/ }).click();
  await page.waitForFunction(
    () =>
      performance.getEntriesByName('document:first-paint').length > 0 &&
      performance.getEntriesByName('document:highlights').length > 0,
    undefined,
    { timeout: 120_000 },
  );
  // A long task is reported once it has ended: one more frame lets the last one arrive.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  const figures = await page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
    const marks = Array.from(document.querySelectorAll<HTMLElement>('mark.annotation-mark'));
    const ids = new Set(marks.flatMap((m) => (m.dataset['annotationIds'] ?? '').split(' ')));
    return {
      data: at('document:data'),
      highlights: at('document:highlights'),
      firstPaint: at('document:first-paint'),
      marksInDom: marks.length,
      overlappingMarks: marks.filter((m) => m.dataset['overlap']).length,
      annotationsHighlighted: ids.size,
      longTasks: (window as unknown as BenchWindow).benchLongTasks,
    };
  });
  await backToLibrary(page);
  return {
    firstPaintMs: round(figures.firstPaint - figures.data),
    highlightsMs: round(figures.highlights - figures.data),
    marksInDom: figures.marksInDom,
    overlappingMarks: figures.overlappingMarks,
    annotationsHighlighted: figures.annotationsHighlighted,
    /** Long tasks from the click to the first screen, and after it until every highlight was in the DOM. */
    longTasksMs: {
      toFirstScreen: figures.longTasks
        .filter((task) => task.start >= clicked && task.start < figures.firstPaint)
        .map((task) => round(task.ms)),
      afterFirstScreen: figures.longTasks.filter((task) => task.start >= figures.firstPaint).map((t) => round(t.ms)),
    },
  };
}

/**
 * Back to the library by the sidebar's Library button, found and clicked by the page's own script. Not through a
 * Playwright role locator: those run in a script world of their own, and a role query looks at every element of the
 * page (36,000 in the 500-page document), each of which then gets a wrapper in that world, held in a weak table of
 * Chromium's until a full collection. The full collection of a later opening worked through that table in its
 * pause: traced, 102 and 106 ms pauses, 45 and 48 ms of them processing it (`CppGC.MarkProcessEphemerons`, 21 and 23
 * rounds), where the same collection took 39 to 62 ms, under 2 of them on that, once the benchmark left its
 * workspaces this way. The app's window has no such world: a person's click leaves none of this behind.
 */
export async function backToLibrary(page: Page): Promise<void> {
  await page.evaluate(() => {
    const buttons = document.querySelectorAll<HTMLButtonElement>('nav[aria-label="Main"] button');
    const library = Array.from(buttons).find((button) => button.textContent?.trim() === 'Library');
    if (!library) throw new Error('no Library button in the main navigation');
    library.click();
  });
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Review library');
}

/**
 * Annotates words of one paragraph through the page (selection, shortcut, picker, Save) and measures from the
 * save's answer to the new mark in the DOM, counting the frames in between.
 */
async function annotateOnce(page: Page, n: number) {
  if (n === 0) {
    await page.getByRole('article', { name: 'Workspace bench' }).getByRole('button', { name: /^Open/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('mark.annotation-mark').length > 0);
  }
  await page.evaluate((index) => {
    const paragraphs = document.querySelectorAll('.doc-content .doc-paragraph');
    const paragraph = paragraphs[(index * 97 + 11) % paragraphs.length]!;
    paragraph.scrollIntoView({ block: 'center' });
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    const text = walker.nextNode() as Text;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, Math.min(text.length, 24));
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    performance.clearMarks('annotation:saved');
    performance.clearMarks('annotation:highlighted');
  }, n);
  await page.keyboard.press('Control+Alt+M');
  const picker = page.getByRole('combobox', { name: 'Criteria' });
  await picker.fill('training');
  await picker.press('Enter');
  await picker.press('Escape');
  await page.evaluate(() => {
    const w = window as unknown as BenchWindow;
    w.benchFrames = [];
    w.benchStop = false;
    // Each frame: when its callbacks ran, whether the new highlight was in the DOM by then, and when it was painted.
    const tick = () => {
      const frame = {
        ran: performance.now(),
        highlighted: performance.getEntriesByName('annotation:highlighted').length > 0,
        painted: 0,
      };
      w.benchFrames.push(frame);
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        frame.painted = performance.now();
        channel.port1.close();
      };
      channel.port2.postMessage(null);
      if (!w.benchStop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent === 'Save annotation')!;
    w.benchClick = performance.now();
    button.click();
  });
  await page.waitForFunction(() => {
    const w = window as unknown as BenchWindow;
    const saved = performance.getEntriesByName('annotation:saved')[0];
    return saved !== undefined && w.benchFrames.some((f) => f.ran > saved.startTime && f.painted > 0);
  });
  const result = await page.evaluate(() => {
    const w = window as unknown as BenchWindow;
    w.benchStop = true;
    const saved = performance.getEntriesByName('annotation:saved')[0] as PerformanceMark;
    const highlighted = performance.getEntriesByName('annotation:highlighted')[0] as PerformanceMark;
    const id = (saved.detail as { id: string }).id;
    const inDom = document.querySelector(`mark[data-annotation-ids~="${id}"]`) !== null;
    const next = w.benchFrames.find((f) => f.ran > saved.startTime)!;
    return {
      saveToDomMs: highlighted.startTime - saved.startTime,
      saveToPaintMs: next.painted - saved.startTime,
      inNextFrame: next.highlighted,
      clickToDomMs: highlighted.startTime - w.benchClick,
      inDom,
    };
  });
  if (!result.inDom) throw new Error('the new annotation’s highlight was not in the DOM when its mark was left');
  await page.getByRole('button', { name: 'All annotations' }).click();
  return result;
}

/** The pair the Compare area shows in the bench. */
export interface ComparedPair {
  reviewId: string;
  fromVersionId: string;
  toVersionId: string;
  /** The review's title in the library. */
  title: string;
}

/**
 * The Compare area on two versions side by side (two 100-page ones here, 500-page ones in large-policy), opened
 * COMPARE_OPENINGS times from the library with the Document area settled first: the comparison through the contract
 * alone; from the tab's click to the first screen painted and to the rows ahead of it drawn (the page holds only the
 * rows near the screen), with the longest task meanwhile; then the frames while scrolling the comparison end to end,
 * with the rows in the page after it, next/previous change and "Changes only" from the press to the frame painted.
 */
export async function compareArea(page: Page, { title, ...pair }: ComparedPair) {
  const contract = await page.evaluate(async (args) => {
    const started = performance.now();
    const result = await window.policyReview!.invoke('compare.versions', args);
    const ms = performance.now() - started;
    if (!result.ok) throw new Error(result.error.message);
    const blocks = (result.value as VersionComparison).blocks;
    return { ms, rows: blocks.length, changes: blocks.filter((b) => b.kind !== 'unchanged').length };
  }, pair);
  const openings = [];
  for (let n = 0; n < COMPARE_OPENINGS; n++) openings.push(await openCompareOnce(page, title));
  const scroll = await scrollEndToEnd(page, '.comparison-scroller');
  const rowsInPageAfterScroll = await page.evaluate(
    () => document.querySelectorAll('.comparison-scroller .compare-row').length,
  );
  const steps = await changeSteps(page, contract.changes);
  const changesOnly = await changesOnlyToggles(page);
  const first = openings[0]!;
  return {
    rows: contract.rows,
    changes: contract.changes,
    /** The comparison through the contract, without the screen: the floor under the click-to-paint time. */
    contractMs: round(contract.ms),
    runs: COMPARE_OPENINGS,
    openToDomMs: { first: first.inDomMs, median: round(median(openings.map((o) => o.inDomMs))) },
    openToPaintMs: { first: first.paintedMs, median: round(median(openings.map((o) => o.paintedMs))) },
    rowsAtFirstPaint: first.rowsAtPaint,
    /** From the click until the rows a screen ahead are drawn too. */
    openToSettledMs: { first: first.settledMs, median: round(median(openings.map((o) => o.settledMs))) },
    longestTaskWhileOpeningMs: round(Math.max(...openings.map((o) => o.longestTaskMs))),
    /** Openings whose comparison, asked for ahead of time, had reached the page before the click. */
    comparedBeforeClick: openings.filter((o) => o.readyBeforeClick).length,
    scroll,
    /** Rows in the page at the comparison's end, of `rows`: the screen's and those a screen either side. */
    rowsInPageAfterScroll,
    nextPreviousChangeMs: steps,
    changesOnlyMs: changesOnly,
  };
}

/** Opens the pair's review from the library, lets its Document area settle, then clicks the Compare tab. */
async function openCompareOnce(page: Page, title: string) {
  await backToLibrary(page);
  await page.evaluate(() => performance.clearMarks());
  await page.getByRole('article', { name: title }).getByRole('button', { name: /^Open/ }).click();
  await page.waitForFunction(() => performance.getEntriesByName('document:highlights').length > 0, undefined, {
    timeout: 60_000,
  });
  return page
    .evaluate(async () => {
      const paint = (window as unknown as BenchWindow).benchNextPaint;
      await paint();
      const tasks: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
      observer.observe({ type: 'longtask', buffered: false });
      const rowCount = () => document.querySelectorAll('.comparison-scroller .compare-row').length;
      const tab = Array.from(document.querySelectorAll<HTMLElement>('[role="tab"]')).find((t) =>
        t.textContent?.includes('Compare'),
      )!;
      const started = performance.now();
      tab.click();
      // The first frame with rows: when its callbacks ran, and when it was painted (a message posted in a frame's
      // callback runs just after that frame), as the document's first screen is timed (PaintTimingPlugin).
      const { inDomMs, rowsAtPaint, paintedMs } = await new Promise<{
        inDomMs: number;
        rowsAtPaint: number;
        paintedMs: number;
      }>((resolve) => {
        const check = () => {
          const rows = rowCount();
          if (rows === 0) return void requestAnimationFrame(check);
          const inDom = performance.now() - started;
          const channel = new MessageChannel();
          channel.port1.onmessage = () =>
            resolve({ inDomMs: inDom, rowsAtPaint: rows, paintedMs: performance.now() - started });
          channel.port2.postMessage(null);
        };
        requestAnimationFrame(check);
      });
      await (window as unknown as BenchWindow).benchCompareSettled();
      const settledMs = (await paint()) - started;
      observer.disconnect();
      // The comparison is asked for once the review's first screen is painted: whether it was in the page already.
      const ready = performance.getEntriesByName('compare:ready')[0];
      const readyBeforeClick = ready !== undefined && ready.startTime <= started;
      return { inDomMs, paintedMs, rowsAtPaint, settledMs, longestTaskMs: Math.max(0, ...tasks), readyBeforeClick };
    })
    .then((o) => ({ ...o, inDomMs: round(o.inDomMs), paintedMs: round(o.paintedMs), settledMs: round(o.settledMs) }));
}

/**
 * Next change CHANGE_STEPS times from the top, then previous change as many times: each from the key press to the
 * frame painted with that change focused and the position ("Change k of N") told.
 */
async function changeSteps(page: Page, changes: number) {
  const times = await page.evaluate(
    async ([steps, total]) => {
      const paint = (window as unknown as BenchWindow).benchNextPaint;
      document.querySelector<HTMLElement>('.comparison-scroller')!.scrollTop = 0;
      const press = async (key: string, expected: number) => {
        const started = performance.now();
        window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
        const painted = await paint();
        const focused = document.activeElement as HTMLElement | null;
        const status = document.querySelector('.change-position')?.textContent;
        if (focused?.dataset['change'] !== String(expected) || status !== `Change ${expected} of ${total}`)
          throw new Error(`after "${key}": focus on change ${focused?.dataset['change']}, status "${status}"`);
        return painted - started;
      };
      const next = [];
      for (let k = 1; k <= steps; k++) next.push(await press('n', k));
      const previous = [];
      for (let k = steps - 1; k >= 1; k--) previous.push(await press('p', k));
      return { next, previous };
    },
    [CHANGE_STEPS, changes] as const,
  );
  const all = [...times.next, ...times.previous];
  return { presses: all.length, p50: round(median(all)), max: round(Math.max(...all)) };
}

/**
 * "Changes only" on, then off again, each from the click to the frame painted with the list it shows (checked: only
 * changes, then unchanged rows as well), and to the rows a screen ahead drawn.
 */
async function changesOnlyToggles(page: Page) {
  const times = await page.evaluate(async () => {
    const paint = (window as unknown as BenchWindow).benchNextPaint;
    const box = Array.from(document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')).find((b) =>
      b.closest('label')?.textContent?.includes('Changes only'),
    )!;
    const scroller = document.querySelector('.comparison-scroller')!;
    const shown = () => Array.from(scroller.querySelectorAll<HTMLElement>('.compare-row'));
    const toggle = async (changesOnly: boolean) => {
      const started = performance.now();
      box.click();
      const painted = (await paint()) - started;
      const unchanged = shown().filter((row) => row.dataset['change'] === undefined).length;
      if (shown().length === 0 || (changesOnly ? unchanged > 0 : unchanged === 0))
        throw new Error(`Changes only ${changesOnly ? 'on' : 'off'}: ${unchanged} unchanged rows of ${shown().length}`);
      await (window as unknown as BenchWindow).benchCompareSettled();
      return { paintedMs: painted, settledMs: (await paint()) - started };
    };
    return { on: await toggle(true), off: await toggle(false) };
  });
  return {
    onToPaintMs: round(times.on.paintedMs),
    offToPaintMs: round(times.off.paintedMs),
    offToSettledMs: round(times.off.settledMs),
  };
}

/** Scrolls `scroller` from top to bottom, SCROLL_STEP_PX per frame, recording each frame. */
export async function scrollEndToEnd(page: Page, scroller: string) {
  return page.evaluate(
    async ([step, selector]) => {
      const main = document.querySelector<HTMLElement>(selector)!;
      main.scrollTop = 0;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      interface LongFrame extends PerformanceEntry {
        renderStart: number;
        styleAndLayoutStart: number;
        scripts: { duration: number; invoker: string }[];
      }
      const longFrames: {
        duration: number;
        scriptMs: number;
        styleAndLayoutMs: number;
        renderMs: number;
        invokers: string[];
      }[] = [];
      const observer =
        typeof PerformanceObserver !== 'undefined' &&
        PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')
          ? new PerformanceObserver((list) =>
              list.getEntries().forEach((entry) => {
                const e = entry as LongFrame;
                const end = e.startTime + e.duration;
                longFrames.push({
                  duration: e.duration,
                  scriptMs: e.scripts.reduce((sum, script) => sum + script.duration, 0),
                  styleAndLayoutMs: e.styleAndLayoutStart ? end - e.styleAndLayoutStart : 0,
                  renderMs: e.renderStart ? end - e.renderStart : 0,
                  invokers: e.scripts.map((script) => script.invoker).slice(0, 3),
                });
              }),
            )
          : undefined;
      observer?.observe({ type: 'long-animation-frame', buffered: false });
      const deltas: number[] = [];
      const work: number[] = [];
      await new Promise<void>((resolve) => {
        let last = performance.now();
        const frame = (time: number) => {
          deltas.push(time - last);
          last = time;
          const started = performance.now();
          main.scrollTop += step;
          // Forces this frame's style and layout now, so its cost is measured in this frame.
          void main.scrollHeight;
          work.push(performance.now() - started);
          if (main.scrollTop + main.clientHeight >= main.scrollHeight - 1) resolve();
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      observer?.disconnect();
      const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
      const p = (values: number[], q: number) =>
        sorted(values)[Math.max(0, Math.ceil((q / 100) * values.length) - 1)] ?? 0;
      const r = (ms: number) => Math.round(ms * 10) / 10;
      return {
        frames: deltas.length,
        scrolledPx: main.scrollTop + main.clientHeight,
        longestFrameMs: r(Math.max(...deltas.slice(1))),
        p95FrameMs: r(p(deltas.slice(1), 95)),
        framesOver17ms: deltas.slice(1).filter((d) => d > 17.5).length,
        /**
         * The script each frame runs (the scroll step, then style and layout forced at once). Sections coming into
         * view are laid out in the frame's rendering step instead, which the frame times and long frames include.
         */
        workPerFrameMs: { p99: r(p(work, 99)), max: r(Math.max(...work)), over17ms: work.filter((w) => w > 17).length },
        longAnimationFrames: {
          count: longFrames.length,
          longest: longFrames
            .sort((a, b) => b.duration - a.duration)
            .slice(0, 3)
            .map((f) => ({
              ms: r(f.duration),
              scriptMs: r(f.scriptMs),
              styleAndLayoutMs: r(f.styleAndLayoutMs),
              renderMs: r(f.renderMs),
              invokers: f.invokers,
            })),
        },
      };
    },
    [SCROLL_STEP_PX, scroller] as const,
  );
}

/** Whether the shipped renderer bundles Lexical's production build (its errors are minified). */
async function lexicalIsProductionBuild(): Promise<boolean> {
  const assets = join(rendererDir, 'assets');
  for (const file of await readdir(assets)) {
    if (!file.endsWith('.js')) continue;
    const code = await readFile(join(assets, file), 'utf8');
    if (code.includes('Minified Lexical error')) return true;
  }
  return false;
}
