import { z } from '../../shared/zod.js';

const subfieldSchema = z.tuple([z.string(), z.string()]);
const controlFieldSchema = z.object({ tag: z.string(), value: z.string() });
const dataFieldSchema = z.object({ tag: z.string(), ind1: z.string(), ind2: z.string(), subfields: z.array(subfieldSchema) });

/** A MARC record as stored: leader and fields in their order. */
export const marcRecordSchema = z.object({ leader: z.string(), fields: z.array(z.union([controlFieldSchema, dataFieldSchema])) });

/**
 * Text a record may hold: no control characters but tab and line breaks — NUL cannot be stored at all, and
 * 0x1D–0x1F are ISO 2709's own separators (an export would have to replace them).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;

/** Text for a record (the form's fields, a MARC record sent whole): no control characters, at most `max` characters. */
export function recordText(max?: number) {
  return (max === undefined ? z.string() : z.string().max(max))
    .refine((text) => !CONTROL_CHARACTERS.test(text), 'недопустимый управляющий символ (код меньше 32)');
}
const MARC_TAG = /^[0-9A-Za-z]{3}$/;

/** A MARC record sent whole (the experts' MARC view): its structure checked, each problem named in Russian. */
export const marcRecordInputSchema = z.object({
  leader: z.string().regex(/^[\x20-\x7e]{24}$/, 'маркер записи: 24 символа ASCII'),
  fields: z.array(z.union([
    z.object({ tag: z.string().regex(/^00[0-9]$/, 'метка управляющего поля: 001–009'), value: recordText(9_999) }),
    z.object({
      tag: z.string().regex(MARC_TAG, 'метка поля: три цифры или латинские буквы').refine((tag) => !tag.startsWith('00'), 'поле данных не может иметь метку 00X'),
      ind1: z.string().regex(/^[0-9a-z #|]$/, 'индикатор: одна цифра, строчная латинская буква, пробел, # или |'),
      ind2: z.string().regex(/^[0-9a-z #|]$/, 'индикатор: одна цифра, строчная латинская буква, пробел, # или |'),
      subfields: z.array(z.tuple([z.string().regex(/^[0-9a-zA-Z]$/, 'код подполя: одна цифра или латинская буква'), recordText()])).min(1, 'в поле данных нет подполей'),
    }),
  ])).min(1, 'в записи нет полей'),
});

export const bibSchemaSchema = z.enum(['marc21', 'rusmarc']);
export const ageRatingSchema = z.enum(['0+', '6+', '12+', '16+', '18+']);

export const projectedPersonSchema = z.object({
  name: z.string(),
  kind: z.enum(['person', 'organisation', 'meeting']),
  roles: z.array(z.string()),
  primary: z.boolean(),
  dates: z.string().optional(),
});

/** A catalogue record: its projection for display, and the record itself (for the MARC view and export). */
export const bibRecordSchema = z.object({
  id: z.number(),
  schema: bibSchemaSchema,
  controlNumber: z.string().nullable(),
  controlNumberSource: z.string().nullable(),
  title: z.string(),
  subtitle: z.string(),
  parallelTitles: z.array(z.string()),
  responsibility: z.string(),
  persons: z.array(projectedPersonSchema),
  edition: z.string(),
  place: z.string(),
  publisher: z.string(),
  year: z.number().nullable(),
  extent: z.string(),
  series: z.array(z.string()),
  /** The works a collection holds (RUSMARC 464, MARC21 505). */
  contents: z.array(z.string()),
  isbns: z.array(z.string()),
  invalidIsbns: z.array(z.string()),
  issns: z.array(z.string()),
  languages: z.array(z.string()),
  documentType: z.string(),
  bbk: z.array(z.string()),
  authorMark: z.string(),
  udc: z.array(z.string()),
  subjects: z.array(z.string()),
  keywords: z.array(z.string()),
  annotation: z.string(),
  ageRating: ageRatingSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The bibliographic description per ГОСТ Р 7.0.100-2018, as the public catalogue shows it. */
  description: z.string(),
  record: marcRecordSchema,
});
export type BibRecordView = z.infer<typeof bibRecordSchema>;
