import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { MarcRecord } from './marc/record.js';
import type { MarcSchema } from './marc/schema.js';
import { PROJECTION_VERSION, type BibProjection } from './projection/project.js';
import { dictionaryWordsOf, searchColumnsOf } from './search/keys.js';

type Db = Kysely<DB>;

/** A record ready to be written: the record as read, its schema, its projection and match key. */
export interface BibRecordRow {
  schema: MarcSchema;
  record: MarcRecord;
  projection: BibProjection;
  matchKey: string;
  /**
   * The row as the writing statements read it (a JSON object, `rowPayload`), made once with the row:
   * the import makes it while the previous batch is being written, off the database's critical path.
   */
  payload: string;
}

/** What matching needs to know of a stored record. */
export interface StoredMatchCandidate {
  id: number;
  schema: MarcSchema;
  control_number: string | null;
  control_number_source: string | null;
  isbns: string[];
  match_key: string | null;
}

const candidateColumns = ['id', 'schema', 'control_number', 'control_number_source', 'isbns', 'match_key'] as const;

/**
 * Holds the network's catalogue for writing until the transaction ends: two imports (or an import and a
 * server's save) into one network take turns batch by batch, each matching against what the other stored.
 * Without it both could read «no such record» and insert it twice (or collide on its control number).
 */
export async function lockNetworkCatalogue(db: Db, networkId: number): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${CATALOGUE_LOCK_SPACE}, ${networkId}::int)`.execute(db);
}
/** The first key of the catalogue's advisory locks (the second is the network): any number no other lock uses. */
const CATALOGUE_LOCK_SPACE = 4_001;

/** Stored records with any of these (schema, 003, 001), in one query over the unique index. */
export async function findByControlNumbers(db: Db, networkId: number, keys: { schema: MarcSchema; source: string; number: string }[]) {
  if (keys.length === 0) return [];
  const { rows } = await sql<StoredMatchCandidate>`SELECT b.id, b.schema, b.control_number, b.control_number_source, b.isbns, b.match_key
    FROM unnest(${keys.map((key) => key.schema)}::text[], ${keys.map((key) => key.source)}::text[], ${keys.map((key) => key.number)}::text[])
      AS k(schema, source, number)
    JOIN bib_records b ON b.network_id = ${networkId} AND b.schema = k.schema
      AND coalesce(b.control_number_source, '') = k.source AND b.control_number = k.number`.execute(db);
  return rows;
}

/**
 * Stored records sharing a valid ISBN (ISBN-13 form) with the given ones: one index lookup per ISBN.
 * Not `isbns && $1`: the planner estimates an overlap with a thousand ISBNs to hit a quarter of the
 * table and scans all of it (240 ms a batch at 20,000 records, growing with the table).
 */
export async function findByIsbns(db: Db, networkId: number, isbns: string[]): Promise<StoredMatchCandidate[]> {
  if (isbns.length === 0) return [];
  const { rows } = await sql<StoredMatchCandidate>`SELECT DISTINCT b.id, b.schema, b.control_number, b.control_number_source, b.isbns, b.match_key
    FROM unnest(${isbns}::text[]) AS i(isbn)
    CROSS JOIN LATERAL (SELECT * FROM bib_records WHERE isbns @> ARRAY[i.isbn] AND network_id = ${networkId}) b
    ORDER BY b.id`.execute(db);
  return rows;
}

/** Stored records with one of these title|author|year keys. */
export async function findByMatchKeys(db: Db, networkId: number, keys: string[]): Promise<StoredMatchCandidate[]> {
  if (keys.length === 0) return [];
  return db.selectFrom('bib_records').select(candidateColumns)
    .where('network_id', '=', networkId).where(sql<boolean>`match_key = ANY(${keys}::text[])`).orderBy('id').execute();
}

export async function findStoredRecords(db: Db, networkId: number, ids: number[]): Promise<Map<number, { schema: MarcSchema; record: MarcRecord }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('bib_records').select(['id', 'schema', 'record'])
    .where('network_id', '=', networkId).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, { schema: row.schema, record: row.record as MarcRecord }]));
}

/**
 * The projection columns and the search texts as one JSON object per row: a whole batch travels as
 * one parameter into json_to_recordset — json, not jsonb: PostgreSQL then only checks the text instead
 * of building a jsonb tree of the whole batch (docs/ARCHITECTURE.md, «Import and parse speed») — so a
 * batch is one statement whatever its size (no limit of 65,535 bind parameters, one parse and plan).
 */
export function rowPayload(row: Omit<BibRecordRow, 'payload'>): string {
  const p = row.projection;
  return JSON.stringify({
    schema: row.schema,
    record: row.record,
    control_number: p.controlNumber,
    control_number_source: p.controlNumberSource,
    title: p.title, subtitle: p.subtitle, parallel_titles: p.parallelTitles, responsibility: p.responsibility,
    persons: p.persons, edition: p.edition, place: p.place, publisher: p.publisher, year: p.year, extent: p.extent,
    series: p.series, contents: p.contents, isbns: p.isbns, invalid_isbns: p.invalidIsbns, issns: p.issns, languages: p.languages,
    document_type: p.documentType, bbk: p.bbk, author_mark: p.authorMark, udc: p.udc, subjects: p.subjects,
    keywords: p.keywords, annotation: p.annotation, age_rating: p.ageRating, match_key: row.matchKey,
    ...searchColumnsOf(p),
    search_a: [p.title, p.subtitle, ...p.parallelTitles].join(' '),
    search_b: p.persons.map((person) => person.name).join(' '),
    search_c: [...p.subjects, ...p.keywords].join(' '),
    search_d: [p.responsibility, p.edition, p.place, p.publisher, p.year ?? '', ...p.series, ...p.contents, ...p.isbns, ...p.bbk, ...p.udc, p.annotation].join(' '),
  });
}

const RECORDSET_COLUMNS = sql.raw(`schema text, record json, control_number text, control_number_source text,
  title text, subtitle text, parallel_titles text[], responsibility text, persons jsonb, edition text, place text,
  publisher text, year integer, extent text, series text[], contents text[], isbns text[], invalid_isbns text[], issns text[],
  languages text[], document_type text, bbk text[], author_mark text, udc text[], subjects text[], keywords text[],
  annotation text, age_rating text, match_key text, search_a text, search_b text, search_c text, search_d text,
  title_key text, author_keys text[], bbk_divisions text[], bbk_key text`);

/** The columns derived from the record (catalogue/projection/, search/keys.ts), then the search vector and the projection's version. */
const PROJECTION_COLUMNS = `control_number, control_number_source, title, subtitle,
  parallel_titles, responsibility, persons, edition, place, publisher, year, extent, series, contents, isbns, invalid_isbns,
  issns, languages, document_type, bbk, author_mark, udc, subjects, keywords, annotation, age_rating, match_key,
  title_key, author_keys, bbk_divisions, bbk_key, search_vector, projection_version`;
const PROJECTED_COLUMNS = sql.raw(`schema, record, ${PROJECTION_COLUMNS}`);

/**
 * The search vector and the projection's version, after the payload's values (SELECT_PROJECTION). ё folded
 * to е on both sides: the russian stemmer treats them as different letters.
 */
const DERIVED_VALUES = sql.raw(`setweight(to_tsvector('russian', translate(r.search_a, 'ёЁ', 'еЕ')), 'A')
  || setweight(to_tsvector('russian', translate(r.search_b, 'ёЁ', 'еЕ')), 'B')
  || setweight(to_tsvector('russian', translate(r.search_c, 'ёЁ', 'еЕ')), 'C')
  || setweight(to_tsvector('russian', translate(r.search_d, 'ёЁ', 'еЕ')), 'D'),
  ${PROJECTION_VERSION}`);

/** The payload's values of PROJECTION_COLUMNS before DERIVED_VALUES. */
const SELECT_PROJECTION = `r.control_number, r.control_number_source, r.title, r.subtitle,
  r.parallel_titles, r.responsibility, r.persons, r.edition, r.place, r.publisher, r.year, r.extent, r.series, r.contents, r.isbns,
  r.invalid_isbns, r.issns, r.languages, r.document_type, r.bbk, r.author_mark, r.udc, r.subjects, r.keywords,
  r.annotation, r.age_rating, r.match_key, r.title_key, r.author_keys, r.bbk_divisions, r.bbk_key`;
const SELECT_PROJECTED = sql.raw(`r.schema, r.record, ${SELECT_PROJECTION}`);

/** Inserts a batch in one statement. */
export async function insertBibRecords(db: Db, networkId: number, rows: BibRecordRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const payload = `[${rows.map((row) => row.payload).join(',')}]`;
  const result = await sql`INSERT INTO bib_records (network_id, ${PROJECTED_COLUMNS})
    SELECT ${networkId}, ${SELECT_PROJECTED}, ${DERIVED_VALUES}
    FROM json_to_recordset(${payload}::json) AS r(${RECORDSET_COLUMNS})`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** The payload of stored rows: each row's object with its id put first (`{"id":7,` + the object after its `{`). */
const payloadWithIds = (rows: { id: number; row: BibRecordRow }[]) =>
  `[${rows.map(({ id, row }) => `{"id":${id},${row.payload.slice(1)}`).join(',')}]`;

/**
 * Rewrites a batch of stored records (record, projection, search vector) in one statement; rows whose
 * record is unchanged are not touched. Returns the ids actually changed.
 */
export async function updateBibRecords(db: Db, networkId: number, rows: { id: number; row: BibRecordRow }[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const payload = payloadWithIds(rows);
  const { rows: changed } = await sql<{ id: number }>`UPDATE bib_records b SET (${PROJECTED_COLUMNS}, updated_at) =
      (${SELECT_PROJECTED}, ${DERIVED_VALUES}, now())
    FROM json_to_recordset(${payload}::json) AS r(id bigint, ${RECORDSET_COLUMNS})
    WHERE b.network_id = ${networkId} AND b.id = r.id AND (b.record::jsonb IS DISTINCT FROM r.record::jsonb OR b.schema IS DISTINCT FROM r.schema)
    RETURNING b.id`.execute(db);
  return changed.map((row) => row.id);
}

/**
 * Rewrites the projection of stored records from their rows (the record itself, its schema and
 * `updated_at` untouched): a projection refresh after the projection code changed.
 */
export async function rewriteProjections(db: Db, rows: { id: number; row: BibRecordRow }[]): Promise<void> {
  if (rows.length === 0) return;
  const payload = payloadWithIds(rows);
  await sql`UPDATE bib_records b SET (${sql.raw(PROJECTION_COLUMNS)}) = (${sql.raw(SELECT_PROJECTION)}, ${DERIVED_VALUES})
    FROM json_to_recordset(${payload}::json) AS r(id bigint, ${RECORDSET_COLUMNS})
    WHERE b.id = r.id`.execute(db);
}

/**
 * Stored records whose projection is older than `version`, up to `limit`, in id order; locked, and those
 * another refresh holds skipped (two programs opening one database share the work).
 */
export async function findStaleProjections(db: Db, options: { version: number; limit: number; onlyId?: number; exceptIds: number[] }) {
  const { version, limit, onlyId, exceptIds } = options;
  const { rows } = await sql<{ id: number; network_id: number; schema: MarcSchema; record: MarcRecord }>`SELECT id, network_id, schema, record
    FROM bib_records WHERE projection_version < ${version} AND ${onlyId === undefined ? sql`true` : sql`id = ${onlyId}`}
      AND id <> ALL(${exceptIds}::bigint[])
    ORDER BY projection_version, id LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`.execute(db);
  return rows.map((row) => ({ id: row.id, networkId: row.network_id, schema: row.schema, record: row.record }));
}

/** How many stored records have a projection older than `version` (the index of migration 0013). */
export async function countStaleProjections(db: Db, version: number): Promise<number> {
  const { count } = await db.selectFrom('bib_records').select((eb) => eb.fn.countAll<number>().as('count'))
    .where('projection_version', '<', version).executeTakeFirstOrThrow();
  return Number(count);
}

/**
 * Adds the words of a batch's titles and person names to the network's typo dictionary (search/):
 * one statement per batch, in the batch's transaction; words already known cost nothing.
 */
export async function addCatalogueWords(db: Db, networkId: number, rows: BibRecordRow[]): Promise<void> {
  if (rows.length === 0) return;
  const words = [...new Set(rows.flatMap((row) => dictionaryWordsOf(row.projection)))].sort();
  if (words.length === 0) return;
  await sql`INSERT INTO catalogue_words (network_id, word)
    SELECT DISTINCT ${networkId}::bigint, w FROM unnest(${words}::text[]) AS w
    ON CONFLICT DO NOTHING`.execute(db);
}

/** One stored record: the projection columns and the record as read. */
export async function findBibRecord(db: Db, networkId: number, id: number) {
  return db.selectFrom('bib_records').selectAll()
    .where('network_id', '=', networkId).where('id', '=', id).executeTakeFirst();
}

/**
 * The catalogue's size (all networks) as the planner last saw it (`analyzed`: the last ANALYZE, -1 before
 * the first) and as the statistics system counts it now (`live`: updated at most once a second).
 */
export async function bibRecordCounts(db: Db): Promise<{ analyzed: number; live: number }> {
  const { rows } = await sql<{ analyzed: number; live: string }>`SELECT c.reltuples AS analyzed, pg_stat_get_live_tuples(c.oid) AS live
    FROM pg_class c WHERE c.oid = 'bib_records'::regclass`.execute(db);
  return { analyzed: Number(rows[0]!.analyzed), live: Number(rows[0]!.live) };
}

/**
 * Refreshes the planner's statistics of the catalogue. `matchingOnly`: just the columns the re-import
 * matching looks up and the one the search index's change feed reads (cheap; during a long import); else
 * every column a query filters or joins on — the ISBN and duplicate lookups, the projection refresh — but
 * not the wide ones no query filters on (the record, the search vector: 80 % of a whole-table ANALYZE's
 * time, measured 1.6–2.1 s against 0.3 s at 50,000 records).
 */
export async function analyzeBibRecords(db: Db, { matchingOnly }: { matchingOnly: boolean }): Promise<void> {
  const columns = matchingOnly ? MATCHING_COLUMNS : `id, ${MATCHING_COLUMNS}, invalid_isbns, title, year, projection_version`;
  await sql`ANALYZE bib_records (${sql.raw(columns)})`.execute(db);
}

/** The columns re-import matching looks up, and the one the search index's change feed reads. */
const MATCHING_COLUMNS = 'network_id, schema, control_number, control_number_source, isbns, match_key, changed_xid';

export async function countBibRecords(db: Db, networkId: number): Promise<number> {
  const { count } = await db.selectFrom('bib_records').select((eb) => eb.fn.countAll<number>().as('count'))
    .where('network_id', '=', networkId).executeTakeFirstOrThrow();
  return Number(count);
}
