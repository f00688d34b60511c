/**
 * The SQL of catalogue search. The search itself runs on the in-memory index (in-memory/); the database
 * answers what the index does not hold: each query word's lexemes (PostgreSQL's russian stemmer, the
 * one that built the stored search vectors), the records an ISBN term names (its own indexes),
 * the page's rows, and the typo dictionary. Same SQL on PGlite and PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { isbn10To13, isValidIsbn10, isValidIsbn13 } from '../../../shared/isbn.js';

type Db = Kysely<DB>;

/**
 * Each word's lexemes as to_tsvector('russian', …) makes them — the stemmer that built the stored
 * vectors, so a query word meets its stored forms («книги» → «книг»); an empty list for a stop word.
 */
export async function findWordLexemes(db: Db, words: readonly string[]): Promise<Map<string, string[]>> {
  if (words.length === 0) return new Map();
  const { rows } = await sql<{ word: string; lexemes: string[] }>`SELECT w AS word,
      ARRAY(SELECT v.lexeme FROM unnest(to_tsvector('russian', w)) AS v ORDER BY v.positions[1]) AS lexemes
    FROM unnest(${words}::text[]) AS w`.execute(db);
  return new Map(rows.map((row) => [row.word, row.lexemes]));
}

/** The records of the network with this ISBN (with or without hyphens; an ISBN-10 also as its ISBN-13), by the ISBN indexes. */
export async function findIdsByIsbn(db: Db, networkId: number, text: string): Promise<number[]> {
  const digits = text.replace(/[^0-9Xx]/g, '').toUpperCase();
  if (!digits) return [];
  const valid = digits.length === 10 && isValidIsbn10(digits) ? isbn10To13(digits)
    : digits.length === 13 && isValidIsbn13(digits) ? digits : null;
  // Valid ISBNs are stored as ISBN-13; invalid ones as written without hyphens.
  const { rows } = await sql<{ id: number }>`SELECT id FROM bib_records WHERE network_id = ${networkId}
    AND ${valid ? sql`(isbns && ARRAY[${valid}]::text[] OR invalid_isbns && ARRAY[${digits}]::text[])` : sql`invalid_isbns && ARRAY[${digits}]::text[]`}`.execute(db);
  return rows.map((row) => row.id);
}

/** The columns a hit is presented from. */
export interface HitRow {
  id: number; schema: 'marc21' | 'rusmarc';
  title: string; subtitle: string; responsibility: string; persons: unknown;
  edition: string; place: string; publisher: string; year: number | null; extent: string; series: string[];
  isbns: string[]; document_type: string; languages: string[]; bbk: string[]; author_mark: string;
  age_rating: string | null; annotation: string; record?: unknown;
}

const HIT_COLUMNS = sql.raw(`id, schema, title, subtitle, responsibility, persons, edition, place, publisher, year, extent,
  series, isbns, document_type, languages, bbk, author_mark, age_rating, annotation`);

/** The rows of these records (those that still exist), in no particular order. */
export async function findHitRows(db: Db, ids: readonly number[], withRecords: boolean): Promise<HitRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<HitRow>`SELECT ${HIT_COLUMNS}${withRecords ? sql`, record` : sql``}
    FROM bib_records WHERE id = ANY(${ids}::bigint[])`.execute(db);
  return rows;
}

/**
 * For each of these words (each one that finds nothing in the network's catalogue), the dictionary
 * words most similar to it (pg_trgm, similarity ≥ 0.3), best first — one statement.
 */
export async function findCorrectionCandidates(db: Db, networkId: number, words: string[]): Promise<{ word: string; candidate: string; similarity: number }[]> {
  if (words.length === 0) return [];
  const { rows } = await sql<{ word: string; candidate: string; similarity: number }>`SELECT u.word, c.word AS candidate, c.similarity
    FROM unnest(${words}::text[]) AS u(word)
    CROSS JOIN LATERAL (
      SELECT d.word, similarity(d.word, u.word) AS similarity FROM catalogue_words d
      WHERE d.network_id = ${networkId} AND d.word % u.word
      ORDER BY similarity DESC, d.word LIMIT 10
    ) AS c
    ORDER BY u.word, c.similarity DESC, c.word`.execute(db);
  return rows;
}
