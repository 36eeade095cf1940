import type { Locator } from '@playwright/test';

/**
 * Starts noting every text a live region shows; the function returned gives all it has said so far. A small job
 * goes through its steps in moments: a step may be on screen for less time than an assertion would poll.
 */
export async function noteTextsOf(region: Locator): Promise<() => Promise<string[]>> {
  const key = `textsSaid-${Math.random().toString(36).slice(2)}`;
  await region.evaluate((element, key) => {
    const said: string[] = [];
    new MutationObserver(() => said.push(element.textContent ?? '')).observe(element, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    Object.assign(window, { [key]: said });
  }, key);
  return () => region.page().evaluate((key) => (window as unknown as Record<string, string[]>)[key] ?? [], key);
}
