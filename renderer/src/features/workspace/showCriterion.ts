import type { ReviewNavigation } from './reviewNavigation';

/** The id of a criterion's card in the Checklist, where `showCriterion` finds it. */
export const criterionCardId = (criterionId: string) => `criterion-${criterionId}`;

/** How long to wait for the Checklist to draw the card (it is built the first time it shows). */
const WAIT_MS = 3000;

/**
 * Opens the Checklist on `versionId` and brings one criterion's card into view, with focus on its title, so the
 * committee can re-check it there.
 */
export function showCriterion(
  navigation: Pick<ReviewNavigation, 'selectVersion' | 'showArea'>,
  versionId: string,
  criterionId: string,
): void {
  navigation.selectVersion(versionId);
  navigation.showArea('checklist');
  const started = performance.now();
  const look = () => {
    const card = document.getElementById(criterionCardId(criterionId));
    const title = card?.querySelector<HTMLElement>('h4');
    if (card && title && card.offsetParent !== null) {
      card.scrollIntoView({ block: 'center' });
      if (!title.hasAttribute('tabindex')) title.setAttribute('tabindex', '-1');
      title.focus({ preventScroll: true });
    } else if (performance.now() - started < WAIT_MS) {
      requestAnimationFrame(look);
    }
  };
  requestAnimationFrame(look);
}
