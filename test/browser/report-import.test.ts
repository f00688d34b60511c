import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, openBrowserSession, SCREENSHOTS, type BrowserSession } from './browser.js';

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowserSession();
});
afterAll(() => session?.close());

const AWARDS = 'Областной конкурс «Читающая семья» – Вертикосская сельская библиотека – 2 место, Павловская сельская библиотека – сертификат за участие; '
  + 'Межрайонный конкурс «Книжный марафон» – 1 место участника Новоюгинской СОШ Иванова Петра;';
/** A passage of a 2024 report, its first lines pasted twice — the second time broken as a PDF breaks them. */
const PASSAGE = [
  AWARDS,
  'Конкурс «Лето с книгой» – Среднетымская сельская библиотека – диплом 1 степени;',
  AWARDS.replace(/ (?=Павловская|Межрайонный|участника)/g, '\n\n'),
].join('\n');

interface Competition { name: string; level: string; entries: { branchName: string; participantKind: string; awards: { wording: string }[] }[] }

describe('importing achievements from a report\'s text in Chromium', () => {
  it('proposes the passage\'s awards once, lets the reviewer fix a level and a participant, and saves them', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/app/login`);
    await page.getByLabel('Логин').fill(ADMIN.login);
    await page.getByLabel('Пароль').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('link', { name: 'Импорт из отчёта' }).click();

    await page.getByLabel('Текст отчёта').fill(PASSAGE);
    await page.getByLabel('Год отчёта').fill('2024');
    await page.getByRole('button', { name: 'Разобрать' }).click();
    await page.getByRole('heading', { name: 'Проверка предложений — 2024' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Предложено' }).innerText()).toBe('Предложено: 4, принято: 4, отклонено: 0');
    expect(await page.getByText(/Пропущен повторяющийся текст: 1 фрагмент/).count()).toBe(1);

    // «Лето с книгой» came under the inter-district heading: in fact it is a district competition.
    const summer = page.locator('article').filter({ hasText: 'Лето с книгой' });
    expect(await summer.getByLabel('Уровень').inputValue()).toBe('inter_district');
    await summer.getByLabel('Уровень').selectOption({ label: 'Районный' });
    // The reader of «Книжный марафон» was matched through the school's village; the reviewer knows Павловская prepared him.
    const marathon = page.locator('article').filter({ hasText: 'Книжный марафон' });
    expect(await marathon.innerText()).toContain('похоже на «Новоюгинская сельская библиотека»');
    await marathon.getByLabel('Участник').selectOption({ label: 'читатель — Павловская сельская библиотека' });
    expect(await marathon.getByLabel('Читатель', { exact: true }).inputValue()).toBe('Иванова Петра');
    await marathon.getByLabel('Читатель', { exact: true }).fill('Иванов Пётр');
    await page.screenshot({ path: `${SCREENSHOTS}/report-import-review.png`, fullPage: true });

    await page.getByRole('button', { name: 'Сохранить принятые (4)' }).click();
    await page.getByRole('button', { name: 'Да, сохранить' }).click();
    await page.getByRole('heading', { name: 'Сохранено' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('«Книжный марафон»: читатель Иванов Пётр (Павловская сельская библиотека) — 1 место');
    await page.screenshot({ path: `${SCREENSHOTS}/report-import-saved.png`, fullPage: true });

    const saved = await page.evaluate(async () => (await (await fetch('/api/competitions?year=2024&pageSize=100')).json()).items) as Competition[];
    const byName = Object.fromEntries(saved.map((c) => [c.name, c]));
    expect(Object.keys(byName).sort()).toEqual(['Книжный марафон', 'Лето с книгой', 'Читающая семья']);
    expect(byName['Лето с книгой']!.level).toBe('district');
    expect(byName['Читающая семья']!.entries.map((e) => [e.branchName, e.awards.map((a) => a.wording)])).toEqual([
      ['Вертикосская сельская библиотека', ['2 место']], ['Павловская сельская библиотека', ['Сертификат участника']],
    ]);
    expect(byName['Книжный марафон']!.entries).toEqual([expect.objectContaining({ branchName: 'Павловская сельская библиотека', participantKind: 'reader' })]);
  });
});
