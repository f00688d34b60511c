import { useEffect, useId, useState } from 'react';
import { api, ApiError } from '../../lib/api.js';
import type { BibRecordView, UpdateBibRecordBody } from '../../lib/contract.js';
import { t } from '../../lib/messages.js';
import { marcToText, textToMarc } from './marc-text.js';

/**
 * The whole record as MARC text, for experts: saved as it is (the server checks title, ISBNs, age label). Saving
 * replaces the whole record, which only the administrator and the methodologist may (`mayReplace`); anyone else
 * sees the text read-only, with the reason.
 */
export function MarcTextEditor({ record, mayReplace, onSaved, onCancel, onReload, onDirty }: {
  record: BibRecordView; mayReplace: boolean; onSaved(): void; onCancel(): void; onReload(): void;
  /** Told whether the text differs from the record's (unsaved changes), whenever that changes. */
  onDirty?(dirty: boolean): void;
}) {
  const m = t.marcEditor;
  const id = useId();
  const readOnlyId = useId();
  const [original] = useState(() => marcToText(record.record));
  const [text, setText] = useState(original);
  const dirty = text !== original;
  useEffect(() => onDirty?.(dirty), [dirty, onDirty]);
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);
  const save = async () => {
    const parsed = textToMarc(text);
    setError(undefined);
    if ('errors' in parsed) {
      setProblems(parsed.errors);
      return;
    }
    setProblems([]);
    setSending(true);
    try {
      const body: UpdateBibRecordBody = { updatedAt: record.updatedAt, record: parsed.record };
      await api.patch<BibRecordView>(`/catalogue/records/${record.id}`, body);
      onSaved();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError(0, t.unexpectedError, String(failure)));
    } finally {
      setSending(false);
    }
  };
  return (
    <form className="form marc-editor" aria-label={m.title} noValidate onSubmit={(event) => { event.preventDefault(); if (mayReplace) void save(); }}>
      <label htmlFor={id} className="field-label">{m.title}</label>
      <p className="hint">{m.hint}</p>
      {!mayReplace && <p className="notice" id={readOnlyId}>{m.readOnly}</p>}
      <textarea id={id} rows={Math.min(30, text.split('\n').length + 2)} spellCheck={false} value={text} readOnly={!mayReplace}
        aria-describedby={mayReplace ? undefined : readOnlyId} onChange={(event) => setText(event.target.value)} />
      {(problems.length > 0 || error) && (
        <div className="notice notice-error" role="alert">
          <strong>{error?.title ?? m.unreadable}</strong>
          <ul>
            {problems.map((problem) => <li key={problem}>{problem}</li>)}
            {error && (error.errors.length ? error.errors.map((e) => <li key={e.field + e.message}>{e.message}</li>) : <li>{error.detail}</li>)}
          </ul>
          {error?.status === 409 && <button type="button" onClick={onReload}>{t.bibForm.reload}</button>}
        </div>
      )}
      <div className="form-actions">
        {mayReplace && <button type="submit" className="primary" disabled={sending}>{t.bibForm.save}</button>}
        <button type="button" onClick={onCancel}>{t.cancel}</button>
      </div>
    </form>
  );
}
