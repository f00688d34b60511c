import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import { createNetwork, findNetworkByCode } from '../modules/network/index.js';
import { openDatabase } from './database.js';
import { migrate } from './migrate.js';

const dataDir = mkdtempSync(join(tmpdir(), 'biblioset-data-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the embedded database in a folder', () => {
  it('keeps what was written after it is closed and opened again', async () => {
    const first = await openDatabase({ dataDir });
    await migrate(first.db);
    await first.db
      .transaction()
      .execute((trx) => createNetwork({ trx, input: { code: 'kept', name: 'Сохранённая ЦБС', fullName: 'МБУК «Сохранённая ЦБС»' } }));
    await first.close();

    const reopened = await openDatabase({ dataDir });
    try {
      expect(await migrate(reopened.db)).toEqual([]);
      expect(await findNetworkByCode(reopened.db, 'kept')).toMatchObject({ name: 'Сохранённая ЦБС', full_name: 'МБУК «Сохранённая ЦБС»' });
    } finally {
      await reopened.close();
    }
  });
});

describe('a PostgreSQL connection', () => {
  it.skipIf(!process.env.TEST_DATABASE_URL)('has JIT compilation off (it cost searches more than it saved)', async () => {
    const database = await openTestDatabase();
    try {
      const { rows: [row] } = await sql<{ jit: string }>`SHOW jit`.execute(database.db);
      expect(row!.jit).toBe('off');
    } finally {
      await database.close();
    }
  });
});
