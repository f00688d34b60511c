import { useState, type MouseEvent } from 'react';
import { Link } from 'wouter';
import { ErrorBox } from '../../components/Status.js';
import { ApiError, api, toQueryString, type Query } from '../../lib/api.js';
import type { Iso2709ExportCheck } from '../../lib/contract.js';
import { catalogueImportTexts as m, t } from '../../lib/messages.js';

/** The search as the list page holds it (the parameters of GET /api/catalogue/search). */
export interface ExportSearchParams {
  q?: string;
  sort?: string;
  type?: string | string[];
  language?: string | string[];
  bbk?: string | string[];
  age?: string | string[];
  yearFrom?: string | number;
  yearTo?: string | number;
  /** The list page's decade facet ('1990' = 1990–1999): exported as yearFrom/yearTo. */
  decade?: string;
}

/** The export's query string for a search: repeatable parameters repeated, empty ones left out. */
function exportSearch(format: 'iso2709' | 'marcxml', params: ExportSearchParams): string {
  const { decade, type, language, bbk, age, ...single } = params;
  const query: Query = { format, ...single };
  if (decade && /^\d{4}$/.test(decade)) {
    query.yearFrom ??= Number(decade);
    query.yearTo ??= Number(decade) + 9;
  }
  const search = new URLSearchParams(toQueryString(query).slice(1));
  for (const [name, value] of Object.entries({ type, language, bbk, age })) {
    for (const one of Array.isArray(value) ? value : value ? [value] : []) if (one) search.append(name, one);
  }
  return search.toString();
}

/** The export URL for a search. */
export function exportUrl(format: 'iso2709' | 'marcxml', params: ExportSearchParams): string {
  return `/api/catalogue/export?${exportSearch(format, params)}`;
}

type IsoCheck = { state: 'checking' } | { state: 'unfit'; result: Iso2709ExportCheck } | { state: 'failed'; error: ApiError };

/**
 * «Выгрузить в ISO 2709 / MARCXML» for what the search found (the whole catalogue when nothing is
 * asked: the server allows that to the administrator and methodologist only). The browser downloads the
 * file as it streams, whatever its size. ISO 2709 cannot hold every record, and a file on its way can no
 * longer say that some are missing: so the server is asked first, and records it would leave out are named,
 * with the choice of the rest in ISO 2709 or all in MARCXML.
 */
export function ExportLinks({ params }: { params: ExportSearchParams }) {
  const [check, setCheck] = useState<IsoCheck>();
  const isoUrl = exportUrl('iso2709', params);
  const xmlUrl = exportUrl('marcxml', params);
  const exportIso = async (event: MouseEvent) => {
    event.preventDefault();
    setCheck({ state: 'checking' });
    try {
      const result = await api.get<Iso2709ExportCheck>(`/catalogue/export/iso2709-check?${exportSearch('iso2709', params)}`);
      if (result.unfit.length > 0) {
        setCheck({ state: 'unfit', result });
        return;
      }
      setCheck(undefined);
      window.location.assign(isoUrl);
    } catch (failure) {
      setCheck({ state: 'failed', error: failure instanceof ApiError ? failure : new ApiError(0, t.unexpectedError, String(failure)) });
    }
  };
  return (
    <>
      <p className="export-links" title={m.exportHint}>
        <a href={isoUrl} download title={m.exportIsoLimit} onClick={(event) => void exportIso(event)} aria-disabled={check?.state === 'checking' || undefined}>{m.exportIso}</a>
        <a href={xmlUrl} download>{m.exportXml}</a>
      </p>
      {check?.state === 'checking' && <p className="muted" role="status">{m.exportChecking}</p>}
      {check?.state === 'failed' && <ErrorBox error={check.error} />}
      {check?.state === 'unfit' && (
        <div className="notice notice-error export-unfit" role="alert">
          <p>{m.exportUnfit(check.result.unfit.length, check.result.records)}</p>
          <ul>
            {check.result.unfit.map((record) => (
              <li key={record.id}><Link href={`/catalogue/${record.id}`}>{record.title || `№ ${record.id}`}</Link> — {record.reason}</li>
            ))}
          </ul>
          <p className="export-links">
            {check.result.records > check.result.unfit.length && (
              <a href={isoUrl} download onClick={() => setCheck(undefined)}>{m.exportRestIso(check.result.records - check.result.unfit.length)}</a>
            )}
            <a href={xmlUrl} download onClick={() => setCheck(undefined)}>{m.exportAllXml}</a>
            <button type="button" onClick={() => setCheck(undefined)}>{m.exportCancel}</button>
          </p>
        </div>
      )}
    </>
  );
}
