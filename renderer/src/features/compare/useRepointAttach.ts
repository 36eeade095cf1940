import { useState } from 'react';
import type { SelectedRange } from '../../../../shared/api';
import type { Version } from '../../../../shared/model';
import { errorMessage } from '../../api';
import { shortQuote } from '../annotations';
import { useCompareMode, useFeedback } from '../workspace';
import { useAnchorDecisions } from './useAnchorDecisions';

export interface RepointAttach {
  /** An annotation waits to be re-pointed (on any version). */
  waiting: boolean;
  /** It waits on this version: selected words here can be attached to it. */
  active: boolean;
  busy: boolean;
  error: string | undefined;
  attach: (range: SelectedRange) => Promise<void>;
  cancel: () => void;
}

/** Re-pointing as the Document area needs it: attach the selected words of `version` to the waiting annotation. */
export function useRepointAttach(version: Version): RepointAttach {
  const { repointing, endRepointing } = useCompareMode();
  const { announce } = useFeedback();
  const decisions = useAnchorDecisions();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const attach = async ({ start, end, exact }: SelectedRange) => {
    if (!repointing) return;
    setBusy(true);
    setError(undefined);
    try {
      await decisions.reattach(repointing.annotationId, { start, end, exact });
      announce(`Attached the annotation to “${shortQuote(exact, 60)}”.`);
      endRepointing();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => {
    setError(undefined);
    endRepointing();
  };
  return {
    waiting: repointing !== undefined,
    active: repointing?.versionId === version.id,
    busy,
    error,
    attach,
    cancel,
  };
}
