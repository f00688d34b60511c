import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/app.js';
import { emptyBibForm } from '../cataloguing/bib-form.js';
import { parseSearchBox, recordFromForm, saveBibRecords, searchCatalogue } from '../index.js';

let t: TestApp;
/** More matches than the SQL search (before session 5) read to rank and facet: it estimated beyond 1,000. */
const COUNT = 1_200;

beforeAll(async () => {
  t = await startTestApp();
  // 1,200 «сборники», the one titled exactly «Сборник» stored last.
  const records = Array.from({ length: COUNT }, (_, n) => ({
    record: recordFromForm({
      ...emptyBibForm(), title: n === COUNT - 1 ? 'Сборник' : `Сборник статей номер ${n}`, year: 1900 + (n % 100),
      documentType: n % 4 === 0 ? 'serial' : 'book', ageRating: n % 5 === 0 ? '12+' : null,
    }, 'rusmarc', { controlNumber: `large-${n}`, now: new Date('2024-01-01') }),
    schema: 'rusmarc' as const,
  }));
  await t.database.db.transaction().execute((trx) => saveBibRecords({ trx, actor: t.system, records, onMatch: 'skip' }));
}, 300_000);
afterAll(() => t.close());

describe('a large result', () => {
  it('is counted and faceted exactly, and ranks the exact title first wherever it is stored', async () => {
    const result = await searchCatalogue(t.database.db, t.networkId, { query: parseSearchBox('сборник'), facets: true });
    expect(result.total).toBe(COUNT);
    expect(result.hits[0]?.title).toBe('Сборник');
    const types = Object.fromEntries(result.facets!.documentTypes.map((facet) => [facet.value, facet.count]));
    // n % 4 === 0 are serials: 300 of 1,200 (the last, n = 1,199, is a book).
    expect(types).toEqual({ serial: 300, book: 900 });
    const ratings = Object.fromEntries(result.facets!.ageRatings.map((facet) => [facet.value, facet.count]));
    expect(ratings).toEqual({ '12+': 240 });
    expect(result.facets!.years.map((facet) => [facet.value, facet.count])).toEqual(
      Array.from({ length: 10 }, (_, d) => [String(1990 - d * 10), 120]));
  });

  it('keeps a sorted order exact over the whole result', async () => {
    const result = await searchCatalogue(t.database.db, t.networkId, { query: parseSearchBox('сборник'), sort: 'title', limit: 2 });
    expect(result.hits.map((hit) => hit.title)).toEqual(['Сборник', 'Сборник статей номер 0']);
    // Numbers sort as numbers read: 0, 1, 2 … 10, not 0, 1, 10, 100.
    const numbered = await searchCatalogue(t.database.db, t.networkId, { query: parseSearchBox('сборник'), sort: 'title', offset: 1, limit: 12 });
    expect(numbered.hits.map((hit) => hit.title)).toEqual(Array.from({ length: 12 }, (_, n) => `Сборник статей номер ${n}`));
    const newest = await searchCatalogue(t.database.db, t.networkId, { query: parseSearchBox('сборник'), sort: 'year-desc', limit: 3 });
    // Year descending, then the newest record first: 1999 is n = 99, 199, … 1,199 (the last is «Сборник»).
    expect(newest.hits.map((hit) => [hit.year, hit.title])).toEqual([[1999, 'Сборник'], [1999, 'Сборник статей номер 1099'], [1999, 'Сборник статей номер 999']]);
    const oldest = await searchCatalogue(t.database.db, t.networkId, { query: parseSearchBox('сборник'), sort: 'year-asc', limit: 2 });
    expect(oldest.hits.map((hit) => [hit.year, hit.title])).toEqual([[1900, 'Сборник статей номер 0'], [1900, 'Сборник статей номер 100']]);
  });

  it('reaches every page, the last one short', async () => {
    const seen = new Set<number>();
    for (let offset = 0; offset < COUNT; offset += 100) {
      const page = await searchCatalogue(t.database.db, t.networkId, { query: parseSearchBox('сборник'), offset, limit: 100 });
      for (const hit of page.hits) seen.add(hit.id);
    }
    expect(seen.size).toBe(COUNT);
    const last = await searchCatalogue(t.database.db, t.networkId, { query: parseSearchBox('сборник'), offset: COUNT - 5, limit: 20 });
    expect(last.hits).toHaveLength(5);
  });

  it('filters by years and age ratings, in the query and as filters', async () => {
    const count = async (text: string, filters = {}) => (await searchCatalogue(t.database.db, t.networkId, { query: parseSearchBox(text), filters })).total;
    expect(await count('сборник год:1990-1999')).toBe(120);
    expect(await count('сборник год:1950-')).toBe(600);
    expect(await count('сборник -год:1900-1980')).toBe(228);
    expect(await count('сборник год:-1903')).toBe(48);
    expect(await count('статей ИЛИ год:1999')).toBe(COUNT); // «Сборник» (no «статей») is of 1999
    expect(await count('сборник', { yearFrom: 1950, yearTo: 1979 })).toBe(360);
    expect(await count('сборник', { ageRatings: ['12+'] })).toBe(240);
    // 12+ is every fifth record (n % 5 === 0): years 1900, 1905, …; up to 1960, 13 of each century's 100, 12 times.
    expect(await count('сборник', { ageRatings: ['0+', '12+'], yearTo: 1960 })).toBe(156);
  });
});
