import { useId, type ReactNode } from 'react';

/** What an input needs to be bound to its label, hint and errors. */
export interface InputBinding {
  id: string;
  required: boolean | undefined;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  label: string;
  required?: boolean;
  hint?: string;
  errors?: string[];
  /** Checkboxes put the box before the label. */
  inline?: boolean;
  /** Takes a whole row of a form grid (long text). */
  wide?: boolean;
  children: (input: InputBinding) => ReactNode;
}

/**
 * A labelled input with its hint and the server's messages about it. The required mark is
 * hidden from screen readers (the input says `required` itself).
 */
export function Field({ label, required, hint, errors = [], inline, wide, children }: FieldProps) {
  const id = useId();
  // An error replaces the hint: the server's message usually repeats it.
  const errorId = errors.length ? `${id}-error` : undefined;
  const hintId = hint && !errorId ? `${id}-hint` : undefined;
  const input = children({
    id,
    required: required || undefined,
    'aria-invalid': errors.length ? true : undefined,
    'aria-describedby': [errorId, hintId].filter(Boolean).join(' ') || undefined,
  });
  // The mark stays outside the label, so that the label's text is exactly the field's name.
  const labelElement = (
    <span className="field-label">
      <label htmlFor={id}>{label}</label>
      {required && <span className="required" aria-hidden="true"> *</span>}
    </span>
  );
  return (
    <div className={`field${inline ? ' field-inline' : ''}${wide ? ' field-wide' : ''}${errors.length ? ' field-invalid' : ''}`}>
      {inline ? <>{input}{labelElement}</> : <>{labelElement}{input}</>}
      {hint && !errorId && <small id={hintId} className="hint">{hint}</small>}
      {errorId && <span id={errorId} className="field-error">{errors.join('; ')}</span>}
    </div>
  );
}
