import { describe, expect, it } from 'vitest';
import { parseSearchBox } from '../query.js';
import { CatalogueIndex } from './catalogue-index.js';
import type { IndexRow } from './catalogue-index.queries.js';
import { searchIndex, type IndexSearch, type ResolvedTerms } from './evaluate.js';

const row = (id: number, title: string, vector: string, year: number | null, extra: Partial<IndexRow> = {}): IndexRow => ({
  id, networkId: 1, vector, year, documentType: 'book', languages: ['rus'], bbkDivisions: ['84'], ageRating: null,
  titleKey: title, authorKeys: [], bbkKeys: ['84(2РОС=РУС)6'], ...extra,
});

/** The words of these tests and their lexemes, as PostgreSQL's russian stemmer gives them. */
const resolved: ResolvedTerms = { lexemes: new Map([['сказки', ['сказк']], ['пушкин', ['пушкин']], ['и', []]]), ids: new Map() };

function search(index: CatalogueIndex, text: string | null, options: Partial<IndexSearch> = {}) {
  return searchIndex(index, {
    networkId: 1, query: text === null ? null : parseSearchBox(text), filters: {},
    order: text === null ? { kind: 'title' } : { kind: 'relevance', exactTitle: null, exactAuthor: null, titleWithAuthor: [] },
    offset: 0, limit: 100, facets: true, ...options,
  }, resolved);
}

describe('the in-memory index', () => {
  it('answers the same before and after a merge of records added, replaced and removed since the last one', () => {
    const index = new CatalogueIndex();
    index.put(row(1, 'сказки', `'сказк':1A`, 1990));
    index.put(row(2, 'стихи', `'пушкин':2B 'стих':1A`, 2001));
    index.put(row(3, 'сказки пушкина', `'пушкин':2A 'сказк':1A`, 1985, { documentType: 'serial' }));
    index.merge();
    // Since the merge: a new record, one replaced (its old slot dead), one removed.
    index.put(row(4, 'азбука сказки', `'азбук':1A 'сказк':2A`, null));
    index.put(row(2, 'сказки и стихи', `'пушкин':4B 'сказк':1A 'стих':3A`, 2001));
    index.remove(3);
    const before = {
      words: search(index, 'сказки'), phrase: search(index, '"сказки пушкин"'), author: search(index, 'автор:пушкин'),
      byTitle: search(index, null), byYear: search(index, null, { order: { kind: 'year-desc' } }),
      stopWordsOnly: search(index, 'и'),
    };
    expect(before.words.ids.sort()).toEqual([1, 2, 4]);
    expect(before.author.ids).toEqual([2]);
    expect(before.phrase.ids).toEqual([]);
    expect(before.byTitle.ids).toEqual([4, 1, 2]);
    expect(before.byYear.ids).toEqual([2, 1, 4]);
    expect(before.stopWordsOnly.total).toBe(0);
    expect(before.byTitle.facets).toContainEqual({ facet: 'documentTypes', value: 'book', count: 3 });
    expect(before.byTitle.facets).not.toContainEqual(expect.objectContaining({ value: 'serial' }));
    index.merge();
    expect(index.recordCount).toBe(3);
    expect(index.slotCount).toBe(3);
    const after = {
      words: search(index, 'сказки'), phrase: search(index, '"сказки пушкин"'), author: search(index, 'автор:пушкин'),
      byTitle: search(index, null), byYear: search(index, null, { order: { kind: 'year-desc' } }),
      stopWordsOnly: search(index, 'и'),
    };
    expect({ ...after, words: { ...after.words, ids: after.words.ids.sort() } }).toEqual({ ...before, words: { ...before.words, ids: before.words.ids.sort() } });
  });

  it('counts the facets of a whole network again once a record is added or removed (they are kept between searches)', () => {
    const index = new CatalogueIndex();
    index.put(row(1, 'сказки', `'сказк':1A`, 1990));
    index.merge();
    const types = () => search(index, null).facets!.filter((facet) => facet.facet === 'documentTypes');
    expect(types()).toEqual([{ facet: 'documentTypes', value: 'book', count: 1 }]);
    index.put(row(2, 'журнал', `'журнал':1A`, 2001, { documentType: 'serial' }));
    expect(types()).toEqual([{ facet: 'documentTypes', value: 'book', count: 1 }, { facet: 'documentTypes', value: 'serial', count: 1 }]);
    index.remove(1);
    expect(types()).toEqual([{ facet: 'documentTypes', value: 'serial', count: 1 }]);
  });

  it('finds a phrase only at consecutive positions, and a field term only at its weight', () => {
    const index = new CatalogueIndex();
    index.put(row(1, 'сказки пушкина', `'пушкин':2A 'сказк':1A`, 1990));
    index.put(row(2, 'пушкин сказки', `'пушкин':1A 'сказк':2A`, 1990));
    index.put(row(3, 'сказки', `'пушкин':5B 'сказк':1A`, 1990));
    index.merge();
    expect(search(index, '"сказки пушкин"').ids).toEqual([1]);
    expect(search(index, 'заглавие:пушкин').ids.sort()).toEqual([1, 2]);
    expect(search(index, 'автор:пушкин').ids).toEqual([3]);
    // Ranked by ts_rank: the title (weight A) occurrences first.
    expect(search(index, 'пушкин').ids).toEqual([1, 2, 3]);
  });

  it('ranks a weight-A occurrence before a weight-B one whatever their ids', () => {
    const index = new CatalogueIndex();
    index.put(row(1, 'сказки', `'пушкин':5B 'сказк':1A`, 1990));
    index.put(row(2, 'сказки пушкина', `'пушкин':2A 'сказк':1A`, 1990));
    index.merge();
    expect(search(index, 'пушкин').ids).toEqual([2, 1]);
  });
});
