import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/db/database.js';
import { loadDemoNetwork } from '../../src/demo/index.js';
import { createUser, systemActor } from '../../src/modules/auth/index.js';
import { buildApp } from '../../src/server/app.js';
import { openTestDatabase } from '../database.js';

export const ADMIN = { login: 'admin', password: 'browser-test-password' };
export const SCREENSHOTS = 'test-results';

export interface BrowserSession {
  baseUrl: string;
  page: Page;
  close(): Promise<void>;
}

/** The server with the demo network on a free port, and a Chromium page at 1366×768. */
export async function openBrowserSession(): Promise<BrowserSession> {
  const database: Database = await openTestDatabase();
  const { networkId } = await loadDemoNetwork(database.db);
  await database.db.transaction().execute((trx) =>
    createUser({ trx, actor: systemActor(networkId), input: { ...ADMIN, fullName: 'Администратор', role: 'admin', branchIds: [] } }));
  const app: FastifyInstance = await buildApp({ database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
  await mkdir(SCREENSHOTS, { recursive: true });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    page,
    async close() {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

/** Debian's Chromium, headless, quiet (no background network, no updates). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Signs in through the login page as the test administrator; resolves on the first page after it. */
export async function logIn({ page, baseUrl }: BrowserSession): Promise<void> {
  await page.goto(`${baseUrl}/app/login`);
  await page.getByLabel('Логин').fill(ADMIN.login);
  await page.getByLabel('Пароль').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByRole('heading', { name: 'Филиалы', exact: true }).waitFor();
}
