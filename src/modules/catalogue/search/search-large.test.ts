import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/app.js';
import { emptyBibForm } from '../cataloguing/bib-form.js';
import { parseSearchBox, recordFromForm, saveBibRecords, searchCatalogue } from '../index.js';
import { compileSearchCondition, filterAccessFor, MATCH_CAP, sortedPage, whereOf, type FilterAccess, type PlanNode } from './search.queries.js';

let t: TestApp;
const COUNT = MATCH_CAP + 200;

beforeAll(async () => {
  t = await startTestApp();
  // MATCH_CAP + 200 «сборники», the one titled exactly «Сборник» stored last (beyond the cap in storage order).
  const records = Array.from({ length: COUNT }, (_, n) => ({
    record: recordFromForm({
      ...emptyBibForm(), title: n === COUNT - 1 ? 'Сборник' : `Сборник статей номер ${n}`, year: 1900 + (n % 100),
      documentType: n % 4 === 0 ? 'serial' : 'book', ageRating: n % 5 === 0 ? '12+' : null,
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
    // Numbers sort as numbers read: 0, 1, 2 … 10, not 0, 1, 10, 100.
    const numbered = await searchCatalogue(t.database.db, t.networkId, { query: parseSearchBox('сборник'), sort: 'title', offset: 1, limit: 12 });
    expect(numbered.hits.map((hit) => hit.title)).toEqual(Array.from({ length: 12 }, (_, n) => `Сборник статей номер ${n}`));
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

describe('a year restriction beside words', () => {
  const bitmapAnd = (words: number, others: number, both: number): PlanNode => ({
    'Node Type': 'Bitmap Heap Scan', 'Plan Rows': both,
    Plans: [{
      'Node Type': 'BitmapAnd', 'Plan Rows': both,
      Plans: [
        { 'Node Type': 'Bitmap Index Scan', 'Index Name': 'bib_records_search', 'Plan Rows': words },
        { 'Node Type': 'Bitmap Index Scan', 'Index Name': 'bib_records_year_ascending', 'Plan Rows': others },
      ],
    }],
  });

  it('is tested row by row when the range holds most of the catalogue, and read from the year index when it is narrow', () => {
    // Planner estimates on 1,000,000 records: a word of 26,000 records in 1950–2024 (598,000 years in range) …
    expect(filterAccessFor(bitmapAnd(25_973, 598_343, 15_537))).toBe('heap');
    // … a common word (47,000) in one decade (80,000 years), and in two years (16,000).
    expect(filterAccessFor(bitmapAnd(47_000, 80_000, 3_800))).toBe('index');
    expect(filterAccessFor(bitmapAnd(47_000, 16_000, 750))).toBe('index');
    // A plan without the bitmap AND (the planner already tests the years row by row) is left as it is.
    expect(filterAccessFor({ 'Node Type': 'Bitmap Heap Scan', 'Plan Rows': 90, Plans: [
      { 'Node Type': 'Bitmap Index Scan', 'Index Name': 'bib_records_search', 'Plan Rows': 100 },
    ] })).toBe('index');
  });

  it('finds the same records whichever way the years and age ratings are read', async () => {
    const queries = ['сборник год:1990-1999', 'сборник год:1950-', 'сборник -год:1900-1980', 'статей ИЛИ год:1995', 'сборник год:-1903'];
    for (const text of queries) {
      const ids = async (access: FilterAccess) => (await sql<{ id: number }>`SELECT id FROM bib_records
        WHERE network_id = ${t.networkId} AND ${compileSearchCondition(parseSearchBox(text), access)!} ORDER BY id`.execute(t.database.db)).rows.map((row) => row.id);
      const indexed = await ids('index');
      expect(indexed.length, text).toBeGreaterThan(0);
      expect(await ids('heap'), text).toEqual(indexed);
    }
    // The filters too: years, and the age rating (every fifth record is 12+, the others unrated).
    const filters = [{ yearFrom: 1950, yearTo: 1979 }, { ageRatings: ['12+'] }, { ageRatings: ['0+', '12+'], yearTo: 1960 }];
    for (const filter of filters) {
      const ids = async (access: FilterAccess) => (await sql<{ id: number }>`SELECT id FROM bib_records
        WHERE ${whereOf(t.networkId, parseSearchBox('сборник'), filter, access)} ORDER BY id`.execute(t.database.db)).rows.map((row) => row.id);
      const indexed = await ids('index');
      expect(indexed.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(await ids('heap'), JSON.stringify(filter)).toEqual(indexed);
    }
    const filtered = await searchCatalogue(t.database.db, t.networkId, { query: parseSearchBox('сборник'), filters: { yearFrom: 1950, yearTo: 1979 }, limit: 100 });
    expect(filtered.total).toBe(360);
    expect(filtered.hits.every((hit) => hit.year! >= 1950 && hit.year! <= 1979)).toBe(true);
  });
});
