import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.js';
import { rusmarcBook as book } from '../../../test/bib-records.js';
import { systemActor } from '../auth/index.js';
import { readIso2709Buffer, readMarcXmlString, saveBibRecords } from '../catalogue/index.js';
import { createNetwork } from '../network/index.js';

const pushkin: [string, string] = ['Пушкин', 'Александр Сергеевич'];
/** 25 editions of Pushkin (1950–2022, every third year), four of them in English. */
const pushkinBooks = Array.from({ length: 25 }, (_, i) => book({
  id: `pushkin-${i + 1}`, title: i % 2 === 0 ? `Сказки, выпуск ${i + 1}` : `Стихотворения, том ${i + 1}`, author: pushkin,
  responsibility: 'А. С. Пушкин', year: 1950 + i * 3, language: i < 4 ? 'eng' : 'rus', age: '6+', bbk: '84(2=411.2)1',
  subjects: ['Русская поэзия'],
}));
const captainsDaughter = book({
  id: 'kd', title: 'Капитанская дочка', subtitle: 'роман', author: pushkin, responsibility: 'Александр Пушкин',
  year: 2019, publisher: 'Эксмо', extent: '320 с.', age: '12+', bbk: '84(2=411.2)1', subjects: ['Русская проза', 'Пугачёвское восстание'],
  isbn: '978-5-699-12014-7',
});
const folkTales = book({
  id: 'rns', title: 'Русские народные сказки', compiler: ['Афанасьев', 'Александр Николаевич'], year: 1985, age: '0+',
  contents: ['Колобок', 'Теремок'],
});

let t: TestApp;
const ids = new Map<string, number>();
const html = { accept: 'text/html' };
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { ...html, ...headers } });
/** The hrefs of the page's links whose text contains the words. */
const links = (body: string, text: string) => [...body.matchAll(/<a [^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/g)]
  .filter((match) => match[2]!.replace(/<[^>]+>/g, '').includes(text)).map((match) => match[1]!.replaceAll('&amp;', '&'));
const hitsOf = (body: string) => [...body.matchAll(/<h2><a href="\/records\/(\d+)">([^<]*)<\/a>/g)].map((match) => match[2]!);
const yearsOf = (body: string) => [...body.matchAll(/<h2><a href="\/records\/\d+">[^<]*<\/a>.*?<\/h2><p>[^<]*?(\d{4})<\/p>/g)].map((match) => Number(match[1]));

beforeAll(async () => {
  t = await startTestApp();
  await t.database.db.transaction().execute((trx) => saveBibRecords({
    trx, actor: t.system, onMatch: 'skip',
    records: [...pushkinBooks, captainsDaughter, folkTales].map((record) => ({ record, schema: 'rusmarc' as const })),
  }));
  for (const row of await t.database.db.selectFrom('bib_records').select(['id', 'control_number']).execute()) ids.set(row.control_number!, row.id);
  // Another network's record must never show in this site's catalogue.
  const other = await t.database.db.transaction().execute((trx) => createNetwork({ trx, input: { code: 'other', name: 'Другая ЦБС', fullName: 'Другая' } }));
  await t.database.db.transaction().execute((trx) => saveBibRecords({
    trx, actor: systemActor(other.id), onMatch: 'skip', records: [{ record: book({ id: 'foreign', title: 'Чужая книга' }), schema: 'rusmarc' }],
  }));
});
afterAll(() => t.close());

describe('the public catalogue', () => {
  it('opens at / with the network name, the search box, the advanced search and the staff entrance', async () => {
    const response = await get('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toMatch(/^<!DOCTYPE html><html lang="ru">/);
    expect(response.body).toContain('Тестовая ЦБС');
    expect(response.body).toMatch(/<form class="box" role="search" action="\/search" method="get"><label for="q">Поиск в каталоге<\/label><input id="q" type="search"/);
    expect(links(response.body, 'Вход для сотрудников')).toEqual(['/app/']);
    expect(links(response.body, 'Расширенный поиск')).toEqual(['/search/advanced']);
    expect(links(response.body, 'Версия для слабовидящих')).toEqual(['/vi?on=1&back=%2F']);
    expect(response.body).toContain('<a class="skip" href="#main">Перейти к содержанию</a>');
  });

  it('finds 25 editions of Pushkin and shows the first 20, each linking to its record', async () => {
    const response = await get('/search?q=пушкин');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Найдено: 26');
    const hits = [...response.body.matchAll(/<h2><a href="\/records\/(\d+)">/g)];
    expect(hits).toHaveLength(20);
    expect(response.body).toContain('<ol class="hits" start="1">');
    expect(response.body).toContain('Пушкин, А. С.');
  });

  it('narrows the result by following a facet link, and the link then removes the filter', async () => {
    const all = await get('/search?q=пушкин');
    const english = links(all.body, 'английский');
    expect(english).toEqual(['/search?q=%D0%BF%D1%83%D1%88%D0%BA%D0%B8%D0%BD&language=eng']);
    expect(all.body).toMatch(/английский<\/a> <span class="count">\(4\)<\/span>/);
    const narrowed = await get(english[0]!);
    expect(narrowed.body).toContain('Найдено: 4');
    expect(hitsOf(narrowed.body)).toHaveLength(4);
    expect(links(narrowed.body, 'убрать')).toEqual(['/search?q=%D0%BF%D1%83%D1%88%D0%BA%D0%B8%D0%BD']);
    const age = links(narrowed.body, '6+');
    expect(age).toHaveLength(1);
    expect((await get(age[0]!)).body).toContain('Найдено: 4');
    const decade = links(all.body, '1950-е');
    expect(decade).toEqual(['/search?q=%D0%BF%D1%83%D1%88%D0%BA%D0%B8%D0%BD&yearFrom=1950&yearTo=1959']);
    expect((await get(decade[0]!)).body).toContain('Найдено: 4'); // 1950, 1953, 1956, 1959
  });

  it('shows a year range that is not a decade as the chosen value of the years, removable on its own', async () => {
    const page = await get('/search?q=Пушкин&type=book&yearFrom=2010&yearTo=2012');
    expect(page.body).toContain('<h3>Годы издания</h3><ul><li><span class="on">2010–2012 <a href="');
    expect(page.body.match(/<h3>Годы издания<\/h3>/g)).toHaveLength(1);
    const remove = links(page.body, 'убрать').find((href) => !href.includes('yearFrom'))!;
    expect(decodeURIComponent(remove)).toBe('/search?q=Пушкин&type=book');
    expect((await get('/search?q=Пушкин&yearFrom=2015')).body).toContain('<h3>Годы издания</h3><ul><li><span class="on">с 2015 <a href="');
  });

  it('sorts by year either way with a GET form that keeps the query and filters', async () => {
    const page = await get('/search?q=пушкин&language=rus');
    expect(page.body).toContain('<input type="hidden" name="q" value="пушкин"/><input type="hidden" name="language" value="rus"/><label for="sort">Сортировка</label>');
    expect(yearsOf((await get('/search?q=пушкин&language=rus&sort=year-asc')).body).slice(0, 3)).toEqual([1962, 1965, 1968]);
    expect(yearsOf((await get('/search?q=пушкин&language=rus&sort=year-desc')).body).slice(0, 3)).toEqual([2022, 2019, 2019]);
  });

  it('pages through the results with numbered links', async () => {
    const first = await get('/search?q=пушкин&sort=year-asc');
    expect(links(first.body, 'Следующая')).toEqual(['/search?q=%D0%BF%D1%83%D1%88%D0%BA%D0%B8%D0%BD&sort=year-asc&page=2']);
    const second = await get('/search?q=пушкин&sort=year-asc&page=2');
    expect(second.body).toContain('<ol class="hits" start="21">');
    expect(hitsOf(second.body)).toHaveLength(6);
    expect(yearsOf(second.body)).toEqual([2010, 2013, 2016, 2019, 2019, 2022]);
    expect(second.body).toContain('<span aria-current="page">2</span>');
    expect(links(second.body, 'Следующая')).toEqual([]);
  });

  it('says which query it ran when it corrected a typo, and offers the exact one', async () => {
    const response = await get('/search?q=Пушкн');
    expect(response.body).toMatch(/Показаны результаты по запросу «<strong>пушкин<\/strong>»/i);
    expect(response.body).toContain('Найдено: 26');
    const exact = links(response.body, 'Искать точно');
    expect(exact).toEqual(['/search?q=%D0%9F%D1%83%D1%88%D0%BA%D0%BD&exact=1']);
    const exactPage = await get(exact[0]!);
    expect(exactPage.body).not.toContain('Показаны результаты по запросу');
    expect(exactPage.body).toContain('Найдено: 0');
  });

  it('turns the advanced form into the same box query at a bookmarkable URL', async () => {
    const form = await get('/search/advanced');
    for (const label of ['Автор', 'Заглавие', 'Тема', 'ISBN', 'Индекс ББК', 'Вид издания', 'Язык']) {
      expect(form.body).toMatch(new RegExp(`<label for="adv-[a-zA-Z]+">${label}</label>`));
    }
    expect(form.body).toContain('<option value="eng">английский (4)</option>');
    const submitted = await get('/search?q=&author=Пушкин&title=сказки&subject=&isbn=&bbkIndex=&yearFrom=1990&yearTo=&type=book&language=');
    expect(submitted.statusCode).toBe(303);
    const location = submitted.headers.location as string;
    expect(decodeURIComponent(location.replaceAll('+', ' '))).toBe('/search?q=автор:Пушкин заглавие:сказки&type=book&yearFrom=1990');
    const results = await get(location);
    expect(results.body).toMatch(/<input id="q" type="search"[^>]* name="q" value="автор:Пушкин заглавие:сказки"/);
    expect(yearsOf(results.body).every((year) => year >= 1990)).toBe(true);
    expect(hitsOf(results.body).every((title) => title.startsWith('Сказки'))).toBe(true);
    expect(results.body).toContain('Найдено: 6'); // 1992, 1998, …, 2022: the even-numbered editions from 1990

    // ISBN and ББК are codes, each taken whole: the parentheses of an index do not group, the spaces of an ISBN do not split it.
    const codes = await get('/search?q=&author=&title=&subject=&isbn=978 5 699 12014 7&bbkIndex=84(2%3D411.2)1');
    expect(decodeURIComponent((codes.headers.location as string).replaceAll('+', ' '))).toBe('/search?q=isbn:9785699120147 ббк:84(2=411.2)1');
    expect((await get(codes.headers.location as string)).body).toContain('Найдено: 1');
    expect(decodeURIComponent((await get('/search?q=&bbkIndex=84(2%3D411.2)1')).headers.location as string)).toBe('/search?q=ббк:84(2=411.2)1');
    expect((await get('/search?q=ббк:84(2%3D411.2)1')).body).toContain('Найдено: 26');
  });

  it('finds a book by its ISBN typed in the box, hyphenated or not, as ISBN-10 or ISBN-13', async () => {
    for (const isbn of ['978-5-699-12014-7', '9785699120147', '5-699-12014-9', '5699120149']) {
      const page = await get(`/search?q=${isbn}`);
      expect(page.body, isbn).toContain('Найдено: 1');
      expect(hitsOf(page.body), isbn).toEqual(['Капитанская дочка']);
    }
  });

  it('shows a record with its ГОСТ description, its fields in plain Russian, links onward and downloads', async () => {
    const id = ids.get('kd')!;
    const response = await get(`/records/${id}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<p class="gost">Пушкин, А. С. Капитанская дочка : роман / Александр Пушкин. – Москва : Эксмо, 2019. – 320 с. : ил. – ISBN 978-5-699-12014-7. – Текст : непосредственный.</p>');
    expect(response.body).toContain('<tr><th scope="row">Издательство</th><td>Эксмо</td></tr>');
    expect(response.body).toContain('<tr><th scope="row">Язык</th><td>русский</td></tr>');
    // One record's kind in the singular (the facets say «Книги»).
    expect(response.body).toContain('<tr><th scope="row">Вид издания</th><td>Книга</td></tr>');
    expect(response.body).toContain('<span class="age" title="Возрастное ограничение 12+" aria-label="Возрастное ограничение 12+">12+</span>');
    const otherEditions = links(response.body, 'другие издания автора');
    expect(otherEditions).toHaveLength(1);
    expect((await get(otherEditions[0]!)).body).toContain('Найдено: 26');
    const subject = links(response.body, 'Пугачёвское восстание');
    expect(subject).toHaveLength(1);
    expect(hitsOf((await get(subject[0]!)).body)).toEqual(['Капитанская дочка']);

    expect(links(response.body, 'Назад к поиску')).toEqual(['/search']);
    const fromSearch = await get(`/records/${id}`, { referer: 'http://localhost:80/search?q=%D0%B4%D0%BE%D1%87%D0%BA%D0%B0&page=2', host: 'localhost:80' });
    expect(links(fromSearch.body, 'Назад к поиску')).toEqual(['/search?q=%D0%B4%D0%BE%D1%87%D0%BA%D0%B0&page=2']);
    // The version for the visually impaired comes back to the page with the search it came from: the link survives.
    const viLink = links(fromSearch.body, 'Версия для слабовидящих')[0]!;
    const back = new URL(viLink, 'http://localhost').searchParams.get('back')!;
    expect(back).toBe(`/records/${id}?from=${encodeURIComponent('/search?q=%D0%B4%D0%BE%D1%87%D0%BA%D0%B0&page=2')}`);
    expect((await get(viLink)).headers.location).toBe(back);
    const cameBack = await get(back, { referer: `http://localhost:80/records/${id}`, host: 'localhost:80' });
    expect(links(cameBack.body, 'Назад к поиску')).toEqual(['/search?q=%D0%B4%D0%BE%D1%87%D0%BA%D0%B0&page=2']);
    // Only a search of this site is taken.
    expect(links((await get(`/records/${id}?from=${encodeURIComponent('https://example.com/search?q=x')}`)).body, 'Назад к поиску')).toEqual(['/search']);

    const xml = await get(`/records/${id}/marcxml`);
    expect(xml.headers['content-disposition']).toBe(`attachment; filename="record-${id}.xml"`);
    const [fromXml] = [...readMarcXmlString(xml.body)];
    expect(fromXml?.kind === 'record' && fromXml.record).toEqual(captainsDaughter);
    const iso = await get(`/records/${id}/iso2709`);
    const [fromIso] = [...readIso2709Buffer(iso.rawPayload)];
    expect(fromIso?.kind === 'record' && fromIso.record.fields).toEqual(captainsDaughter.fields);
  });

  it('describes a collection under its title, with the compiler', async () => {
    const response = await get(`/records/${ids.get('rns')}`);
    expect(response.body).toContain('<p class="gost">Русские народные сказки / составитель А. Н. Афанасьев. – Москва : Детская литература, 1985. – 96 с. : ил. – Текст : непосредственный.</p>');
    expect(response.body).toContain('<tr><th scope="row">Другие участники</th><td>Афанасьев, Александр Николаевич (составитель)</td></tr>');
  });

  it('lists the works a collection holds, and finds the collection by one of them', async () => {
    const response = await get(`/records/${ids.get('rns')}`);
    expect(response.body).toContain('<tr><th scope="row">Содержание</th><td><ul class="plain"><li>Колобок</li><li>Теремок</li></ul></td></tr>');
    expect(hitsOf((await get('/search?q=теремок')).body)).toEqual(['Русские народные сказки']);
    expect((await get(`/records/${ids.get('kd')}`)).body).not.toContain('Содержание');
  });

  it('answers unknown pages and records with an HTML 404, and the API still with problem+json', async () => {
    const first = ids.values().next().value!;
    expect((await get(`/records/${first}`)).statusCode).toBe(200);
    // One address a record: other spellings of its id are no page.
    for (const url of ['/records/999999', '/records/abc', `/records/${ids.get('foreign')}`, '/no-such-page', `/records/0${first}`, `/records/${first}e0`, '/records/0x1']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(response.body, url).toMatch(/<h1>(Страница не найдена|Такой записи в каталоге нет)<\/h1>/);
    }
    const api = await t.app.inject({ url: '/api/no-such-thing' });
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect((await get('/search?q=чужая')).body).toContain('Найдено: 0');
  });

  it('switches to the version for the visually impaired with links, remembers it in a cookie and hides images', async () => {
    const on = await get('/vi?on=1&back=%2Fsearch%3Fq%3D%D0%BF%D1%83%D1%88%D0%BA%D0%B8%D0%BD');
    expect(on.statusCode).toBe(303);
    expect(on.headers.location).toBe('/search?q=%D0%BF%D1%83%D1%88%D0%BA%D0%B8%D0%BD');
    const cookie = on.cookies.find((c) => c.name === 'vi')!;
    expect(cookie).toMatchObject({ value: 'large.black-on-white.on.normal', path: '/', httpOnly: true, sameSite: 'Lax' });
    const page = await get('/search?q=пушкин', { cookie: `vi=${cookie.value}` });
    expect(page.body).toContain('<html lang="ru" class="vi vi-size-large vi-scheme-black-on-white vi-images-on vi-spacing-normal">');
    expect(page.body).toContain('<svg');
    expect(links(page.body, 'Обычная версия сайта')).toEqual(['/vi?on=0&back=%2Fsearch%3Fq%3D%25D0%25BF%25D1%2583%25D1%2588%25D0%25BA%25D0%25B8%25D0%25BD']);
    const imagesOff = links(page.body, 'не показывать');
    expect(imagesOff).toHaveLength(1);
    const off = await t.app.inject({ url: imagesOff[0]!, headers: { cookie: `vi=${cookie.value}` } });
    const changed = off.cookies.find((c) => c.name === 'vi')!;
    expect(changed.value).toBe('large.black-on-white.off.normal');
    const contrast = await t.app.inject({ url: '/vi?scheme=white-on-black&size=largest&spacing=wide', headers: { cookie: `vi=${changed.value}` } });
    const all = contrast.cookies.find((c) => c.name === 'vi')!.value;
    expect(all).toBe('largest.white-on-black.off.wide');
    const viPage = await get('/', { cookie: `vi=${all}` });
    expect(viPage.body).toContain('class="vi vi-size-largest vi-scheme-white-on-black vi-images-off vi-spacing-wide"');
    expect(viPage.body).not.toContain('<svg');
    expect(viPage.body).not.toContain('<img');
    const normal = await t.app.inject({ url: '/vi?on=0&back=/', headers: { cookie: `vi=${all}` } });
    expect(normal.cookies.find((c) => c.name === 'vi')).toMatchObject({ value: '' });
    expect((await get('/')).body).toContain('<html lang="ru"><head>');
  });

  it('returns from the VI settings only to a page of this site', async () => {
    for (const back of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      expect((await get(`/vi?on=1&back=${encodeURIComponent(back)}`)).headers.location).toBe('/');
    }
  });

  it('sends no script on any page, and a small compressed page with a stylesheet cached for a year', async () => {
    const pages = ['/', '/search?q=пушкин', '/search?q=Пушкн', '/search', '/search/advanced', `/records/${ids.get('kd')}`, '/no-such-page'];
    for (const url of pages) {
      for (const cookie of ['', 'vi=large.white-on-black.off.wide']) {
        const body = (await get(url, cookie ? { cookie } : {})).body;
        expect(body, url).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
      }
    }
    const compressed = await get('/search?q=пушкин', { 'accept-encoding': 'gzip' });
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(compressed.rawPayload).toString()).toContain('Найдено: 26');
    expect(compressed.rawPayload.length).toBeLessThan(4_000);
    const stylesheet = /<link rel="stylesheet" href="(\/static\/catalogue\.[0-9a-f]{10}\.css)"/.exec(compressed.body === '' ? '' : gunzipSync(compressed.rawPayload).toString())![1]!;
    const css = await get(stylesheet);
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).toContain('.vi-images-off');

    // Asked again with the tag it gave, an unchanged page is «304 Not Modified», nothing sent; another page is sent.
    const tag = compressed.headers.etag as string;
    expect(tag).toMatch(/^W\//);
    const again = await get('/search?q=пушкин', { 'accept-encoding': 'gzip', 'if-none-match': tag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    expect((await get('/search?q=дочка', { 'if-none-match': tag })).statusCode).toBe(200);
  });
});
