import { z } from '../../shared/zod.js';

const subfieldSchema = z.tuple([z.string(), z.string()]);
const controlFieldSchema = z.object({ tag: z.string(), value: z.string() });
const dataFieldSchema = z.object({ tag: z.string(), ind1: z.string(), ind2: z.string(), subfields: z.array(subfieldSchema) });

/** A MARC record as stored: leader and fields in their order. */
export const marcRecordSchema = z.object({ leader: z.string(), fields: z.array(z.union([controlFieldSchema, dataFieldSchema])) });

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
