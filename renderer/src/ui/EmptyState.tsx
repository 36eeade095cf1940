import type { ReactNode } from 'react';

export interface EmptyStateProps {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  /** Heading level that fits the surrounding outline. */
  headingLevel?: 2 | 3;
  className?: string;
}

/** What an empty place will hold and what to do to fill it. */
export function EmptyState({ icon, title, children, actions, headingLevel = 2, className }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className={['empty-state', className ?? ''].filter(Boolean).join(' ')}>
      <div className="empty-state-icon">{icon}</div>
      <Heading className="empty-state-title">{title}</Heading>
      <div className="empty-state-text">{children}</div>
      {actions && <div className="empty-state-actions">{actions}</div>}
    </div>
  );
}
