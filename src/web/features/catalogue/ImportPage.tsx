import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import { Field } from '../../components/Field.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import { ApiError, api } from '../../lib/api.js';
import type { CatalogueImportDetail, CatalogueImportView, Paged } from '../../lib/contract.js';
import { formatDateTime } from '../../lib/format.js';
import { catalogueImportTexts as m, t } from '../../lib/messages.js';
import { canCompileNetworkRecords } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { uploadWithProgress } from '../../lib/upload.js';
import { useApi } from '../../lib/use-api.js';
import './import.css';

type OnMatch = 'skip' | 'replace' | 'merge';
interface Options { format: string; schema: string; encoding: string; onMatch: OnMatch }

/**
 * While the file travels: how much is sent, and the import's row as the server reports it. `afterId` is the newest
 * import before this upload began: the row followed is a newer one of this user with this file's name, so another
 * import of a file of the same name (an earlier one still running, another librarian's) is not taken for this one.
 */
interface Running { percent: number; afterId: number; row?: CatalogueImportView }

const POLL_MS = 1000;

function Counts({ row }: { row: Pick<CatalogueImportView, 'read' | 'imported' | 'updated' | 'skipped' | 'failed'> }) {
  return (
    <>
      <p className="import-summary"><strong>{m.summary(row)}</strong></p>
      <p className="muted">{m.summaryMore(row)}</p>
    </>
  );
}

function detectedText(row: CatalogueImportView): string {
  const mark = (name: string) => (row.autoDetected.includes(name) ? m.detectedMark : '');
  return [
    row.format ? m.formats[row.format] + mark('format') : '',
    row.schema ? m.schemas[row.schema] + mark('schema') : '',
    row.encoding ? m.encodings[row.encoding] + mark('encoding') : '',
  ].filter(Boolean).join(', ');
}

/** The finished import: counts, what was detected, the bad records and their report. */
function ImportResult({ result }: { result: CatalogueImportDetail }) {
  const c = m.columns;
  return (
    <section aria-labelledby="import-result" className="import-result">
      <h2 id="import-result">{result.status === 'failed' ? m.failed : m.done}: {result.fileName}</h2>
      {result.status === 'failed' && <div className="notice notice-error" role="alert">{result.message}</div>}
      {result.status !== 'failed' && <Counts row={result} />}
      {detectedText(result) && <p className="muted">{m.detected}: {detectedText(result)}</p>}
      {result.errors.length > 0 && (
        <>
          <h3>{m.errorsTitle}</h3>
          <p>
            <a href={`/api/catalogue/imports/${result.id}/errors.csv`} download>{m.downloadErrors}</a>
          </p>
          {result.failed > result.errors.length && <p className="muted">{m.errorsNotStored(result.failed - result.errors.length)}</p>}
          <table className="table" aria-label={m.errorsTitle}>
            <thead><tr><th scope="col">{c.index}</th><th scope="col">{c.offset}</th><th scope="col">{c.code}</th><th scope="col">{c.reason}</th></tr></thead>
            <tbody>
              {result.errors.map((error) => (
                <tr key={error.index}>
                  <td>{error.index}</td><td>{error.byteOffset ?? t.empty}</td><td><code>{error.code}</code></td><td>{error.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function UploadForm({ onDone }: { onDone(result: CatalogueImportDetail): void }) {
  const [file, setFile] = useState<File>();
  const [options, setOptions] = useState<Options>({ format: '', schema: '', encoding: '', onMatch: 'skip' });
  const [running, setRunning] = useState<Running>();
  const [error, setError] = useState<ApiError>();
  const onMatchName = useId();
  const set = (patch: Partial<Options>) => setOptions((previous) => ({ ...previous, ...patch }));

  // While the upload runs, the import's row shows how far the server has got (it reads as the file arrives).
  const me = useMe();
  const fileName = file?.name;
  const afterId = running?.afterId;
  useEffect(() => {
    if (afterId === undefined || !fileName) return;
    let stopped = false;
    const poll = async () => {
      try {
        const page = await api.get<Paged<CatalogueImportView>>('/catalogue/imports', { status: 'running', pageSize: 10 });
        const row = page.items.find((item) => item.id > afterId && item.fileName === fileName && (item.user?.id ?? null) === me.userId);
        if (!stopped && row) setRunning((previous) => (previous ? { ...previous, row } : previous));
      } catch {
        // The next poll will tell.
      }
    };
    const timer = setInterval(() => void poll(), POLL_MS);
    void poll();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [afterId, fileName, me.userId]);
  const active = running !== undefined;

  const submit = async () => {
    if (!file) {
      setError(new ApiError(400, t.fixFields, m.chooseFile, [{ field: 'file', message: m.chooseFile }]));
      return;
    }
    setError(undefined);
    try {
      const newest = await api.get<Paged<CatalogueImportView>>('/catalogue/imports', { pageSize: 1 });
      setRunning({ percent: 0, afterId: newest.items[0]?.id ?? 0 });
      const result = await uploadWithProgress<CatalogueImportDetail>({
        path: '/catalogue/imports', file,
        query: { fileName: file.name, format: options.format, schema: options.schema, encoding: options.encoding, onMatch: options.onMatch },
        onProgress: ({ loaded, total }) => setRunning((previous) => (previous ? { ...previous, percent: total ? Math.floor((loaded / total) * 100) : 0 } : previous)),
      });
      onDone(result);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError(0, t.unexpectedError, String(failure)));
    } finally {
      setRunning(undefined);
    }
  };

  const select = (label: string, value: string, onChange: (value: string) => void, choices: Record<string, string>, keys: string[]) => (
    <Field label={label}>
      {(binding) => (
        <select {...binding} value={value} onChange={(event) => onChange(event.target.value)} disabled={active}>
          <option value="">{m.auto}</option>
          {keys.map((key) => <option key={key} value={key}>{choices[key]}</option>)}
        </select>
      )}
    </Field>
  );

  return (
    <form className="form" noValidate aria-label={m.title} onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <p className="muted">{m.intro}</p>
      <Field label={m.file} required hint={m.fileHint} errors={error?.errorsOf('file')} wide>
        {(binding) => (
          <input {...binding} type="file" accept=".mrc,.iso,.marc,.dat,.xml,.mrx,.iso2709,application/marc,text/xml,application/xml"
            disabled={active} onChange={(event) => setFile(event.target.files?.[0])} />
        )}
      </Field>
      {select(m.format, options.format, (format) => set({ format }), m.formats, ['iso2709', 'marcxml'])}
      {select(m.schema, options.schema, (schema) => set({ schema }), m.schemas, ['marc21', 'rusmarc'])}
      {select(m.encoding, options.encoding, (encoding) => set({ encoding }), m.encodings, ['utf-8', 'cp1251', 'marc-8'])}
      <fieldset className="import-on-match" disabled={active}>
        <legend>{m.onMatch}</legend>
        <p className="muted">{m.onMatchHint}</p>
        {(['skip', 'replace', 'merge'] as const).map((value) => (
          <label key={value} className="import-choice">
            <input type="radio" name={onMatchName} value={value} checked={options.onMatch === value} onChange={() => set({ onMatch: value })} />
            <span><strong>{m.onMatchOptions[value]![0]}</strong> — {m.onMatchOptions[value]![1]}</span>
          </label>
        ))}
      </fieldset>
      {error && error.errors.length === 0 && <ErrorBox error={error} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={active} aria-busy={active || undefined}>{m.submit}</button>
      </div>
      {running && (
        <div className="import-progress" role="status" aria-live="polite">
          <label>
            <span>{running.percent < 100 ? m.uploading : m.processing}: {m.sent(running.percent)}</span>
            <progress max={100} value={running.percent} />
          </label>
          {running.row && <p>{m.soFar(running.row.read, running.row.imported, running.row.failed)}</p>}
        </div>
      )}
    </form>
  );
}

function History({ version, onShow }: { version: number; onShow(id: number): void }) {
  const list = useApi<Paged<CatalogueImportView>>('/catalogue/imports', { pageSize: 20, v: version });
  const h = m.historyColumns;
  if (list.error) return <ErrorBox error={list.error} />;
  if (!list.data) return <Loading />;
  if (list.data.items.length === 0) return <p className="empty">{m.historyEmpty}</p>;
  return (
    <table className="table" aria-label={m.history}>
      <thead><tr><th scope="col">{h.started}</th><th scope="col">{h.file}</th><th scope="col">{h.who}</th><th scope="col">{h.status}</th><th scope="col">{h.counts}</th><th /></tr></thead>
      <tbody>
        {list.data.items.map((row) => (
          <tr key={row.id}>
            <td>{formatDateTime(row.startedAt)}</td>
            <td>{row.fileName || t.empty}</td>
            <td>{row.user?.fullName ?? m.system}</td>
            <td>{m.statuses[row.status]}</td>
            <td>{row.status === 'failed' ? row.message : m.summary(row)}</td>
            <td><button type="button" className="link-button" onClick={() => onShow(row.id)}>{m.show}</button></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** /app/catalogue/import: upload a MARC file with progress, see the result and the bad records, and earlier imports. */
export function ImportPage() {
  const me = useMe();
  const [result, setResult] = useState<CatalogueImportDetail>();
  const [version, setVersion] = useState(0);
  const top = useRef<HTMLHeadingElement>(null);
  if (!canCompileNetworkRecords(me)) return <div className="notice notice-error" role="alert">{m.noAccess}</div>;

  const show = (detail: CatalogueImportDetail) => {
    setResult(detail);
    setVersion((v) => v + 1);
    top.current?.scrollIntoView();
  };
  const showById = async (id: number) => show(await api.get<CatalogueImportDetail>(`/catalogue/imports/${id}`));

  return (
    <>
      <p className="breadcrumbs"><Link href="/catalogue">{t.catalogue.nav}</Link></p>
      <h1 ref={top}>{m.title}</h1>
      {result ? (
        <>
          <ImportResult result={result} />
          <p><button type="button" onClick={() => setResult(undefined)}>{m.another}</button></p>
        </>
      ) : (
        <UploadForm onDone={show} />
      )}
      <h2>{m.history}</h2>
      <History version={version} onShow={(id) => void showById(id)} />
    </>
  );
}
