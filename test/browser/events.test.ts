import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, openBrowserSession, SCREENSHOTS, type BrowserSession } from './browser.js';

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowserSession();
  await logIn(session);
});
afterAll(() => session?.close());

describe('events in Chromium', () => {
  it('creates an event with its attendance, after the age groups are corrected, and finds it in the month’s calendar', async () => {
    const { page, baseUrl } = session;
    await page.getByRole('link', { name: 'Мероприятия', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Мероприятия', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Добавить мероприятие' }).click();
    await page.getByRole('heading', { name: 'Новое мероприятие' }).waitFor();

    await page.getByLabel('Название', { exact: true }).fill('Краеведческая викторина «Мой Новоюгинский край»');
    await page.getByLabel('Дата', { exact: true }).fill('2023-11-14');
    await page.getByLabel('Время начала').fill('15:00');
    await page.getByLabel('Форма', { exact: true }).selectOption({ label: 'Викторина' });
    await page.getByLabel('Аудитория').selectOption({ label: 'Дети' });
    await page.getByRole('checkbox', { name: 'Новоюгинская сельская библиотека' }).check();
    await page.getByRole('checkbox', { name: 'Краеведение' }).check();
    await page.getByRole('checkbox', { name: 'МБОУ «Новоюгинская СОШ»' }).check();
    await page.getByLabel('Всего посетителей').fill('20');
    await page.getByLabel('Дети до 14 лет').fill('15');
    await page.getByLabel('Молодёжь 15–30 лет').fill('10');
    await page.getByRole('button', { name: 'Добавить мероприятие' }).click();

    // 15 + 10 > 20: the server's message stands beside the total, and nothing is created.
    const total = page.getByLabel('Всего посетителей');
    await expect.poll(() => total.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('main').innerText()).toContain('меньше суммы по возрастным группам');
    await page.screenshot({ path: `${SCREENSHOTS}/event-form-error.png`, fullPage: true });

    await page.getByLabel('Молодёжь 15–30 лет').fill('5');
    await page.getByRole('button', { name: 'Добавить мероприятие' }).click();
    await page.getByRole('heading', { name: 'Краеведческая викторина «Мой Новоюгинский край»' }).waitFor();
    const card = await page.locator('main').innerText();
    expect(card).toContain('Мероприятие «Краеведческая викторина «Мой Новоюгинский край»» добавлено');
    expect(card).toContain('14.11.2023, 15:00');
    expect(card).toContain('Новоюгинская сельская библиотека');
    expect(card).toContain('МБОУ «Новоюгинская СОШ»');
    expect(card).toContain('Проведено');
    await page.screenshot({ path: `${SCREENSHOTS}/event-card.png`, fullPage: true });

    await page.goto(`${baseUrl}/app/events?view=calendar&year=2023&month=11`);
    await page.getByRole('heading', { name: /ноябрь 2023/i }).waitFor();
    const link = page.getByRole('link', { name: /Мой Новоюгинский край/ });
    await link.waitFor();
    expect(await page.getByRole('table', { name: /ноябрь 2023/i }).innerText()).toContain('15:00');
    await page.screenshot({ path: `${SCREENSHOTS}/events-calendar.png` });
  });

  it('shows the plan of 2023 against what every branch held', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/app/events/plan?year=2023`);
    const row = page.getByRole('row', { name: /Тевризская сельская библиотека/ });
    await row.waitFor();
    expect(await page.getByRole('row', { name: /Итого по сети/ }).innerText()).toMatch(/\d %/);
    expect(await page.getByRole('row', { name: /Пятый километр/ }).count()).toBe(1);
  });
});
