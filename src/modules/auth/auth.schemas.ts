import { id, idParam, isoDate, optionalText, paginationQuery, requiredText, z } from '../../shared/zod.js';

export const roleSchema = z.enum(['admin', 'methodologist', 'librarian', 'director']);

export const loginBody = z.object({
  login: requiredText(100),
  password: z.string().min(1).max(200),
});

const password = z.string().min(8, 'не короче 8 символов').max(200);
const login = z.string().trim().regex(/^[a-z0-9._-]{3,50}$/i, 'от 3 до 50 латинских букв, цифр, точек, дефисов');

export const createUserBody = z.object({
  login,
  password,
  fullName: requiredText(200),
  role: roleSchema,
  branchIds: z.array(id()).max(100).default([]),
}).strict();
export type CreateUserInput = z.infer<typeof createUserBody>;

export const updateUserBody = z.object({
  fullName: requiredText(200).optional(),
  role: roleSchema.optional(),
  branchIds: z.array(id()).max(100).optional(),
  isActive: z.boolean().optional(),
  password: password.optional(),
}).strict();
export type UpdateUserInput = z.infer<typeof updateUserBody>;

export const userSchema = z.object({
  id: z.number().int(),
  login: z.string(),
  fullName: z.string(),
  role: roleSchema,
  isActive: z.boolean(),
  branchIds: z.array(z.number().int()),
  createdAt: z.date(),
});
export type UserView = z.infer<typeof userSchema>;

export const meSchema = z.object({
  userId: z.number().int().nullable(),
  networkId: z.number().int(),
  login: z.string(),
  fullName: z.string(),
  role: roleSchema,
  branchIds: z.array(z.number().int()),
});

export const auditQuery = z.object({
  entity: optionalText(50).optional(),
  entityId: idParam().optional(),
  userId: idParam().optional(),
  from: isoDate().optional(),
  to: isoDate().optional(),
  ...paginationQuery,
});

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.date(),
  action: z.enum(['create', 'update', 'delete']),
  entity: z.string(),
  entityId: z.number().int().nullable(),
  user: z.object({ id: z.number().int(), login: z.string(), fullName: z.string() }).nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
