import { sql, type Kysely } from 'kysely';
import type { CatalogueImportStatus, CatalogueImportsTable, DB } from '../../../db/schema.js';
import type { ImportRecordError } from './import-marc.js';

type Db = Kysely<DB>;

export interface CatalogueImportRow {
  id: number;
  file_name: string;
  file_size: number | null;
  bytes_read: number;
  format: CatalogueImportsTable['format'];
  schema: CatalogueImportsTable['schema'];
  encoding: CatalogueImportsTable['encoding'];
  auto_detected: string[];
  on_match: CatalogueImportsTable['on_match'];
  status: CatalogueImportStatus;
  message: string;
  read_count: number;
  imported_count: number;
  updated_count: number;
  skipped_count: number;
  failed_count: number;
  errors_stored: number;
  user_id: number | null;
  user_full_name: string | null;
  started_at: Date;
  finished_at: Date | null;
}

export interface CatalogueImportDetailRow extends CatalogueImportRow {
  errors: ImportRecordError[];
}

/**
 * A running import whose process has gone (killed, the machine switched off) writes no more progress:
 * silent for this long, it is shown as failed with STALLED_MESSAGE, in lists, filters and details alike.
 * Its row is left as it is — a process that was only paused and wakes up finishes it normally. (Uploads
 * through the web are also marked failed for good when the server starts: `failInterruptedUploads`.)
 */
const STALLED_AFTER = sql.raw(`interval '10 minutes'`);
/** What an interrupted import's message goes on to say, whatever interrupted it. */
export const AFTER_INTERRUPTION = 'Записи, сохранённые до остановки, остались в каталоге. Загрузите файл ещё раз: уже сохранённые '
  + 'записи совпадут с загружаемыми и будут пропущены или обновлены по выбранному правилу.';
const STALLED_MESSAGE = `Загрузка прервана: программа, которая загружала файл, остановилась — больше 10 минут от неё нет вестей. ${AFTER_INTERRUPTION}`;
const stalled = sql<boolean>`(i.status = 'running' AND i.heartbeat_at < now() - ${STALLED_AFTER})`;
const shownStatus = sql<CatalogueImportStatus>`CASE WHEN ${stalled} THEN 'failed' ELSE i.status END`;

export async function insertCatalogueImport(db: Db, row: {
  networkId: number; fileName: string; fileSize: number | null; format: CatalogueImportsTable['format'];
  schema: CatalogueImportsTable['schema']; encoding: CatalogueImportsTable['encoding'];
  onMatch: CatalogueImportsTable['on_match']; userId: number | null;
}): Promise<number> {
  const { id } = await db.insertInto('catalogue_imports').values({
    network_id: row.networkId, file_name: row.fileName, file_size: row.fileSize, format: row.format,
    schema: row.schema, encoding: row.encoding, on_match: row.onMatch, user_id: row.userId,
  }).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Uploads (made through the web, `user_id` set) still marked running are marked failed with `message`; returns how many. */
export async function failRunningUploads(db: Db, message: string): Promise<number> {
  const rows = await db.updateTable('catalogue_imports').set({ status: 'failed', message, finished_at: sql`now()` })
    .where('status', '=', 'running').where('user_id', 'is not', null).returning('id').execute();
  return rows.length;
}

/** The progress of a running import (or its end): counts, detected options, the stored error reports. */
export async function updateCatalogueImport(db: Db, networkId: number, id: number, changes: {
  bytesRead?: number; format?: CatalogueImportsTable['format']; schema?: CatalogueImportsTable['schema'];
  encoding?: CatalogueImportsTable['encoding']; autoDetected?: string[];
  counts?: { read: number; imported: number; updated: number; skipped: number; failed: number };
  errors?: ImportRecordError[]; status?: CatalogueImportStatus; message?: string; finished?: boolean;
}): Promise<void> {
  await db.updateTable('catalogue_imports').set({
    ...(changes.bytesRead === undefined ? {} : { bytes_read: changes.bytesRead }),
    ...(changes.format === undefined ? {} : { format: changes.format }),
    ...(changes.schema === undefined ? {} : { schema: changes.schema }),
    ...(changes.encoding === undefined ? {} : { encoding: changes.encoding }),
    ...(changes.autoDetected === undefined ? {} : { auto_detected: changes.autoDetected }),
    ...(changes.counts === undefined ? {} : {
      read_count: changes.counts.read, imported_count: changes.counts.imported, updated_count: changes.counts.updated,
      skipped_count: changes.counts.skipped, failed_count: changes.counts.failed,
    }),
    ...(changes.errors === undefined ? {} : { errors: JSON.stringify(changes.errors) }),
    ...(changes.status === undefined ? {} : { status: changes.status }),
    ...(changes.message === undefined ? {} : { message: changes.message }),
    ...(changes.finished ? { finished_at: sql<Date>`now()` as unknown as Date } : {}),
    heartbeat_at: sql<Date>`now()` as unknown as Date,
  }).where('network_id', '=', networkId).where('id', '=', id).execute();
}

const baseQuery = (db: Db, networkId: number) => db.selectFrom('catalogue_imports as i')
  .leftJoin('users as u', 'u.id', 'i.user_id')
  .where('i.network_id', '=', networkId)
  .select([
    'i.id', 'i.file_name', 'i.file_size', 'i.bytes_read', 'i.format', 'i.schema', 'i.encoding', 'i.auto_detected',
    'i.on_match', shownStatus.as('status'), sql<string>`CASE WHEN ${stalled} THEN ${STALLED_MESSAGE} ELSE i.message END`.as('message'), 'i.read_count', 'i.imported_count', 'i.updated_count', 'i.skipped_count',
    'i.failed_count', 'i.user_id', 'u.full_name as user_full_name', 'i.started_at', 'i.finished_at',
    sql<number>`jsonb_array_length(i.errors)`.as('errors_stored'),
  ]);

/** The network's imports, newest first. */
export async function listCatalogueImports(db: Db, networkId: number, options: { limit: number; offset: number; status?: CatalogueImportStatus }) {
  let query = baseQuery(db, networkId);
  if (options.status) query = query.where(sql<boolean>`${shownStatus} = ${options.status}`);
  const [items, total] = await Promise.all([
    query.orderBy('i.id', 'desc').limit(options.limit).offset(options.offset).execute(),
    db.selectFrom('catalogue_imports as i').select((eb) => eb.fn.countAll<number>().as('n')).where('i.network_id', '=', networkId)
      .$if(options.status !== undefined, (q) => q.where(sql<boolean>`${shownStatus} = ${options.status!}`)).executeTakeFirstOrThrow(),
  ]);
  return { items: items as CatalogueImportRow[], total: Number(total.n) };
}

export async function findCatalogueImport(db: Db, networkId: number, id: number): Promise<CatalogueImportDetailRow | undefined> {
  const row = await baseQuery(db, networkId).select('i.errors').where('i.id', '=', id).executeTakeFirst();
  return row as CatalogueImportDetailRow | undefined;
}

/**
 * One page of the network's records in id order after `afterId` (keyset paging: constant cost per page
 * however deep), optionally only those ids.
 */
export async function readBibRecordsPage(db: Db, networkId: number, options: { afterId: number; limit: number; ids?: number[] }) {
  let query = db.selectFrom('bib_records').select(['id', 'schema', 'record'])
    .where('network_id', '=', networkId).where('id', '>', options.afterId);
  if (options.ids) query = query.where('id', 'in', options.ids.length > 0 ? options.ids : [0]);
  return query.orderBy('id').limit(options.limit).execute();
}

/**
 * How many of the network's records there are (or of these ids), and those of them an ISO 2709 export might refuse: a
 * record whose stored JSON is longer than `maxFieldLength` bytes, or with a tag that is not three printable ASCII
 * characters other than `"` and `\` as its JSON spells it (a tag with those is taken too: escaped, it would not
 * match). Every record the writer refuses is among them — its ISO 2709 bytes are fewer than its JSON's
 * (export-marc.test.ts) — so only these need writing to find the refused ones: one pass of the database over the
 * text instead of every record through Node: a whole catalogue of 52,782 records (PostgreSQL, session 9) in 1.4–2.4 s
 * against 7.1–12.3 s.
 */
export async function findRecordsIso2709MayRefuse(db: Db, networkId: number, options: { ids?: number[]; maxFieldLength: number }) {
  const chosen = options.ids ? sql`AND id = ANY(${options.ids}::bigint[])` : sql``;
  const { rows } = await sql<{ records: string; may_refuse: number[] | null }>`SELECT count(*) AS records,
      array_agg(id ORDER BY id) FILTER (WHERE octet_length(record::text) > ${options.maxFieldLength} OR record::text ~ ${TAG_NOT_PLAIN}) AS may_refuse
    FROM bib_records WHERE network_id = ${networkId} ${chosen}`.execute(db);
  return { records: Number(rows[0]!.records), mayRefuse: (rows[0]!.may_refuse ?? []).map(Number) };
}

/** A field's `"tag":"…"` whose value is not three characters of ' ', '!', '#'–'[', ']'–'~' followed by its closing quote. */
const TAG_NOT_PLAIN = String.raw`"tag"\s*:\s*"(?![ !#-[\]-~]{3}")`;
