import { useCallback } from 'react';
import type { Version } from '../../../../shared/model';
import { type VersionPair } from '../workspace';

/**
 * The two versions a comparison is between: the ones the person chose, else the last two in the review's order
 * (the latest revision against the one before it). Either may be undefined while the review has fewer than two.
 */
export function pairOf(
  versions: readonly Version[],
  chosen: VersionPair | undefined,
): { from: Version | undefined; to: Version | undefined } {
  const from = versions.find((v) => v.id === chosen?.fromVersionId) ?? versions.at(-2);
  const to = versions.find((v) => v.id === chosen?.toVersionId) ?? versions.at(-1);
  return { from, to };
}

/** The chosen pair, with setters for either side; kept in the workspace so the Checklist can follow it. */
export function useVersionPair(
  versions: readonly Version[],
  chosen: VersionPair | undefined,
  choose: (pair: VersionPair) => void,
) {
  const { from, to } = pairOf(versions, chosen);
  const setFrom = useCallback(
    (fromVersionId: string) => to && choose({ fromVersionId, toVersionId: to.id }),
    [to, choose],
  );
  const setTo = useCallback(
    (toVersionId: string) => from && choose({ fromVersionId: from.id, toVersionId }),
    [from, choose],
  );
  return { from, to, setFrom, setTo };
}
