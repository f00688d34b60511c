import type { ReactNode } from 'react';
import type { FormState, FormValues } from '../lib/form.js';
import { t } from '../lib/messages.js';

interface FormProps<V extends FormValues> {
  form: FormState<V>;
  /** Sends the form; returns the success message to show (or nothing when the page moves on). */
  onSubmit(values: V): Promise<string | undefined>;
  submitLabel: string;
  /** Accessible name of the form (its heading text). */
  label?: string;
  className?: string;
  children: ReactNode;
  /** Extra buttons beside the submit one (Cancel…). */
  actions?: ReactNode;
  /** While the form asks for a confirmation of its own, its usual buttons step aside. */
  submitHidden?: boolean;
}

/**
 * A form sent as JSON: the submit button is disabled while sending, the server's field
 * errors appear beside the fields, anything else and the success message above the buttons.
 * Checking is the server's (its messages are Russian and the same everywhere), hence noValidate.
 */
export function Form<V extends FormValues>({ form, onSubmit, submitLabel, label, className, children, actions, submitHidden }: FormProps<V>) {
  const other = form.otherErrors();
  const hasFieldErrors = (form.error?.errors.length ?? 0) > other.length;
  return (
    <form
      className={`form${className ? ` ${className}` : ''}`}
      aria-label={label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit(onSubmit);
      }}
    >
      {children}
      {form.error && (
        <div className="notice notice-error" role="alert">
          <strong>{form.error.title}</strong>
          {hasFieldErrors && other.length === 0 && form.error.status === 400 ? ` — ${t.fixFields}` : ''}
          {!hasFieldErrors && other.length === 0 && form.error.detail !== form.error.title ? ` — ${form.error.detail}` : ''}
          {other.length > 0 && <ul>{other.map((message) => <li key={message}>{message}</li>)}</ul>}
        </div>
      )}
      {form.success && <p className="notice notice-success" role="status">{form.success}</p>}
      {!submitHidden && (
        <div className="form-actions">
          <button type="submit" className="primary" disabled={form.sending} aria-busy={form.sending || undefined}>
            {submitLabel}
          </button>
          {form.sending && <span className="muted">{t.saving}</span>}
          {actions}
        </div>
      )}
    </form>
  );
}
