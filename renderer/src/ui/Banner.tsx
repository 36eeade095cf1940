import { useEffect, useRef, type ReactNode } from 'react';
import { AlertIcon, CheckCircleIcon, CloseIcon, InfoIcon, LockIcon } from './icons';

export type BannerTone = 'info' | 'success' | 'warning' | 'error' | 'read-only';

const ICONS: Record<BannerTone, ReactNode> = {
  info: <InfoIcon size={18} />,
  success: <CheckCircleIcon size={18} />,
  warning: <AlertIcon size={18} />,
  error: <AlertIcon size={18} />,
  'read-only': <LockIcon size={18} />,
};

export interface BannerProps {
  tone: BannerTone;
  title?: ReactNode;
  children?: ReactNode;
  /** Buttons that act on the message, e.g. "Try again". */
  actions?: ReactNode;
  /** Shows a close button. */
  onDismiss?: () => void;
  className?: string;
}

/**
 * A message in the place where it matters. Errors interrupt (role="alert"); everything else is announced
 * politely (role="status").
 */
export function Banner({ tone, title, children, actions, onDismiss, className }: BannerProps) {
  const ref = useRef<HTMLDivElement>(null);
  // An error that appears below the fold of a long form or dialog is brought into view.
  useEffect(() => {
    if (tone === 'error') ref.current?.scrollIntoView({ block: 'nearest' });
  }, [tone]);
  return (
    <div
      ref={ref}
      role={tone === 'error' ? 'alert' : 'status'}
      className={['banner', `banner-${tone}`, className ?? ''].filter(Boolean).join(' ')}
    >
      <span className="banner-icon">{ICONS[tone]}</span>
      <div className="banner-content">
        {title && <p className="banner-title">{title}</p>}
        {children && <div className="banner-text">{children}</div>}
      </div>
      {actions && <div className="banner-actions">{actions}</div>}
      {onDismiss && (
        <button type="button" className="icon-button banner-dismiss" aria-label="Dismiss message" onClick={onDismiss}>
          <CloseIcon />
        </button>
      )}
    </div>
  );
}
