/** The HTTP shapes of catalogue search (zod: the route, OpenAPI and the web app share them). */
import { z } from '../../../shared/zod.js';
import { ageRatingSchema, bibSchemaSchema } from '../catalogue.schemas.js';
import { CATALOGUE_SORTS, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './search-catalogue.js';

/** A query-string parameter that may be repeated (?type=book&type=map): always an array. */
const repeated = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined || Array.isArray(value) ? value : [value]), z.array(item).max(50)).optional();

/** «12+» arrives as «12 » when the client did not encode the plus: both are read as 12+. */
const ageParam = z.preprocess((value) => (typeof value === 'string' ? `${value.trim().replace(/\+$/, '')}+` : value), ageRatingSchema);
const searchYear = z.coerce.number().int().min(0).max(2100);

export const catalogueSearchQuery = z.object({
  q: z.string().max(500).optional().describe('строка поиска: слова, "фразы", автор: заглавие: тема: isbn: ббк: год:, -исключить'),
  sort: z.enum(CATALOGUE_SORTS).optional().describe('relevance (по умолчанию), title, year-desc, year-asc'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  yearFrom: searchYear.optional(),
  yearTo: searchYear.optional(),
  type: repeated(z.string().trim().min(1).max(30)).describe('вид документа: book, serial, article, …'),
  language: repeated(z.string().trim().regex(/^[a-z]{3}$/, 'код языка MARC из трёх латинских букв')).describe('язык: rus, eng, …'),
  bbk: repeated(z.string().trim().min(1).max(10)).describe('раздел ББК (код таблицы разделов)'),
  age: repeated(ageParam).describe('возрастная маркировка: 0+, 6+, 12+, 16+, 18+'),
  facets: z.stringbool().optional().describe('посчитать фасеты для всего результата'),
}).refine((query) => query.yearFrom === undefined || query.yearTo === undefined || query.yearFrom <= query.yearTo, {
  path: ['yearTo'], message: 'год «по» раньше года «с»',
});
export type CatalogueSearchQuery = z.infer<typeof catalogueSearchQuery>;

export const catalogueHitSchema = z.object({
  id: z.number().int(),
  schema: bibSchemaSchema,
  title: z.string(), subtitle: z.string(), responsibility: z.string(),
  authors: z.array(z.string()),
  edition: z.string(), place: z.string(), publisher: z.string(), year: z.number().int().nullable(), extent: z.string(),
  series: z.array(z.string()), isbns: z.array(z.string()), documentType: z.string(), languages: z.array(z.string()),
  bbk: z.array(z.string()), authorMark: z.string(), ageRating: ageRatingSchema.nullable(), annotation: z.string(),
});

const facetValues = z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() }));

export const catalogueSearchResponse = z.object({
  query: z.string().describe('строка поиска в каноническом виде'),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  hits: z.array(catalogueHitSchema),
  facets: z.object({
    documentTypes: facetValues, languages: facetValues, bbkDivisions: facetValues, ageRatings: facetValues, years: facetValues,
  }).optional(),
  corrected: z.object({
    text: z.string().describe('исправленная строка поиска, по которой показаны результаты'),
    query: z.unknown().describe('дерево исправленного запроса (SearchNode)'),
  }).optional(),
});
