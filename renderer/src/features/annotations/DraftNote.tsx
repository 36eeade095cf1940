import { type DraftStatus } from '../workspace';

const TEXT: Record<DraftStatus, string> = {
  idle: '',
  pending: 'Keeping a draft…',
  saving: 'Saving draft…',
  saved: 'Draft saved',
  failed: 'The draft could not be saved; keep this window open.',
};

/** Whether what is typed is kept as a draft yet: quiet text, not announced (saving it is not news). */
export function DraftNote({ status }: { status: DraftStatus }) {
  return (
    <p className={`draft-note is-${status}`} data-draft-status={status}>
      {TEXT[status]}
    </p>
  );
}
