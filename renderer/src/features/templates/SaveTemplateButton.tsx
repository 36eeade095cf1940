import { useState } from 'react';
import { callInReview, errorMessage } from '../../api';
import { Button } from '../../ui/Button';
import { saveMadeFile } from '../../ui/files';
import { DownloadIcon } from '../../ui/icons';

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
    const saved = await saveMadeFile({
      purpose: 'checklist-template',
      suggestedName: suggestedName(reviewTitle),
      binary: false,
      mediaType: 'application/json',
      deliver: (destination) => callInReview(reviewId, 'checklist.exportTemplate', { reviewId, destination }),
    });
    if (!saved) return undefined;
    return saved.where === 'chosen'
      ? `Saved the checklist as the template “${saved.fileName}”.`
      : `The checklist template “${saved.fileName}” was saved to your downloads.`;
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
