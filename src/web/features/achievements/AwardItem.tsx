import { useId, useRef, useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { ApiError, api } from '../../lib/api.js';
import type { AwardView, DocumentView } from '../../lib/contract.js';
import { t } from '../../lib/messages.js';

/** One result of an entry: its wording, the scanned diploma to download or upload, and its removal. */
export function AwardItem({ award, canWrite, onChange }: { award: AwardView; canWrite: boolean; onChange(message: string): void }) {
  const f = t.awardForm;
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();

  const upload = async (file: File) => {
    setSending(true);
    setError(undefined);
    try {
      const document = await api.upload<DocumentView>(`/awards/${award.id}/document`, file, { fileName: file.name });
      onChange(f.uploaded(document.fileName));
    } catch (failure) {
      setError(failure instanceof ApiError ? (failure.errorsOf('document')[0] ?? failure.detail) : String(failure));
    } finally {
      setSending(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <li className="award">
      <strong>{award.wording}</strong>
      {award.note && <span className="muted"> ({award.note})</span>}
      {award.document && (
        <a className="award-document" href={`/api/awards/${award.id}/document`} download={award.document.fileName}>
          {f.download(award.document.fileName, f.kilobytes(award.document.sizeBytes))}
        </a>
      )}
      {canWrite && (
        <span className="award-actions">
          <input
            ref={input}
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            className="visually-hidden"
            aria-label={`${award.document ? f.replace : f.upload}: ${award.wording}`}
            aria-describedby={hintId}
            tabIndex={-1}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void upload(file);
            }}
          />
          <button type="button" className="small" onClick={() => input.current?.click()} disabled={sending} title={f.uploadHint}>
            {sending ? f.uploading : award.document ? f.replace : f.upload}
          </button>
          <span id={hintId} className="visually-hidden">{f.uploadHint}</span>
          <ConfirmButton
            label={f.remove}
            question={f.confirmRemove(award.wording)}
            confirmLabel={t.achievements.confirmRemoveButton}
            danger
            onConfirm={async () => {
              await api.delete(`/awards/${award.id}`);
              onChange(f.removed);
            }}
          />
        </span>
      )}
      {error && <span className="field-error" role="alert"> {error}</span>}
    </li>
  );
}
