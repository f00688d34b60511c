/** The HTTP shapes of cataloguing (zod: the routes, OpenAPI and the web app share them). */
import { idParam, z } from '../../../shared/zod.js';
import { ageRatingSchema, bibSchemaSchema, marcRecordInputSchema, recordText } from '../catalogue.schemas.js';
import { BIB_FORM_DOCUMENT_TYPES, BIB_FORM_ORGANISATION_KINDS } from './bib-form.js';

/**
 * The form in librarians' terms (Contract 2), with the length limits of what may be sent (`limited`) or without
 * them: the form of a stored record is what its import brought, whatever its length, and loading it for editing
 * must not fail on it. Loose on purpose: the use-cases check it and name the field in Russian («Заглавие:
 * обязательное поле», «ISBN 978-… : неверная контрольная цифра»).
 */
function bibFormShape(limited: boolean) {
  const text = (max: number) => (limited ? recordText(max) : z.string());
  const list = (max: number, items: number) => (limited ? z.array(text(max)).max(items) : z.array(z.string()));
  return z.object({
    documentType: z.enum(BIB_FORM_DOCUMENT_TYPES),
    title: text(1000),
    subtitle: text(1000),
    parallelTitle: text(1000),
    persons: z.array(z.object({
      name: text(300),
      role: text(100).describe('код роли MARC (aut, com, edt, trl, ill…) или роль словами, как в записи'),
    })).max(limited ? 100 : Number.MAX_SAFE_INTEGER),
    organisations: z.array(z.object({
      name: text(500).describe('наименование, как его показывает каталог: «Российская академия наук. Сибирское отделение»'),
      role: text(100).describe('код роли MARC (aut, edt, pbl, orm…) или роль словами, как в записи'),
      kind: z.enum(BIB_FORM_ORGANISATION_KINDS).default('organisation')
        .describe('organisation — организация (MARC21 110/710, RUSMARC 71X с 1-м индикатором 0), meeting — мероприятие: конференция, съезд (MARC21 111/711, RUSMARC 71X с 1-м индикатором 1)'),
    })).max(limited ? 100 : Number.MAX_SAFE_INTEGER).optional()
      .describe('организации и мероприятия; первая организация-автор — основная запись, если среди лиц нет автора; не передано — при правке остаются как были, у новой записи нет'),
    responsibility: text(2000).describe('сведения об ответственности; пусто — строятся из лиц (организации в них не входят)'),
    edition: text(500),
    place: text(500),
    publisher: text(500),
    year: z.number().int().nullable(),
    extent: text(500),
    series: list(500, 20).describe('серии, по одной: «Название ; номер выпуска»'),
    isbns: list(100, 20),
    invalidIsbns: list(100, 20).optional()
      .describe('ISBN с ошибкой, как напечатано в книге (RUSMARC 010 $z, MARC21 020 $z); не передано — при правке остаются как были, у новой записи нет'),
    issns: list(100, 20).optional()
      .describe('ISSN (RUSMARC 011 $a, MARC21 022 $a); не передано — при правке остаются как были, у новой записи нет'),
    language: text(3).describe('код языка MARC: rus, eng, …'),
    bbk: text(500),
    authorMark: text(50),
    udc: text(500),
    subjects: list(500, 100),
    keywords: list(200, 100),
    // 4,000 letters: with Cyrillic's two bytes each, the field stays within ISO 2709's 9,999 bytes.
    annotation: text(4000),
    contents: list(1000, 500).optional()
      .describe('содержание: по одному произведению «Заглавие / Авторы»; не передано — при правке остаётся как было, у новой записи пусто'),
    ageRating: ageRatingSchema.nullable(),
  });
}

/** The form as sent (create, update). */
export const bibFormSchema = bibFormShape(true);

/** A new record: from the form (librarians) or as a MARC record (experts); RUSMARC unless said otherwise. */
export const createBibRecordBody = z.object({
  schema: bibSchemaSchema.default('rusmarc'),
  form: bibFormSchema.optional(),
  record: marcRecordInputSchema.optional().describe('запись MARC целиком (для знатоков MARC) вместо формы'),
  confirmDuplicate: z.boolean().default(false).describe('сохранить, хотя найдены вероятные дубликаты'),
}).refine((body) => (body.form === undefined) !== (body.record === undefined), {
  path: ['form'], message: 'нужна либо форма (form), либо запись MARC (record)',
});
export type CreateBibRecordInput = z.infer<typeof createBibRecordBody>;

/** A change: the form or the whole MARC record, and the `updatedAt` the editor loaded (a stale edit is refused). */
export const updateBibRecordBody = z.object({
  updatedAt: z.string().min(1).describe('updatedAt записи, открытой для правки'),
  form: bibFormSchema.optional(),
  record: marcRecordInputSchema.optional(),
}).refine((body) => (body.form === undefined) !== (body.record === undefined), {
  path: ['form'], message: 'нужна либо форма (form), либо запись MARC (record)',
});
export type UpdateBibRecordInput = z.infer<typeof updateBibRecordBody>;

/** What the edit page loads: the form of a stored record and the version it edits. */
export const bibRecordFormSchema = z.object({
  id: z.number().int(),
  schema: bibSchemaSchema,
  updatedAt: z.string(),
  form: bibFormShape(false),
});

export const duplicatesQuery = z.object({
  isbn: z.string().max(500).optional().describe('ISBN записи; несколько — через запятую'),
  title: z.string().max(1000).optional(),
  author: z.string().max(300).optional().describe('фамилия или «Фамилия, Имя»'),
  year: z.coerce.number().int().min(0).max(3000).optional(),
  excludeId: idParam().optional().describe('запись, которую правят (не дубликат самой себя)'),
});
export type DuplicatesQuery = z.infer<typeof duplicatesQuery>;

export const duplicateCandidateSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  authors: z.array(z.string()),
  publisher: z.string(),
  year: z.number().int().nullable(),
  isbns: z.array(z.string()),
  reason: z.string().describe('почему запись похожа: «тот же ISBN», «похожее заглавие и тот же автор»…'),
});
export const duplicatesSchema = z.object({ candidates: z.array(duplicateCandidateSchema) });
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

const option = z.object({ value: z.string(), label: z.string() });
/** The form's choice lists with their Russian labels (one source: the catalogue's data). */
export const cataloguingOptionsSchema = z.object({
  documentTypes: z.array(option),
  roles: z.array(option),
  organisationRoles: z.array(option).describe('роли организаций и мероприятий'),
  languages: z.array(option),
  ageRatings: z.array(option),
});
