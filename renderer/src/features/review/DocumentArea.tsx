import { DocumentIcon, PlusIcon } from '../../ui/icons';
import { AreaPlaceholder } from './AreaPlaceholder';

/** Will show an imported version of the policy, to read and annotate. */
export function DocumentArea() {
  return (
    <AreaPlaceholder
      icon={<DocumentIcon size={32} />}
      title="No policy version yet"
      lead="Import a policy version (TXT, Markdown, HTML, Word, PDF) to read and annotate it here."
      features={[
        'The policy with its headings, lists and tables, as imported',
        'Select a passage and annotate it against checklist criteria',
        'Severity and status for each annotation, and replies from other members',
      ]}
      actionLabel="Import version…"
      actionIcon={<PlusIcon />}
      note="Importing versions is not available in this build yet."
    />
  );
}
