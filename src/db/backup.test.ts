import { PassThrough, Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import { branchInput, staffMemberInput } from '../../test/factories.js';
import { createUser, systemActor } from '../modules/auth/index.js';
import { createBranch, createNetwork, createServicePoint, recordBranchEvent } from '../modules/network/index.js';
import { addTraining, createStaffMember, createStaffPosition } from '../modules/staff/index.js';
import { BackupError, restoreBackup, writeBackup, type BackupOptions } from './backup.js';
import { openDatabase, type Database } from './database.js';
import { migrate } from './migrate.js';
import type { DB } from './schema.js';

/** Every row of every table as PostgreSQL's own JSON text, independently of backup.ts. */
async function dumpAll(db: Kysely<DB>): Promise<Record<string, string[]>> {
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'`.execute(db);
  const dump: Record<string, string[]> = {};
  for (const { name } of tables.rows) {
    const rows = await sql<{ row: string }>`SELECT row_to_json(t)::text AS row FROM ${sql.id('public', name)} t`.execute(db);
    dump[name] = rows.rows.map((r) => r.row).sort();
  }
  return dump;
}

const rowCount = (dump: Record<string, string[]>) => Object.values(dump).reduce((sum, rows) => sum + rows.length, 0);

async function archiveOf(database: Database, options: BackupOptions = {}): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeBackup(database, sink, options);
  return Buffer.concat(chunks);
}

const restoreFrom = (db: Kysely<DB>, archive: Buffer, options: BackupOptions = {}) => restoreBackup(db, Readable.from([archive]), options);

/** The archive's text without its header (which holds the time of the backup). */
const bodyOf = (archive: Buffer) => gunzipSync(archive).toString('utf8').split('\n').slice(1);

/** The archive with its text lines changed by `edit`, recompressed. */
function editArchive(archive: Buffer, edit: (lines: string[]) => string[]): Buffer {
  return gzipSync(edit(gunzipSync(archive).toString('utf8').split('\n')).join('\n'));
}

/** A network with a bit of everything: history with jsonb details, nullable dates, a 0.5 post, a librarian, the audit log. */
async function fillNetwork(db: Kysely<DB>) {
  await db.transaction().execute(async (trx) => {
    const network = await createNetwork({ trx, input: { code: 'src', name: 'Исходная ЦБС', fullName: 'МКУК «Исходная ЦБС»' } });
    const actor = systemActor(network.id);
    const central = await createBranch({
      trx,
      actor,
      input: branchInput({ type: 'central', name: 'Центральная библиотека', openedOn: '1950-03-01' }),
    });
    const rural = await createBranch({ trx, actor, input: branchInput({ name: 'Сельская библиотека «Ёлочка»', openedOn: '1975-01-01' }) });
    await recordBranchEvent({
      trx,
      actor,
      branchId: rural.id,
      input: { kind: 'renamed', occurredOn: '2019-05-20', name: 'Библиотека-клуб', basisKind: 'decision', basis: 'Постановление № 12' },
    });
    await recordBranchEvent({
      trx,
      actor,
      branchId: rural.id,
      input: { kind: 'liquidated', occurredOn: '2023-07-01', basisKind: 'survey', basis: 'Опрос граждан' },
    });
    await createServicePoint({
      trx,
      actor,
      input: { branchId: central.id, name: 'Пункт выдачи в школе № 2', kind: 'school', openedOn: '2010-09-01' },
    });
    await createStaffPosition({ trx, actor, input: { branchId: central.id, title: 'Библиотекарь', rate: 0.5, validFrom: '2020-01-01' } });
    await createStaffPosition({
      trx,
      actor,
      input: { branchId: central.id, title: 'Директор', rate: 1, validFrom: '2020-01-01', validTo: '2024-12-31' },
    });
    const member = await createStaffMember({ trx, actor, input: staffMemberInput(central.id, { birthDate: null, middleName: '' }) });
    await createStaffMember({
      trx,
      actor,
      input: staffMemberInput(central.id, { employment: 'part_time', libraryExperienceSince: '1999-02-01', dismissedOn: '2024-03-31' }),
    });
    await addTraining({
      trx,
      actor,
      staffMemberId: member.id,
      input: { course: 'Обслуживание людей с инвалидностью', hours: 36, finishedOn: '2024-04-12', startedOn: null },
    });
    await createUser({
      trx,
      actor,
      input: {
        login: 'librarian1',
        password: 'correct horse battery',
        fullName: 'Петрова А. А.',
        role: 'librarian',
        branchIds: [central.id],
      },
    });
    await createUser({
      trx,
      actor,
      input: {
        login: 'librarian2',
        password: 'correct horse battery',
        fullName: 'Сидорова Б. Б.',
        role: 'librarian',
        branchIds: [central.id, rural.id],
      },
    });
  });
}

let source: Database;
let target: Database;
let archive: Buffer;

beforeAll(async () => {
  // The embedded database is the source; the target is PostgreSQL when TEST_DATABASE_URL is set.
  source = await openDatabase({ memory: true });
  await migrate(source.db);
  await fillNetwork(source.db);
  archive = await archiveOf(source);
  target = await openTestDatabase();
});
afterAll(async () => {
  await source.close();
  await target.close();
});

describe('backup and restore', () => {
  it('restores every table into a fresh database with exactly the same data', async () => {
    const summary = await restoreFrom(target.db, archive);
    const before = await dumpAll(source.db);
    const after = await dumpAll(target.db);
    expect(after).toEqual(before);
    expect(summary.rows).toBe(rowCount(before));
    expect(before.staff_positions!.some((row) => row.includes('"rate":0.50'))).toBe(true);
    expect(before.branch_events!.some((row) => row.includes('"details":{"name": {"to": "Библиотека-клуб"'))).toBe(true);
    expect(before.user_branches).toHaveLength(3);
    expect(before.audit_log!.length).toBeGreaterThan(5);
  });

  it('lets new rows continue after the restored ids', async () => {
    const maxBranchId = Number((await sql<{ max: number }>`SELECT max(id) AS max FROM branches`.execute(target.db)).rows[0]!.max);
    const { id: networkId } = await target.db.selectFrom('networks').select('id').executeTakeFirstOrThrow();
    const branch = await target.db
      .transaction()
      .execute((trx) => createBranch({ trx, actor: systemActor(networkId), input: branchInput() }));
    expect(branch.id).toBe(maxBranchId + 1);
  });

  it('reads and writes in pages (composite keys included) without losing or reordering rows', async () => {
    const progress: { table: string; done: number; total: number }[] = [];
    const paged = await archiveOf(source, { batchRows: 2, onProgress: (event) => progress.push(event) });
    expect(bodyOf(paged)).toEqual(bodyOf(archive));
    const finished = progress.filter((event) => event.done === event.total).map((event) => event.table);
    expect(finished).toEqual(expect.arrayContaining(['networks', 'branches', 'user_branches', 'audit_log']));
    expect(progress.some((event) => event.table === 'audit_log' && event.done === 2)).toBe(true);

    const second = await openTestDatabase();
    try {
      await restoreFrom(second.db, paged, { batchRows: 2 });
      expect(await dumpAll(second.db)).toEqual(await dumpAll(source.db));
    } finally {
      await second.close();
    }
  });

  it('refuses to restore into a database that has data, and changes nothing', async () => {
    const before = await dumpAll(target.db);
    await expect(restoreFrom(target.db, archive)).rejects.toThrow(/не пуста/);
    expect(await dumpAll(target.db)).toEqual(before);
  });

  it('writes the header, one section per table with parents before children, and an end mark', () => {
    const lines = gunzipSync(archive)
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({
      format: 'biblioset-backup',
      version: 1,
      engine: 'pglite',
      migrations: expect.arrayContaining(['0001_create_networks_and_branches.sql']),
    });
    const order = lines.filter((line) => typeof line.table === 'string' && Array.isArray(line.columns)).map((line) => line.table);
    expect(order).not.toContain('schema_migrations');
    expect(order.indexOf('networks')).toBeLessThan(order.indexOf('branches'));
    expect(order.indexOf('branches')).toBeLessThan(order.indexOf('branch_events'));
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('user_branches'));
    expect(order.indexOf('staff_members')).toBeLessThan(order.indexOf('trainings'));
    expect(lines.at(-1)).toMatchObject({ end: true, tables: order.length });
  });
});

describe('a damaged or foreign archive', () => {
  let empty: Database;
  beforeAll(async () => {
    empty = await openTestDatabase();
  });
  afterAll(() => empty.close());

  const expectRefusedAndEmpty = async (damaged: Buffer, message: RegExp) => {
    const refusal = restoreFrom(empty.db, damaged);
    await expect(refusal).rejects.toThrow(BackupError);
    await expect(refusal).rejects.toThrow(message);
    expect(rowCount(await dumpAll(empty.db))).toBe(0);
  };

  it('refuses a truncated gzip file and writes nothing', async () => {
    await expectRefusedAndEmpty(archive.subarray(0, Math.floor(archive.length * 0.8)), /повреждён или обрезан/);
  });

  it('refuses a line that is not JSON, even near the end, and writes nothing', async () => {
    const damaged = editArchive(archive, (lines) => {
      const lastRow = lines.length - 3; // the end mark, then the final newline's empty string
      return lines.map((line, index) => (index === lastRow ? line.slice(0, 10) : line));
    });
    await expectRefusedAndEmpty(damaged, /не JSON/);
  });

  it('refuses an archive cut off at a line boundary', async () => {
    await expectRefusedAndEmpty(
      editArchive(archive, (lines) => lines.slice(0, -2)),
      /обрезан/,
    );
  });

  it('refuses an archive from a newer version with unknown migrations', async () => {
    const newer = editArchive(archive, ([header, ...rest]) => {
      const parsed = JSON.parse(header!) as { migrations: string[] };
      return [JSON.stringify({ ...parsed, migrations: [...parsed.migrations, '9999_from_the_future.sql'] }), ...rest];
    });
    await expectRefusedAndEmpty(newer, /9999_from_the_future\.sql/);
  });

  it('refuses a file that is not a Biblioset backup', async () => {
    await expectRefusedAndEmpty(gzipSync('{"hello":"world"}\n'), /не резервная копия Biblioset/);
    await expectRefusedAndEmpty(Buffer.from('plain text'), /повреждён или обрезан/);
  });
});
