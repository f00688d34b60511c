/**
 * Catalogue search (issue 4, item 5; Contract 1): the use-case the public catalogue, SRU and the staff
 * UI call. Reads only; open to anyone, so it takes the network rather than an actor.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { MarcRecord } from '../marc/record.js';
import type { MarcSchema } from '../marc/schema.js';
import type { AgeRating, ProjectedPerson } from '../projection/project.js';
import { bbkDivisionLabel, BBK_DIVISIONS } from './bbk-divisions.js';
import { hyphenatedIsbn } from '../description/bibliographic-description.js';
import { foldKey, primaryAuthors, titleKey, wordsOf } from './keys.js';
import { AGE_RATINGS, ageRatingLabel, decadeLabel, documentTypeLabel, languageLabel } from './labels.js';
import type { CatalogueIndex } from './in-memory/catalogue-index.js';
import { searchIndex, type FacetCount, type IndexOrder, type ResolvedTerms, type TitleWithAuthor } from './in-memory/evaluate.js';
import { syncedCatalogueIndex } from './in-memory/index-sync.js';
import { formatSearchBox, termsOf, type SearchNode } from './query.js';
import { findCorrectionCandidates, findHitRows, findIdsByIsbn, findWordLexemes, type HitRow } from './search.queries.js';

export type CatalogueSort = 'relevance' | 'title' | 'year-desc' | 'year-asc';
export const CATALOGUE_SORTS: readonly CatalogueSort[] = ['relevance', 'title', 'year-desc', 'year-asc'];

export interface CatalogueFilters {
  yearFrom?: number; yearTo?: number;
  /** Projection documentType values: book, serial, article, music, map, video, audio, electronic, … */
  documentTypes?: string[];
  /** MARC language codes: rus, eng, … */
  languages?: string[];
  /** Codes of the ББК division table (search/bbk-divisions.ts). */
  bbkDivisions?: string[];
  ageRatings?: AgeRating[];
}

export interface CatalogueSearchRequest {
  /** null: everything (browse), filtered. */
  query: SearchNode | null;
  filters?: CatalogueFilters;
  /** Default relevance (title when there is no query). */
  sort?: CatalogueSort;
  /** Default 0 / 20, limit ≤ 100. */
  offset?: number; limit?: number;
  /** Compute facet counts for the whole result. */
  facets?: boolean;
  /** Default true: a word that matches nothing is replaced by the closest catalogue word. */
  correctTypos?: boolean;
  /** Hits also carry the stored MarcRecord and schema (SRU, export). */
  withRecords?: boolean;
}

export interface CatalogueHit {
  id: number; schema: MarcSchema;
  title: string; subtitle: string; responsibility: string;
  /** Names of primary persons/organisations, in order. */
  authors: string[];
  edition: string; place: string; publisher: string; year: number | null; extent: string; series: string[];
  isbns: string[]; documentType: string; languages: string[]; bbk: string[]; authorMark: string;
  ageRating: AgeRating | null; annotation: string;
  record?: MarcRecord;
}

export interface FacetValue { value: string; label: string; count: number }
export interface CatalogueFacets {
  documentTypes: FacetValue[]; languages: FacetValue[]; bbkDivisions: FacetValue[]; ageRatings: FacetValue[];
  /** By decade, value '1990' = 1990–1999, label '1990-е'. */
  years: FacetValue[];
}

export interface CatalogueSearchResult {
  /** Every match is counted, faceted and ranked. */
  total: number; hits: CatalogueHit[]; facets?: CatalogueFacets;
  /** Set when typo correction changed the query: the query actually run, and its box text. */
  corrected?: { query: SearchNode; text: string };
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * Searches a network's catalogue, on the in-memory index (in-memory/), brought up to date first.
 * Russian morphology and ё = е through the stored search vectors; field terms restricted to their
 * weights (title A, author B, subject C); isbn with or without hyphens, ISBN-10 = its ISBN-13; ббк by
 * prefix; год exact or a range. Relevance: the record whose title equals the query text first, then one
 * whose primary author is it, then ts_rank. When nothing is found, each word that finds nothing on its
 * own is replaced by the closest word of the catalogue's dictionary, and the corrected query is run and
 * reported.
 */
export async function searchCatalogue(db: Kysely<DB>, networkId: number, request: CatalogueSearchRequest): Promise<CatalogueSearchResult> {
  const index = await syncedCatalogueIndex(db);
  const result = await run(db, index, networkId, request, request.query);
  if (result.total > 0 || !request.query || request.correctTypos === false) return result;
  const corrected = await correctTypos(db, index, networkId, request.query);
  if (!corrected) return result;
  return { ...await run(db, index, networkId, request, corrected), corrected: { query: corrected, text: formatSearchBox(corrected) } };
}

async function run(db: Kysely<DB>, index: CatalogueIndex, networkId: number, request: CatalogueSearchRequest, query: SearchNode | null): Promise<CatalogueSearchResult> {
  const offset = Math.max(0, Math.trunc(request.offset ?? 0));
  const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(request.limit ?? DEFAULT_PAGE_SIZE)));
  const order = orderOf(request.sort, query);
  const resolved = await resolveTerms(db, networkId, query);
  const { total, ids, facets } = searchIndex(index, {
    networkId, query, filters: request.filters ?? {}, order, offset, limit, facets: request.facets ?? false,
  }, resolved);
  const rows = new Map((await findHitRows(db, ids, request.withRecords ?? false)).map((row) => [row.id, row]));
  // A record deleted since the index was read is left out of the page.
  const hits = ids.flatMap((id) => {
    const row = rows.get(id);
    return row ? [presentHit(row)] : [];
  });
  return { total, hits, ...(facets ? { facets: presentFacets(facets) } : {}) };
}

/** Query words' lexemes, kept once the stemmer gave them (a word always stems the same). */
const lexemeCache = new Map<string, readonly string[]>();
const LEXEME_CACHE_SIZE = 50_000;

async function lexemesOf(db: Kysely<DB>, words: Iterable<string>): Promise<Map<string, readonly string[]>> {
  const wanted = [...new Set(words)];
  const missing = wanted.filter((word) => !lexemeCache.has(word));
  if (missing.length > 0) {
    if (lexemeCache.size + missing.length > LEXEME_CACHE_SIZE) lexemeCache.clear();
    for (const [word, lexemes] of await findWordLexemes(db, missing)) lexemeCache.set(word, lexemes);
  }
  return new Map(wanted.map((word) => [word, lexemeCache.get(word) ?? []]));
}

/** What the database answers for a query's terms: the words' lexemes, the records of its ISBN terms. */
async function resolveTerms(db: Kysely<DB>, networkId: number, query: SearchNode | null): Promise<ResolvedTerms> {
  const words: string[] = [];
  const ids = new Map<SearchNode, readonly number[]>();
  const lookups: Promise<void>[] = [];
  for (const { term } of query ? termsOf(query) : []) {
    if (term.field === 'isbn') lookups.push(findIdsByIsbn(db, networkId, term.text).then((found) => void ids.set(term, found)));
    else if (term.field !== 'year' && term.field !== 'bbk') words.push(...wordsOf(term.text));
  }
  const [lexemes] = await Promise.all([lexemesOf(db, words), ...lookups]);
  return { lexemes, ids };
}

function orderOf(sort: CatalogueSort | undefined, query: SearchNode | null): IndexOrder {
  if (sort === 'title' || sort === 'year-desc' || sort === 'year-asc') return { kind: sort };
  if (!query) return { kind: 'title' };
  return { kind: 'relevance', exactTitle: exactText(query, 'title'), exactAuthor: exactText(query, 'author'), titleWithAuthor: titleWithAuthor(query) };
}

/** Names run to three words («Толстой Лев Николаевич»). */
const AUTHOR_WORDS_MAX = 3;

/**
 * The ways to read a query of plain words as a title followed or preceded by its author's name, as readers type
 * it: «сказки пушкина», «пушкин сказки», «война и мир толстой» — the author's words at either end, one to three of
 * them, the title the rest. Only for an 'and' of plain unquoted words, none excluded.
 */
function titleWithAuthor(query: SearchNode): TitleWithAuthor[] {
  if (query.kind !== 'and' || query.children.some((term) => term.kind !== 'term' || term.field !== 'any' || term.phrase)) return [];
  const words = query.children.flatMap((term) => wordsOf((term as { text: string }).text));
  const splits: TitleWithAuthor[] = [];
  for (let n = 1; n <= Math.min(AUTHOR_WORDS_MAX, words.length - 1); n++) {
    for (const [title, author] of [[words.slice(0, -n), words.slice(-n)], [words.slice(n), words.slice(0, n)]] as const) {
      const key = titleKey(title.join(' '));
      if (key) splits.push({ titleKey: key, author: { kind: 'and', children: author.map((text) => ({ kind: 'term', field: 'author', text, phrase: false })) } });
    }
  }
  return splits;
}

/**
 * The key an exact title (or author) match compares with: the words of a query that is one term or an
 * 'and' of terms, all of them the plain or that field, none excluded, folded as the stored key is
 * (`titleKey`, `foldKey`). «"Капитанская дочка"» → «капитанская дочка»; «автор:пушкин» → «пушкин».
 */
function exactText(query: SearchNode | null, field: 'title' | 'author'): string | null {
  if (!query) return null;
  const terms = query.kind === 'term' ? [query] : query.kind === 'and' ? query.children : [];
  if (terms.length === 0 || terms.some((term) => term.kind !== 'term' || (term.field !== 'any' && term.field !== field))) return null;
  const text = terms.map((term) => (term as { text: string }).text).join(' ');
  const key = field === 'title' ? titleKey(text) : foldKey(text);
  return key || null;
}

function presentHit(row: HitRow): CatalogueHit {
  const persons = (row.persons ?? []) as ProjectedPerson[];
  const hit: CatalogueHit = {
    id: row.id, schema: row.schema,
    title: row.title, subtitle: row.subtitle, responsibility: row.responsibility,
    authors: primaryAuthors(persons).map((person) => person.name),
    edition: row.edition, place: row.place, publisher: row.publisher, year: row.year, extent: row.extent, series: row.series,
    isbns: row.isbns.map(hyphenatedIsbn), documentType: row.document_type, languages: row.languages, bbk: row.bbk, authorMark: row.author_mark,
    ageRating: row.age_rating as AgeRating | null, annotation: row.annotation,
  };
  if (row.record !== undefined) hit.record = row.record as MarcRecord;
  return hit;
}

/** One collator for the facet labels: localeCompare(…, 'ru') would look one up at every comparison. */
const RUSSIAN = new Intl.Collator('ru');

const BBK_ORDER = new Map(BBK_DIVISIONS.map((division, index) => [division.code, index]));

function presentFacets(rows: FacetCount[]): CatalogueFacets {
  const of = (facet: FacetCount['facet']) => rows.filter((row) => row.facet === facet);
  const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || RUSSIAN.compare(a.label, b.label);
  return {
    documentTypes: of('documentTypes').map((row) => ({ value: row.value, label: documentTypeLabel(row.value), count: row.count })).sort(byCount),
    languages: of('languages').map((row) => ({ value: row.value, label: languageLabel(row.value), count: row.count })).sort(byCount),
    bbkDivisions: of('bbkDivisions').map((row) => ({ value: row.value, label: bbkDivisionLabel(row.value), count: row.count }))
      .sort((a, b) => (BBK_ORDER.get(a.value) ?? 999) - (BBK_ORDER.get(b.value) ?? 999)),
    ageRatings: of('ageRatings').map((row) => ({ value: row.value, label: ageRatingLabel(row.value), count: row.count }))
      .sort((a, b) => AGE_RATINGS.indexOf(a.value as AgeRating) - AGE_RATINGS.indexOf(b.value as AgeRating)),
    years: of('years').map((row) => ({ value: row.value, label: decadeLabel(row.value), count: row.count }))
      .sort((a, b) => Number(b.value) - Number(a.value)),
  };
}

/** Levenshtein distance, for choosing among trigram candidates («дочька»: «дочка» 1 edit, «дочь» 2). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The query with each word that finds nothing replaced by the closest dictionary word; undefined when nothing changed. */
async function correctTypos(db: Kysely<DB>, index: CatalogueIndex, networkId: number, query: SearchNode): Promise<SearchNode | undefined> {
  const candidates = new Set<string>();
  for (const { term, negated } of termsOf(query)) {
    if (negated || !['any', 'title', 'author', 'subject'].includes(term.field)) continue;
    for (const word of wordsOf(term.text)) if (word.length >= 3 && /\p{L}/u.test(word)) candidates.add(word);
  }
  // A word to correct finds nothing on its own; a stop word, which full-text ignores, has nothing to correct.
  const lexemes = await lexemesOf(db, candidates);
  const unmatched = [...candidates].filter((word) => {
    const found = lexemes.get(word)!;
    return found.length > 0 && !found.every((lexeme) => index.hasLexemeInNetwork(lexeme, networkId));
  });
  const corrections = new Map<string, string>();
  const best = new Map<string, { candidate: string; distance: number; similarity: number }>();
  for (const { word, candidate, similarity } of await findCorrectionCandidates(db, networkId, unmatched)) {
    const distance = editDistance(word, candidate);
    const current = best.get(word);
    if (!current || distance < current.distance || (distance === current.distance && similarity > current.similarity)) {
      best.set(word, { candidate, distance, similarity });
    }
  }
  for (const [word, { candidate }] of best) corrections.set(word, candidate);
  if (corrections.size === 0) return undefined;
  const rewrite = (node: SearchNode): SearchNode => {
    switch (node.kind) {
      case 'term': return {
        ...node,
        text: node.text.replace(/[\p{L}\p{N}]+/gu, (token) => {
          const correction = corrections.get(token.toLowerCase().replaceAll('ё', 'е'));
          if (!correction) return token;
          // «Пушкн» → «Пушкин»: the corrected word keeps a capital the reader typed.
          return token[0] !== token[0]!.toLowerCase() ? correction[0]!.toUpperCase() + correction.slice(1) : correction;
        }),
      };
      case 'not': return { kind: 'not', child: rewrite(node.child) };
      case 'and':
      case 'or': return { kind: node.kind, children: node.children.map(rewrite) };
    }
  };
  return rewrite(query);
}
