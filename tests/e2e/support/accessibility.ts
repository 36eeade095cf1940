import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

// axe-core's own types, reached through the builder so the tests depend on one package only.
type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Result = AxeResults['violations'][number];

const repo = fileURLToPath(new URL('../../..', import.meta.url));
/** One JSON file per checked screen; `node tests/e2e/support/axe-summary.mjs` lists them. */
export const AXE_DIR = join(repo, 'test-results/axe');

/** The WCAG 2.1 A and AA rules, plus axe's best practices (which the app meets as well). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
/**
 * axe's experimental rules that test a WCAG criterion, which axe leaves out unless asked: among them the one that
 * found the Committee's "Show in text" named unlike its words (label-content-name-mismatch).
 */
const EXPERIMENTAL_WCAG_RULES = ['label-content-name-mismatch', 'p-as-heading', 'css-orientation-lock'];
/** Violations of these impacts fail the test; the others are recorded for people to weigh. */
const FAILING: readonly Result['impact'][] = ['serious', 'critical'];

/**
 * Runs axe-core on the screen `page` shows now, records the results under test-results/axe/<screen>.json, and
 * throws a readable list of every serious or critical violation.
 */
export async function checkAccessibility(page: Page, screen: string): Promise<void> {
  // Legacy mode runs axe in the page itself: the default mode finishes in a new blank page, which the Electron
  // host cannot open, and the app has no frames that would need the other mode.
  const results = await new AxeBuilder({ page })
    .options({
      runOnly: { type: 'tag', values: TAGS },
      rules: Object.fromEntries(EXPERIMENTAL_WCAG_RULES.map((id) => [id, { enabled: true }])),
    })
    .setLegacyMode()
    .analyze();
  await mkdir(AXE_DIR, { recursive: true });
  await writeFile(join(AXE_DIR, `${screen}.json`), JSON.stringify(record(screen, results), null, 2));
  const failing = results.violations.filter((v) => FAILING.includes(v.impact));
  if (failing.length) throw new Error(`Accessibility of screen "${screen}":\n${failing.map(describe).join('\n')}`);
}

/** What a screen's file keeps: every violation and undecided check in full, the rules passed by name. */
function record(screen: string, results: AxeResults): object {
  return {
    screen,
    url: results.url,
    axe: results.testEngine.version,
    tags: TAGS,
    experimentalRules: EXPERIMENTAL_WCAG_RULES,
    violations: results.violations,
    incomplete: results.incomplete,
    passes: results.passes.map((r) => r.id),
    inapplicable: results.inapplicable.map((r) => r.id),
  };
}

/** One violation as a person fixes it: rule, impact, what it asks, and where. */
function describe(violation: Result): string {
  const where = violation.nodes.map((node) => `    at ${node.target.join(' ')}: ${node.failureSummary ?? ''}`);
  return [`- ${violation.id} (${violation.impact}): ${violation.help} <${violation.helpUrl}>`, ...where].join('\n');
}
