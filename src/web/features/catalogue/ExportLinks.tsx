import { toQueryString, type Query } from '../../lib/api.js';
import { catalogueImportTexts as m } from '../../lib/messages.js';

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

/** The export URL for a search: repeatable parameters repeated, empty ones left out. */
export function exportUrl(format: 'iso2709' | 'marcxml', params: ExportSearchParams): string {
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
  return `/api/catalogue/export?${search.toString()}`;
}

/**
 * «Выгрузить в ISO 2709 / MARCXML» for what the search found (the whole catalogue when nothing is
 * asked: the server allows that to the administrator and methodologist only). Plain links: the
 * browser downloads the file as it streams, whatever its size.
 */
export function ExportLinks({ params }: { params: ExportSearchParams }) {
  return (
    <p className="export-links" title={m.exportHint}>
      <a href={exportUrl('iso2709', params)} download title={m.exportIsoLimit}>{m.exportIso}</a>
      <a href={exportUrl('marcxml', params)} download>{m.exportXml}</a>
    </p>
  );
}
