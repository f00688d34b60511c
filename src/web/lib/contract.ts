/**
 * The API contract as the web app sees it: every type here is inferred from the zod
 * schemas in the modules' *.schemas.ts, never written by hand, so a change of the
 * contract breaks the web build instead of the page.
 *
 * The schemas are read through `import()` types: type-only, erased from the bundle
 * (no server code reaches the browser). A plain `import type` from a module's
 * *.schemas.ts trips the module-boundary lint rule, which guards src/modules.
 */
import type { z } from 'zod';

type NetworkSchemas = typeof import('../../modules/network/network.schemas.js');
type StaffSchemas = typeof import('../../modules/staff/staff.schemas.js');
type AuthSchemas = typeof import('../../modules/auth/auth.schemas.js');
type SharedSchemas = typeof import('../../shared/zod.js');

/** What a response type becomes after JSON: instants arrive as ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

type Out<S extends z.ZodType> = Json<z.output<S>>;
/** A request body as the client sends it (defaults may be omitted). */
type In<S extends z.ZodType> = z.input<S>;
/** A query string's parameters as the server reads them (all may be omitted). */
type QueryOf<S extends z.ZodType> = Partial<z.output<S>>;

export type Problem = Out<SharedSchemas['problemSchema']>;
export type FieldError = NonNullable<Problem['errors']>[number];
export type Paged<T> = Omit<Out<ReturnType<SharedSchemas['paged']>>, 'items'> & { items: T[] };

// Network: branches, history, service points.
export type NetworkView = Out<NetworkSchemas['networkSchema']>;
export type BranchType = Out<NetworkSchemas['branchTypeSchema']>;
export type BranchEventKind = Out<NetworkSchemas['branchEventKindSchema']>;
export type BasisKind = Out<NetworkSchemas['basisKindSchema']>;
export type ServicePointKind = Out<NetworkSchemas['servicePointKindSchema']>;
export type BranchView = Out<NetworkSchemas['branchSchema']>;
export type BranchCard = Out<NetworkSchemas['branchCardSchema']>;
export type BranchEventView = Out<NetworkSchemas['branchEventSchema']>;
export type ServicePointView = Out<NetworkSchemas['servicePointSchema']>;
export type BranchListQuery = QueryOf<NetworkSchemas['branchListQuery']>;
export type CreateBranchBody = In<NetworkSchemas['createBranchBody']>;
export type UpdateBranchBody = In<NetworkSchemas['updateBranchBody']>;
export type BranchEventBody = In<NetworkSchemas['branchEventBody']>;
export type CreateServicePointBody = In<NetworkSchemas['createServicePointBody']>;

// Staff: people and their training.
export type Employment = Out<StaffSchemas['employmentSchema']>;
export type Education = Out<StaffSchemas['educationSchema']>;
export type TrainingTopic = Out<StaffSchemas['trainingTopicSchema']>;
export type StaffMemberView = Out<StaffSchemas['staffMemberSchema']>;
export type StaffCard = Out<StaffSchemas['staffCardSchema']>;
export type TrainingView = Out<StaffSchemas['trainingSchema']>;
export type StaffListQuery = QueryOf<StaffSchemas['staffListQuery']>;
export type CreateStaffMemberBody = In<StaffSchemas['createStaffMemberBody']>;
export type UpdateStaffMemberBody = In<StaffSchemas['updateStaffMemberBody']>;
export type CreateTrainingBody = In<StaffSchemas['createTrainingBody']>;

// Accounts and the audit log.
export type Role = Out<AuthSchemas['roleSchema']>;
export type Me = Out<AuthSchemas['meSchema']>;
export type LoginBody = In<AuthSchemas['loginBody']>;
export type UserView = Out<AuthSchemas['userSchema']>;
export type CreateUserBody = In<AuthSchemas['createUserBody']>;
export type UpdateUserBody = In<AuthSchemas['updateUserBody']>;
export type AuditQuery = QueryOf<AuthSchemas['auditQuery']>;
export type AuditEntry = Out<AuthSchemas['auditEntrySchema']>;
export type AuditAction = AuditEntry['action'];
