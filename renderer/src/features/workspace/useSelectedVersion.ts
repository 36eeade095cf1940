import { useCallback, useState } from 'react';
import type { Version } from '../../../../shared/model';

const storageKey = (reviewId: string) => `policy-review:selected-version:${reviewId}`;

function remembered(reviewId: string): string | null {
  try {
    return sessionStorage.getItem(storageKey(reviewId));
  } catch {
    return null;
  }
}

/**
 * The version under review, shown in the Document area and judged in the Checklist: the one the person chose,
 * kept for the window's session (so it survives a reload), else the most recent, the last in the review's order.
 */
export function useSelectedVersion(reviewId: string, versions: readonly Version[]) {
  const [chosen, setChosen] = useState(() => remembered(reviewId));
  const selected = versions.find((version) => version.id === chosen) ?? versions.at(-1);
  const select = useCallback(
    (versionId: string) => {
      setChosen(versionId);
      try {
        sessionStorage.setItem(storageKey(reviewId), versionId);
      } catch {
        // Without storage the choice still holds while the review is open.
      }
    },
    [reviewId],
  );
  return { selected, select };
}
