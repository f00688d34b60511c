import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, openBrowserSession, SCREENSHOTS, type BrowserSession } from './browser.js';

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowserSession();
  await logIn(session);
});
afterAll(() => session?.close());

const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3000, 0x41)]);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 1)]);

describe('achievements in Chromium', () => {
  it('adds a competition, an entry with its diploma and the scan, and shows it in the year’s achievements', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/app/achievements`);
    await page.getByRole('heading', { name: 'Конкурсы', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Добавить конкурс' }).click();
    const competitionForm = page.getByRole('form', { name: 'Новый конкурс' });
    await competitionForm.getByLabel('Название').fill('Книжная радуга');
    await competitionForm.getByLabel('Год').fill('2024');
    await competitionForm.getByLabel('Уровень').selectOption('district');
    await competitionForm.getByLabel('Номинации').fill('Чтение вслух\nКнижная выставка');
    await competitionForm.getByRole('button', { name: 'Добавить конкурс' }).click();
    await page.getByRole('heading', { name: 'Книжная радуга' }).waitFor();

    await page.getByRole('button', { name: 'Добавить участие' }).click();
    const entryForm = page.getByRole('form', { name: 'Новое участие' });
    await entryForm.getByLabel('Филиал').selectOption({ label: 'Павловская сельская библиотека' });
    await entryForm.getByLabel('Номинация').selectOption('Книжная выставка');
    await entryForm.getByLabel('Результат').selectOption('diploma');
    await entryForm.getByLabel('Место или степень').selectOption('2');
    await entryForm.getByRole('button', { name: 'Добавить участие' }).click();
    const row = page.getByRole('row', { name: /Павловская сельская библиотека/ });
    await row.getByText('Диплом 2 степени').waitFor();

    // A PNG sent under a .pdf name is refused in the server's words; the real PDF is kept.
    const input = page.getByLabel('Загрузить скан: Диплом 2 степени');
    await input.setInputFiles({ name: 'диплом.pdf', mimeType: 'application/pdf', buffer: png });
    await expect.poll(() => row.getByRole('alert').innerText()).toContain('PNG');
    await input.setInputFiles({ name: 'Диплом Павловской.pdf', mimeType: 'application/pdf', buffer: pdf });
    const link = row.getByRole('link', { name: /Диплом Павловской\.pdf/ });
    await link.waitFor();
    const download = await page.request.get(new URL((await link.getAttribute('href'))!, baseUrl).toString());
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await download.body()).equals(pdf)).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/competition-card.png`, fullPage: true });

    await page.getByRole('link', { name: 'Достижения за год' }).click();
    await page.getByLabel('Год').selectOption('2024');
    await page.getByRole('heading', { name: 'Достижения за 2024 год' }).waitFor();
    const section = page.locator('.report-section', { has: page.getByRole('heading', { name: 'Районные конкурсы' }) });
    await expect.poll(() => section.innerText()).toContain(
      '«Книжная радуга» в номинации «Книжная выставка»: Павловская сельская библиотека — Диплом 2 степени.');
    await page.screenshot({ path: `${SCREENSHOTS}/achievements-2024.png`, fullPage: true });
  });

  it('shows the 2023 report’s achievements by level, in the report’s order', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/app/achievements/summary?year=2023`);
    await page.getByRole('heading', { name: 'Достижения за 2023 год' }).waitFor();
    const headings = await page.locator('.report-section h3').allInnerTexts();
    const levels = headings.filter((heading) => heading.endsWith('конкурсы'));
    expect(levels).toEqual(['Международные конкурсы', 'Всероссийские конкурсы', 'Областные конкурсы', 'Межрайонные конкурсы', 'Районные конкурсы']);
    expect(await page.locator('.report').innerText()).toContain('«Пасхальная радость»');
  });

  it('records a seminar with attendees picked by branch, and shows staff trained by topic', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/app/staff/seminars`);
    await page.getByRole('button', { name: 'Записать семинар' }).click();
    const form = page.getByRole('form', { name: 'Новый семинар' });
    await form.getByLabel('Дата проведения').fill('2024-03-14');
    await form.getByLabel('Тема').fill('Работа с каталогом ББК');
    await form.getByRole('button', { name: 'Отметить всех: Каргасокская детская библиотека' }).click();
    await form.getByLabel('Других участников').fill('3');
    await form.getByRole('button', { name: 'Записать семинар' }).click();
    await page.getByText('Семинар «Работа с каталогом ББК» записан').waitFor();
    const row = page.getByRole('row', { name: /Работа с каталогом ББК/ });
    expect(await row.innerText()).toMatch(/\d+: \d+ сотрудник\S*, других 3/);

    await page.goto(`${baseUrl}/app/staff/trainings?year=2023`);
    const statistics = page.getByRole('table', { name: 'Обучено в 2023 году по темам' });
    await statistics.waitFor();
    expect(await statistics.getByRole('row', { name: /Всего/ }).innerText()).toMatch(/Всего\s+\d+/);
    expect(await statistics.innerText()).toContain('Пожарная безопасность');
  });
});
