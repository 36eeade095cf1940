import type { Verdict } from '../../../../shared/model';
import { RationaleField } from './RationaleField';
import type { useCriterionVerdict } from './useCriterionVerdict';

export interface VerdictRationaleProps {
  recording: ReturnType<typeof useCriterionVerdict>;
  disabled: boolean;
  /** Saves the verdict with this rationale: the Checklist saves, the presenter view also announces the outcome. */
  save: (verdict: Verdict, rationale: string) => void;
}

/** The rationale of a criterion's verdict, as the Checklist and the presenter view both record it. */
export function VerdictRationale({ recording, disabled, save }: VerdictRationaleProps) {
  const { verdict, text } = recording;
  return (
    <RationaleField
      label="Rationale"
      value={text}
      disabled={disabled}
      dirty={recording.dirty}
      draftStatus={recording.draftStatus}
      saveStatus={recording.saveStatus}
      onChange={recording.type}
      onBlur={() => {
        if (!disabled && recording.dirty) save(verdict, text);
      }}
    />
  );
}
