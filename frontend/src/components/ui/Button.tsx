import type { ComponentPropsWithRef, ReactNode } from 'react';
import { Spinner } from './Spinner';

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  /** Shows a spinner, disables the button and announces the work as busy. */
  loading?: boolean;
  loadingText?: string;
  children: ReactNode;
}

export function Button({
  variant = 'secondary',
  loading = false,
  loadingText,
  disabled,
  children,
  className,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={['btn', `btn-${variant}`, className].filter(Boolean).join(' ')}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...rest}
    >
      {loading && <Spinner size="small" decorative />}
      <span>{loading && loadingText ? loadingText : children}</span>
    </button>
  );
}
