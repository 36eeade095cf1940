import { useState } from 'react';
import { ApiCallError, call, callInReview, errorMessage } from '../../api';
import { Button } from '../../ui/Button';
import { DownloadIcon } from '../../ui/icons';
import { downloadText } from './saveFile';

export interface SaveTemplateButtonProps {
  reviewId: string;
  reviewTitle: string;
  onSaved: (message: string) => void;
  onFailed: (message: string) => void;
}

function suggestedName(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .slice(0, 60);
  return `${slug || 'checklist'}.checklist.json`;
}

/**
 * Saves the review's checklist as a template file: where the native save dialog says in the app, or as a
 * download in a browser window (which has no save dialog).
 */
export function SaveTemplateButton({ reviewId, reviewTitle, onSaved, onFailed }: SaveTemplateButtonProps) {
  const [busy, setBusy] = useState(false);
  const save = async (): Promise<string | undefined> => {
    try {
      const chosen = await call('files.chooseSave', { purpose: 'checklist-template', suggestedName: suggestedName(reviewTitle) });
      if (!chosen) return undefined;
      const saved = await callInReview(reviewId, 'checklist.exportTemplate', { reviewId, destination: { kind: 'chosen', token: chosen.token } });
      return `Saved the checklist as the template “${saved.fileName}”.`;
    } catch (error) {
      if (!(error instanceof ApiCallError && error.code === 'E_UNSUPPORTED')) throw error;
      const file = await callInReview(reviewId, 'checklist.exportTemplate', { reviewId, destination: { kind: 'return' } });
      downloadText(file.fileName, file.content ?? '');
      return `The checklist template “${file.fileName}” was saved to your downloads.`;
    }
  };

  return (
    <Button
      icon={<DownloadIcon />}
      busy={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const message = await save();
          if (message) onSaved(message);
        } catch (error) {
          onFailed(errorMessage(error));
        } finally {
          setBusy(false);
        }
      }}
    >
      Save as template…
    </Button>
  );
}
