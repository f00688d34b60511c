import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/database.js';
import type { Database } from '../../../db/database.js';
import { createUser, systemActor, type Actor } from '../../auth/index.js';
import { createNetwork } from '../../network/index.js';
import { seededRandom } from '../../../shared/random.js';
import { countBibRecords, type MarcRecord } from '../index.js';
import { writeIso2709 } from '../marc/iso2709-writer.js';
import { importMarc, NotMarcError, type ImportDetected, type ImportRecordError } from './import-marc.js';
import { readMarcXmlString } from '../marc/marcxml-reader.js';
import { writeMarcXml } from '../marc/marcxml-writer.js';
import iconv from 'iconv-lite';
import { bibRecordCounts } from '../catalogue.queries.js';
import { findCatalogueImport, insertCatalogueImport, listCatalogueImports, updateCatalogueImport } from './import.queries.js';
import { failInterruptedUploads, runCatalogueImport, STORED_ERRORS_MAX } from './run-catalogue-import.js';

const MARC = fileURLToPath(new URL('../../../../../shared/data/marc/', import.meta.url));
const file = (name: string) => readFileSync(`${MARC}${name}`);

let database: Database;
let actor: Actor;
let network = 0;

/** A fresh network per test: counts start at zero. */
async function freshActor(): Promise<Actor> {
  const { id } = await database.db.transaction().execute((trx) =>
    createNetwork({ trx, input: { code: `n${++network}`, name: `Сеть ${network}`, fullName: `МБУК «Сеть ${network}»` } }));
  return systemActor(id);
}

/** The bytes in chunks of `size`, as a stream delivers them. */
async function* chunks(bytes: Buffer, size = 100): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

beforeAll(async () => {
  database = await openTestDatabase();
  actor = await freshActor();
});
afterAll(() => database.close());

describe('importMarc', () => {
  it('imports the good records of a file in small chunks, reports the bad ones with number, offset and code', async () => {
    const errors: ImportRecordError[] = [];
    const summary = await importMarc({
      db: database.db, actor, source: chunks(file('edsu_pymarc/bad_records.mrc'), 7), options: { onMatch: 'skip' },
      onError: (error) => errors.push(error),
    });
    // The six good records are copies of two (one 245, no author or year): stored once each, the copies skipped.
    expect(summary).toEqual({ read: 8, imported: 2, updated: 0, skipped: 4, failed: 2 });
    expect(errors.map((e) => [e.index, e.code])).toEqual([[4, 'directory-invalid'], [5, 'directory-invalid']]);
    expect(errors[0]!.byteOffset).toBe(381);
    expect(errors[0]!.reason).toMatch(/[а-я]/);
    expect(await countBibRecords(database.db, actor.networkId)).toBe(2);
  });

  it('keeps the rest of a batch when the database refuses one record, and reports that record with its number', async () => {
    const own = await freshActor();
    // A control number longer than an index entry may be (~2,700 bytes; random letters, so compression cannot shrink it).
    const random = seededRandom('long control number');
    const letters = 'абвгдежзийклмнопрстуфхцчшщэюяABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    const tooLong = Array.from({ length: 2500 }, () => letters[Math.floor(random() * letters.length)]).join('');
    const record = (id: string, title: string): MarcRecord => ({
      leader: '00000nam  2200000   450 ',
      fields: [{ tag: '001', value: id }, { tag: '200', ind1: '1', ind2: ' ', subfields: [['a', title], ['f', 'Автор']] },
        { tag: '210', ind1: ' ', ind2: ' ', subfields: [['d', '2020']] }],
    });
    const bytes = writeIso2709([record('ok-1', 'Первая'), record(tooLong, 'Отвергнутая'), record('ok-3', 'Третья'), record('ok-4', 'Четвёртая')]);
    const errors: ImportRecordError[] = [];
    const summary = await importMarc({
      db: database.db, actor: own, source: chunks(bytes, 4096), options: { onMatch: 'skip', schema: 'rusmarc', batchSize: 3 }, onError: (error) => errors.push(error),
    });
    expect(summary).toEqual({ read: 4, imported: 3, updated: 0, skipped: 0, failed: 1 });
    expect(errors).toEqual([{ index: 2, byteOffset: bytes.indexOf(0x1d) + 1, code: 'refused-by-database', reason: expect.stringContaining('база данных не приняла запись') }]);
    const titles = await database.db.selectFrom('bib_records').select('title').where('network_id', '=', own.networkId).orderBy('id').execute();
    expect(titles.map((row) => row.title)).toEqual(['Первая', 'Третья', 'Четвёртая']);
  });

  it('imports the same file twice as once, records without author, year or control number too', async () => {
    const own = await freshActor();
    const bare = (title: string, note: string): MarcRecord => ({
      leader: '00000nam  2200000   450 ',
      fields: [{ tag: '200', ind1: '1', ind2: ' ', subfields: [['a', title]] }, { tag: '300', ind1: ' ', ind2: ' ', subfields: [['a', note]] }],
    });
    // Two records with one bare title but different notes are two records; each file import stores them once.
    const bytes = writeIso2709([bare('Сборник', 'первый'), bare('Сборник', 'второй')]);
    const first = await importMarc({ db: database.db, actor: own, source: chunks(bytes, 4096), options: { onMatch: 'skip', schema: 'rusmarc' } });
    const second = await importMarc({ db: database.db, actor: own, source: chunks(bytes, 4096), options: { onMatch: 'skip', schema: 'rusmarc' } });
    expect([first.imported, second.imported, second.skipped]).toEqual([2, 0, 2]);
    expect(await countBibRecords(database.db, own.networkId)).toBe(2);
  });

  it('commits batch by batch and reports progress after each, with what it detected', async () => {
    const own = await freshActor();
    const seen: { read: number; stored: number; schemas: object; encodings: object }[] = [];
    const summary = await importMarc({
      db: database.db, actor: own, source: chunks(file('edsu_pymarc/1251.dat')), options: { onMatch: 'skip', batchSize: 2 },
      onProgress: async ({ summary: soFar, detected }) => {
        // Each batch is committed before the progress is reported: another connection sees it.
        seen.push({ read: soFar.read, stored: await countBibRecords(database.db, own.networkId), schemas: detected.schemas, encodings: detected.encodings });
      },
    });
    expect(summary).toMatchObject({ read: 6, imported: 6, failed: 0 });
    expect(seen.map((s) => [s.read, s.stored])).toEqual([[2, 2], [4, 4], [6, 6], [6, 6]]);
    expect(seen.at(-1)).toMatchObject({ schemas: { marc21: 6 }, encodings: { cp1251: 6 } });
  });

  it('detects MARCXML and imports it the same way; a second import skips what is there', async () => {
    const own = await freshActor();
    const xml = file('edsu_pymarc/batch.xml');
    expect(await importMarc({ db: database.db, actor: own, source: chunks(xml, 50), options: { onMatch: 'skip' } }))
      .toEqual({ read: 2, imported: 2, updated: 0, skipped: 0, failed: 0 });
    expect(await importMarc({ db: database.db, actor: own, source: chunks(xml, 50), options: { onMatch: 'skip' } }))
      .toEqual({ read: 2, imported: 0, updated: 0, skipped: 2, failed: 0 });
  });

  it('refuses a file that is not MARC at all, storing nothing, and one that holds no record', async () => {
    const own = await freshActor();
    const text = Buffer.from('Список литературы к уроку\n1. Пушкин А. С. Капитанская дочка\n'.repeat(20));
    await expect(importMarc({ db: database.db, actor: own, source: chunks(text), options: { onMatch: 'skip' } }))
      .rejects.toThrow(/не похож на MARC/);
    await expect(importMarc({ db: database.db, actor: own, source: chunks(Buffer.from('<html><body>Здравствуйте</body></html>')), options: { onMatch: 'skip' } }))
      .rejects.toBeInstanceOf(NotMarcError);
    await expect(importMarc({ db: database.db, actor: own, source: chunks(Buffer.alloc(0)), options: { onMatch: 'skip' } }))
      .rejects.toThrow(/Файл пуст/);
    expect(await countBibRecords(database.db, own.networkId)).toBe(0);
  });

  it('leaves the planner statistics of the catalogue up to date (PGlite has no autovacuum to do it)', async () => {
    const own = await openTestDatabase();
    try {
      const { id } = await own.db.transaction().execute((trx) =>
        createNetwork({ trx, input: { code: 'stat', name: 'ЦБС', fullName: 'МБУК «ЦБС»' } }));
      // Only our code may analyse the table here: PostgreSQL's autovacuum could otherwise do it mid-test.
      await sql`ALTER TABLE bib_records SET (autovacuum_enabled = false)`.execute(own.db);
      // Never analysed (-1), or analysed empty by migration 0016 (0).
      expect((await bibRecordCounts(own.db)).analyzed).toBeLessThanOrEqual(0);
      const summary = await importMarc({ db: own.db, actor: systemActor(id), source: chunks(file('edsu_pymarc/1251.dat')), options: { onMatch: 'skip' } });
      expect(summary.imported).toBeGreaterThan(0);
      expect((await bibRecordCounts(own.db)).analyzed).toBe(summary.imported);
    } finally {
      await own.close();
    }
  });

  it('is refused to a librarian', async () => {
    const librarian: Actor = { ...actor, userId: null, role: 'librarian', branchIds: [1] };
    await expect(importMarc({ db: database.db, actor: librarian, source: chunks(file('edsu_pymarc/one.dat')), options: { onMatch: 'skip' } }))
      .rejects.toThrow(/администратору и методисту/);
  });
});

describe('runCatalogueImport', () => {
  it('records the encoding a MARCXML file declares (Windows-1251), in the progress and the import row, and reads on after a broken record', async () => {
    const own = await freshActor();
    const records = [...readMarcXmlString(file('loge-gh_rusmarc/TEST1_derived_utf8.marcxml.xml').toString('utf8'))]
      .slice(0, 4).flatMap((r) => (r.kind === 'record' ? [r.record] : []));
    const xml = writeMarcXml(records).replace('encoding="UTF-8"', 'encoding="windows-1251"')
      .replace(/(<record>(?:(?!<\/record>)[\s\S])*?)<\/subfield>/, '$1 &nbsp;</subfield>');
    const bytes = iconv.encode(xml, 'win1251');
    const progress: ImportDetected[] = [];
    const errors: ImportRecordError[] = [];
    const finished = await runCatalogueImport({
      db: database.db, actor: own, source: chunks(bytes, 500),
      input: { fileName: 'test1-1251.xml', fileSize: bytes.length, options: { onMatch: 'skip', batchSize: 2 } },
      onProgress: ({ detected }) => progress.push(detected), onError: (error) => errors.push(error),
    });
    expect(finished).toMatchObject({
      status: 'done', format: 'marcxml', schema: 'rusmarc', encoding: 'cp1251', auto_detected: ['format', 'schema', 'encoding'],
      read_count: 4, imported_count: 3, failed_count: 1,
    });
    expect(progress.at(-1)).toEqual({ format: 'marcxml', schemas: { rusmarc: 3 }, encodings: { cp1251: 3 } });
    expect(errors.map((e) => [e.index, e.code])).toEqual([[1, 'xml-malformed']]);
    // The Cyrillic was decoded from Windows-1251: the stored titles are those of the UTF-8 original.
    const titles = await database.db.selectFrom('bib_records').select('title').where('network_id', '=', own.networkId).orderBy('id').execute();
    expect(titles.map((t) => t.title)).toEqual(['Задачи и этюды', 'Задачи и этюды. Вып. 15', 'Задачи и этюды. Вып. 16']);
  });

  it('shows a running import in its row, batch by batch, and finishes it', async () => {
    const own = await freshActor();
    const bytes = file('edsu_pymarc/1251.dat');
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    let firstBatchSeen!: () => void;
    const firstBatch = new Promise<void>((resolve) => (firstBatchSeen = resolve));
    // Half the file, then wait until the test has looked at the row.
    async function* source() {
      yield bytes.subarray(0, 2700);
      await paused;
      yield bytes.subarray(2700);
    }
    const running = runCatalogueImport({
      db: database.db, actor: own, source: source(),
      input: { fileName: '1251.dat', fileSize: bytes.length, options: { onMatch: 'skip', batchSize: 1 } },
      onProgress: () => firstBatchSeen(),
    });
    await firstBatch;
    const row = await database.db.selectFrom('catalogue_imports').selectAll().where('network_id', '=', own.networkId).executeTakeFirstOrThrow();
    const id = row.id;
    expect(row).toMatchObject({ status: 'running', file_name: '1251.dat', file_size: bytes.length, format: 'iso2709', schema: 'marc21', encoding: 'cp1251' });
    expect(row.read_count).toBeGreaterThanOrEqual(1);
    expect(row.read_count).toBeLessThan(6);
    release();
    const finished = await running;
    expect(finished).toMatchObject({
      id, status: 'done', read_count: 6, imported_count: 6, failed_count: 0, errors: [],
      auto_detected: ['format', 'schema', 'encoding'], message: '',
    });
    expect(finished.finished_at).toBeInstanceOf(Date);
  });

  it('keeps the first reports of a file full of bad records and counts the rest; a non-MARC file is a failed row', async () => {
    const own = await freshActor();
    // The fourth record of bad_records.mrc (its directory is not a multiple of 12), many times over.
    const source = file('edsu_pymarc/bad_records.mrc');
    const fourth = source.subarray(381, source.indexOf(0x1d, 381) + 1);
    const bad = Buffer.concat(Array.from({ length: STORED_ERRORS_MAX + 5 }, () => fourth));
    const row = await runCatalogueImport({
      db: database.db, actor: own, source: chunks(bad, 4096), input: { fileName: 'bad.mrc', fileSize: null, options: { onMatch: 'skip' } },
    });
    expect(row).toMatchObject({ status: 'done', read_count: STORED_ERRORS_MAX + 5, failed_count: STORED_ERRORS_MAX + 5, imported_count: 0 });
    expect(row.errors).toHaveLength(STORED_ERRORS_MAX);
    expect(row.errors_stored).toBe(STORED_ERRORS_MAX);

    const refused = await runCatalogueImport({
      db: database.db, actor: own, source: chunks(Buffer.from('%PDF-1.4 не каталог')), input: { fileName: 'scan.pdf', fileSize: 20, options: { onMatch: 'skip' } },
    });
    expect(refused).toMatchObject({ status: 'failed', read_count: 0, errors: [] });
    expect(refused.message).toMatch(/^Файл не похож на MARC/);
    expect((await findCatalogueImport(database.db, own.networkId, refused.id))!.finished_at).not.toBeNull();
    expect(await countBibRecords(database.db, own.networkId)).toBe(0);
  });

  it('marks the uploads a stopped server left running as failed at the next start, leaving command-line imports alone', async () => {
    const own = await freshActor();
    const { id: userId } = await database.db.transaction().execute((trx) => createUser({
      trx, actor: own, input: { login: `uploader${own.networkId}`, password: 'correct horse battery', fullName: 'Методист', role: 'methodologist', branchIds: [] },
    }));
    const started = { networkId: own.networkId, fileSize: null, format: null, schema: null, encoding: null, onMatch: 'skip' } as const;
    const upload = await insertCatalogueImport(database.db, { ...started, fileName: 'upload.mrc', userId });
    const fromCli = await insertCatalogueImport(database.db, { ...started, fileName: 'cli.mrc', userId: null });

    expect(await failInterruptedUploads(database.db)).toBe(1);
    const marked = (await findCatalogueImport(database.db, own.networkId, upload))!;
    expect(marked).toMatchObject({ status: 'failed' });
    expect(marked.message).toMatch(/^Загрузка прервана: сервер был остановлен/);
    expect(marked.finished_at).not.toBeNull();
    expect((await findCatalogueImport(database.db, own.networkId, fromCli))!.status).toBe('running');
    expect(await failInterruptedUploads(database.db)).toBe(0);
  });

  it('shows an import whose process went silent ten minutes ago as failed, and one still reporting as running', async () => {
    const own = await freshActor();
    const started = { networkId: own.networkId, fileSize: null, format: null, schema: null, encoding: null, onMatch: 'skip', userId: null } as const;
    const killed = await insertCatalogueImport(database.db, { ...started, fileName: 'killed.mrc' });
    const alive = await insertCatalogueImport(database.db, { ...started, fileName: 'alive.mrc' });
    // Both reported progress; the killed one's last report was eleven minutes ago.
    await updateCatalogueImport(database.db, own.networkId, killed, { bytesRead: 10 });
    await updateCatalogueImport(database.db, own.networkId, alive, { bytesRead: 10 });
    await sql`UPDATE catalogue_imports SET heartbeat_at = now() - interval '11 minutes' WHERE id = ${killed}`.execute(database.db);

    const shown = (await findCatalogueImport(database.db, own.networkId, killed))!;
    expect(shown.status).toBe('failed');
    expect(shown.message).toMatch(/^Загрузка прервана: программа, которая загружала файл, остановилась/);
    expect((await findCatalogueImport(database.db, own.networkId, alive))!).toMatchObject({ status: 'running', message: '' });
    const listed = async (status: 'running' | 'failed') =>
      (await listCatalogueImports(database.db, own.networkId, { limit: 10, offset: 0, status })).items.map((item) => item.file_name);
    expect(await listed('failed')).toEqual(['killed.mrc']);
    expect(await listed('running')).toEqual(['alive.mrc']);
    expect((await listCatalogueImports(database.db, own.networkId, { limit: 10, offset: 0, status: 'failed' })).total).toBe(1);

    // A progress report brings it back: the process was only paused.
    await updateCatalogueImport(database.db, own.networkId, killed, { bytesRead: 20 });
    expect((await findCatalogueImport(database.db, own.networkId, killed))!.status).toBe('running');
  });
});
