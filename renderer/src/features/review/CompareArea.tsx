import { countOf } from '../../ui/format';
import { CompareIcon } from '../../ui/icons';
import { AreaPlaceholder } from './AreaPlaceholder';

/** Will compare two versions of the policy. */
export function CompareArea({ versionCount }: { versionCount: number }) {
  return (
    <AreaPlaceholder
      icon={<CompareIcon size={32} />}
      title="Nothing to compare yet"
      lead="When the review has two or more versions of the policy, compare any two of them here, side by side or inline."
      features={[
        'Added, removed, changed and moved passages, with the changed words marked',
        'How many changes of each kind there are',
        'The criteria each change touches, so the committee re-checks just those',
      ]}
      actionLabel="Compare versions"
      note={`Needs two imported versions; this review has ${countOf(versionCount, 'version')}.`}
    />
  );
}
