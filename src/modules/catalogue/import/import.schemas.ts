import { paged, paginationQuery, z } from '../../../shared/zod.js';

export const importFormatSchema = z.enum(['iso2709', 'marcxml']);
export const onMatchSchema = z.enum(['skip', 'replace', 'merge']);

/** Options of an upload, in the query string (the body is the file itself). Empty values mean «определить». */
export const importUploadQuery = z.object({
  fileName: z.string().trim().max(255).default(''),
  format: z.union([importFormatSchema, z.literal('')]).optional(),
  schema: z.union([z.enum(['marc21', 'rusmarc']), z.literal('')]).optional(),
  encoding: z.union([z.enum(['utf-8', 'cp1251', 'marc-8']), z.literal('')]).optional(),
  onMatch: onMatchSchema.default('skip'),
});

export const importRecordErrorSchema = z.object({
  index: z.number(),
  byteOffset: z.number().nullable(),
  code: z.string(),
  reason: z.string(),
});

/** One import: options as chosen or detected, progress, counts. */
export const catalogueImportSchema = z.object({
  id: z.number(),
  fileName: z.string(),
  fileSize: z.number().nullable(),
  bytesRead: z.number(),
  format: importFormatSchema.nullable(),
  schema: z.enum(['marc21', 'rusmarc', 'mixed']).nullable(),
  encoding: z.enum(['utf-8', 'cp1251', 'marc-8', 'mixed']).nullable(),
  /** Which of format, schema, encoding were detected rather than chosen. */
  autoDetected: z.array(z.string()),
  onMatch: onMatchSchema,
  status: z.enum(['running', 'done', 'failed']),
  /** Why the whole import failed, in Russian; '' otherwise. */
  message: z.string(),
  read: z.number(),
  imported: z.number(),
  updated: z.number(),
  skipped: z.number(),
  failed: z.number(),
  /** Bad records' reports kept (the first STORED_ERRORS_MAX); `failed` counts them all. */
  errorsStored: z.number(),
  user: z.object({ id: z.number(), fullName: z.string() }).nullable(),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
});

export const catalogueImportDetailSchema = catalogueImportSchema.extend({ errors: z.array(importRecordErrorSchema) });

export const catalogueImportListQuery = z.object({
  ...paginationQuery,
  status: z.enum(['running', 'done', 'failed']).optional(),
});
export const catalogueImportPageSchema = paged(catalogueImportSchema);

const repeatable = z.union([z.string(), z.array(z.string())]).optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter((v) => v !== ''));

/**
 * What to export: `ids`, or the parameters of GET /catalogue/search (q, sort, yearFrom, yearTo and the
 * repeatable type, language, bbk, age), or nothing — the whole catalogue.
 */
export const exportQuery = z.object({
  format: importFormatSchema.default('iso2709'),
  /** Comma-separated record ids. */
  ids: z.string().regex(/^\d+(,\d+)*$/, 'укажите номера записей через запятую').optional(),
  q: z.string().max(1000).optional(),
  sort: z.enum(['relevance', 'title', 'year-desc', 'year-asc']).optional(),
  yearFrom: z.coerce.number().int().min(0).max(9999).optional(),
  yearTo: z.coerce.number().int().min(0).max(9999).optional(),
  type: repeatable,
  language: repeatable,
  bbk: repeatable,
  age: z.union([z.enum(['0+', '6+', '12+', '16+', '18+']), z.array(z.enum(['0+', '6+', '12+', '16+', '18+']))]).optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
});

/** Before an ISO 2709 export: how many records the selection holds, and those ISO 2709 cannot (MARCXML can). */
export const iso2709CheckSchema = z.object({
  records: z.number(),
  unfit: z.array(z.object({ id: z.number(), title: z.string(), reason: z.string() })),
});
