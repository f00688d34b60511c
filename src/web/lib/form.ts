import { useState } from 'react';
import { ApiError } from './api.js';
import { t } from './messages.js';

/** What a form holds: text as typed (dates 'YYYY-MM-DD', numbers as text), flags, lists of ids. */
export type FormValue = string | boolean | string[];
export type FormValues = Record<string, FormValue>;
export type KeysOfType<V, T> = { [K in keyof V]: V[K] extends T ? K : never }[keyof V] & string;

export interface FormState<V extends FormValues> {
  values: V;
  set<K extends keyof V>(name: K, value: V[K]): void;
  reset(values?: V): void;
  sending: boolean;
  error: ApiError | undefined;
  success: string | undefined;
  /** The server's messages about one field, shown next to it. */
  errorsOf(name: string): string[];
  /** Messages about fields this form does not show (shown at the top of the form). */
  otherErrors(): string[];
  /** Runs the action; its result (a message) is the success feedback, a thrown ApiError goes to the fields. */
  submit(action: (values: V) => Promise<string | undefined>): Promise<void>;
}

/** State of one form: its values, whether it is being sent, and what the server said. */
export function useForm<V extends FormValues>(initial: V): FormState<V> {
  const [values, setValues] = useState(initial);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [success, setSuccess] = useState<string>();
  const fields = Object.keys(initial);

  return {
    values,
    sending,
    error,
    success,
    set(name, value) {
      setValues((previous) => ({ ...previous, [name]: value }));
      setSuccess(undefined);
    },
    reset(next) {
      setValues(next ?? initial);
      setError(undefined);
    },
    errorsOf: (name) => error?.errorsOf(name) ?? [],
    otherErrors: () =>
      (error?.errors ?? []).filter((e) => !fields.includes(e.field.split('.')[0]!)).map((e) => `${e.field}: ${e.message}`),
    async submit(action) {
      if (sending) return;
      setSending(true);
      setError(undefined);
      setSuccess(undefined);
      try {
        setSuccess(await action(values));
      } catch (failure) {
        setError(failure instanceof ApiError ? failure : new ApiError(0, t.unexpectedError, String(failure)));
      } finally {
        setSending(false);
      }
    },
  };
}

/**
 * Leaves out required fields left empty, so that the server answers «обязательное поле»
 * (an empty date would get «нужна дата в формате ГГГГ-ММ-ДД», a format the user never sees).
 */
export function withoutEmpty<T extends object>(body: T, ...fields: (keyof T)[]): T {
  const copy = { ...body };
  for (const field of fields) if (copy[field] === '') delete copy[field];
  return copy;
}

/** '' → null, for optional dates and numbers. */
export const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** '' → null, otherwise the number typed. */
export const numberOrNull = (value: string): number | null => (value.trim() === '' ? null : Number(value.replace(',', '.')));
