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

  it.skipIf(!process.env.TEST_DATABASE_URL)('compresses large values with lz4 where the server has it', async () => {
    const database = await openTestDatabase();
    try {
      const { rows: [row] } = await sql<{ compression: string; lz4: boolean }>`SELECT current_setting('default_toast_compression') AS compression,
        'lz4' = ANY(enumvals) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'`.execute(database.db);
      expect(row!.compression).toBe(row!.lz4 ? 'lz4' : 'pglz');
      // The session setting reaches what is written: a large JSON value is stored compressed with it.
      const method = await database.db.connection().execute(async (connection) => {
        await sql`CREATE TEMP TABLE compressed (value json)`.execute(connection);
        await sql`INSERT INTO compressed VALUES (json_build_object('text', repeat('Капитанская дочка ', 500)))`.execute(connection);
        return (await sql<{ method: string }>`SELECT pg_column_compression(value) AS method FROM compressed`.execute(connection)).rows[0]!.method;
      });
      expect(method).toBe(row!.compression);
    } finally {
      await database.close();
    }
  });
});
