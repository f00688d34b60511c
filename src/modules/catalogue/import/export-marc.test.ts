import { describe, expect, it, vi } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { readMarcXmlString } from '../marc/marcxml-reader.js';
import type { MarcRecord } from '../marc/record.js';
import type { CatalogueSearchRequest } from '../search/search-catalogue.js';
import { exportMarc } from './export-marc.js';

/** 250 records found; the page from offset 100 comes back one short (a record deleted after the search counted it). */
const FOUND = 250;
vi.mock('../search/search-catalogue.js', () => ({
  searchCatalogue: vi.fn((_db: unknown, _network: number, request: CatalogueSearchRequest) => {
    const offset = request.offset ?? 0;
    const ids = Array.from({ length: Math.min(request.limit ?? 20, FOUND - offset) }, (_, i) => offset + i + 1)
      .filter((id) => id !== 150);
    const record = (id: number): MarcRecord => ({ leader: '00000nam a2200000 i 4500', fields: [{ tag: '001', value: `r${id}` }] });
    return Promise.resolve({ total: FOUND, hits: ids.map((id) => ({ id, record: record(id), schema: 'marc21' })) });
  }),
}));

describe('the export of a search', () => {
  it('goes on past a page that came back short, to the last record found', async () => {
    const chunks: Buffer[] = [];
    const selection = { kind: 'search' as const, request: { query: null } };
    for await (const chunk of exportMarc({ db: {} as Kysely<DB>, networkId: 1, selection, format: 'marcxml' })) chunks.push(chunk);
    const numbers = [...readMarcXmlString(Buffer.concat(chunks).toString('utf8'))]
      .flatMap((result) => (result.kind === 'record' ? [result.record.fields[0]] : []))
      .map((field) => Number((field as { value: string }).value.slice(1)));
    expect(numbers).toHaveLength(FOUND - 1);
    expect(numbers.at(-1)).toBe(FOUND);
  });
});
