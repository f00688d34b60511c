import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../lib/api.js';
import { t } from '../lib/messages.js';

interface ConfirmButtonProps {
  label: string;
  /** The question asked before acting: say what will happen. */
  question: string;
  confirmLabel: string;
  onConfirm(): Promise<void>;
  danger?: boolean;
  /** What the action needs besides the confirmation (a date…), shown with the question. */
  children?: ReactNode;
}

/**
 * A button for an action that is hard to undo: the first press asks in place,
 * the action runs only on the explicit «Да, …» button.
 */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, danger, children }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) cancelRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" className={danger ? 'danger' : undefined} onClick={() => { setError(undefined); setAsking(true); }}>
        {label}
      </button>
    );
  }
  const confirm = async () => {
    setSending(true);
    setError(undefined);
    try {
      await onConfirm();
      setAsking(false);
    } catch (failure) {
      // The messages about the fields are plainer than the detail, which names the field in English.
      setError(failure instanceof ApiError ? failure.errors.map((e) => e.message).join('; ') || failure.detail : String(failure));
    } finally {
      setSending(false);
    }
  };
  return (
    <span className="confirm" role="group" aria-label={label}>
      <span className="confirm-question">{question}</span>
      {children}
      <button type="button" className={danger ? 'danger' : 'primary'} onClick={() => void confirm()} disabled={sending}>
        {confirmLabel}
      </button>
      <button type="button" ref={cancelRef} onClick={() => setAsking(false)} disabled={sending}>{t.cancel}</button>
      {error && <span className="field-error" role="alert">{error}</span>}
    </span>
  );
}
