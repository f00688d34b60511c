import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { rusmarcBook } from '../../test/bib-records.js';
import { systemActor } from '../modules/auth/index.js';
import { saveBibRecords } from '../modules/catalogue/index.js';
import { createNetwork } from '../modules/network/index.js';
import { openForCommand } from './database.js';

const dataDir = mkdtempSync(join(tmpdir(), 'biblioset-cli-open-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('a command opening the database', () => {
  it('brings records stored by an older program up to the current projection, saying so on stderr', async () => {
    const first = await openForCommand({ dataDir }, { migrate: true });
    try {
      const network = await first.db.transaction().execute((trx) => createNetwork({ trx, input: { code: 'cli', name: 'ЦБС', fullName: 'МБУК «ЦБС»' } }));
      const record = rusmarcBook({ id: 'rns', title: 'Русские народные сказки', contents: ['Колобок', 'Теремок'] });
      await first.db.transaction().execute((trx) => saveBibRecords({ trx, actor: systemActor(network.id), records: [{ record, schema: 'rusmarc' }], onMatch: 'skip' }));
      // As a program of before the contents left it.
      await sql`UPDATE bib_records SET contents = '{}', projection_version = 1`.execute(first.db);
    } finally {
      await first.close();
    }

    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const reopened = await openForCommand({ dataDir }, { migrate: true });
    try {
      expect(stderr.mock.calls.map(([text]) => String(text)).join('')).toContain('Каталог: обновление данных поиска после новой версии программы');
      expect(await reopened.db.selectFrom('bib_records').select('contents').execute()).toEqual([{ contents: ['Колобок', 'Теремок'] }]);
    } finally {
      stderr.mockRestore();
      await reopened.close();
    }
  });
});
