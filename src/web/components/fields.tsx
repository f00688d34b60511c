/** Form inputs bound to a useForm state by name: label, required mark, hint and server errors included. */
import type { FormState, FormValues, KeysOfType } from '../lib/form.js';
import { Field } from './Field.js';

interface BaseProps<V extends FormValues, T> {
  form: FormState<V>;
  name: KeysOfType<V, T>;
  label: string;
  required?: boolean;
  hint?: string;
  disabled?: boolean;
}

interface TextFieldProps<V extends FormValues> extends BaseProps<V, string> {
  type?: 'text' | 'date' | 'time' | 'number' | 'email' | 'tel' | 'password';
  autoComplete?: string;
  placeholder?: string;
  /** A wider input for long text. */
  wide?: boolean;
  min?: number;
  max?: number;
}

export function TextField<V extends FormValues>({ form, name, label, required, hint, disabled, type = 'text', ...rest }: TextFieldProps<V>) {
  return (
    <Field label={label} required={required} hint={hint} errors={form.errorsOf(name)} wide={rest.wide}>
      {(binding) => (
        <input
          {...binding}
          name={name}
          type={type}
          value={form.values[name] as string}
          onChange={(event) => form.set(name, event.target.value as V[typeof name])}
          autoComplete={rest.autoComplete}
          placeholder={rest.placeholder}
          min={rest.min}
          max={rest.max}
          step={type === 'number' ? 1 : undefined}
          disabled={disabled}
        />
      )}
    </Field>
  );
}

export function TextAreaField<V extends FormValues>({ form, name, label, required, hint, disabled, rows = 2 }: BaseProps<V, string> & { rows?: number }) {
  return (
    <Field label={label} required={required} hint={hint} errors={form.errorsOf(name)} wide>
      {(binding) => (
        <textarea
          {...binding}
          name={name}
          rows={rows}
          value={form.values[name] as string}
          onChange={(event) => form.set(name, event.target.value as V[typeof name])}
          disabled={disabled}
        />
      )}
    </Field>
  );
}

export type Options = readonly (readonly [value: string, label: string])[];

/** Turns a label catalogue into select options, in the catalogue's order. */
export const optionsOf = (labels: Record<string, string>): Options => Object.entries(labels);

export function SelectField<V extends FormValues>({ form, name, label, required, hint, disabled, options }: BaseProps<V, string> & { options: Options }) {
  return (
    <Field label={label} required={required} hint={hint} errors={form.errorsOf(name)}>
      {(binding) => (
        <select
          {...binding}
          name={name}
          value={form.values[name] as string}
          onChange={(event) => form.set(name, event.target.value as V[typeof name])}
          disabled={disabled}
        >
          {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField<V extends FormValues>({ form, name, label, hint, disabled }: BaseProps<V, boolean>) {
  return (
    <Field label={label} hint={hint} errors={form.errorsOf(name)} inline>
      {({ required: _required, ...binding }) => (
        <input
          {...binding}
          name={name}
          type="checkbox"
          checked={form.values[name] as boolean}
          onChange={(event) => form.set(name, event.target.checked as V[typeof name])}
          disabled={disabled}
        />
      )}
    </Field>
  );
}

/** A set of checkboxes choosing several values (e.g. a librarian's branches), as a fieldset with a legend. */
export function CheckboxGroupField<V extends FormValues>({ form, name, label, required, hint, options }: BaseProps<V, string[]> & { options: Options }) {
  const selected = form.values[name] as string[];
  const errors = form.errorsOf(name);
  const toggle = (value: string, on: boolean) =>
    form.set(name, (on ? [...selected, value] : selected.filter((v) => v !== value)) as V[typeof name]);
  return (
    <fieldset className={`checkbox-group${errors.length ? ' field-invalid' : ''}`} aria-invalid={errors.length ? true : undefined}>
      <legend>
        {label}
        {required && <span className="required" aria-hidden="true"> *</span>}
      </legend>
      {hint && <small className="hint">{hint}</small>}
      <div className="checkbox-list">
        {options.map(([value, text]) => (
          <label key={value}>
            <input type="checkbox" name={name} value={value} checked={selected.includes(value)} onChange={(event) => toggle(value, event.target.checked)} />
            {text}
          </label>
        ))}
      </div>
      {errors.length > 0 && <span className="field-error" role="alert">{errors.join('; ')}</span>}
    </fieldset>
  );
}
