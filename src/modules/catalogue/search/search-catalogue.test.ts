import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOf, startTestApp, type TestApp } from '../../../../test/app.js';
import { createNetwork } from '../../network/index.js';
import { systemActor } from '../../auth/index.js';
import { emptyBibForm } from '../cataloguing/bib-form.js';
import {
  parseSearchBox, recordFromForm, saveBibRecords, searchCatalogue,
  type BibForm, type CatalogueSearchRequest, type SearchNode,
} from '../index.js';

let t: TestApp;
const ids = new Map<string, number>();

/** The catalogue of a small library: each record by its form, keyed by a short name. */
const BOOKS: [key: string, form: Partial<BibForm>][] = [
  ['дочка', {
    title: 'Капитанская дочка', subtitle: 'роман', persons: [{ name: 'Пушкин, Александр Сергеевич', role: 'aut' }], year: 1990,
    isbns: ['5-93093-342-1'], bbk: '84(2Рос=Рус)1', subjects: ['Пугачёвское восстание, 1773-1775'], ageRating: '12+', publisher: 'Детская литература',
  }],
  ['о дочке', {
    title: 'Капитанская дочка и «Капитанская дочка» в школе', subtitle: 'комментарий к «Капитанской дочке» Пушкина',
    persons: [{ name: 'Лотман, Юрий Михайлович', role: 'aut' }], year: 2005, bbk: '83.3(2Рос=Рус)1', ageRating: '16+',
  }],
  ['сказки', {
    title: 'Сказки', persons: [{ name: 'Пушкин, Александр Сергеевич', role: 'aut' }], year: 2010, isbns: ['0-306-40615-2'],
    bbk: '84(2Рос=Рус)1-5', ageRating: '0+', keywords: ['сказки в стихах'],
  }],
  ['ёлка', { title: 'Ёлка в Сокольниках', persons: [{ name: 'Бонч-Бруевич, Владимир Дмитриевич', role: 'aut' }], year: 1970, bbk: '63.3(2)6' }],
  ['кулинария', { title: 'Книга о вкусной и здоровой пище', year: 1952, bbk: '36.99', subjects: ['Кулинария'], ageRating: '0+' }],
  ['война', { title: 'Война и мир', persons: [{ name: 'Толстой, Лев Николаевич', role: 'aut' }], year: 1980, bbk: '84(2Рос=Рус)1' }],
  ['war', {
    title: 'War and peace', persons: [{ name: 'Tolstoy, Leo', role: 'aut' }], year: 2001, language: 'eng', bbk: '84(2Рос=Рус)1',
  }],
  ['история', { title: 'История России', documentType: 'serial', year: 1995, bbk: '63.3(2)', subjects: ['История'] }],
  ['онегин', {
    title: 'Евгений Онегин', persons: [{ name: 'Пушкин, Александр Сергеевич', role: 'aut' }], year: 1999, documentType: 'audio',
    bbk: '84(2Рос=Рус)1',
  }],
  ['ошибка', { title: 'Сборник с ошибочным номером', isbns: ['5-93093-342-2'], year: 2003 }],
  ['пушкин', { title: 'Пушкин', persons: [{ name: 'Тынянов, Юрий Николаевич', role: 'aut' }], year: 1987, bbk: '84(2Рос=Рус)6' }],
  ['дочь', { title: 'Дочь Монтесумы', persons: [{ name: 'Хаггард, Генри Райдер', role: 'aut' }], year: 1991, bbk: '84(4Вел)' }],
  ['вып 9', { title: 'Задачи и этюды. Вып. 9' }],
  ['решения', { title: 'Задачи и этюды. Вып. 9. Решения задач и этюдов' }],
];

const search = (request: Partial<CatalogueSearchRequest> & { q?: string }) => {
  const { q, ...rest } = request;
  return searchCatalogue(t.database.db, t.networkId, { query: q === undefined ? null : parseSearchBox(q), limit: 100, ...rest });
};
/** The keys of the records found, in the order found. */
const found = async (request: Partial<CatalogueSearchRequest> & { q?: string }) => {
  const byId = new Map([...ids].map(([key, id]) => [id, key]));
  return (await search(request)).hits.map((hit) => byId.get(hit.id));
};
const sorted = (keys: (string | undefined)[]) => [...keys].sort();

beforeAll(async () => {
  t = await startTestApp();
  const records = BOOKS.map(([, form], n) => ({
    record: recordFromForm({ ...emptyBibForm(), ...form }, 'rusmarc', { controlNumber: `search-${n}`, now: new Date('2024-01-01') }),
    schema: 'rusmarc' as const,
  }));
  await t.database.db.transaction().execute((trx) => saveBibRecords({ trx, actor: t.system, records, onMatch: 'skip' }));
  const rows = await t.database.db.selectFrom('bib_records').select(['id', 'control_number']).where('network_id', '=', t.networkId).execute();
  for (const row of rows) ids.set(BOOKS[Number(row.control_number!.slice('search-'.length))]![0], row.id);
}, 180_000);
afterAll(() => t.close());

describe('searching the catalogue', () => {
  it('finds «книга» when asked for «книги» (Russian morphology) and ё as е both ways', async () => {
    expect(await found({ q: 'книги' })).toEqual(['кулинария']);
    expect(await found({ q: 'елка' })).toEqual(['ёлка']);
    expect(await found({ q: 'ёлки сокольники' })).toEqual(['ёлка']);
    expect(await found({ q: 'пугачевское' })).toEqual(['дочка']);
  });

  it('requires all words, and a phrase in its order', async () => {
    expect(sorted(await found({ q: 'дочка капитанская' }))).toEqual(['дочка', 'о дочке']);
    expect(sorted(await found({ q: '"капитанская дочка"' }))).toEqual(['дочка', 'о дочке']);
    expect(await found({ q: '"дочка капитанская"' })).toEqual([]);
    expect(await found({ q: 'капитанская монтесумы' })).toEqual([]);
  });

  it('ranks the record titled exactly as asked above one that only mentions it more often', async () => {
    expect(await found({ q: 'капитанская дочка' })).toEqual(['дочка', 'о дочке']);
    expect(await found({ q: '«Капитанская дочка!»' })).toEqual(['дочка', 'о дочке']);
    // Without the exact title the other record scores higher by text rank alone: the rule is what orders them.
    expect(await found({ q: 'капитанская дочка комментарий' })).toEqual(['о дочке']);
    // A title with a number: the query is folded as the stored key is (numbers padded), so it still meets it.
    expect(await found({ q: 'Задачи и этюды. Вып. 9' })).toEqual(['вып 9', 'решения']);
  });

  it('ranks a title equal to the query first, then the primary author\'s works, then mere mentions', async () => {
    const keys = await found({ q: 'Пушкин' });
    expect(keys[0]).toBe('пушкин');
    expect(sorted(keys.slice(1, 4))).toEqual(['дочка', 'онегин', 'сказки']);
    expect(keys.slice(4)).toEqual(['о дочке']);
  });

  it('ranks a title with its author\'s name, in any form and at either end, above titles that only hold the words', async () => {
    const network = await t.database.db.transaction().execute((trx) =>
      createNetwork({ trx, input: { code: 'title-author', name: 'ЦБС заглавий', fullName: 'МБУК «ЦБС заглавий»' } }));
    const forms: [string, Partial<BibForm>][] = [
      ['сказки', { title: 'Сказки', persons: [{ name: 'Пушкин, Александр Сергеевич', role: 'aut' }], subjects: ['Русская поэзия'], keywords: ['сказки в стихах'] }],
      // Holds both words in its title: by text rank alone it comes first.
      ['о пушкине', { title: 'Сказка о Пушкине', persons: [{ name: 'Иванов, Иван Иванович', role: 'aut' }] }],
    ];
    await t.database.db.transaction().execute((trx) => saveBibRecords({
      trx, actor: systemActor(network.id), onMatch: 'skip',
      records: forms.map(([key, form]) => ({ record: recordFromForm({ ...emptyBibForm(), ...form }, 'rusmarc', { controlNumber: `title-author-${key}` }), schema: 'rusmarc' as const })),
    }));
    const titlesFound = async (q: string) =>
      (await searchCatalogue(t.database.db, network.id, { query: parseSearchBox(q), limit: 10 })).hits.map((hit) => hit.title);
    expect(await titlesFound('сказка пушкин')).toEqual(['Сказка о Пушкине', 'Сказки']);
    expect(await titlesFound('сказки пушкина')).toEqual(['Сказки', 'Сказка о Пушкине']);
    expect(await titlesFound('Пушкин Сказки')).toEqual(['Сказки', 'Сказка о Пушкине']);
    expect(await titlesFound('сказки александр сергеевич пушкин')).toEqual(['Сказки']);
    // Not for a name of another author, nor for quoted words.
    expect(await titlesFound('сказки иванов')).toEqual(['Сказка о Пушкине']);
    expect(await titlesFound('"сказки" "пушкина"')).toEqual(['Сказка о Пушкине', 'Сказки']);
  });

  it('restricts автор:, заглавие: and тема: (and their Latin names) to their fields', async () => {
    expect(sorted(await found({ q: 'автор:пушкин' }))).toEqual(['дочка', 'онегин', 'сказки']);
    expect(sorted(await found({ q: 'заглавие:пушкина' }))).toEqual(['о дочке', 'пушкин']);
    expect(await found({ q: 'тема:кулинария' })).toEqual(['кулинария']);
    expect(await found({ q: 'тема:пища' })).toEqual([]);
    expect(sorted(await found({ q: 'author:tolstoy' }))).toEqual(['war']);
    expect(await found({ q: 'title:мир author:толстой' })).toEqual(['война']);
    expect(await found({ q: 'subject:история' })).toEqual(['история']);
  });

  it('finds by ISBN with or without hyphens, an ISBN-10 as its ISBN-13 and back, and an invalid one as written', async () => {
    expect(await found({ q: 'isbn:5-93093-342-1' })).toEqual(['дочка']);
    expect(await found({ q: 'isbn:9785930933420' })).toEqual(['дочка']);
    expect(await found({ q: 'ISBN:978-0-306-40615-7' })).toEqual(['сказки']);
    expect(await found({ q: 'isbn:0306406152' })).toEqual(['сказки']);
    expect(await found({ q: 'isbn:5-93093-342-2' })).toEqual(['ошибка']);
    expect(await found({ q: 'isbn:123' })).toEqual([]);
  });

  it('finds by the prefix of a ББК index and by year, exact or a range', async () => {
    expect(sorted(await found({ q: 'ббк:84(2Рос=Рус)1' }))).toEqual(['war', 'война', 'дочка', 'онегин', 'сказки']);
    expect(sorted(await found({ q: 'ббк:84(4' }))).toEqual(['дочь']);
    expect(sorted(await found({ q: 'ббк:63.3' }))).toEqual(['история', 'ёлка']);
    expect(await found({ q: 'год:1990' })).toEqual(['дочка']);
    expect(sorted(await found({ q: 'год:1990-1999' }))).toEqual(['дочка', 'дочь', 'история', 'онегин']);
    expect(sorted(await found({ q: 'year:2004-' }))).toEqual(['о дочке', 'сказки']);
    expect(sorted(await found({ q: 'пушкин год:-1995' }))).toEqual(['дочка', 'пушкин']);
  });

  it('excludes words, phrases and field terms with a minus', async () => {
    expect(sorted(await found({ q: 'автор:пушкин -сказки' }))).toEqual(['дочка', 'онегин']);
    expect(sorted(await found({ q: 'пушкин -"капитанская дочка"' }))).toEqual(['онегин', 'пушкин', 'сказки']);
    expect(sorted(await found({ q: 'автор:пушкин -год:1990-1999' }))).toEqual(['сказки']);
  });

  it('evaluates and/or/not trees as SRU builds them, mixing words and fields', async () => {
    const term = (field: 'any' | 'title' | 'author' | 'year' | 'isbn', text: string): SearchNode => ({ kind: 'term', field, text, phrase: false });
    const query: SearchNode = {
      kind: 'and', children: [
        { kind: 'or', children: [term('author', 'пушкин'), term('author', 'толстой'), term('isbn', '5-93093-342-2')] },
        { kind: 'not', child: { kind: 'or', children: [term('title', 'сказки'), term('year', '1999')] } },
      ],
    };
    expect(sorted(await found({ query }))).toEqual(['война', 'дочка', 'ошибка']);
    expect(sorted(await found({ query: { kind: 'or', children: [term('any', 'онегин'), { kind: 'and', children: [term('title', 'война'), term('year', '1980')] }] } })))
      .toEqual(['война', 'онегин']);
    expect(sorted(await found({ q: '(толстой ИЛИ тынянов) -war' }))).toEqual(['война', 'пушкин']);
  });

  it('filters by year range, document type, language, ББК division and age rating', async () => {
    expect(sorted(await found({ filters: { yearFrom: 1990, yearTo: 1995 } }))).toEqual(['дочка', 'дочь', 'история']);
    expect(await found({ q: 'пушкин', filters: { documentTypes: ['audio'] } })).toEqual(['онегин']);
    expect(await found({ filters: { documentTypes: ['serial'] } })).toEqual(['история']);
    expect(await found({ filters: { languages: ['eng'] } })).toEqual(['war']);
    expect(sorted(await found({ filters: { bbkDivisions: ['63'] } }))).toEqual(['история', 'ёлка']);
    expect(sorted(await found({ filters: { bbkDivisions: ['83', '3'] } }))).toEqual(['кулинария', 'о дочке']);
    expect(sorted(await found({ filters: { ageRatings: ['0+'] } }))).toEqual(['кулинария', 'сказки']);
    expect(await found({ q: 'пушкин', filters: { ageRatings: ['12+', '16+'], yearFrom: 2000 } })).toEqual(['о дочке']);
  });

  it('counts facets over the whole result, with Russian labels', async () => {
    const { facets, total } = await search({ q: 'пушкин', facets: true, limit: 1 });
    expect(total).toBe(5);
    expect(facets!.documentTypes).toEqual([
      { value: 'book', label: 'Книги', count: 4 },
      { value: 'audio', label: 'Аудиозаписи', count: 1 },
    ]);
    expect(facets!.languages).toEqual([{ value: 'rus', label: 'русский', count: 5 }]);
    expect(facets!.bbkDivisions).toEqual([
      { value: '83', label: 'Литературоведение', count: 1 },
      { value: '84', label: 'Художественная литература', count: 4 },
    ]);
    expect(facets!.ageRatings).toEqual([
      { value: '0+', label: '0+ (для любого возраста)', count: 1 },
      { value: '12+', label: '12+ (для детей старше 12 лет)', count: 1 },
      { value: '16+', label: '16+ (для детей старше 16 лет)', count: 1 },
    ]);
    expect(facets!.years).toEqual([
      { value: '2010', label: '2010-е', count: 1 },
      { value: '2000', label: '2000-е', count: 1 },
      { value: '1990', label: '1990-е', count: 2 },
      { value: '1980', label: '1980-е', count: 1 },
    ]);
  });

  it('sorts by title, by year either way, and browses everything by title without a query', async () => {
    expect(await found({ q: 'автор:пушкин', sort: 'title' })).toEqual(['онегин', 'дочка', 'сказки']);
    expect(await found({ q: 'автор:пушкин', sort: 'year-desc' })).toEqual(['сказки', 'онегин', 'дочка']);
    expect(await found({ q: 'автор:пушкин', sort: 'year-asc' })).toEqual(['дочка', 'онегин', 'сказки']);
    const all = await found({});
    expect(all).toHaveLength(BOOKS.length);
    expect(all.slice(0, 4)).toEqual(['war', 'война', 'дочь', 'онегин']);
    expect((await found({ sort: 'year-asc' }))[0]).toBe('кулинария');
  });

  it('pages through a result keeping the total, and returns no hits past its end', async () => {
    const first = await search({ q: 'ббк:84', sort: 'title', limit: 3 });
    const second = await search({ q: 'ббк:84', sort: 'title', limit: 3, offset: 3 });
    const past = await search({ q: 'ббк:84', sort: 'title', limit: 3, offset: 30 });
    expect([first.total, second.total, past.total]).toEqual([7, 7, 7]);
    expect(first.hits.map((hit) => hit.title)).toEqual(['War and peace', 'Война и мир', 'Дочь Монтесумы']);
    expect(second.hits.map((hit) => hit.title)).toEqual(['Евгений Онегин', 'Капитанская дочка', 'Пушкин']);
    expect(past.hits).toEqual([]);
    expect((await search({ q: 'пушкин', limit: 1000 })).hits).toHaveLength(5); // limit ≤ 100, not an error
  });

  it('presents a hit with the projection\'s fields and, when asked, the stored record', async () => {
    const [hit] = (await search({ q: 'isbn:5-93093-342-1', withRecords: true })).hits;
    expect(hit).toMatchObject({
      id: ids.get('дочка'), schema: 'rusmarc', title: 'Капитанская дочка', subtitle: 'роман', authors: ['Пушкин, Александр Сергеевич'],
      publisher: 'Детская литература', year: 1990, isbns: ['978-5-93093-342-0'], documentType: 'book', languages: ['rus'],
      bbk: ['84(2Рос=Рус)1'], ageRating: '12+',
    });
    expect(hit!.record!.fields.find((field) => field.tag === '001')).toEqual({ tag: '001', value: 'search-0' });
    expect((await search({ q: 'isbn:5-93093-342-1' })).hits[0]!.record).toBeUndefined();
  });

  it('corrects a word that finds nothing to the closest word of the catalogue and says so', async () => {
    const pushkin = await search({ q: 'Пушкн' });
    expect(pushkin.corrected?.text).toBe('Пушкин');
    expect(pushkin.total).toBe(5);
    const daughter = await search({ q: 'капитанская дочька' });
    expect(daughter.corrected).toEqual({
      text: 'капитанская дочка',
      query: { kind: 'and', children: [{ kind: 'term', field: 'any', text: 'капитанская', phrase: false }, { kind: 'term', field: 'any', text: 'дочка', phrase: false }] },
    });
    expect(daughter.hits[0]?.title).toBe('Капитанская дочка');
    expect((await search({ q: 'автор:Тлстой' })).corrected?.text).toBe('автор:Толстой');
  });

  it('leaves a query alone when it finds something, when asked not to correct, or when nothing is close', async () => {
    expect((await search({ q: 'пушкин' })).corrected).toBeUndefined();
    const uncorrected = await search({ q: 'Пушкн', correctTypos: false });
    expect([uncorrected.total, uncorrected.corrected]).toEqual([0, undefined]);
    const hopeless = await search({ q: 'ъъъыыыщщщ' });
    expect([hopeless.total, hopeless.corrected]).toEqual([0, undefined]);
  });

  it('searches only the given network', async () => {
    const other = await t.database.db.transaction().execute((trx) =>
      createNetwork({ trx, input: { code: 'other-search', name: 'Другая ЦБС', fullName: 'МБУК «Другая ЦБС»' } }));
    await t.database.db.transaction().execute((trx) => saveBibRecords({
      trx, actor: systemActor(other.id), onMatch: 'skip',
      records: [{ record: recordFromForm({ ...emptyBibForm(), title: 'Пиковая дама' }, 'rusmarc', { controlNumber: 'other-1' }), schema: 'rusmarc' }],
    }));
    expect((await searchCatalogue(t.database.db, other.id, { query: parseSearchBox('Пушкин') })).total).toBe(0);
    expect((await search({ q: 'пиковая' })).total).toBe(0);
  });
});

describe('GET /api/catalogue/search', () => {
  it('answers anyone, without a session, from the public network, with the box text and pages', async () => {
    const response = await clientOf(t.app).get('/api/catalogue/search?q=%22%D0%BA%D0%B0%D0%BF%D0%B8%D1%82%D0%B0%D0%BD%D1%81%D0%BA%D0%B0%D1%8F%20%D0%B4%D0%BE%D1%87%D0%BA%D0%B0%22&pageSize=1');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      query: '"капитанская дочка"', page: 1, pageSize: 1, total: 2,
      hits: [{ id: ids.get('дочка'), title: 'Капитанская дочка', authors: ['Пушкин, Александр Сергеевич'] }],
    });
    expect(response.json().facets).toBeUndefined();
  });

  it('takes repeated filters, the age rating with or without an encoded plus, sorts and facets', async () => {
    const url = `/api/catalogue/search?${new URLSearchParams([['q', 'пушкин'], ['type', 'book'], ['type', 'audio'], ['sort', 'year-asc'], ['facets', 'true']])}`;
    const response = await clientOf(t.app).get(url);
    expect(response.statusCode).toBe(200);
    expect(response.json().hits.map((hit: { year: number }) => hit.year)).toEqual([1987, 1990, 1999, 2005, 2010]);
    expect(response.json().facets.documentTypes).toEqual([{ value: 'book', label: 'Книги', count: 4 }, { value: 'audio', label: 'Аудиозаписи', count: 1 }]);
    const rated = await clientOf(t.app).get('/api/catalogue/search?q=пушкин&age=12%2B&age=16+&yearFrom=2000&yearTo=2010');
    expect(rated.json()).toMatchObject({ total: 1, hits: [{ title: 'Капитанская дочка и «Капитанская дочка» в школе' }] });
    const second = await clientOf(t.app).get('/api/catalogue/search?q=автор:пушкин&sort=title&page=2&pageSize=2');
    expect(second.json()).toMatchObject({ page: 2, pageSize: 2, total: 3, hits: [{ title: 'Сказки' }] });
  });

  it('reports the corrected query', async () => {
    const response = await clientOf(t.app).get(`/api/catalogue/search?q=${encodeURIComponent('Пушкн')}`);
    expect(response.json()).toMatchObject({ query: 'Пушкн', total: 5, corrected: { text: 'Пушкин', query: { kind: 'term', text: 'Пушкин' } } });
  });

  it('searches the signed-in user\'s own network', async () => {
    const admin = await t.signIn('admin');
    expect((await admin.get('/api/catalogue/search?q=isbn:5930933421')).json()).toMatchObject({ total: 1 });
  });

  it('refuses a bad page, page size, year range, sort or filter in Russian, naming the field', async () => {
    const client = clientOf(t.app);
    const problems: [string, string][] = [
      ['page=0', 'page'], ['pageSize=101', 'pageSize'], ['yearFrom=2000&yearTo=1990', 'yearTo'], ['sort=popular', 'sort'],
      ['language=russian', 'language'], ['age=21', 'age'], ['facets=maybe', 'facets'], ['yearFrom=abc', 'yearFrom'],
    ];
    for (const [query, field] of problems) {
      const response = await client.get(`/api/catalogue/search?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const body = response.json() as { errors: { field: string; message: string }[] };
      expect(body.errors.map((error) => error.field.split('.')[0]), query).toContain(field);
      expect(body.errors[0]!.message, query).toMatch(/[а-яё]/i);
    }
    expect((await client.get('/api/catalogue/search?yearFrom=2000&yearTo=1990')).json().errors[0].message).toBe('год «по» раньше года «с»');
  });
});
