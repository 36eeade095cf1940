import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { UserIcon } from '../../ui/icons';

/** A gentle nudge while the person has not said who they are. */
export function NameMissingBanner({ onSetName }: { onSetName: () => void }) {
  return (
    <Banner
      tone="info"
      title="Add your name"
      actions={
        <Button size="sm" icon={<UserIcon />} onClick={onSetName}>
          Set your name
        </Button>
      }
    >
      It is recorded as the author of your work in every review: edits, annotations, verdicts and sign-offs.
    </Banner>
  );
}
