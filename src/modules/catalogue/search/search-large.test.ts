import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/app.js';
import { emptyBibForm } from '../cataloguing/bib-form.js';
import { parseSearchBox, recordFromForm, saveBibRecords, searchCatalogue } from '../index.js';
import { compileSearchCondition, MATCH_CAP, sortedPage } from './search.queries.js';

let t: TestApp;
const COUNT = MATCH_CAP + 200;

beforeAll(async () => {
  t = await startTestApp();
  // MATCH_CAP + 200 «сборники», the one titled exactly «Сборник» stored last (beyond the cap in storage order).
  const records = Array.from({ length: COUNT }, (_, n) => ({
    record: recordFromForm({
      ...emptyBibForm(), title: n === COUNT - 1 ? 'Сборник' : `Сборник статей номер ${n}`, year: 1900 + (n % 100),
      documentType: n % 4 === 0 ? 'serial' : 'book',
    }, 'rusmarc', { controlNumber: `large-${n}`, now: new Date('2024-01-01') }),
    schema: 'rusmarc' as const,
  }));
  await t.database.db.transaction().execute((trx) => saveBibRecords({ trx, actor: t.system, records, onMatch: 'skip' }));
  await sql`ANALYZE bib_records`.execute(t.database.db);
}, 300_000);
afterAll(() => t.close());

describe('a result larger than the match cap', () => {
  it('estimates the total, says so, and still ranks the exact title first', async () => {
    const result = await searchCatalogue(t.database.db, t.networkId, { query: parseSearchBox('сборник'), facets: true });
    expect(result.approximate).toBe(true);
    expect(result.total).toBeGreaterThan(MATCH_CAP);
    expect(result.total).toBeLessThan(COUNT * 1.5);
    expect(result.hits[0]?.title).toBe('Сборник');
    const types = Object.fromEntries(result.facets!.documentTypes.map((facet) => [facet.value, facet.count]));
    // Counted over the first MATCH_CAP matches and scaled to the total: about 3 books to 1 serial.
    expect(types.book! / types.serial!).toBeGreaterThan(2.5);
    expect(types.book! / types.serial!).toBeLessThan(3.5);
  });

  it('keeps a sorted order exact over the whole result', async () => {
    const result = await searchCatalogue(t.database.db, t.networkId, { query: parseSearchBox('сборник'), sort: 'title', limit: 2 });
    expect(result.hits.map((hit) => hit.title)).toEqual(['Сборник', 'Сборник статей номер 0']);
    const newest = await searchCatalogue(t.database.db, t.networkId, { query: parseSearchBox('сборник'), sort: 'year-desc', limit: 1 });
    expect(newest.hits[0]?.year).toBe(1999);
  });

  it('gives the same sorted pages whichever of its two plans it takes (walking the sort index, or sorting the matches)', async () => {
    const where = sql<boolean>`network_id = ${t.networkId} AND ${compileSearchCondition(parseSearchBox('сборник'))!}`;
    for (const kind of ['title', 'year-desc', 'year-asc'] as const) {
      for (const offset of [0, MATCH_CAP + 50]) {
        const page = (walkIndex: boolean) => sortedPage(t.database.db, { where, order: { kind }, offset, limit: 30, withRecords: false, walkIndex });
        const walked = (await page(true)).map((hit) => hit.id);
        expect(walked).toHaveLength(30);
        expect((await page(false)).map((hit) => hit.id), `${kind} from ${offset}`).toEqual(walked);
      }
    }
  });

  it('reaches relevance pages beyond the cap (the ranked set widens to the page)', async () => {
    const offset = MATCH_CAP + 100;
    const page = await searchCatalogue(t.database.db, t.networkId, { query: parseSearchBox('сборник'), offset, limit: 20 });
    expect(page.hits).toHaveLength(20);
    const last = await searchCatalogue(t.database.db, t.networkId, { query: parseSearchBox('сборник'), offset: COUNT - 5, limit: 20 });
    expect(last.hits).toHaveLength(5);
    expect(last.total).toBe(COUNT);
  });

  it('counts exactly a result within the cap', async () => {
    const result = await searchCatalogue(t.database.db, t.networkId, { query: parseSearchBox('сборник'), filters: { yearFrom: 1990 } });
    expect(result.approximate).toBeUndefined();
    expect(result.total).toBe(120);
  });
});
