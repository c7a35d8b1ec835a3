import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, type ButtonProps } from './Button';

/**
 * A destructive action that asks first, inline (no modal to trap focus in):
 * the first press reveals "Yes" / "No"; Escape or "No" backs out.
 */
export function ConfirmButton({
  children,
  question,
  confirmLabel,
  onConfirm,
  loading,
  variant = 'danger',
  disabled,
}: {
  children: ReactNode;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  loading?: boolean;
  variant?: ButtonProps['variant'];
  disabled?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const yesRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) yesRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <Button variant={variant} onClick={() => setAsking(true)} loading={loading} disabled={disabled}>
        {children}
      </Button>
    );
  }
  return (
    <span
      className="confirm"
      role="group"
      aria-label={question}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setAsking(false);
      }}
    >
      <span className="confirm-question">{question}</span>
      <Button
        ref={yesRef}
        variant="danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </Button>
      <Button variant="ghost" onClick={() => setAsking(false)}>
        No
      </Button>
    </span>
  );
}
