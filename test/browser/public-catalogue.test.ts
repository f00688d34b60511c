import { request } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { systemActor } from '../../src/modules/auth/index.js';
import { saveBibRecords } from '../../src/modules/catalogue/index.js';
import { createNetwork } from '../../src/modules/network/index.js';
import { buildApp } from '../../src/server/app.js';
import { rusmarcBook } from '../bib-records.js';
import { openTestDatabase } from '../database.js';
import { launchChromium } from './browser.js';

/** Screenshots to look at (not test artefacts kept in the repository). */
const SHOTS = '/tmp/public-catalogue';
const pushkin: [string, string] = ['Пушкин', 'Александр Сергеевич'];

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let baseUrl: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const network = await database.db.transaction().execute((trx) =>
    createNetwork({ trx, input: { code: 'kargasok', name: 'Каргасокская ЦБС', fullName: 'МКУК «Каргасокская ЦБС»' } }));
  const records = [
    rusmarcBook({ id: 'kd', title: 'Капитанская дочка', subtitle: 'роман', author: pushkin, responsibility: 'Александр Пушкин', year: 2019,
      publisher: 'Эксмо', extent: '320 с.', age: '12+', bbk: '84(2=411.2)1', subjects: ['Русская проза', 'Пугачёвское восстание'],
      annotation: 'Исторический роман о пугачёвском восстании, рассказанный Петром Гринёвым.' }),
    ...Array.from({ length: 24 }, (_, i) => rusmarcBook({
      id: `p${i}`, title: i % 2 ? `Стихотворения. Том ${i}` : `Сказки. Выпуск ${i}`, author: pushkin, responsibility: 'А. С. Пушкин',
      year: 1960 + i * 2, age: '6+', bbk: '84(2=411.2)1', language: i < 3 ? 'eng' : 'rus', subjects: ['Русская поэзия'] })),
  ];
  await database.db.transaction().execute((trx) => saveBibRecords({
    trx, actor: systemActor(network.id), onMatch: 'skip', records: records.map((record) => ({ record, schema: 'rusmarc' as const })) }));
  app = await buildApp({ database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
  // The public catalogue must work with JavaScript off: the reader's browser runs none of ours anyway.
  context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

describe('the public catalogue in a browser without JavaScript', () => {
  it('searches from the home page and opens a record with its ГОСТ description', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByRole('heading', { name: 'Электронный каталог' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/1-home.png`, fullPage: true });
    await page.getByLabel('Поиск в каталоге').fill('пушкин');
    await page.getByRole('button', { name: 'Найти' }).click();
    await page.getByRole('heading', { name: 'Результаты поиска: пушкин' }).waitFor();
    expect(await page.getByRole('status').textContent()).toBe('Найдено: 25');
    await page.screenshot({ path: `${SHOTS}/2-search.png`, fullPage: true });

    await page.getByLabel('Сортировка').selectOption('year-asc');
    await page.getByRole('button', { name: 'Применить' }).click();
    await page.waitForURL(/sort=year-asc/);
    await page.getByRole('link', { name: 'Следующая →' }).click();
    await page.waitForURL(/page=2/);
    await page.getByRole('link', { name: 'Капитанская дочка' }).click();
    await page.getByRole('heading', { level: 1, name: /Капитанская дочка : роман/ }).waitFor();
    expect(await page.locator('.gost').textContent()).toBe(
      'Пушкин, А. С. Капитанская дочка : роман / Александр Пушкин. – Москва : Эксмо, 2019. – 320 с. : ил. – Текст : непосредственный.');
    await page.screenshot({ path: `${SHOTS}/3-record.png`, fullPage: true });
  });

  it('switches to the version for the visually impaired and back, by links alone', async () => {
    await page.getByRole('link', { name: 'Версия для слабовидящих' }).click();
    await page.getByRole('navigation', { name: 'Настройки для слабовидящих' }).waitFor();
    expect(page.url()).toMatch(/\/records\/\d+\?from=/); // back on the same page, with the search it came from
    await page.getByRole('link', { name: 'белым по чёрному' }).click();
    await page.getByRole('link', { name: 'не показывать' }).click();
    // After three trips through the settings, «Назад к поиску» still leads to page 2 of that search.
    expect(await page.getByRole('link', { name: 'Назад к поиску' }).getAttribute('href')).toMatch(/^\/search\?q=.*sort=year-asc.*page=2$/);
    expect(await page.locator('html').getAttribute('class')).toBe('vi vi-size-large vi-scheme-white-on-black vi-images-off vi-spacing-normal');
    expect(await page.locator('svg').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/4-vi-record.png`, fullPage: true });
    await page.getByRole('link', { name: 'синим по голубому' }).click();
    await page.getByRole('link', { name: 'очень крупный' }).click();
    await page.getByRole('link', { name: 'увеличенное' }).click();
    await page.goto(`${baseUrl}/search?q=пушкин`);
    await page.screenshot({ path: `${SHOTS}/5-vi-search.png`, fullPage: true });
    await page.getByRole('link', { name: 'Обычная версия сайта' }).click();
    expect(await page.locator('html').getAttribute('class')).toBeNull();
  });

  it('keeps one column and no sideways scrolling at 200 % zoom', async () => {
    // 200 % zoom of a 1366-pixel screen: 683 CSS pixels across, each drawn with two device pixels.
    const zoomedContext = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 683, height: 768 }, deviceScaleFactor: 2, locale: 'ru-RU' });
    const zoomed = await zoomedContext.newPage();
    await zoomed.goto(`${baseUrl}/search?q=пушкин`);
    await zoomed.screenshot({ path: `${SHOTS}/6-zoom200-search.png` });
    const facets = await zoomed.locator('aside.facets').boundingBox();
    const hits = await zoomed.locator('ol.hits').boundingBox();
    expect(facets!.y).toBeGreaterThan(hits!.y + hits!.height - 1); // the facets moved below the results
    expect(facets!.x + facets!.width).toBeLessThanOrEqual(683);
    await zoomed.goto(`${baseUrl}/records/${await recordId('kd')}`);
    await zoomed.screenshot({ path: `${SHOTS}/7-zoom200-record.png` });
    const table = await zoomed.locator('table.fields').boundingBox();
    expect(table!.x + table!.width).toBeLessThanOrEqual(683);
    await zoomedContext.close();
  });

  it('sends the search page in a few kilobytes over the wire', async () => {
    const url = `${baseUrl}/search?q=${encodeURIComponent('пушкин')}`;
    const sizes = { identity: await wireBytes(url, 'identity'), gzip: await wireBytes(url, 'gzip'), br: await wireBytes(url, 'br') };
    const css = /href="(\/static\/[^"]+\.css)"/.exec(await (await fetch(url)).text())![1]!;
    const cssSizes = { identity: await wireBytes(`${baseUrl}${css}`, 'identity'), br: await wireBytes(`${baseUrl}${css}`, 'br') };
    console.log(`public search page, 20 results: ${JSON.stringify(sizes)} bytes; stylesheet: ${JSON.stringify(cssSizes)} bytes`);
    expect(sizes.br).toBeLessThan(4_000);
    expect(sizes.gzip).toBeLessThan(4_500);
  });
});

async function recordId(controlNumber: string): Promise<number> {
  const row = await database.db.selectFrom('bib_records').select('id').where('control_number', '=', controlNumber).executeTakeFirstOrThrow();
  return row.id;
}

/** Body bytes as sent (compressed or not), with the given Accept-Encoding. */
function wireBytes(url: string, encoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'accept-encoding': encoding } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => { bytes += chunk.length; });
      response.on('end', () => resolve(bytes));
    }).on('error', reject).end();
  });
}
