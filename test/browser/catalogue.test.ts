import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, openBrowserSession, SCREENSHOTS, type BrowserSession } from './browser.js';
import { marc21Book, NOTE_LONGER_THAN_ISO_2709_HOLDS, TRANSLATOR_IN_WORDS } from '../bib-records.js';

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowserSession();
  // An old office screen: the catalogue must work at 1024×768.
  await session.page.setViewportSize({ width: 1024, height: 768 });
  await logIn(session);
  // The demo network now loads its catalogue of a few thousand records: more than the default hook time on a busy machine.
}, 300_000);
afterAll(() => session?.close());

const TITLE = 'Краеведческие записки Новоюгинского края';
const AUTHOR = 'Тестовый, Иван Петрович';
const MUSEUM = 'Новоюгинский краеведческий музей';

describe('cataloguing in Chromium', () => {
  it('creates a record with the form, warns of a duplicate, shows the card with its MARC, edits and deletes it', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Каталог', exact: true }).click();
    await page.getByRole('heading', { name: 'Электронный каталог' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/catalogue-list.png` });

    await page.getByRole('button', { name: 'Новая запись' }).click();
    await page.getByRole('heading', { name: 'Новая запись каталога' }).waitFor();
    await page.getByLabel('Заглавие', { exact: true }).fill(TITLE);
    await page.getByLabel('Сведения, относящиеся к заглавию', { exact: true }).fill('очерки');
    await page.getByLabel('Фамилия, имя 1').fill(AUTHOR);
    // An organisation beside the persons: with a person author it is offered as the editor (RUSMARC 712).
    await page.getByRole('button', { name: 'Добавить организацию' }).click();
    await page.getByLabel('Наименование организации 1').fill(MUSEUM);
    expect(await page.getByLabel('Роль организации 1').inputValue()).toBe('edt');
    await page.getByLabel('Место издания').fill('Тевриз');
    await page.getByLabel('Издательство').fill('Районная типография');
    await page.getByLabel('Год издания').fill('2021');
    await page.getByLabel('Объём').fill('120 с. : ил.');
    // A wrong check digit: the message shows under the field while typing. The book really carries it: kept as printed.
    await page.getByLabel('ISBN', { exact: true }).fill('978-5-08-005955-2');
    const isbnStatus = page.getByText('ISBN 978-5-08-005955-2 : неверная контрольная цифра');
    await isbnStatus.waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/catalogue-form-isbn.png`, fullPage: true });
    await page.getByRole('button', { name: 'Сохранить как ошибочный (так напечатано в книге)' }).click();
    expect(await page.getByLabel('Ошибочные ISBN (как в книге)').inputValue()).toBe('978-5-08-005955-2');
    expect(await page.getByLabel('ISBN', { exact: true }).inputValue()).toBe('');
    await page.getByLabel('ISBN', { exact: true }).fill('978-5-08-005955-1');
    await page.getByText('ISBN верный').waitFor();
    await page.getByLabel('ISSN', { exact: true }).fill('0130-1234');
    await page.getByText('ISSN 0130-1234 : неверная контрольная цифра').waitFor();
    await page.getByLabel('ISSN', { exact: true }).fill('0131-6141');
    await page.getByText('ISSN верный').waitFor();
    await page.getByLabel('ББК', { exact: true }).fill('63.3(2Рос-4Омс)');
    await page.getByLabel('Тематические рубрики').fill('Краеведение -- Омская область');
    await page.getByLabel('Содержание', { exact: true }).fill('Село Тевриз / И. П. Тестовый\nПесни Прииртышья');
    await page.getByLabel('Возрастное ограничение').selectOption('12+');
    await page.getByRole('button', { name: 'Сохранить запись' }).click();

    await page.getByRole('heading', { name: TITLE }).waitFor();
    // Role names come with the cataloguing options, loaded beside the record: wait for them, not just the record.
    await page.getByText('Тестовый, Иван Петрович (автор)').waitFor();
    const card = await page.locator('main').innerText();
    expect(card).toContain('Запись добавлена в каталог');
    expect(card).toContain(`${TITLE} : очерки / И. П. Тестовый`);
    expect(card).toContain('Тестовый, Иван Петрович (автор)');
    expect(card).toContain(`${MUSEUM} (редактор)`);
    const marc = await page.getByRole('table', { name: 'Запись MARC' }).innerText();
    expect(marc).toMatch(/712\s+02\s+\$aНовоюгинский краеведческий музей\s*\$4340/);
    expect(marc).toMatch(/200\s+1#\s+\$aКраеведческие записки Новоюгинского края\s*\$eочерки/);
    expect(marc).toMatch(/010\s+##\s+\$a978-5-08-005955-1/);
    expect(marc).toMatch(/010\s+##\s+\$z978-5-08-005955-2/);
    expect(marc).toMatch(/011\s+##\s+\$a0131-6141/);
    // A valid ISBN as the book prints it (the record keeps what was typed, the projection digits only).
    expect(card).toMatch(/^ISBN\s+978-5-08-005955-1$/m);
    expect(card).toMatch(/Неверные ISBN \(как в книге\)\s+9785080059552/);
    expect(marc).toMatch(/333\s+##\s+\$a12\+/);
    expect(card).toContain('Село Тевриз / И. П. Тестовый');
    expect(card).toContain('Песни Прииртышья');
    expect(marc).toMatch(/464\s+#0\s+\$12001.*\$aСело Тевриз\s*\$fИ\. П\. Тестовый/);
    await page.screenshot({ path: `${SCREENSHOTS}/catalogue-card.png`, fullPage: true });
    const firstUrl = page.url();

    // A second record with the same title and author: the warning lists the first, saving needs «Всё равно сохранить».
    await page.getByRole('link', { name: 'Каталог', exact: true }).click();
    await page.getByRole('button', { name: 'Новая запись' }).click();
    await page.getByLabel('Заглавие', { exact: true }).fill(TITLE);
    await page.getByLabel('Фамилия, имя 1').fill(AUTHOR);
    const warning = page.getByRole('alert').filter({ hasText: 'Похоже, такая запись уже есть' });
    await warning.waitFor();
    expect(await warning.innerText()).toContain('похожее заглавие и тот же автор (Тестовый)');
    expect(await page.getByRole('button', { name: 'Сохранить запись' }).isDisabled()).toBe(true);
    await page.getByLabel('Возрастное ограничение').selectOption('12+');
    await page.screenshot({ path: `${SCREENSHOTS}/catalogue-duplicate.png`, fullPage: true });
    await page.getByRole('button', { name: 'Всё равно сохранить' }).click();
    await page.getByText('Запись добавлена в каталог').waitFor();
    expect(page.url()).not.toBe(firstUrl);
    await page.getByRole('button', { name: 'Удалить' }).click();
    await page.getByRole('button', { name: 'Да, удалить' }).click();
    await page.getByRole('heading', { name: 'Электронный каталог' }).waitFor();

    // Edit the first record, then delete it with confirmation.
    await page.goto(firstUrl);
    await page.getByRole('button', { name: 'Править' }).click();
    await page.getByRole('heading', { name: `Правка записи «${TITLE}»` }).waitFor();
    await page.getByLabel('Сведения, относящиеся к заглавию', { exact: true }).fill('очерки истории');
    await page.getByLabel('Издание', { exact: true }).fill('2-е изд.');
    await page.screenshot({ path: `${SCREENSHOTS}/catalogue-edit.png`, fullPage: true });
    await page.getByRole('button', { name: 'Сохранить изменения' }).click();
    await page.getByText('Изменения сохранены').waitFor();
    // The message comes with the page; the record itself is loaded after it («Загрузка…» meanwhile).
    await page.getByText(`${TITLE} : очерки истории / И. П. Тестовый`).first().waitFor();
    const edited = await page.locator('main').innerText();
    expect(edited).toContain(`${TITLE} : очерки истории / И. П. Тестовый`);
    expect(edited).toContain('2-е изд.');

    // Switching to MARC with unsaved changes asks first; refused, the form keeps them.
    await page.getByRole('button', { name: 'Править' }).click();
    await page.getByLabel('Издание', { exact: true }).fill('3-е изд.');
    let asked = '';
    page.once('dialog', (dialog) => { asked = dialog.message(); void dialog.dismiss(); });
    await page.getByRole('button', { name: 'MARC (для знатоков)' }).click();
    expect(asked).toContain('Несохранённые изменения пропадут');
    expect(await page.getByLabel('Издание', { exact: true }).inputValue()).toBe('3-е изд.');

    // An expert adds a note as MARC text (the form's change given up).
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'MARC (для знатоков)' }).click();
    const marcText = page.getByRole('textbox', { name: 'Запись MARC', exact: true });
    await marcText.waitFor();
    expect(await marcText.inputValue()).toContain('200 1#$aКраеведческие записки Новоюгинского края$eочерки истории');
    await marcText.fill(`${await marcText.inputValue()}\n300 ##$aПримечание знатока MARC`);
    await page.screenshot({ path: `${SCREENSHOTS}/catalogue-marc-edit.png`, fullPage: true });
    await page.getByRole('button', { name: 'Сохранить изменения' }).click();
    await page.getByText('Изменения сохранены').waitFor();
    expect(await page.getByRole('table', { name: 'Запись MARC' }).innerText()).toMatch(/300\s+##\s+\$aПримечание знатока MARC/);

    await page.getByRole('button', { name: 'Удалить' }).click();
    await page.getByText('Удалить запись из каталога?').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/catalogue-delete-confirm.png` });
    await page.getByRole('button', { name: 'Да, удалить' }).click();
    await page.getByText(`Запись «${TITLE}» удалена`).waitFor();
    await page.goto(firstUrl);
    await page.getByText('Не найдено').or(page.getByRole('alert')).first().waitFor();
  });

  it('shows a librarian the MARC view read-only, with the reason, and lets them save with the form', async () => {
    const { page, baseUrl } = session;
    const branchId = (await (await page.request.get(`${baseUrl}/api/branches`)).json()).items[0].id;
    const librarian = { login: 'catalogue-librarian', password: 'librarian-test-password' };
    expect((await page.request.post(`${baseUrl}/api/users`, { data: { ...librarian, fullName: 'Библиотекарь Каталога', role: 'librarian', branchIds: [branchId] } })).status()).toBe(201);
    const created = await page.request.post(`${baseUrl}/api/catalogue/records`, { data: { confirmDuplicate: true, form: {
      documentType: 'book', title: 'Записки библиотекаря', subtitle: '', parallelTitle: '', persons: [], responsibility: '', edition: '', place: '',
      publisher: '', year: 2020, extent: '', series: [], isbns: [], language: 'rus', bbk: '', authorMark: '', udc: '', subjects: [], keywords: [],
      annotation: '', ageRating: '12+',
    } } });
    expect(created.status()).toBe(201);
    const { id } = await created.json();

    const other = await page.context().browser()!.newPage({ viewport: { width: 1024, height: 768 }, locale: 'ru-RU' });
    try {
      await other.goto(`${baseUrl}/app/login`);
      await other.getByLabel('Логин').fill(librarian.login);
      await other.getByLabel('Пароль').fill(librarian.password);
      await other.getByRole('button', { name: 'Войти' }).click();
      await other.getByRole('link', { name: 'Каталог', exact: true }).waitFor();
      await other.goto(`${baseUrl}/app/catalogue/${id}`);
      await other.getByRole('button', { name: 'Править' }).click();
      await other.getByRole('button', { name: 'MARC (для знатоков)' }).click();
      await other.getByText('Сохранять запись MARC целиком могут методист и администратор').waitFor();
      const marcText = other.getByRole('textbox', { name: 'Запись MARC', exact: true });
      expect(await marcText.isEditable()).toBe(false);
      expect(await other.getByRole('button', { name: 'Сохранить изменения' }).count()).toBe(0);
      await other.screenshot({ path: `${SCREENSHOTS}/catalogue-marc-librarian.png`, fullPage: true });

      await other.getByRole('button', { name: 'Форма' }).click();
      await other.getByLabel('Издание', { exact: true }).fill('2-е изд.');
      await other.getByRole('button', { name: 'Сохранить изменения' }).click();
      await other.getByText('Изменения сохранены').waitFor();
    } finally {
      await other.close();
    }
  });

  it('shows a role the list does not name as the record has it, and says so when the form\'s choices cannot be loaded', async () => {
    const { page, baseUrl } = session;
    // An expert's MARC21 record with a role in words, as the national catalogues send them.
    const record = marc21Book({ title: 'Гарри Поттер и узник Азкабана', age: '12+', fields: [TRANSLATOR_IN_WORDS] });
    const created = await page.request.post(`${baseUrl}/api/catalogue/records`, { data: { confirmDuplicate: true, schema: 'marc21', record } });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = await created.json();

    await page.goto(`${baseUrl}/app/catalogue/${id}/edit`);
    const role = page.getByLabel('Роль 1');
    await role.waitFor();
    expect(await role.inputValue()).toBe('переводчик с английского');
    expect(await role.locator('option:checked').textContent()).toBe('переводчик с английского');

    const options = (url: URL) => url.pathname === '/api/catalogue/cataloguing/options';
    await page.route(options, (route) => route.fulfill({
      status: 503, contentType: 'application/problem+json',
      json: { type: 'about:blank', title: 'Сервис недоступен', status: 503, detail: 'Сервер перегружен, попробуйте позже' },
    }));
    try {
      await page.goto(`${baseUrl}/app/catalogue/${id}/edit`);
      await page.getByRole('alert').getByText('Сервер перегружен, попробуйте позже').waitFor();
      expect(await page.getByText('Загрузка…').count()).toBe(0);
      await page.screenshot({ path: `${SCREENSHOTS}/catalogue-options-error.png` });
    } finally {
      await page.unroute(options);
    }
  });

  it('names before an ISO 2709 download the records ISO 2709 cannot hold, and offers the rest or all in MARCXML', async () => {
    const { page, baseUrl } = session;
    const record = marc21Book({ title: 'Летопись длинной заметки', age: '16+', fields: [NOTE_LONGER_THAN_ISO_2709_HOLDS] });
    const created = await page.request.post(`${baseUrl}/api/catalogue/records`, { data: { confirmDuplicate: true, schema: 'marc21', record } });
    expect(created.status(), await created.text()).toBe(201);

    await page.goto(`${baseUrl}/app/catalogue?q=${encodeURIComponent('летопись длинной заметки')}`);
    await page.getByRole('link', { name: 'Выгрузить в ISO 2709' }).click();
    const unfit = page.getByRole('alert');
    await unfit.getByText('1 из 1 записи не поместятся в ISO 2709').waitFor();
    expect(await unfit.getByRole('link', { name: 'Летопись длинной заметки' }).count()).toBe(1);
    // Nothing else to put in an ISO 2709 file: only MARCXML is offered.
    expect(await unfit.getByRole('link', { name: /в ISO 2709/ }).count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/catalogue-export-unfit.png` });
    const [xml] = await Promise.all([page.waitForEvent('download'), unfit.getByRole('link', { name: 'Выгрузить все в MARCXML' }).click()]);
    expect(xml.suggestedFilename()).toMatch(/\.xml$/);
    expect(await page.getByRole('alert').count()).toBe(0);

    // A search whose records all fit: the file comes at once.
    await page.goto(`${baseUrl}/app/catalogue?q=${encodeURIComponent('Пушкин')}`);
    const [iso] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Выгрузить в ISO 2709' }).click()]);
    expect(iso.suggestedFilename()).toMatch(/\.mrc$/);
  });
});
