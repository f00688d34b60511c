import { diagnostic, type SruDiagnostic } from './diagnostics.js';
import { DEFAULT_MAXIMUM_RECORDS, MARCXML_SCHEMA_URI, MAXIMUM_RECORDS_LIMIT } from './sru-xml.js';

/**
 * SRU 1.2 request parameters (GET query string or a POST form) → what to do. Pure. Parameter names are
 * case-sensitive (SRU); a repeated parameter counts by its first value. Parameters starting with `x-`
 * are extensions and are ignored; any other unknown one is diagnostic 8.
 */

export const SUPPORTED_VERSIONS = ['1.1', '1.2'];
/** The version assumed when a request names none (1.2 makes it mandatory; browsers' users forget it). */
export const DEFAULT_VERSION = '1.2';

const MARCXML_SCHEMA_NAMES = new Set(['marcxml', MARCXML_SCHEMA_URI.toLowerCase()]);

const KNOWN_PARAMETERS: Record<string, readonly string[]> = {
  explain: ['operation', 'version', 'recordPacking', 'stylesheet'],
  searchRetrieve: ['operation', 'version', 'query', 'startRecord', 'maximumRecords', 'recordPacking', 'recordSchema',
    'recordXPath', 'resultSetTTL', 'sortKeys', 'stylesheet'],
};

export type SruRequest =
  | { operation: 'explain'; version: string; diagnostics: SruDiagnostic[] }
  | {
    operation: 'searchRetrieve'; version: string;
    query: string; startRecord: number; maximumRecords: number; packing: 'xml' | 'string';
    diagnostics: SruDiagnostic[];   // empty: run the search; otherwise answer them without searching
  };

/** First value of each parameter. */
export function firstValues(parameters: URLSearchParams): Map<string, string> {
  const values = new Map<string, string>();
  for (const [key, value] of parameters) if (!values.has(key)) values.set(key, value);
  return values;
}

function positiveInteger(value: string | undefined, fallback: number, minimum: number): number | undefined {
  if (value === undefined) return fallback;
  if (!/^\d{1,9}$/.test(value.trim())) return undefined;
  const number = Number(value.trim());
  return number < minimum ? undefined : number;
}

export function readSruRequest(parameters: ReadonlyMap<string, string>): SruRequest {
  const operation = parameters.get('operation') ?? 'explain';
  const requestedVersion = parameters.get('version') ?? DEFAULT_VERSION;
  const version = SUPPORTED_VERSIONS.includes(requestedVersion) ? requestedVersion : DEFAULT_VERSION;
  const diagnostics: SruDiagnostic[] = [];
  const fail = (d: SruDiagnostic) => {
    if (diagnostics.length === 0) diagnostics.push(d);
  };

  if (!SUPPORTED_VERSIONS.includes(requestedVersion)) fail(diagnostic(5, DEFAULT_VERSION, `Версия ${requestedVersion} не поддерживается, поддерживаются 1.1 и 1.2`));
  if (operation !== 'explain' && operation !== 'searchRetrieve') {
    fail(diagnostic(4, operation));
    return { operation: 'explain', version, diagnostics };
  }
  for (const key of parameters.keys()) {
    if (!key.startsWith('x-') && !KNOWN_PARAMETERS[operation]!.includes(key)) fail(diagnostic(8, key));
  }
  const packing = parameters.get('recordPacking') ?? 'xml';
  if (packing !== 'xml' && packing !== 'string') fail(diagnostic(71, packing));
  if (parameters.has('stylesheet')) fail(diagnostic(110, parameters.get('stylesheet')));
  if (operation === 'explain') return { operation, version, diagnostics };

  const query = parameters.get('query');
  if (query === undefined || query.trim() === '') fail(diagnostic(7, 'query'));
  const startRecord = positiveInteger(parameters.get('startRecord'), 1, 1);
  if (startRecord === undefined) fail(diagnostic(6, 'startRecord', 'Номер первой записи должен быть целым числом от 1'));
  const maximumRecords = positiveInteger(parameters.get('maximumRecords'), DEFAULT_MAXIMUM_RECORDS, 0);
  if (maximumRecords === undefined) fail(diagnostic(6, 'maximumRecords', 'Число записей должно быть целым числом от 0'));
  const schema = parameters.get('recordSchema');
  if (schema !== undefined && !MARCXML_SCHEMA_NAMES.has(schema.toLowerCase())) fail(diagnostic(66, schema));
  if (parameters.has('recordXPath')) fail(diagnostic(72, parameters.get('recordXPath')));
  if (parameters.has('sortKeys')) fail(diagnostic(80, 'sortKeys', 'Параметр sortKeys не поддерживается: сортировка задаётся в запросе CQL (sortBy)'));
  return {
    operation, version, query: query ?? '', startRecord: startRecord ?? 1,
    maximumRecords: Math.min(maximumRecords ?? DEFAULT_MAXIMUM_RECORDS, MAXIMUM_RECORDS_LIMIT),
    packing: packing === 'string' ? 'string' : 'xml', diagnostics,
  };
}
