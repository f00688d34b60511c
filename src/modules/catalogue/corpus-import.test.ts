import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/database.js';
import type { Database } from '../../db/database.js';
import { systemActor, type Actor } from '../auth/index.js';
import { createNetwork } from '../network/index.js';
import {
  countBibRecords, detectSchema, readIso2709Buffer, readMarcXmlString, saveBibRecords, type MarcReadResult,
} from './index.js';
import { corpusFiles } from './marc/corpus.testkit.js';

/**
 * Every file of the MARC corpus into one catalogue, as `biblioset import marc` does it file by
 * file: every record the reader returns is stored or matched to one already stored, every record it
 * cannot read is reported — none is lost silently, none crashes the import.
 */
let database: Database;
let actor: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  const network = await database.db.transaction().execute((trx) =>
    createNetwork({ trx, input: { code: 'corpus', name: 'ЦБС корпуса', fullName: 'МБУК «ЦБС корпуса»' } }));
  actor = systemActor(network.id);
});
afterAll(() => database.close());

const readFile = (file: ReturnType<typeof corpusFiles>[number]): MarcReadResult[] => file.format === 'iso2709'
  ? [...readIso2709Buffer(readFileSync(file.path))]
  : [...readMarcXmlString(readFileSync(file.path, 'utf8'))];

describe('importing the whole MARC corpus', () => {
  it('stores or matches every record read and reports every one it cannot read', { timeout: 120_000 }, async () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(100);
    let read = 0;
    let reported = 0;
    let stored = 0;
    for (const file of files) {
      const results = readFile(file);
      const records = results.flatMap((r) => (r.kind === 'record' ? [{ record: r.record, schema: detectSchema(r.record) ?? 'marc21' }] : []));
      const errors = results.filter((r) => r.kind === 'error');
      for (const error of errors) expect(error.reason, file.name).toMatch(/[а-яё]/i);
      read += records.length;
      reported += errors.length;
      const saved = await database.db.transaction().execute((trx) => saveBibRecords({ trx, actor, records, onMatch: 'skip' }));
      expect(saved.imported + saved.updated + saved.skipped, file.name).toBe(records.length);
      stored += saved.imported;
    }
    expect(await countBibRecords(database.db, actor.networkId)).toBe(stored);
    expect(read).toBeGreaterThan(7_500);
    expect(reported).toBeGreaterThan(0);
    expect(stored).toBeGreaterThan(6_500);
  });
});
