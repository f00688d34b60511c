import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { searchCatalogue, writeMarcXmlRecord } from '../catalogue/index.js';
import { parseCql } from './cql.js';
import { diagnostic, type SruDiagnostic } from './diagnostics.js';
import type { SruRecord } from './sru-xml.js';

export interface SearchRetrieveResult {
  numberOfRecords: number;
  records: SruRecord[];
  nextRecordPosition?: number;
  diagnostics: SruDiagnostic[];
}

/**
 * searchRetrieve over the catalogue of one network: CQL → search AST → searchCatalogue, and the
 * page of records as MARCXML, each the stored record as it is (RUSMARC stays RUSMARC). Read-only.
 * Typo correction is off: a machine client asked for exactly this query.
 */
export async function searchRetrieve(options: {
  db: Kysely<DB>; networkId: number;
  input: { query: string; startRecord: number; maximumRecords: number };
}): Promise<SearchRetrieveResult> {
  const { db, networkId, input } = options;
  const parsed = parseCql(input.query);
  if (!parsed.ok) return { numberOfRecords: 0, records: [], diagnostics: [parsed.diagnostic] };

  const result = await searchCatalogue(db, networkId, {
    query: parsed.query,
    ...(parsed.sort === undefined ? {} : { sort: parsed.sort }),
    offset: input.startRecord - 1,
    // maximumRecords=0 asks for the count only; the search is still asked for one hit (its limit is ≥ 1).
    limit: Math.max(input.maximumRecords, 1),
    correctTypos: false,
    withRecords: true,
  });
  const total = result.total;
  if (total > 0 && input.startRecord > total) {
    return { numberOfRecords: total, records: [], diagnostics: [diagnostic(61, String(input.startRecord), `Номер первой записи ${input.startRecord} больше числа найденных (${total})`)] };
  }
  const records = result.hits.slice(0, input.maximumRecords).map((hit, i) => {
    if (!hit.record) throw new Error(`search hit ${hit.id} came without its record`);
    return { xml: writeMarcXmlRecord(hit.record, true).trimEnd(), position: input.startRecord + i };
  });
  const next = input.startRecord + records.length;
  return { numberOfRecords: total, records, diagnostics: [], ...(next <= total ? { nextRecordPosition: next } : {}) };
}
