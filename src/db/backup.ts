/**
 * A portable archive of the whole database, the same on both engines: gzip-compressed
 * NDJSON. Infrastructure: it reads the schema from the catalog and knows no module.
 *
 *   {"format":"biblioset-backup","version":1,"migrations":[…],"createdAt":…,"engine":…}
 *   {"table":"networks","columns":["id",…],"rows":2}      then exactly 2 rows, as
 *   {"id":1,"code":"…",…}                                   PostgreSQL's row_to_json wrote them
 *   …                                                       (one section per table, parents first)
 *   {"end":true,"tables":14,"rows":12345}                   a missing end means a cut-off archive
 *
 * PostgreSQL serialises the rows itself, so an archive written from PGlite and from
 * PostgreSQL holds the same text for the same data (the session time zone is UTC).
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import type { Engine } from './database.js';
import type { DB } from './schema.js';

export const BACKUP_FORMAT = 'biblioset-backup';
export const BACKUP_VERSION = 1;

/** Rows read per query, and the most rows or bytes sent per insert (unless options say otherwise). */
const BATCH_ROWS = 1000;
const BATCH_BYTES = 4 * 1024 * 1024;
const MIGRATIONS_TABLE = 'schema_migrations';

/** A backup or restore refused for a reason the operator can act on; the message is in Russian. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  migrations: string[];
  createdAt: string;
  engine: Engine;
}

interface TableSection {
  table: string;
  columns: string[];
  rows: number;
}

interface BackupEnd {
  end: true;
  tables: number;
  rows: number;
}

/** Reported after each batch: `done` of `total` rows of `table`. */
export type ProgressListener = (progress: { table: string; done: number; total: number }) => void;

export interface BackupOptions {
  onProgress?: ProgressListener;
  /** Rows per read or insert; BATCH_ROWS by default. */
  batchRows?: number;
}

export interface BackupSummary {
  tables: { table: string; rows: number }[];
  rows: number;
}

type Db = Kysely<DB>;

interface Column {
  name: string;
  /** The column's SQL type, as format_type() spells it (used to cast keyset bounds back). */
  type: string;
  isGenerated: boolean;
  /** The sequence behind an identity or serial column. */
  sequence: string | null;
}

interface Table {
  name: string;
  columns: Column[];
  primaryKey: Column[];
}

const tableRef = (name: string) => sql.id('public', name);

/**
 * The application's tables in an order where every table comes after the tables its
 * foreign keys reference (creation order among equals), read from the catalog.
 */
async function describeTables(db: Db): Promise<Table[]> {
  const tables = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND c.relname <> ${MIGRATIONS_TABLE}
    ORDER BY c.oid`.execute(db);
  const columns = await sql<{ table: string; name: string; type: string; isGenerated: boolean; sequence: string | null }>`
    SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
           a.attgenerated <> '' AS "isGenerated",
           pg_get_serial_sequence(quote_ident('public') || '.' || quote_ident(c.relname), a.attname) AS sequence
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY c.relname, a.attnum`.execute(db);
  const keys = await sql<{ table: string; name: string }>`
    SELECT c.relname AS table, a.attname AS name
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indrelid
    CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
    WHERE c.relnamespace = 'public'::regnamespace AND i.indisprimary
    ORDER BY c.relname, k.position`.execute(db);
  const references = await sql<{ child: string; parent: string }>`
    SELECT child.relname AS child, parent.relname AS parent
    FROM pg_constraint k
    JOIN pg_class child ON child.oid = k.conrelid
    JOIN pg_class parent ON parent.oid = k.confrelid
    WHERE k.contype = 'f' AND child.relnamespace = 'public'::regnamespace`.execute(db);

  const described = tables.rows.map(({ name }): Table => {
    const tableColumns = columns.rows
      .filter((column) => column.table === name)
      .map(({ name: columnName, type, isGenerated, sequence }) => ({ name: columnName, type, isGenerated, sequence }));
    const primaryKey = keys.rows.filter((key) => key.table === name).map((key) => tableColumns.find((column) => column.name === key.name)!);
    return { name, columns: tableColumns, primaryKey };
  });
  return orderByReferences(described, references.rows);
}

/** Kahn's topological sort; a table referencing itself does not wait for itself. */
function orderByReferences(tables: Table[], references: { child: string; parent: string }[]): Table[] {
  const names = new Set(tables.map((table) => table.name));
  const waitingFor = new Map(tables.map((table) => [table.name, new Set<string>()]));
  for (const { child, parent } of references) {
    if (child !== parent && names.has(child) && names.has(parent)) waitingFor.get(child)?.add(parent);
  }
  const ordered: Table[] = [];
  const pending = [...tables];
  while (pending.length) {
    const index = pending.findIndex((table) => waitingFor.get(table.name)!.size === 0);
    if (index < 0) {
      throw new BackupError(`Таблицы ссылаются друг на друга по кругу: ${pending.map((table) => table.name).join(', ')}`);
    }
    const [next] = pending.splice(index, 1);
    ordered.push(next!);
    for (const parents of waitingFor.values()) parents.delete(next!.name);
  }
  return ordered;
}

async function appliedMigrations(db: Db): Promise<string[]> {
  const exists = await sql<{ found: boolean }>`SELECT to_regclass('public.schema_migrations') IS NOT NULL AS found`.execute(db);
  if (!exists.rows[0]?.found) return [];
  const rows = await db.selectFrom('schema_migrations').select('name').orderBy('name').execute();
  return rows.map((row) => row.name);
}

/** One page of a table's rows as PostgreSQL's JSON text, in primary-key order after `after`. */
async function readPage(db: Db, table: Table, after: string[] | undefined, limit: number) {
  const key = table.primaryKey;
  const keyColumns = sql.join(key.map((column) => sql`t.${sql.id(column.name)}`));
  const keyTexts = key.map((column, index) => sql`t.${sql.id(column.name)}::text AS ${sql.id(`k${index}`)}`);
  const bound = after
    ? sql`WHERE (${keyColumns}) > (${sql.join(key.map((column, index) => sql`${after[index]}::${sql.raw(column.type)}`))})`
    : sql``;
  const result = await sql<Record<string, string>>`
    SELECT row_to_json(t)::text AS "row", ${sql.join(keyTexts)}
    FROM ${tableRef(table.name)} t ${bound}
    ORDER BY ${keyColumns}
    LIMIT ${limit}`.execute(db);
  return result.rows.map((row) => ({ json: row.row!, key: key.map((_, index) => row[`k${index}`]!) }));
}

async function countRows(db: Db, table: string): Promise<number> {
  const result = await sql<{ count: number }>`SELECT count(*) AS count FROM ${tableRef(table)}`.execute(db);
  return Number(result.rows[0]!.count);
}

const line = (value: unknown) => `${JSON.stringify(value)}\n`;

/**
 * A json (not jsonb) column keeps its text as entered, line breaks included; in JSON a raw
 * line break can only be whitespace between tokens, so a space keeps the meaning and the NDJSON line.
 */
const oneLine = (json: string) => (json.includes('\n') ? json.replaceAll('\n', ' ') : json);

async function* backupLines(db: Db, engine: Engine, tables: Table[], summary: BackupSummary, options: BackupOptions) {
  const { onProgress, batchRows = BATCH_ROWS } = options;
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    migrations: await appliedMigrations(db),
    createdAt: new Date().toISOString(),
    engine,
  };
  yield line(header);
  for (const table of tables) {
    const total = await countRows(db, table.name);
    const section: TableSection = { table: table.name, columns: table.columns.map((column) => column.name), rows: total };
    yield line(section);
    let done = 0;
    let after: string[] | undefined;
    while (done < total) {
      const page = await readPage(db, table, after, batchRows);
      if (page.length === 0) break;
      yield page.map((row) => `${oneLine(row.json)}\n`).join('');
      done += page.length;
      after = page.at(-1)!.key;
      onProgress?.({ table: table.name, done, total });
    }
    if (done !== total) throw new BackupError(`Таблица «${table.name}» изменилась во время чтения`);
    if (total === 0) onProgress?.({ table: table.name, done, total });
    summary.tables.push({ table: table.name, rows: total });
    summary.rows += total;
  }
  const end: BackupEnd = { end: true, tables: tables.length, rows: summary.rows };
  yield line(end);
}

/**
 * Writes the whole database (every table of schema public but the migrations log) to
 * `output` as a gzip-compressed archive, reading one snapshot in pages of
 * rows; `output` is ended when done.
 */
export async function writeBackup(
  database: { db: Db; engine: Engine },
  output: Writable,
  options: BackupOptions = {},
): Promise<BackupSummary> {
  return database.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      if ((await appliedMigrations(trx)).length === 0) throw new BackupError('В базе данных нет таблиц Biblioset: копировать нечего');
      const tables = await describeTables(trx);
      const withoutKey = tables.find((table) => table.primaryKey.length === 0);
      if (withoutKey) throw new BackupError(`У таблицы «${withoutKey.name}» нет первичного ключа: её нельзя выгрузить по порядку`);
      const summary: BackupSummary = { tables: [], rows: 0 };
      await pipeline(Readable.from(backupLines(trx, database.engine, tables, summary, options)), createGzip(), output);
      return summary;
    });
}

/** Splits decompressed bytes into lines, with multi-byte letters cut across chunks put back together. */
async function* textLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  // The line not yet ended, in pieces: a long line (a row with a scanned document, megabytes of
  // hex) arrives in many chunks, and joining it to each chunk and splitting again would be quadratic.
  let pending: string[] = [];
  for await (const chunk of chunks) {
    const text = decoder.write(chunk);
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      pending.push(text.slice(start, end));
      yield pending.join('');
      pending = [];
      start = end + 1;
    }
    pending.push(text.slice(start));
  }
  pending.push(decoder.end());
  const rest = pending.join('');
  if (rest) yield rest;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseLine(text: string, lineNumber: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BackupError(`Архив повреждён: строка ${lineNumber} — не JSON`);
  }
  if (!isObject(value)) throw new BackupError(`Архив повреждён: строка ${lineNumber} — не объект JSON`);
  return value;
}

function checkHeader(value: Record<string, unknown>, applied: string[]): BackupHeader {
  if (value.format !== BACKUP_FORMAT) throw new BackupError('Это не резервная копия Biblioset (нет заголовка biblioset-backup)');
  if (value.version !== BACKUP_VERSION) {
    throw new BackupError(
      `Формат копии версии ${String(value.version)} не поддерживается этой версией Biblioset (нужна версия ${BACKUP_VERSION})`,
    );
  }
  const migrations = value.migrations;
  if (!Array.isArray(migrations) || !migrations.every((name) => typeof name === 'string')) {
    throw new BackupError('Архив повреждён: в заголовке нет списка миграций');
  }
  const unknown = migrations.filter((name) => !applied.includes(name));
  if (unknown.length) {
    throw new BackupError(
      `Копия сделана более новой версией Biblioset (неизвестные миграции: ${unknown.join(', ')}). Обновите программу и повторите`,
    );
  }
  return value as unknown as BackupHeader;
}

function checkSection(value: Record<string, unknown>, tables: Map<string, Table>, lineNumber: number): TableSection {
  const { table, columns, rows } = value;
  if (typeof table !== 'string' || !Array.isArray(columns) || typeof rows !== 'number' || !Number.isInteger(rows) || rows < 0) {
    throw new BackupError(`Архив повреждён: строка ${lineNumber} — ожидалось начало таблицы`);
  }
  const target = tables.get(table);
  if (!target) throw new BackupError(`В этой версии Biblioset нет таблицы «${table}» из копии`);
  const missing = columns.filter((name) => !target.columns.some((column) => column.name === name));
  if (missing.length) throw new BackupError(`В таблице «${table}» этой версии нет столбцов из копии: ${missing.join(', ')}`);
  return { table, columns: columns as string[], rows };
}

async function assertEmpty(db: Db, tables: Table[]) {
  for (const table of tables) {
    const result = await sql<{ found: boolean }>`SELECT EXISTS (SELECT 1 FROM ${tableRef(table.name)}) AS found`.execute(db);
    if (result.rows[0]?.found) {
      throw new BackupError(`База данных не пуста (есть записи в таблице «${table.name}»): восстанавливать можно только в пустую базу`);
    }
  }
}

async function insertRows(db: Db, table: Table, columns: string[], rows: string[], firstRow: number) {
  const insertable = columns.filter((name) => !table.columns.find((column) => column.name === name)!.isGenerated);
  const list = sql.join(insertable.map((name) => sql.id(name)));
  try {
    await sql`INSERT INTO ${tableRef(table.name)} (${list}) OVERRIDING SYSTEM VALUE
      SELECT ${list} FROM json_populate_recordset(NULL::${tableRef(table.name)}, ${`[${rows.join(',')}]`}::json)`.execute(db);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BackupError(`Не удалось записать строки ${firstRow}–${firstRow + rows.length - 1} таблицы «${table.name}»: ${reason}`);
  }
}

/** Identity and serial columns continue after the largest restored value. */
async function resetSequences(db: Db, tables: Table[]) {
  for (const table of tables) {
    for (const column of table.columns.filter((c) => c.sequence !== null)) {
      await sql`SELECT setval(${column.sequence}::regclass,
        coalesce((SELECT max(${sql.id(column.name)}) FROM ${tableRef(table.name)}), 0) + 1, false)`.execute(db);
    }
  }
}

/** Reads the archive's lines and writes its rows, checking the structure as it goes. */
async function restoreLines(db: Db, lines: AsyncIterable<string>, tables: Table[], applied: string[], options: BackupOptions) {
  const { onProgress, batchRows = BATCH_ROWS } = options;
  const byName = new Map(tables.map((table) => [table.name, table]));
  const summary: BackupSummary = { tables: [], rows: 0 };
  let header: BackupHeader | undefined;
  let section: (TableSection & { target: Table; done: number }) | undefined;
  let batch: string[] = [];
  let batchBytes = 0;
  let ended = false;
  let lineNumber = 0;

  const flush = async () => {
    if (!section || batch.length === 0) return;
    await insertRows(db, section.target, section.columns, batch, section.done - batch.length + 1);
    onProgress?.({ table: section.table, done: section.done, total: section.rows });
    batch = [];
    batchBytes = 0;
  };

  for await (const text of lines) {
    lineNumber += 1;
    if (text === '') continue;
    if (ended) throw new BackupError(`Архив повреждён: лишние данные после конца копии (строка ${lineNumber})`);
    const value = parseLine(text, lineNumber);
    if (!header) {
      header = checkHeader(value, applied);
      continue;
    }
    if (section && section.done < section.rows) {
      section.done += 1;
      batch.push(text);
      batchBytes += text.length;
      if (batch.length >= batchRows || batchBytes >= BATCH_BYTES) await flush();
      continue;
    }
    await flush();
    if (section) {
      if (section.rows === 0) onProgress?.({ table: section.table, done: 0, total: 0 });
      summary.tables.push({ table: section.table, rows: section.rows });
      summary.rows += section.rows;
      section = undefined;
    }
    if (value.end === true) {
      if (value.tables !== summary.tables.length || value.rows !== summary.rows) {
        throw new BackupError('Архив повреждён: число таблиц или строк не сходится с итогом в конце копии');
      }
      ended = true;
      continue;
    }
    const next = checkSection(value, byName, lineNumber);
    if (summary.tables.some((done) => done.table === next.table))
      throw new BackupError(`Архив повреждён: таблица «${next.table}» встречается дважды`);
    section = { ...next, target: byName.get(next.table)!, done: 0 };
  }
  if (!header) throw new BackupError('Архив пуст');
  if (!ended) throw new BackupError('Архив обрезан: нет отметки о конце копии');
  return summary;
}

function isZlibError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('Z_');
}

/**
 * Restores an archive written by writeBackup into an empty database migrated at least
 * as far as the archive's: in one transaction (nothing is written if anything fails),
 * rows in batches, then every identity sequence moved past the restored ids.
 */
export async function restoreBackup(db: Db, input: Readable, options: BackupOptions = {}): Promise<BackupSummary> {
  try {
    return await db.transaction().execute(async (trx) => {
      const applied = await appliedMigrations(trx);
      const tables = await describeTables(trx);
      await assertEmpty(trx, tables);
      let summary: BackupSummary | undefined;
      // When the reading stops on a bad line, pipeline tears the streams down and may report their
      // AbortError first: the reason worth showing is ours.
      let refusal: unknown;
      await pipeline(input, createGunzip(), async (chunks: AsyncIterable<Buffer>) => {
        try {
          summary = await restoreLines(trx, textLines(chunks), tables, applied, options);
        } catch (error) {
          refusal = error;
          throw error;
        }
      }).catch((error: unknown) => {
        throw refusal ?? error;
      });
      await resetSequences(trx, tables);
      return summary!;
    });
  } catch (error) {
    if (isZlibError(error)) throw new BackupError(`Архив повреждён или обрезан: не удаётся распаковать gzip (${error.message})`);
    throw error;
  }
}
