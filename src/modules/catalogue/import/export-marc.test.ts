import { createReadStream, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { corpusFiles } from '../marc/corpus.testkit.js';
import { seededRandom } from '../../../shared/random.js';
import { mutate, seedRecords } from '../marc/fuzz.testkit.js';
import { readIso2709Buffer } from '../marc/iso2709-reader.js';
import { MarcWriteError, writeIso2709Record } from '../marc/iso2709-writer.js';
import { readMarcXml, readMarcXmlString } from '../marc/marcxml-reader.js';
import type { MarcReadResult, MarcRecord } from '../marc/record.js';
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

describe('what the ISO 2709 check relies on', () => {
  it('a record written as ISO 2709 takes no more bytes than its JSON, on the whole corpus and on mutated records', async () => {
    // findRecordsIso2709MayRefuse names only records whose JSON is over 9,999 bytes (or with an odd tag): a record
    // whose ISO 2709 form were longer than its JSON could have a field over the limit and not be named.
    const records: MarcRecord[] = [];
    const keep = (result: MarcReadResult) => { if (result.kind === 'record') records.push(result.record); };
    for (const file of corpusFiles()) {
      if (file.format === 'iso2709') for (const result of readIso2709Buffer(readFileSync(file.path))) keep(result);
      else for await (const result of readMarcXml(createReadStream(file.path))) keep(result);
    }
    const next = seededRandom(7);
    const seeds = seedRecords();
    for (let i = 0; i < 3000; i++) for (const result of readIso2709Buffer(mutate(seeds, next))) keep(result);
    expect(records.length).toBeGreaterThan(10_000);

    let written = 0;
    for (const record of records) {
      let iso: Buffer;
      try {
        iso = writeIso2709Record(record);
      } catch (error) {
        if (error instanceof MarcWriteError) continue;
        throw error;
      }
      written++;
      const json = Buffer.byteLength(JSON.stringify(record));
      if (iso.length > json) expect.fail(`ISO 2709 ${iso.length} bytes, JSON ${json}: ${JSON.stringify(record).slice(0, 300)}`);
    }
    expect(written).toBeGreaterThan(10_000);
  });
});
