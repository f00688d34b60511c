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
import { foldKey, primaryAuthors, titleKey, wordsOf } from './keys.js';
import { AGE_RATINGS, ageRatingLabel, decadeLabel, documentTypeLabel, languageLabel } from './labels.js';
import { formatSearchBox, type SearchNode } from './query.js';
import {
  findCatalogueHits, findCorrectionCandidates, MATCH_CAP, rankTsQuery, searchWhere,
  type FacetName, type HitRow, type SearchOrder,
} from './search.queries.js';

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
  total: number; hits: CatalogueHit[]; facets?: CatalogueFacets;
  /**
   * Set when the result is larger than search.queries.ts MATCH_CAP (5,000): the total is then estimated
   * from a sample, relevance ranks the first MATCH_CAP matches plus the exact title/author matches, and
   * facet counts are those of the first MATCH_CAP matches scaled to the total.
   */
  approximate?: true;
  /** Set when typo correction changed the query: the query actually run, and its box text. */
  corrected?: { query: SearchNode; text: string };
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * Searches a network's catalogue. Russian morphology and ё = е through search_vector; field terms
 * restricted to their weights (title A, author B, subject C); isbn with or without hyphens, ISBN-10 =
 * its ISBN-13; ббк by prefix; год exact or a range. Relevance: the record whose title equals the query
 * text first, then one whose primary author is it, then ts_rank. When nothing is found, each word that
 * finds nothing on its own is replaced by the closest word of the catalogue's dictionary, and the
 * corrected query is run and reported.
 */
export async function searchCatalogue(db: Kysely<DB>, networkId: number, request: CatalogueSearchRequest): Promise<CatalogueSearchResult> {
  const result = await run(db, networkId, request, request.query);
  if (result.total > 0 || !request.query || request.correctTypos === false) return result;
  const corrected = await correctTypos(db, networkId, request.query);
  if (!corrected) return result;
  return { ...await run(db, networkId, request, corrected), corrected: { query: corrected, text: formatSearchBox(corrected) } };
}

async function run(db: Kysely<DB>, networkId: number, request: CatalogueSearchRequest, query: SearchNode | null): Promise<CatalogueSearchResult> {
  const where = await searchWhere(db, { networkId, query, filters: request.filters ?? {} });
  const offset = Math.max(0, Math.trunc(request.offset ?? 0));
  const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(request.limit ?? DEFAULT_PAGE_SIZE)));
  const { total, rows, approximate, matched, facets } = await findCatalogueHits(db, {
    networkId, where, order: orderOf(request.sort, query), offset, limit, withRecords: request.withRecords ?? false,
    facets: request.facets ?? false,
  });
  const result: CatalogueSearchResult = { total, hits: rows.map(presentHit) };
  if (approximate) result.approximate = true;
  if (facets) {
    const scale = approximate ? total / Math.min(matched, MATCH_CAP) : 1;
    result.facets = presentFacets(facets.map((row) => ({ ...row, count: Math.max(1, Math.round(row.count * scale)) })));
  }
  return result;
}

function orderOf(sort: CatalogueSort | undefined, query: SearchNode | null): SearchOrder {
  const rankQuery = rankTsQuery(query);
  if (sort === 'title' || sort === 'year-desc' || sort === 'year-asc') return { kind: sort };
  if (!rankQuery && !query) return { kind: 'title' };
  return { kind: 'relevance', rankQuery, exactTitle: exactText(query, 'title'), exactAuthor: exactText(query, 'author') };
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
    isbns: row.isbns, documentType: row.document_type, languages: row.languages, bbk: row.bbk, authorMark: row.author_mark,
    ageRating: row.age_rating as AgeRating | null, annotation: row.annotation,
  };
  if (row.record !== undefined) hit.record = row.record as MarcRecord;
  return hit;
}

const BBK_ORDER = new Map(BBK_DIVISIONS.map((division, index) => [division.code, index]));

function presentFacets(rows: { facet: FacetName; value: string; count: number }[]): CatalogueFacets {
  const of = (facet: FacetName) => rows.filter((row) => row.facet === facet);
  const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || a.label.localeCompare(b.label, 'ru');
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
async function correctTypos(db: Kysely<DB>, networkId: number, query: SearchNode): Promise<SearchNode | undefined> {
  const candidates = new Set<string>();
  const collect = (node: SearchNode, negated: boolean) => {
    if (node.kind === 'not') return collect(node.child, !negated);
    if (node.kind !== 'term') return node.children.forEach((child) => collect(child, negated));
    if (negated || !['any', 'title', 'author', 'subject'].includes(node.field)) return;
    for (const word of wordsOf(node.text)) if (word.length >= 3 && /\p{L}/u.test(word)) candidates.add(word);
  };
  collect(query, false);
  const corrections = new Map<string, string>();
  const best = new Map<string, { candidate: string; distance: number; similarity: number }>();
  for (const { word, candidate, similarity } of await findCorrectionCandidates(db, networkId, [...candidates])) {
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
