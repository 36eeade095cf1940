import { useEffect, useRef, useState } from 'react';
import type { Settings } from '../../../../shared/model';
import { setAroundWorkRecorded } from '../../api';
import { Banner } from '../../ui/Banner';
import { NamePromptDialog } from './NamePromptDialog';

/**
 * While the person has no name in their settings, the first call that would record them (creating a review,
 * importing, annotating, a verdict, ...) waits for the name prompt; calls made meanwhile wait for the same answer.
 * Once a name is saved (theirs, or the computer's user name they chose to keep), calls go straight through.
 * Answers what to render: the prompt while it is asked, then, if the person kept the computer's user name, a notice
 * that says so.
 */
export function useNameAtFirstWork(
  settings: Settings | undefined,
  computerUserName: string | undefined,
  onSaved: (settings: Settings) => void,
) {
  const [asking, setAsking] = useState(false);
  const [kept, setKept] = useState<string>();
  const answered = useRef<() => void>(undefined);
  const nameMissing = settings !== undefined && computerUserName !== undefined && !settings.user.name.trim();

  useEffect(() => {
    if (!nameMissing) return;
    let waiting: Promise<void> | undefined;
    setAroundWorkRecorded(async (work) => {
      const opener = document.activeElement;
      await (waiting ??= new Promise<void>((resolve) => {
        answered.current = resolve;
        setAsking(true);
      }));
      try {
        return await work();
      } finally {
        if (opener instanceof HTMLElement) returnFocus(opener);
      }
    });
    return () => setAroundWorkRecorded(undefined);
  }, [nameMissing]);

  if (kept !== undefined)
    return (
      <div className="name-kept-notice">
        <Banner tone="info" onDismiss={() => setKept(undefined)}>
          Your work is recorded under “{kept}”, your computer’s user name. Set your own name in Settings to change that
          for what you do next.
        </Banner>
      </div>
    );
  if (!asking || !settings || computerUserName === undefined) return null;
  return (
    <NamePromptDialog
      settings={settings}
      computerUserName={computerUserName}
      onSaved={(saved) => {
        onSaved(saved);
        setAsking(false);
        if (saved.user.name === computerUserName) setKept(computerUserName);
        answered.current?.();
      }}
    />
  );
}

/**
 * Focus goes back to what started the work (the dialog could not give it back: a button is disabled while its work
 * runs), once it can take it again, unless the person has moved on since.
 */
function returnFocus(opener: HTMLElement, framesLeft = 30): void {
  requestAnimationFrame(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (!lost || !opener.isConnected) return;
    if (!opener.matches(':disabled')) opener.focus();
    else if (framesLeft > 0) returnFocus(opener, framesLeft - 1);
  });
}
