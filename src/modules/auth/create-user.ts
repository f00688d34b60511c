import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { conflict } from '../../server/problem.js';
import type { CreateUserInput } from './auth.schemas.js';
import { findUserById, insertUser, loginExists, replaceUserBranches } from './auth.queries.js';
import { hashPassword } from './password.js';
import { assertAdmin, type Actor } from './policy.js';
import { recordAudit } from './record-audit.js';
import { presentUser } from './present-user.js';
import { assertBranchAssignment } from './branch-assignment.js';

export async function createUser(options: { trx: Kysely<DB>; actor: Actor; input: CreateUserInput }) {
  const { trx, actor, input } = options;
  assertAdmin(actor);
  if (await loginExists(trx, input.login)) throw conflict('login', `логин «${input.login}» уже занят`);
  await assertBranchAssignment(trx, actor.networkId, input.role, input.branchIds);
  const id = await insertUser(trx, {
    network_id: actor.networkId,
    login: input.login,
    password_hash: await hashPassword(input.password),
    full_name: input.fullName,
    role: input.role,
  });
  await replaceUserBranches(trx, actor.networkId, id, input.branchIds);
  const user = presentUser((await findUserById(trx, actor.networkId, id))!);
  await recordAudit(trx, actor, { action: 'create', entity: 'user', entityId: id, after: user });
  return user;
}
