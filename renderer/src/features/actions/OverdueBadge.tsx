import { AlertIcon } from '../../ui/icons';

/** Marks an open action past its due date, in words and with an icon (not by colour alone). */
export function OverdueBadge() {
  return (
    <span className="badge badge-danger overdue-badge">
      <AlertIcon size={13} />
      Overdue
    </span>
  );
}
