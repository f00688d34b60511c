/**
 * The SQL of catalogue search: the query tree compiled to one WHERE condition (full-text parts folded
 * into a single tsquery so the GIN index answers them at once), the page, the total, the facets and the
 * typo dictionary. Same SQL on PGlite and PostgreSQL.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { isbn10To13, isValidIsbn10, isValidIsbn13 } from '../../../shared/isbn.js';
import { bibRecordCounts } from '../catalogue.queries.js';
import { bbkPrefixKey, wordsOf } from './keys.js';
import { parseYearRange, type SearchField, type SearchNode } from './query.js';

type Db = Kysely<DB>;
type Condition = RawBuilder<boolean>;

/**
 * Field terms are restricted by the weights of search_vector (catalogue.queries.ts): title words are
 * weight A (title, subtitle, parallel titles), author words B (names of persons and organisations),
 * subject words C (subject headings and keywords). One index, no extra columns.
 */
const WEIGHT: Partial<Record<SearchField, string>> = { any: '', title: ':A', author: ':B', subject: ':C' };

/** A compiled subtree: a tsquery text (to_tsquery syntax, words only letters and digits), an SQL condition, or nothing (matches all). */
type Compiled = { ts: string } | { sql: Condition } | null;

/** The tsquery text of one text term, or null when it has no words. */
export function termTsQuery(field: SearchField, text: string, phrase: boolean): string | null {
  const weight = WEIGHT[field];
  if (weight === undefined) return null;
  const words = wordsOf(text);
  if (words.length === 0) return null;
  return `(${words.map((word) => `${word}${weight}`).join(phrase ? ' <-> ' : ' & ')})`;
}

const matchTs = (ts: string): Condition => sql<boolean>`search_vector @@ to_tsquery('russian', ${ts})`;
const asCondition = (compiled: NonNullable<Compiled>): Condition => ('ts' in compiled ? matchTs(compiled.ts) : compiled.sql);

/**
 * How the restrictions that have their own index — the year, the age rating — are written. `index`: on the
 * column, so the planner may read its index. `heap`: on `year + 0`, `age_rating || ''`, which no index
 * serves, so the rows the full-text index finds are tested one by one (see `filterAccessFor` for when
 * each is cheaper).
 */
export type FilterAccess = 'index' | 'heap';

const yearColumn = (access: FilterAccess) => (access === 'index' ? sql`year` : sql`(year + 0)`);
const ageRatingColumn = (access: FilterAccess) => (access === 'index' ? sql`age_rating` : sql`(age_rating || '')`);

function compileTerm(node: Extract<SearchNode, { kind: 'term' }>, filterAccess: FilterAccess): Compiled {
  switch (node.field) {
    case 'isbn': {
      const digits = node.text.replace(/[^0-9Xx]/g, '').toUpperCase();
      const valid = digits.length === 10 && isValidIsbn10(digits) ? isbn10To13(digits)
        : digits.length === 13 && isValidIsbn13(digits) ? digits : null;
      if (!digits) return { sql: sql<boolean>`false` };
      // Valid ISBNs are stored as ISBN-13; invalid ones as written without hyphens.
      return { sql: valid
        ? sql<boolean>`(isbns && ARRAY[${valid}]::text[] OR invalid_isbns && ARRAY[${digits}]::text[])`
        : sql<boolean>`invalid_isbns && ARRAY[${digits}]::text[]` };
    }
    case 'bbk': {
      const prefix = bbkPrefixKey(node.text).replace(/[\\%_]/g, (c) => `\\${c}`);
      return prefix ? { sql: sql<boolean>`bbk_key LIKE ${`% ${prefix}%`}` } : null;
    }
    case 'year': {
      const range = parseYearRange(node.text);
      if (!range) return { sql: sql<boolean>`false` };
      const year = yearColumn(filterAccess);
      if (range.from !== null && range.to !== null) return { sql: sql<boolean>`${year} BETWEEN ${range.from} AND ${range.to}` };
      if (range.from !== null) return { sql: sql<boolean>`${year} >= ${range.from}` };
      return { sql: sql<boolean>`${year} <= ${range.to}` };
    }
    default: {
      const ts = termTsQuery(node.field, node.text, node.phrase);
      return ts === null ? null : { ts };
    }
  }
}

function negate(compiled: Compiled): Compiled {
  if (compiled === null) return { sql: sql<boolean>`false` };
  return 'ts' in compiled ? { ts: `!${compiled.ts}` } : { sql: sql<boolean>`NOT (${compiled.sql})` };
}

function compile(node: SearchNode, filterAccess: FilterAccess): Compiled {
  switch (node.kind) {
    case 'term': return compileTerm(node, filterAccess);
    case 'not': return negate(compile(node.child, filterAccess));
    case 'and': {
      const parts = node.children.map((child) => compile(child, filterAccess)).filter((part): part is NonNullable<Compiled> => part !== null);
      if (parts.length === 0) return null;
      const ts = parts.flatMap((part) => ('ts' in part ? [part.ts] : []));
      const conditions = parts.flatMap((part) => ('sql' in part ? [part.sql] : []));
      if (conditions.length === 0) return { ts: `(${ts.join(' & ')})` };
      if (ts.length > 0) conditions.unshift(matchTs(`(${ts.join(' & ')})`));
      return { sql: sql<boolean>`(${sql.join(conditions, sql` AND `)})` };
    }
    case 'or': {
      const parts = node.children.map((child) => compile(child, filterAccess));
      if (parts.some((part) => part === null)) return null;
      const present = parts as NonNullable<Compiled>[];
      if (present.every((part) => 'ts' in part)) return { ts: `(${present.map((part) => (part as { ts: string }).ts).join(' | ')})` };
      return { sql: sql<boolean>`(${sql.join(present.map(asCondition), sql` OR `)})` };
    }
  }
}

/** The WHERE condition of a query tree; undefined when it restricts nothing. */
export function compileSearchCondition(node: SearchNode | null, filterAccess: FilterAccess = 'index'): Condition | undefined {
  const compiled = node && compile(node, filterAccess);
  return compiled ? asCondition(compiled) : undefined;
}

/** The tsquery text ranking uses: every full-text term not under a 'not', any of them scoring. */
export function rankTsQuery(node: SearchNode | null): string | null {
  const parts: string[] = [];
  const walk = (current: SearchNode, negated: boolean) => {
    if (current.kind === 'not') return walk(current.child, !negated);
    if (current.kind !== 'term') return current.children.forEach((child) => walk(child, negated));
    const ts = negated ? null : termTsQuery(current.field, current.text, current.phrase);
    if (ts) parts.push(ts);
  };
  if (node) walk(node, false);
  return parts.length > 0 ? parts.join(' | ') : null;
}

export interface SearchFilterValues {
  yearFrom?: number; yearTo?: number;
  documentTypes?: string[]; languages?: string[]; bbkDivisions?: string[]; ageRatings?: string[];
}

function filterConditions(filters: SearchFilterValues, filterAccess: FilterAccess): Condition[] {
  const conditions: Condition[] = [];
  if (filters.yearFrom !== undefined) conditions.push(sql<boolean>`${yearColumn(filterAccess)} >= ${filters.yearFrom}`);
  if (filters.yearTo !== undefined) conditions.push(sql<boolean>`${yearColumn(filterAccess)} <= ${filters.yearTo}`);
  if (filters.documentTypes?.length) conditions.push(sql<boolean>`document_type = ANY(${filters.documentTypes}::text[])`);
  if (filters.languages?.length) conditions.push(sql<boolean>`languages && ${filters.languages}::text[]`);
  if (filters.bbkDivisions?.length) conditions.push(sql<boolean>`bbk_divisions && ${filters.bbkDivisions}::text[]`);
  if (filters.ageRatings?.length) conditions.push(sql<boolean>`${ageRatingColumn(filterAccess)} = ANY(${filters.ageRatings}::text[])`);
  return conditions;
}

/** The WHERE condition of a search: the network, the query tree, the filters, restrictions written for `filterAccess`. */
export function whereOf(networkId: number, query: SearchNode | null, filters: SearchFilterValues, filterAccess: FilterAccess): Condition {
  const condition = compileSearchCondition(query, filterAccess);
  const all = [sql<boolean>`network_id = ${networkId}`, ...(condition ? [condition] : []), ...filterConditions(filters, filterAccess)];
  return sql<boolean>`${sql.join(all, sql` AND `)}`;
}

/**
 * A search's WHERE condition, its year and age-rating restrictions written for the cheaper plan
 * (`filterAccessFor`): one EXPLAIN (planning only, ~0.5 ms), only for searches with both words and such a
 * restriction.
 */
export async function searchWhere(db: Db, options: { networkId: number; query: SearchNode | null; filters: SearchFilterValues }): Promise<Condition> {
  const { networkId, query, filters } = options;
  const indexed = whereOf(networkId, query, filters, 'index');
  const indexedFilter = filters.yearFrom !== undefined || filters.yearTo !== undefined || Boolean(filters.ageRatings?.length)
    || (query !== null && hasTerm(query, 'year'));
  if (!indexedFilter || rankTsQuery(query) === null) return indexed;
  return filterAccessFor(await explain(db, indexed)) === 'heap' ? whereOf(networkId, query, filters, 'heap') : indexed;
}

/**
 * Whether a search reads its year and age-rating restrictions through their indexes or tests them row by
 * row, from the planner's plan with the indexes allowed. (An age rating few records have — «12+» in a
 * catalogue of adult books — is the opposite case of a wide year range: its bitmap is tiny, and testing
 * the word's rows one by one would read every one of them.) The planner picks its bitmaps regardless of the LIMIT a search
 * reads with: for a word and a year range it ANDs the year index's bitmap in whenever that lowers the
 * cost of reading *every* match, so a word of 27,000 records limited to 1950–2024 read 599,000 year-index
 * entries (45 ms) to return its first 1,001 rows, where testing the word's rows one by one needs about
 * 1,700 (5 ms). The opposite case is as real: a common word in one decade (47,000 records, 8 % of them
 * in range) takes 42 ms with the bitmaps and 137–206 ms row by row. So when the plan ANDs a bitmap into
 * the full-text one, its own estimates decide — W rows for the words, R entries of the other bitmaps, B
 * rows for both, so f = B / W of the word's rows in range: a search reads up to MATCH_CAP + 1 rows, and
 * a row tested costs HEAP_ROW_COST index entries, so `heap` when
 * HEAP_ROW_COST × min(W, cap / f) < W + R + HEAP_ROW_COST × min(cap, B).
 */
export function filterAccessFor(plan: PlanNode): FilterAccess {
  const bitmapAnd = findPlanNode(plan, (node) => node['Node Type'] === 'BitmapAnd');
  const fullText = bitmapAnd?.Plans?.find((child) => child['Index Name'] === 'bib_records_search');
  if (!bitmapAnd || !fullText) return 'index';
  const words = Math.max(1, fullText['Plan Rows']);
  const both = bitmapAnd['Plan Rows'];
  const others = bitmapAnd.Plans!.filter((child) => child !== fullText).reduce((sum, child) => sum + child['Plan Rows'], 0);
  const inRange = Math.max(both / words, 1e-6);
  const cap = MATCH_CAP + 1;
  const heapCost = HEAP_ROW_COST * Math.min(words, cap / inRange);
  const bitmapCost = words + others + HEAP_ROW_COST * Math.min(cap, both);
  return heapCost < bitmapCost ? 'heap' : 'index';
}

/**
 * A row fetched and tested over an index entry put in a bitmap, in time. Measured on 1,000,000 records:
 * ~0.08 µs an entry (599,000 year entries in 49 ms, 27,000 full-text entries in 2 ms), 3–11 µs a row.
 */
const HEAP_ROW_COST = 50;

function hasTerm(node: SearchNode, field: SearchField): boolean {
  if (node.kind === 'term') return node.field === field;
  if (node.kind === 'not') return hasTerm(node.child, field);
  return node.children.some((child) => hasTerm(child, field));
}

/** A node of EXPLAIN (FORMAT JSON)'s plan, the fields read here. */
export interface PlanNode { 'Node Type': string; 'Plan Rows': number; 'Index Name'?: string; Plans?: PlanNode[] }

/** The planner's plan of the rows matching a condition (EXPLAIN, planning only). */
async function explain(db: Db, where: Condition): Promise<PlanNode> {
  const { rows: [row] } = await sql<{ 'QUERY PLAN': unknown }>`EXPLAIN (FORMAT JSON) SELECT 1 FROM bib_records WHERE ${where}`.execute(db);
  const plan = row?.['QUERY PLAN'];
  return ((typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan: PlanNode }[])[0]!.Plan;
}

function findPlanNode(node: PlanNode, test: (node: PlanNode) => boolean): PlanNode | undefined {
  if (test(node)) return node;
  for (const child of node.Plans ?? []) {
    const found = findPlanNode(child, test);
    if (found) return found;
  }
  return undefined;
}

export type SearchOrder =
  | { kind: 'relevance'; rankQuery: string | null; exactTitle: string | null; exactAuthor: string | null }
  | { kind: 'title' | 'year-desc' | 'year-asc' };

/** Sorted orders (not relevance): the title and year indexes of migration 0008 serve browsing. */
function orderBy(order: Exclude<SearchOrder, { kind: 'relevance' }>): RawBuilder<unknown> {
  switch (order.kind) {
    case 'title': return sql`title_key, id`;
    case 'year-desc': return sql`year DESC NULLS LAST, id DESC`; // index (network_id, year DESC NULLS LAST, id DESC)
    case 'year-asc': return sql`year ASC NULLS LAST, id`; // index (network_id, year ASC NULLS LAST, id), migration 0012
  }
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
const HIT_COLUMNS_OF_B = sql.raw(`b.id, b.schema, b.title, b.subtitle, b.responsibility, b.persons, b.edition, b.place, b.publisher,
  b.year, b.extent, b.series, b.isbns, b.document_type, b.languages, b.bbk, b.author_mark, b.age_rating, b.annotation`);

/**
 * How many matching rows a search reads at most to count, rank and facet. A result up to this size is
 * counted, ranked and faceted exactly; a larger one (a single common word over a million records) is
 * ranked among its first MATCH_CAP matches in storage order plus every exact title/author match, its
 * facets counted over those MATCH_CAP rows and scaled, its total the planner's estimate (from the
 * lexeme statistics ANALYZE keeps: within a few per cent for one word, rougher for several).
 * Reading 500,000 matches to rank them takes seconds; a reader refines such a query anyway.
 */
export const MATCH_CAP = 1_000;

/** The planner's estimate of the matching rows (planning only, about a millisecond; used beyond MATCH_CAP). */
async function estimateMatches(db: Db, where: Condition): Promise<number> {
  return Math.round((await explain(db, where))['Plan Rows']);
}

export type FacetName = 'documentTypes' | 'languages' | 'bbkDivisions' | 'ageRatings' | 'years';
export interface FacetCount { facet: FacetName; value: string; count: number }

export interface HitsResult {
  total: number;
  /** The total is an estimate (more than MATCH_CAP matches) and relevance ranked a capped set. */
  approximate: boolean;
  /** Matching rows read (≤ MATCH_CAP + 1): what facets scale from. */
  matched: number;
  rows: HitRow[];
  /** When asked: the facet counts of the first MATCH_CAP matches (the caller scales them beyond). */
  facets?: FacetCount[];
}

/**
 * The facet counts of the first MATCH_CAP rows of `m` (the matches the hits statement collected, with
 * the FACET_COLUMNS), as one JSON array.
 */
const FACETS_OF_M = sql`(SELECT coalesce(json_agg(f), '[]') FROM (
    WITH fm AS (SELECT * FROM m LIMIT ${MATCH_CAP})
    SELECT 'documentTypes' AS facet, document_type AS value, count(*)::int AS count FROM fm GROUP BY document_type
    UNION ALL SELECT 'languages', l, count(*)::int FROM fm, unnest(fm.languages) AS l GROUP BY l
    UNION ALL SELECT 'bbkDivisions', d, count(*)::int FROM fm, unnest(fm.bbk_divisions) AS d GROUP BY d
    UNION ALL SELECT 'ageRatings', age_rating, count(*)::int FROM fm WHERE age_rating IS NOT NULL GROUP BY age_rating
    UNION ALL SELECT 'years', ((facet_year / 10) * 10)::text, count(*)::int FROM fm WHERE facet_year IS NOT NULL GROUP BY (facet_year / 10) * 10
  ) AS f)`;
const FACET_COLUMNS = sql`, document_type, languages, bbk_divisions, age_rating, year AS facet_year`;

/**
 * A page of hits, the total and, when asked, the facets — in one statement: the first MATCH_CAP + 1
 * matches are collected once (a bitmap scan, so a small result is read once), counted, ordered, the
 * page's rows joined back, and the facets counted over the same rows (before session 4 the facets were a
 * second statement reading the matches again: every public catalogue search asks for them). The answer
 * is one row: the count, the page as a JSON array, the facets as another.
 */
export async function findCatalogueHits(db: Db, options: {
  networkId: number; where: Condition; order: SearchOrder; offset: number; limit: number; withRecords: boolean; facets: boolean;
}): Promise<HitsResult> {
  const { where, order, limit, offset } = options;
  const record = options.withRecords ? sql`, b.record` : sql``;
  const facetColumns = options.facets ? FACET_COLUMNS : sql``;
  let columns: RawBuilder<unknown>;
  let exact: RawBuilder<unknown> = sql``;
  let ranking: RawBuilder<unknown>;
  if (order.kind === 'relevance') {
    const exactTitle = order.exactTitle ?? '';
    const exactAuthor = order.exactAuthor ?? '';
    const rank = order.rankQuery ? sql`ts_rank(search_vector, to_tsquery('russian', ${order.rankQuery}))` : sql`0::real`;
    columns = sql`id, title_key = ${exactTitle} AS exact_title, ${exactAuthor} = ANY(author_keys) AS exact_author, ${rank} AS rank${facetColumns}`;
    // Exact title/author matches join the ranked set even beyond the cap, found by their own indexes
    // alone: the fenced subquery (OFFSET 0) keeps the planner from ANDing the full-text index in, which
    // would read a common word's whole posting list a second time (6.5 ms for 47,000 records).
    if (order.exactTitle || order.exactAuthor) {
      exact = sql`UNION (SELECT ${columns} FROM (SELECT * FROM bib_records WHERE network_id = ${options.networkId}
          AND (title_key = ${exactTitle} OR author_keys @> ARRAY[${exactAuthor}]::text[]) OFFSET 0) AS bib_records
        WHERE ${where} LIMIT 200)`;
    }
    ranking = sql`exact_title DESC, exact_author DESC, rank DESC, id`;
  } else {
    columns = sql`id, title_key, year${facetColumns}`;
    ranking = orderBy(order);
  }
  // A page deeper than MATCH_CAP widens the ranked set to reach it: slower, but never an empty page.
  const readCap = Math.max(MATCH_CAP, offset + limit);
  const { rows: [answer] } = await sql<{ matched: number; hits: (HitRow & { n: number })[]; facets?: FacetCount[] }>`WITH m AS MATERIALIZED (
      SELECT ${columns} FROM bib_records WHERE ${where} LIMIT ${readCap + 1}
    ), c AS (SELECT * FROM m ${exact}),
    p AS (SELECT id, row_number() OVER (ORDER BY ${ranking}) AS n FROM c),
    page AS (SELECT p.n, ${HIT_COLUMNS_OF_B}${record} FROM p JOIN bib_records b ON b.id = p.id
      WHERE p.n > ${offset} AND p.n <= ${offset + limit})
    SELECT (SELECT count(*) FROM m)::int AS matched,
      (SELECT coalesce(json_agg(page ORDER BY n), '[]') FROM page) AS hits
      ${options.facets ? sql`, ${FACETS_OF_M} AS facets` : sql``}`.execute(db);
  const { matched, hits, facets } = answer!;
  const approximate = matched > MATCH_CAP;
  const total = matched > readCap ? Math.max(matched, await estimateMatches(db, where)) : matched;
  const result: HitsResult = { total, approximate, matched, rows: hits.map(({ n: _, ...row }) => row), ...(facets ? { facets } : {}) };
  if (approximate && order.kind !== 'relevance') {
    // A sorted order stays exact beyond the cap, by one of two plans (see sortedPage).
    const { analyzed } = await bibRecordCounts(db);
    const walkIndex = total * total > SORT_WALK_COST[order.kind] * (offset + limit) * analyzed;
    result.rows = await sortedPage(db, { where, order, offset, limit, withRecords: options.withRecords, walkIndex });
  }
  return result;
}

/**
 * The cost of a row read walking a sort's index and tested against the query, over that of a match
 * collected through the full-text index and sorted. Measured on 1,000,000 records (warm, words of
 * 2,900–8,500 matches): the title index ~26 µs a row walked, the year index ~2 µs, collecting ~2 µs a match.
 */
const SORT_WALK_COST: Record<Exclude<SearchOrder, { kind: 'relevance' }>['kind'], number> = { title: 13, 'year-desc': 1, 'year-asc': 1 };

/**
 * A sorted page of a result too large to sort in the capped set. Walking the sort's index, testing each
 * row, reads about (offset + limit) × catalogue ÷ matches rows; collecting all matches through the
 * full-text index and sorting them reads every match. The first wins for common words (a title sort of
 * «история», 47,516 matches of 1,000,000: 3.9 ms against 159 ms), the second for rarer ones («мира», 8,262:
 * 15 ms against 63 ms) — the planner always walks. `walkIndex` when matches² > SORT_WALK_COST ×
 * (offset + limit) × catalogue size, where the two costs meet.
 */
export async function sortedPage(db: Db, options: {
  where: Condition; order: Exclude<SearchOrder, { kind: 'relevance' }>; offset: number; limit: number; withRecords: boolean; walkIndex: boolean;
}): Promise<HitRow[]> {
  const { where, order, offset, limit } = options;
  const record = options.withRecords ? sql`, record` : sql``;
  if (options.walkIndex) {
    return (await sql<HitRow>`SELECT ${HIT_COLUMNS}${record}
      FROM bib_records WHERE ${where} ORDER BY ${orderBy(order)} LIMIT ${limit} OFFSET ${offset}`.execute(db)).rows;
  }
  // The fence (OFFSET 0) plans the matches on their own — the full-text index, no sort index to walk.
  return (await sql<HitRow>`SELECT ${HIT_COLUMNS}${record}
    FROM (SELECT * FROM bib_records WHERE ${where} OFFSET 0) AS matches
    ORDER BY ${orderBy(order)} LIMIT ${limit} OFFSET ${offset}`.execute(db)).rows;
}

/**
 * For each of these words that finds nothing in the network's catalogue, the dictionary words most
 * similar to it (pg_trgm, similarity ≥ 0.3), best first — one statement. A stop word, which full-text
 * ignores, counts as found: there is nothing to correct.
 */
export async function findCorrectionCandidates(db: Db, networkId: number, words: string[]): Promise<{ word: string; candidate: string; similarity: number }[]> {
  if (words.length === 0) return [];
  const { rows } = await sql<{ word: string; candidate: string; similarity: number }>`WITH unmatched AS (
      SELECT w AS word FROM unnest(${words}::text[]) AS w
      WHERE numnode(to_tsquery('russian', w)) > 0
        AND NOT EXISTS (SELECT 1 FROM bib_records b WHERE b.network_id = ${networkId} AND b.search_vector @@ to_tsquery('russian', w))
    )
    SELECT u.word, c.word AS candidate, c.similarity FROM unmatched u
    CROSS JOIN LATERAL (
      SELECT d.word, similarity(d.word, u.word) AS similarity FROM catalogue_words d
      WHERE d.network_id = ${networkId} AND d.word % u.word
      ORDER BY similarity DESC, d.word LIMIT 10
    ) AS c
    ORDER BY u.word, c.similarity DESC, c.word`.execute(db);
  return rows;
}
