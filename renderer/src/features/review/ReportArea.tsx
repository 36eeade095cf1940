import { ReportIcon } from '../../ui/icons';
import { AreaPlaceholder } from './AreaPlaceholder';

/** Will export and sign the review report. */
export function ReportArea() {
  return (
    <AreaPlaceholder
      icon={<ReportIcon size={32} />}
      title="No report yet"
      lead="Export the committee’s findings as one report, and sign it so anyone can check who approved it and that it is unchanged."
      features={[
        'The policy versions with their fingerprints, the committee and every verdict with its rationale',
        'Annotations grouped by criterion, open issues and the action plan',
        'A signed PDF that any PDF reader can check, plus Markdown and JSON',
      ]}
      actionLabel="Export report…"
      note="Exporting and signing are not available in this build yet."
    />
  );
}
