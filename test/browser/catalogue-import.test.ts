import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, openBrowserSession, SCREENSHOTS, type BrowserSession } from './browser.js';

/** pymarc's eight small records, two of them broken (directory not a multiple of 12). */
const BAD_RECORDS = fileURLToPath(new URL('../../../shared/data/marc/edsu_pymarc/bad_records.mrc', import.meta.url));

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowserSession();
  await logIn(session);
});
afterAll(() => session?.close());

describe('the catalogue import page', () => {
  it('uploads a MARC file with progress, shows the summary and the bad records, and gives their report as CSV', { timeout: 120_000 }, async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/app/catalogue/import`);
    await page.getByRole('heading', { name: 'Загрузка записей из файла MARC' }).waitFor();

    await page.getByLabel('Файл', { exact: true }).setInputFiles(BAD_RECORDS);
    await page.getByRole('radio', { name: /Оставить как есть/ }).check();
    // Hold the upload back for a moment (a small file on a local server is sent at once): the page shows
    // the progress while the request is on its way.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // (Only the upload: the page's polls of the running import go through.)
    await page.route((url) => url.pathname === '/api/catalogue/imports' && url.searchParams.has('fileName'), async (route) => {
      await held;
      await route.continue();
    });
    // Another librarian's import of a file of the same name, begun earlier and still running: the page must not take
    // its figures for this upload's.
    const othersImport = {
      id: 1, fileName: 'bad_records.mrc', fileSize: 4000, bytesRead: 2000, format: 'iso2709', schema: 'marc21', encoding: 'utf-8',
      autoDetected: [], onMatch: 'skip', status: 'running', message: '', read: 999, imported: 990, updated: 0, skipped: 0, failed: 9,
      errorsStored: 9, user: { id: 999_999, fullName: 'Другой Библиотекарь' }, startedAt: new Date().toISOString(), finishedAt: null,
    };
    let polled = 0;
    const runningImports = (url: URL) => url.pathname === '/api/catalogue/imports' && url.searchParams.get('status') === 'running';
    await page.route(runningImports, async (route) => {
      polled++;
      await route.fulfill({ json: { items: [othersImport], total: 1, page: 1, pageSize: 10 } });
    });
    await page.getByRole('button', { name: 'Загрузить', exact: true }).click();

    const progress = page.getByRole('status');
    await progress.getByText(/Передача файла: передано \d+%|Обработка записей: передано \d+%/).waitFor();
    expect(await page.locator('.import-progress progress').count()).toBe(1);
    await expect.poll(() => polled, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(await progress.textContent()).not.toContain('прочитано 999');
    await page.screenshot({ path: `${SCREENSHOTS}/catalogue-import-progress.png`, fullPage: true });
    await page.unroute(runningImports);
    release();

    await page.getByRole('heading', { name: 'Загрузка завершена: bad_records.mrc' }).waitFor();
    await expect.poll(() => page.locator('.import-summary').textContent()).toBe('прочитано 8, загружено 2, с ошибками 2');
    const rows = page.getByRole('table', { name: 'Записи с ошибками' }).locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().locator('td').first().textContent()).toBe('4');
    expect(await rows.first().textContent()).toContain('381');
    await page.screenshot({ path: `${SCREENSHOTS}/catalogue-import-done.png`, fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Скачать отчёт об ошибках (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^errors-\d+\.csv$/);
    const csv = await readFile((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('№ записи;Смещение, байт;Код;Причина');
    expect(lines.slice(1)).toHaveLength(2);
    expect(lines[1]).toMatch(/^4;381;directory-invalid;/);
    expect(lines[2]).toMatch(/^5;\d+;directory-invalid;/);

    // The list of earlier imports shows it, with who loaded it.
    const history = page.getByRole('table', { name: 'Прежние загрузки' });
    await history.getByText('bad_records.mrc').waitFor();
    expect(await history.locator('tbody tr').first().textContent()).toContain('прочитано 8, загружено 2, с ошибками 2');
  });

  it('refuses a file that is not MARC with a clear message', { timeout: 120_000 }, async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Загрузить другой файл' }).click();
    await page.getByLabel('Файл', { exact: true }).setInputFiles({ name: 'список.txt', mimeType: 'text/plain', buffer: Buffer.from('Пушкин А. С. Сказки\n'.repeat(20)) });
    await page.getByRole('button', { name: 'Загрузить', exact: true }).click();
    await page.getByRole('heading', { name: 'Загрузка не выполнена: список.txt' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/^Файл не похож на MARC/);
    await page.screenshot({ path: `${SCREENSHOTS}/catalogue-import-not-marc.png`, fullPage: true });
  });

  it('is linked from the catalogue list', { timeout: 120_000 }, async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/app/catalogue`);
    await page.getByRole('heading', { name: 'Электронный каталог' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/catalogue-list-import-link.png` });
    await page.getByRole('button', { name: 'Загрузить из файла MARC' }).click();
    await page.getByRole('heading', { name: 'Загрузка записей из файла MARC' }).waitFor();
  });
});
