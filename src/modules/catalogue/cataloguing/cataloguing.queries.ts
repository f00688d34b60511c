import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

type Db = Kysely<DB>;

/** The stored record, locked until the transaction ends: two editors saving at once are serialised. */
export async function lockBibRecord(db: Db, networkId: number, id: number) {
  return db.selectFrom('bib_records').selectAll()
    .where('network_id', '=', networkId).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The id of the record with this control number (001) and no 003 — a record this system just made. */
export async function findIdByOwnControlNumber(db: Db, networkId: number, controlNumber: string): Promise<number | undefined> {
  const row = await db.selectFrom('bib_records').select('id')
    .where('network_id', '=', networkId).where('control_number', '=', controlNumber).executeTakeFirst();
  return row?.id;
}

export async function deleteBibRecordRow(db: Db, networkId: number, id: number): Promise<void> {
  await db.deleteFrom('bib_records').where('network_id', '=', networkId).where('id', '=', id).execute();
}

export interface DuplicateRow {
  id: number;
  title: string;
  persons: unknown;
  publisher: string;
  year: number | null;
  isbns: string[];
  same_isbn: boolean;
  same_author: boolean;
  same_year: boolean;
  similarity: number;
}

/**
 * Likely duplicates of a record being catalogued: a valid ISBN in common; else a similar title (pg_trgm,
 * over the title's trigram index) with the same author's surname or the same year. Best first.
 */
export async function findDuplicateRows(db: Db, networkId: number, options: {
  isbn13s: string[]; title: string; surname: string; year: number | null; excludeId: number | null; limit: number;
}): Promise<DuplicateRow[]> {
  const { isbn13s, title, surname, year, excludeId, limit } = options;
  const folded = (value: string) => sql`lower(translate(${value}, 'ёЁ', 'еЕ'))`;
  const sameAuthor = surname
    ? sql<boolean>`EXISTS (SELECT 1 FROM jsonb_array_elements(b.persons) AS p
        WHERE lower(translate(split_part(split_part(p->>'name', ',', 1), ' ', 1), 'ёЁ', 'еЕ')) = ${folded(surname)})`
    : sql<boolean>`false`;
  const sameYear = year === null ? sql<boolean>`false` : sql<boolean>`b.year IS NOT DISTINCT FROM ${year}::int`;
  const sameIsbn = isbn13s.length > 0 ? sql<boolean>`b.isbns && ${isbn13s}::text[]` : sql<boolean>`false`;
  const similarTitle = title ? sql<boolean>`b.title % ${title}` : sql<boolean>`false`;
  const { rows } = await sql<DuplicateRow>`SELECT b.id, b.title, b.persons, b.publisher, b.year, b.isbns,
      ${sameIsbn} AS same_isbn, ${sameAuthor} AS same_author, ${sameYear} AS same_year,
      ${title ? sql`similarity(b.title, ${title})` : sql`0`}::real AS similarity
    FROM bib_records b
    WHERE b.network_id = ${networkId} AND b.id IS DISTINCT FROM ${excludeId}::bigint
      AND (${sameIsbn} OR (${similarTitle} AND (${sameAuthor} OR ${sameYear})))
    ORDER BY same_isbn DESC, similarity DESC, b.id
    LIMIT ${limit}`.execute(db);
  return rows;
}
