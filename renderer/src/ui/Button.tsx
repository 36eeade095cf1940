import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';

/**
 * `quiet-danger` is a destructive action that starts a confirmation, so it need not shout; `ghost-danger` is the
 * same for actions repeated on every row, which turn red only under the pointer.
 */
export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet-danger' | 'ghost' | 'ghost-danger';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
  /** A decorative icon shown before the label. */
  icon?: ReactNode;
  /** Shows the button as busy and stops a second click while an action runs. */
  busy?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({
  variant = 'secondary',
  size = 'md',
  icon,
  busy = false,
  className,
  children,
  disabled,
  type = 'button',
  ...rest
}: ButtonProps) {
  const classes = ['button', `button-${variant}`, `button-${size}`, busy ? 'is-busy' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <button type={type} className={classes} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {busy ? <span className="button-spinner" aria-hidden="true" /> : icon}
      {children !== undefined && <span className="button-label">{children}</span>}
    </button>
  );
}
