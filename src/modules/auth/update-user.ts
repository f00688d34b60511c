import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { invalid, notFound } from '../../server/problem.js';
import type { UpdateUserInput } from './auth.schemas.js';
import { deleteSessionsOfUser, findUserById, replaceUserBranches, updateUserRow } from './auth.queries.js';
import { assertBranchAssignment } from './branch-assignment.js';
import { hashPassword } from './password.js';
import { assertAdmin, type Actor } from './policy.js';
import { presentUser } from './present-user.js';
import { recordAudit } from './record-audit.js';

/** Changes a user's name, role, branches, activity or password; a new password or a block ends their sessions. */
export async function updateUser(options: { trx: Kysely<DB>; actor: Actor; id: number; input: UpdateUserInput }) {
  const { trx, actor, id, input } = options;
  assertAdmin(actor);
  const existing = await findUserById(trx, actor.networkId, id);
  if (!existing) throw notFound('Пользователь');
  // An administrator cannot lock themselves out: someone must remain able to manage accounts.
  if (id === actor.userId && input.isActive === false) throw invalid('isActive', 'нельзя заблокировать собственную учётную запись');
  if (id === actor.userId && input.role !== undefined && input.role !== 'admin') {
    throw invalid('role', 'нельзя снять с себя роль администратора');
  }
  const before = presentUser(existing);
  const role = input.role ?? existing.role;
  const branchIds = input.branchIds ?? (role === 'librarian' ? existing.branch_ids : []);
  await assertBranchAssignment(trx, actor.networkId, role, branchIds);
  await updateUserRow(trx, id, {
    full_name: input.fullName,
    role: input.role,
    is_active: input.isActive,
    password_hash: input.password === undefined ? undefined : await hashPassword(input.password),
  });
  await replaceUserBranches(trx, actor.networkId, id, branchIds);
  if (input.password !== undefined || input.isActive === false) await deleteSessionsOfUser(trx, id);
  const after = presentUser((await findUserById(trx, actor.networkId, id))!);
  // The audit log records that a password changed, never the password or its hash.
  await recordAudit(trx, actor, {
    action: 'update', entity: 'user', entityId: id, before,
    after: input.password === undefined ? after : { ...after, passwordChanged: true },
  });
  return after;
}
