import { useId, type ReactNode } from 'react';
import { Button } from '../../ui/Button';
import { CheckCircleIcon } from '../../ui/icons';

export interface AreaPlaceholderProps {
  icon: ReactNode;
  title: string;
  /** What the person will do here, and what it needs first. */
  lead: ReactNode;
  /** What the area will hold, one line each. */
  features: readonly string[];
  /** The action that will start the area's work, shown disabled with `note` saying why. */
  actionLabel: string;
  actionIcon?: ReactNode;
  note: ReactNode;
}

/** An area that is not built yet: it says what it will hold instead of offering buttons that do nothing. */
export function AreaPlaceholder({ icon, title, lead, features, actionLabel, actionIcon, note }: AreaPlaceholderProps) {
  const noteId = useId();
  return (
    <div className="area-placeholder">
      <div className="area-placeholder-icon">{icon}</div>
      <h2 className="area-placeholder-title">{title}</h2>
      <p className="area-placeholder-lead">{lead}</p>
      <ul className="area-placeholder-features" aria-label="What this area will hold">
        {features.map((feature) => (
          <li key={feature}>
            <CheckCircleIcon size={18} />
            <span>{feature}</span>
          </li>
        ))}
      </ul>
      <div className="area-placeholder-action">
        <Button variant="primary" icon={actionIcon} disabled aria-describedby={noteId}>
          {actionLabel}
        </Button>
        <p id={noteId} className="area-placeholder-note">
          {note}
        </p>
      </div>
    </div>
  );
}
