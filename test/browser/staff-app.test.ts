import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, openBrowserSession, SCREENSHOTS, type BrowserSession } from './browser.js';

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowserSession();
});
afterAll(() => session?.close());

describe('the staff app in Chromium', () => {
  it('logs in, shows the demo network and opens the card of the branch liquidated in 2023', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/app/`);
    await page.getByRole('heading', { name: 'Вход в систему' }).waitFor();
    await page.getByLabel('Логин').fill(ADMIN.login);
    await page.getByLabel('Пароль').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Войти' }).click();

    await page.getByRole('heading', { name: 'Филиалы', exact: true }).waitFor();
    const rows = page.getByRole('row');
    await expect.poll(() => rows.count()).toBeGreaterThan(15);
    await page.screenshot({ path: `${SCREENSHOTS}/branches.png` });

    await page.getByRole('link', { name: 'Тевризская сельская библиотека' }).click();
    await page.getByRole('heading', { name: 'Тевризская сельская библиотека' }).waitFor();
    const card = await page.locator('main').innerText();
    expect(card).toContain('Ликвидация');
    expect(card).toContain('01.07.2023');
    expect(card).toMatch(/ТОУНБ/);
    await page.screenshot({ path: `${SCREENSHOTS}/branch-card.png`, fullPage: true });
  });

  it('shows the branch opened in the second half of 2023 as opened then', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/app/branches?year=2023`);
    const row = page.getByRole('row', { name: /Пятый километр/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('01.07.2023');
  });
});
