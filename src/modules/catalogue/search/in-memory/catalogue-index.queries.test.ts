import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rusmarcBook, type BookOptions } from '../../../../../test/bib-records.js';
import { openTestDatabase } from '../../../../../test/database.js';
import type { Database } from '../../../../db/database.js';
import { systemActor, type Actor } from '../../../auth/index.js';
import { createNetwork } from '../../../network/index.js';
import { saveBibRecords, type OnMatch } from '../../save-bib-records.js';
import { currentSnapshot, findChangesSince, findIndexRows, findIndexRowsByIds } from './catalogue-index.queries.js';

let database: Database;
let actor: Actor;

const books: Record<string, BookOptions> = {
  tales: {
    id: 'idx-tales', title: 'Сказки', author: ['Пушкин', 'Александр Сергеевич'], year: 2010, age: '6+', bbk: '84(2Рос=Рус)1',
  },
  war: { id: 'idx-war', title: 'Война и мир', author: ['Толстой', 'Лев Николаевич'], year: 1980 },
  dog: { id: 'idx-dog', title: 'Каштанка', author: ['Чехов', 'Антон Павлович'], year: 1995, language: 'eng' },
};

const save = (options: BookOptions[], onMatch: OnMatch = 'skip') => database.db.transaction().execute((trx) =>
  saveBibRecords({ trx, actor, records: options.map((book) => ({ record: rusmarcBook(book), schema: 'rusmarc' as const })), onMatch }));

const idOf = async (controlNumber: string) => (await database.db.selectFrom('bib_records').select('id')
  .where('control_number', '=', controlNumber).executeTakeFirstOrThrow()).id;

const nothing = { changedIds: [], deletedIds: [], truncated: false };

beforeAll(async () => {
  database = await openTestDatabase();
  const network = await database.db.transaction().execute((trx) =>
    createNetwork({ trx, input: { code: 'idx', name: 'ЦБС индекса', fullName: 'МБУК «ЦБС индекса»' } }));
  actor = systemActor(network.id);
  await save(Object.values(books));
});
afterAll(() => database.close());

describe('the change feed of the catalogue', () => {
  it('reports nothing when nothing changed, neither since a snapshot nor since the one it returns', async () => {
    const changes = await findChangesSince(database.db, await currentSnapshot(database.db));
    expect(changes).toMatchObject(nothing);
    expect(await findChangesSince(database.db, changes.snapshot)).toMatchObject(nothing);
  });

  it('reports a record saved after the snapshot, and not again since the snapshot it returns', async () => {
    const before = await currentSnapshot(database.db);
    await save([{ id: 'idx-new', title: 'Новая книга' }]);
    const changes = await findChangesSince(database.db, before);
    expect(changes).toMatchObject({ changedIds: [await idOf('idx-new')], deletedIds: [], truncated: false });
    expect(await findChangesSince(database.db, changes.snapshot)).toMatchObject(nothing);
  });

  it('reports a record re-imported with replace, and one changed by a plain UPDATE', async () => {
    const before = await currentSnapshot(database.db);
    expect(await save([{ ...books.war!, title: 'Война и мир. Эпилог' }], 'replace')).toMatchObject({ updated: 1 });
    const afterReplace = await findChangesSince(database.db, before);
    expect(afterReplace).toMatchObject({ changedIds: [await idOf('idx-war')], deletedIds: [], truncated: false });

    await sql`UPDATE bib_records SET year = 1981 WHERE control_number = 'idx-dog'`.execute(database.db);
    expect(await findChangesSince(database.db, afterReplace.snapshot))
      .toMatchObject({ changedIds: [await idOf('idx-dog')], deletedIds: [], truncated: false });
  });

  it('reports nothing of a re-import with replace that writes nothing (the same record again)', async () => {
    const before = await currentSnapshot(database.db);
    expect(await save([books.tales!], 'replace')).toMatchObject({ updated: 0, skipped: 1 });
    expect(await findChangesSince(database.db, before)).toMatchObject(nothing);
  });

  it('reports a deleted record as deleted, not as changed', async () => {
    await save([{ id: 'idx-gone', title: 'Списанная книга' }]);
    const gone = await idOf('idx-gone');
    const before = await currentSnapshot(database.db);
    await sql`DELETE FROM bib_records WHERE id = ${gone}`.execute(database.db);
    expect(await findChangesSince(database.db, before)).toMatchObject({ changedIds: [], deletedIds: [gone], truncated: false });
  });

  it('reports nothing of a transaction rolled back', async () => {
    const before = await currentSnapshot(database.db);
    await expect(database.db.transaction().execute(async (trx) => {
      await saveBibRecords({ trx, actor, records: [{ record: rusmarcBook({ id: 'idx-never', title: 'Ненаписанная' }), schema: 'rusmarc' }], onMatch: 'skip' });
      await sql`UPDATE bib_records SET year = 1700 WHERE control_number = 'idx-tales'`.execute(trx);
      await sql`DELETE FROM bib_records WHERE control_number = 'idx-dog'`.execute(trx);
      throw new Error('передумали');
    })).rejects.toThrow('передумали');
    expect(await findChangesSince(database.db, before)).toMatchObject(nothing);
  });

  it('reports a record deleted and written again under its id (a copy carrying its old transaction) as changed only', async () => {
    const dog = await idOf('idx-dog');
    const before = await currentSnapshot(database.db);
    await database.db.transaction().execute(async (trx) => {
      await sql`CREATE TEMPORARY TABLE copied ON COMMIT DROP AS SELECT * FROM bib_records WHERE id = ${dog}`.execute(trx);
      await sql`DELETE FROM bib_records WHERE id = ${dog}`.execute(trx);
      await sql`UPDATE copied SET year = 1996`.execute(trx);
      await sql`INSERT INTO bib_records SELECT * FROM copied`.execute(trx);
    });
    expect(await findChangesSince(database.db, before)).toMatchObject({ changedIds: [dog], deletedIds: [], truncated: false });
    expect((await findIndexRowsByIds(database.db, [dog]))[0]).toMatchObject({ id: dog, year: 1996 });
  });
});

describe('the rows of the in-memory index', () => {
  it('are read in pages in id order, with what the index keeps of each record', async () => {
    const all = await database.db.selectFrom('bib_records').select('id').orderBy('id').execute();
    const first = await findIndexRows(database.db, { afterId: 0, limit: 2 });
    expect(first.map((row) => row.id)).toEqual(all.slice(0, 2).map((row) => row.id));
    const rest = await findIndexRows(database.db, { afterId: first[1]!.id, limit: 100 });
    expect(rest.map((row) => row.id)).toEqual(all.slice(2).map((row) => row.id));
    expect(await findIndexRows(database.db, { afterId: rest.at(-1)!.id, limit: 100 })).toEqual([]);

    const tales = [...first, ...rest].find((row) => row.id === all[0]!.id)!;
    expect(tales).toEqual({
      id: all[0]!.id, networkId: actor.networkId, vector: expect.stringContaining(`'сказк':1A`), year: 2010, documentType: 'book',
      languages: ['rus'], bbkDivisions: ['84'], ageRating: '6+', titleKey: 'сказки', authorKeys: expect.arrayContaining(['пушкин']), bbkKeys: ['84(2РОС=РУС)1'],
    });
    expect(tales.vector).toContain(`'пушкин':`);
  });

  it('are read by id, leaving out records that no longer exist', async () => {
    const [war, dog] = [await idOf('idx-war'), await idOf('idx-dog')];
    const rows = await findIndexRowsByIds(database.db, [dog, 999_999, war]);
    expect(rows.map((row) => [row.id, row.titleKey])).toEqual([[war, 'война и мир эпилог'], [dog, 'каштанка']]);
    expect(rows[1]).toMatchObject({ languages: ['eng'], ageRating: null, bbkDivisions: [] });
    expect(await findIndexRowsByIds(database.db, [])).toEqual([]);
  });
});

describe('the change feed with a concurrent writer', () => {
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'finds a transaction that wrote before a sync and committed after it — the case a sequence number loses',
    async () => {
      const [slow, before] = [await idOf('idx-tales'), await currentSnapshot(database.db)];
      const { name } = (await sql<{ name: string }>`SELECT current_database() AS name`.execute(database.db)).rows[0]!;
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      const other = new pg.Client({ connectionString: url.toString() });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query('UPDATE bib_records SET year = 1812 WHERE id = $1', [slow]);
        await save([{ id: 'idx-fast', title: 'Быстрая книга' }]);
        const fast = await idOf('idx-fast');

        const first = await findChangesSince(database.db, before);
        expect(first).toMatchObject({ changedIds: [fast], deletedIds: [], truncated: false });

        await other.query('COMMIT');
        const second = await findChangesSince(database.db, first.snapshot);
        expect(second).toMatchObject({ changedIds: [slow], deletedIds: [], truncated: false });
        expect((await findIndexRowsByIds(database.db, [slow]))[0]).toMatchObject({ year: 1812 });
        expect(await findChangesSince(database.db, second.snapshot)).toMatchObject(nothing);

        // The slow transaction took its id first and committed last: a "highest number seen" of the first sync
        // (the fast one's) would have passed it for good.
        const xids = await database.db.selectFrom('bib_records').select(['id', 'changed_xid']).where('id', 'in', [slow, fast]).execute();
        const xidOf = (id: number) => BigInt(xids.find((row) => row.id === id)!.changed_xid);
        expect(xidOf(slow)).toBeLessThan(xidOf(fast));
      } finally {
        await other.end();
      }
    },
  );
});

describe('a truncated catalogue', () => {
  it('is reported as truncated', async () => {
    const before = await currentSnapshot(database.db);
    await sql`TRUNCATE bib_records`.execute(database.db);
    const changes = await findChangesSince(database.db, before);
    expect(changes).toMatchObject({ changedIds: [], truncated: true });
    expect(await findChangesSince(database.db, changes.snapshot)).toMatchObject(nothing);
  });
});
