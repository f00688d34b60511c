import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, openBrowserSession, SCREENSHOTS, type BrowserSession } from './browser.js';

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowserSession();
  await logIn(session);
});
afterAll(() => session?.close());

/** '32,25' → 32.25, as the page writes figures. */
const figure = (text: string) => Number(text.replace(/\s/g, '').replace(',', '.'));

describe('staff figures and posts in Chromium', () => {
  it('shows for 2023 the figures of 6-НК section 6 that the API computes', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/app/staff`);
    await page.getByRole('link', { name: 'Кадры (6-НК, раздел 6)' }).click();
    await page.getByRole('heading', { name: 'Кадры (6-НК, раздел 6)' }).waitFor();
    const table = page.getByRole('table', { name: 'Кадры (6-НК, раздел 6)' });
    await table.waitFor();
    await Promise.all([
      page.waitForResponse((response) => response.url().includes('/api/staff/statistics?date=2023-12-31')),
      page.getByLabel('Отчётный год').selectOption('2023'),
    ]);
    await expect.poll(() => table.getAttribute('aria-busy')).toBeNull();
    expect(await page.locator('main').innerText()).toContain('на 31.12.2023');

    const response = await page.request.get(`${baseUrl}/api/staff/statistics?date=2023-12-31`);
    expect(response.status()).toBe(200);
    const expected = await response.json();
    expect(expected.headcount).toBeGreaterThan(0);
    const lines = await table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => [...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent?.trim() ?? '')));
    const shown = lines.filter(([, value]) => value !== '').map(([label, value]) => [label, figure(value!)]);
    expect(shown).toEqual([
      ['Штатные единицы', expected.posts],
      ['Численность работников, всего, чел.', expected.headcount],
      ['из них инвалиды', expected.withDisability],
      ['из них основной персонал библиотеки', expected.coreStaff],
      ['высшее', expected.higherEducation],
      ['из него библиотечное', expected.higherLibraryEducation],
      ['среднее профессиональное', expected.secondaryVocationalEducation],
      ['из него библиотечное', expected.secondaryVocationalLibraryEducation],
      ['до 3 лет', expected.experienceUpTo3],
      ['от 3 до 10 лет', expected.experience3To10],
      ['свыше 10 лет', expected.experienceOver10],
      ['до 30 лет', expected.ageUnder30],
      ['от 30 до 55 лет', expected.age30To55],
      ['55 лет и старше', expected.age55AndOver],
    ]);
    await page.screenshot({ path: `${SCREENSHOTS}/staff-figures.png`, fullPage: true });
  });

  it('adds an establishment post on a branch card and closes it', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/app/branches`);
    await page.getByRole('link', { name: 'Библиотека «Пятый километр»' }).click();
    const posts = page.getByRole('region', { name: 'Штатные единицы' });
    await posts.getByRole('table').waitFor();
    expect(await posts.innerText()).toContain('Всего на сегодня: 1');

    await posts.getByRole('button', { name: 'Добавить единицу' }).click();
    await posts.getByLabel('Должность').fill('Библиотекарь по работе с детьми');
    await posts.getByLabel('Ставка').fill('0,5');
    await posts.getByRole('button', { name: 'Добавить единицу' }).click();
    await posts.getByText('Штатная единица «Библиотекарь по работе с детьми» добавлена').waitFor();
    const row = posts.getByRole('row', { name: /Библиотекарь по работе с детьми/ });
    expect(await row.innerText()).toContain('0,5');
    expect(await posts.innerText()).toContain('Всего на сегодня: 1,5');
    await page.screenshot({ path: `${SCREENSHOTS}/branch-posts.png`, fullPage: true });

    const branchId = /\/branches\/(\d+)/.exec(page.url())![1];
    const saved = await (await page.request.get(`${baseUrl}/api/staff-positions?branch=${branchId}`)).json();
    const post = saved.find((p: { title: string }) => p.title === 'Библиотекарь по работе с детьми');
    expect(post).toMatchObject({ rate: 0.5, validTo: null });

    await row.getByRole('button', { name: 'Закрыть' }).click();
    await row.getByLabel('Последний день').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/branch-post-close.png`, fullPage: true });
    await row.getByRole('button', { name: 'Да, закрыть' }).click();
    await posts.getByText(/Штатная единица «Библиотекарь по работе с детьми» закрыта/).waitFor();
    const closed = await (await page.request.get(`${baseUrl}/api/staff-positions?branch=${branchId}`)).json();
    expect(closed.find((p: { id: number }) => p.id === post.id).validTo).toBe(post.validFrom);
  });
});
