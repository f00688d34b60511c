/**
 * The SQL of the in-memory catalogue index: what it loads of each record, and the exact feed of what changed since
 * it last looked (migration 0016: each record carries the transaction that last wrote it, each deletion is written
 * down with its own).
 *
 * The protocol:
 * - Initial load: `s0 = currentSnapshot()`, then `findIndexRows` in pages (afterId = the last id of the previous
 *   page) until a page is empty, then apply `findChangesSince(s0)` like a sync. The pages read later data than s0;
 *   whatever changed after s0 is reported once more and simply replaced.
 * - Each sync: `{ snapshot, changedIds, deletedIds, truncated } = findChangesSince(previous)`. On `truncated`, load
 *   everything again (from `snapshot`). Else drop `deletedIds`, and replace `changedIds` by
 *   `findIndexRowsByIds(changedIds)` — an id not found there was deleted meanwhile: drop it (its deletion comes in
 *   the next sync too). Keep `snapshot` for the next sync. The two lists are disjoint: a record deleted and written
 *   again under the same id (a restore) is only in `changedIds`, so the order of the two steps does not matter.
 *
 * Why snapshots and not a sequence number or a time: a transaction takes its number when it writes and shows its
 * rows when it commits, so one that wrote before a sync and commits after it would carry a number the sync has
 * already passed, and be lost. A snapshot lists the transactions still running when it was taken; those are
 * "not visible" in it and are found by the next sync, whenever they commit. Call findChangesSince outside a
 * transaction that writes records (its own writes are visible to its snapshot, so they would never be reported
 * again, rolled back or not).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../../db/schema.js';

type Db = Kysely<DB>;

/** What the in-memory index keeps of a record. `vector` is search_vector::text. */
export interface IndexRow {
  id: number;
  networkId: number;
  vector: string;
  year: number | null;
  documentType: string;
  languages: string[];
  bbkDivisions: string[];
  ageRating: string | null;
  titleKey: string;
  authorKeys: string[];
  /** The ББК indexes as searched by prefix (search/keys.ts `bbkPrefixKey`). */
  bbkKeys: string[];
}

const INDEX_COLUMNS = sql`id, network_id, search_vector::text AS vector, year, document_type, languages, bbk_divisions,
  age_rating, title_key, author_keys, bbk_key`;

interface IndexColumns {
  id: number;
  network_id: number;
  vector: string;
  year: number | null;
  document_type: string;
  languages: string[];
  bbk_divisions: string[];
  age_rating: string | null;
  title_key: string;
  author_keys: string[];
  bbk_key: string;
}

const indexRowOf = (row: IndexColumns): IndexRow => ({
  id: Number(row.id), networkId: Number(row.network_id), vector: row.vector, year: row.year, documentType: row.document_type,
  languages: row.languages, bbkDivisions: row.bbk_divisions, ageRating: row.age_rating, titleKey: row.title_key,
  authorKeys: row.author_keys, bbkKeys: row.bbk_key.split(' ').filter((key) => key !== ''),
});

/** The snapshot of the current statement, as text (pg_current_snapshot()::text). */
export async function currentSnapshot(db: Db): Promise<string> {
  const { rows } = await sql<{ snapshot: string }>`SELECT pg_current_snapshot()::text AS snapshot`.execute(db);
  return rows[0]!.snapshot;
}

/** Up to `limit` records with id > afterId, all networks, in id order (keyset pages of the initial load). */
export async function findIndexRows(db: Db, options: { afterId: number; limit: number }): Promise<IndexRow[]> {
  const { rows } = await sql<IndexColumns>`SELECT ${INDEX_COLUMNS} FROM bib_records
    WHERE id > ${options.afterId} ORDER BY id LIMIT ${options.limit}`.execute(db);
  return rows.map(indexRowOf);
}

/** These records (those that still exist), in id order. */
export async function findIndexRowsByIds(db: Db, ids: number[]): Promise<IndexRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<IndexColumns>`SELECT ${INDEX_COLUMNS} FROM bib_records
    WHERE id = ANY(${ids}::bigint[]) ORDER BY id`.execute(db);
  return rows.map(indexRowOf);
}

/**
 * What changed since `snapshot`: ids of records written and of records deleted by transactions that
 * `snapshot` does not see (committed since, or in progress then), and whether the table was truncated —
 * all read by ONE statement, together with that statement's own snapshot, returned as the next one to
 * pass in. Uses the changed_xid indexes: `changed_xid >= pg_snapshot_xmin(snapshot) AND NOT pg_visible_in_snapshot(changed_xid, snapshot)`.
 * `deletedIds` leaves out the ids in `changedIds` (deleted, then written again under the same id: the record exists).
 */
export async function findChangesSince(
  db: Db,
  snapshot: string,
): Promise<{ snapshot: string; changedIds: number[]; deletedIds: number[]; truncated: boolean }> {
  // One statement, so the ids and the returned snapshot describe the same moment: everything a transaction visible
  // in the returned snapshot wrote is in this answer or was in an earlier one, and nothing else is. The snapshot is
  // a parameter of each condition (not a CTE joined in), so that the planner folds pg_snapshot_xmin to a constant
  // and ranges over the index.
  const since = sql`${snapshot}::pg_snapshot`;
  const unseen = (xid: ReturnType<typeof sql.ref>) =>
    sql<boolean>`${xid} >= pg_snapshot_xmin(${since}) AND NOT pg_visible_in_snapshot(${xid}, ${since})`;
  const { rows } = await sql<{ snapshot: string; changed_ids: (number | string)[]; deleted_ids: (number | string)[]; truncated: boolean }>`
    WITH changed AS (SELECT id FROM bib_records b WHERE ${unseen(sql.ref('b.changed_xid'))}),
    deleted AS (SELECT id FROM bib_record_deletions d WHERE ${unseen(sql.ref('d.changed_xid'))})
    SELECT pg_current_snapshot()::text AS snapshot,
      ARRAY(SELECT id FROM changed ORDER BY id) AS changed_ids,
      ARRAY(SELECT DISTINCT id FROM deleted WHERE id IS NOT NULL AND id NOT IN (SELECT id FROM changed) ORDER BY id) AS deleted_ids,
      EXISTS (SELECT FROM deleted WHERE id IS NULL) AS truncated`.execute(db);
  const row = rows[0]!;
  return { snapshot: row.snapshot, changedIds: row.changed_ids.map(Number), deletedIds: row.deleted_ids.map(Number), truncated: row.truncated };
}
