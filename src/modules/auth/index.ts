/**
 * Accounts, roles, sessions and the audit log.
 * Other modules use: Actor and the policy checks, requireActor (routes), recordAudit (use-cases).
 */
export { authRoutes } from './auth.routes.js';
export { createUser } from './create-user.js';
export { listUsers } from './auth.queries.js';
export { createUserBody, type CreateUserInput } from './auth.schemas.js';
export { assertAdmin, assertCanWriteBranchData, canWriteBranchData, ROLE_LABELS, systemActor, type Actor } from './policy.js';
export { assertCanCompileNetworkRecords, assertCanRecordForBranches, canRecordForBranches } from './policy.js';
export { recordAudit } from './record-audit.js';
export { requireActor, resolveActors } from './request-actor.js';
