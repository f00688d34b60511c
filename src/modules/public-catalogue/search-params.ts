import { z } from '../../shared/zod.js';
import {
  formatSearchBox, parseSearchBox,
  type AgeRating, type CatalogueSearchRequest, type CatalogueSort, type SearchNode,
} from '../catalogue/index.js';

/**
 * The state of a public search page, all of it in the URL (bookmarkable, no session): the box text,
 * the filters the facets and the advanced form set, the sort and the page. Pure.
 */
export interface SearchPageState {
  q: string;
  types: string[];
  languages: string[];
  bbk: string[];
  ages: AgeRating[];
  yearFrom?: number;
  yearTo?: number;
  sort: CatalogueSort;
  page: number;
  /** «Искать точно, как написано»: typo correction off. */
  exact: boolean;
}

export const PAGE_SIZE = 20;
/** Deep pages cost the database and help no reader; the last reachable page. */
export const MAX_PAGE = 250;
export const SORTS: CatalogueSort[] = ['relevance', 'title', 'year-desc', 'year-asc'];
const AGE_RATINGS: AgeRating[] = ['0+', '6+', '12+', '16+', '18+'];

const list = z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.string().trim().max(100)).max(20)).transform((values) => values.filter(Boolean)).catch([]);
const yearParam = z.coerce.number().int().min(0).max(2999).optional().catch(undefined);
const text = (max: number) => z.string().trim().max(max).catch('');

/** Public pages never answer a malformed URL with an error: what does not parse is dropped. */
export const searchQuerySchema = z.object({
  q: text(500).default(''),
  type: list, language: list, bbk: list, age: list,
  yearFrom: z.preprocess((value) => (value === '' ? undefined : value), yearParam),
  yearTo: z.preprocess((value) => (value === '' ? undefined : value), yearParam),
  sort: z.enum(['relevance', 'title', 'year-desc', 'year-asc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1).catch(1),
  exact: z.string().optional().catch(undefined),
  // The advanced form's fields; folded into q by `foldAdvancedFields`.
  author: text(200).optional(), title: text(300).optional(), subject: text(200).optional(),
  isbn: text(50).optional(), bbkIndex: text(50).optional(),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** The advanced form's field names and the search field each fills. */
export const ADVANCED_FIELDS = [
  ['author', 'author'], ['title', 'title'], ['subject', 'subject'], ['isbn', 'isbn'], ['bbkIndex', 'bbk'],
] as const;

/** Whether the request came from the advanced form (it is then redirected to the canonical URL). */
export function hasAdvancedFields(query: SearchQuery): boolean {
  return ADVANCED_FIELDS.some(([name]) => Boolean(query[name]));
}

/**
 * The box text with the advanced fields folded in: each field's text parsed as a box and its plain words
 * put in the field («Пушкин Александр» in «автор» → автор:Пушкин автор:Александр). The same query as typing
 * the prefixes by hand. ISBN and ББК are one code each, taken whole without spaces: parsed as a box, the
 * parentheses of «84(2Рос=Рус)1» would group and the parts of «978 5 389 21146 9» be separate terms.
 */
export function foldAdvancedFields(query: SearchQuery): string {
  const parts: SearchNode[] = [];
  const box = parseSearchBox(query.q);
  if (box) parts.push(box);
  for (const [name, field] of ADVANCED_FIELDS) {
    const text = query[name] ?? '';
    if (field === 'isbn' || field === 'bbk') {
      const code = text.replace(/\s+/gu, '');
      if (/[\p{L}\p{N}]/u.test(code)) parts.push({ kind: 'term', field, text: code, phrase: false });
      continue;
    }
    const node = parseSearchBox(text);
    if (node) parts.push(inField(node, field));
  }
  if (parts.length === 0) return '';
  return formatSearchBox(parts.length === 1 ? parts[0]! : { kind: 'and', children: parts });
}

function inField(node: SearchNode, field: Extract<SearchNode, { kind: 'term' }>['field']): SearchNode {
  switch (node.kind) {
    case 'term': return node.field === 'any' ? { ...node, field } : node;
    case 'not': return { kind: 'not', child: inField(node.child, field) };
    case 'and':
    case 'or': return { kind: node.kind, children: node.children.map((child) => inField(child, field)) };
  }
}

export function stateOf(query: SearchQuery): SearchPageState {
  return {
    q: query.q,
    types: query.type,
    languages: query.language,
    bbk: query.bbk,
    ages: query.age.filter((age): age is AgeRating => (AGE_RATINGS as string[]).includes(age)),
    ...(query.yearFrom === undefined ? {} : { yearFrom: query.yearFrom }),
    ...(query.yearTo === undefined ? {} : { yearTo: query.yearTo }),
    sort: query.sort ?? 'relevance',
    page: query.page,
    exact: query.exact === '1',
  };
}

/** What `searchCatalogue` is asked for this page. */
export function searchRequestOf(state: SearchPageState): CatalogueSearchRequest {
  const query = parseSearchBox(state.q);
  return {
    query,
    filters: {
      ...(state.types.length ? { documentTypes: state.types } : {}),
      ...(state.languages.length ? { languages: state.languages } : {}),
      ...(state.bbk.length ? { bbkDivisions: state.bbk } : {}),
      ...(state.ages.length ? { ageRatings: state.ages } : {}),
      ...(state.yearFrom === undefined ? {} : { yearFrom: state.yearFrom }),
      ...(state.yearTo === undefined ? {} : { yearTo: state.yearTo }),
    },
    // With no words there is no relevance to speak of: the catalogue is browsed by title.
    sort: state.sort === 'relevance' && !query ? 'title' : state.sort,
    offset: (state.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    facets: true,
    correctTypos: !state.exact,
  };
}

/** The URL's query pairs of a state, in a fixed order (one state, one URL); defaults left out. */
export function searchPairs(state: SearchPageState): [string, string][] {
  const pairs: [string, string][] = [];
  if (state.q) pairs.push(['q', state.q]);
  for (const value of state.types) pairs.push(['type', value]);
  for (const value of state.languages) pairs.push(['language', value]);
  for (const value of state.bbk) pairs.push(['bbk', value]);
  for (const value of state.ages) pairs.push(['age', value]);
  if (state.yearFrom !== undefined) pairs.push(['yearFrom', String(state.yearFrom)]);
  if (state.yearTo !== undefined) pairs.push(['yearTo', String(state.yearTo)]);
  if (state.sort !== 'relevance') pairs.push(['sort', state.sort]);
  if (state.exact) pairs.push(['exact', '1']);
  if (state.page > 1) pairs.push(['page', String(state.page)]);
  return pairs;
}

/** The /search URL of a state; a changed state always starts again from page 1 unless a page is given. */
export function searchUrl(state: SearchPageState, change: Partial<SearchPageState> = {}): string {
  const next = { ...state, page: 1, ...change };
  return `/search?${new URLSearchParams(searchPairs(next)).toString()}`;
}

/** The search URL for a box text alone (links to an author's other editions, a subject). */
export function boxSearchUrl(node: SearchNode): string {
  return `/search?${new URLSearchParams({ q: formatSearchBox(node) }).toString()}`;
}

/** Adds the value to a filter list, or removes it when it is there (a facet link toggles). */
export function toggled<T extends string>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}
