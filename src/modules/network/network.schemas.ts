import { id, idParam, isoDate, optionalText, paginationQuery, requiredText, z } from '../../shared/zod.js';

export const branchTypeSchema = z.enum(['central', 'children', 'rural', 'city', 'other']);
export const basisKindSchema = z.enum(['', 'decision', 'survey', 'expert_conclusion', 'other']);
export const branchEventKindSchema = z.enum(['opened', 'renamed', 'reorganised', 'status_changed', 'liquidated']);
export const servicePointKindSchema = z.enum(['school', 'kindergarten', 'hospital', 'settlement', 'enterprise', 'other']);

const email = z.union([z.literal(''), z.email('неверный адрес электронной почты')]);

/** Contacts and service details: what a librarian keeps up to date without a history. Absent means unchanged (or empty). */
const branchDetails = {
  settlement: optionalText(200).optional(),
  address: optionalText(300).optional(),
  phone: optionalText(100).optional(),
  email: email.optional(),
  openingHours: optionalText(300).optional(),
  workingDays: optionalText(200).optional(),
  populationServed: z.number().int().min(0).max(10_000_000).nullable().optional(),
};

const basis = {
  basisKind: basisKindSchema.default(''),
  basis: optionalText(1000).default(''),
};

export const createBranchBody = z.object({
  code: z.string().trim().regex(/^[\p{L}\p{N}_-]{1,20}$/u, 'до 20 букв, цифр, «-» или «_», без пробелов'),
  name: requiredText(300),
  type: branchTypeSchema,
  isPublicAccessCentre: z.boolean().default(false),
  isModel: z.boolean().default(false),
  ...branchDetails,
  openedOn: isoDate(),
  ...basis,
}).strict();
export type CreateBranchInput = z.infer<typeof createBranchBody>;

export const updateBranchBody = z.object(branchDetails).strict();
export type UpdateBranchInput = z.infer<typeof updateBranchBody>;

/** A dated change in a branch's life; name, type and statuses change only this way, so the past stays readable. */
export const branchEventBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('opened'), occurredOn: isoDate(), ...basis }).strict(),
  z.object({ kind: z.literal('liquidated'), occurredOn: isoDate(), ...basis }).strict(),
  z.object({ kind: z.literal('renamed'), occurredOn: isoDate(), name: requiredText(300), ...basis }).strict(),
  z.object({
    kind: z.literal('status_changed'), occurredOn: isoDate(),
    isPublicAccessCentre: z.boolean().optional(), isModel: z.boolean().optional(), ...basis,
  }).strict(),
  z.object({
    kind: z.literal('reorganised'), occurredOn: isoDate(), type: branchTypeSchema.optional(),
    note: optionalText(1000).default(''), ...basis,
  }).strict(),
]);
export type BranchEventInput = z.infer<typeof branchEventBody>;

export const branchListQuery = z.object({
  activeOn: isoDate().optional(),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  type: branchTypeSchema.optional(),
  q: optionalText(100).optional(),
  ...paginationQuery,
});
export type BranchListQuery = z.infer<typeof branchListQuery>;

export const branchSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  type: branchTypeSchema,
  isPublicAccessCentre: z.boolean(),
  isModel: z.boolean(),
  settlement: z.string(),
  address: z.string(),
  phone: z.string(),
  email: z.string(),
  openingHours: z.string(),
  workingDays: z.string(),
  populationServed: z.number().int().nullable(),
  openedOn: z.string().nullable(),
  liquidatedOn: z.string().nullable().describe('дата ликвидации, если филиал сейчас не работает'),
  isActive: z.boolean().describe('работает сегодня'),
  daysActiveInYear: z.number().int().optional().describe('дней работы в году из фильтра year'),
});
export type BranchView = z.infer<typeof branchSchema>;

export const branchEventSchema = z.object({
  id: z.number().int(),
  kind: branchEventKindSchema,
  occurredOn: z.string(),
  basisKind: basisKindSchema,
  basis: z.string(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
});
export type BranchEventView = z.infer<typeof branchEventSchema>;

const servicePointFields = {
  name: requiredText(300),
  kind: servicePointKindSchema,
  address: optionalText(300),
  openedOn: isoDate().nullable(),
  closedOn: isoDate().nullable(),
};

export const createServicePointBody = z.object({
  branchId: id(),
  ...servicePointFields,
  kind: servicePointFields.kind.optional(),
  address: servicePointFields.address.optional(),
  openedOn: servicePointFields.openedOn.optional(),
  closedOn: servicePointFields.closedOn.optional(),
}).strict();
export type CreateServicePointInput = z.infer<typeof createServicePointBody>;

export const updateServicePointBody = z.object(servicePointFields).partial().strict();
export type UpdateServicePointInput = z.infer<typeof updateServicePointBody>;

export const servicePointSchema = z.object({
  id: z.number().int(),
  branchId: z.number().int(),
  name: z.string(),
  kind: servicePointKindSchema,
  address: z.string(),
  openedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
});
export type ServicePointView = z.infer<typeof servicePointSchema>;

export const branchCardSchema = branchSchema.extend({
  events: z.array(branchEventSchema),
  servicePoints: z.array(servicePointSchema),
});

export const servicePointListQuery = z.object({ branch: idParam().optional() });

export const networkSchema = z.object({ id: z.number().int(), code: z.string(), name: z.string(), fullName: z.string() });
