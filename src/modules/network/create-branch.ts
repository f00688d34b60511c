import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { conflict } from '../../server/problem.js';
import { assertAdmin, recordAudit, type Actor } from '../auth/index.js';
import { findBranch, findBranchIdByCode, insertBranch, insertBranchEvent } from './network.queries.js';
import type { CreateBranchInput } from './network.schemas.js';
import { branchDetailColumns, presentBranch } from './present.js';

/** Adds a branch to the network together with its 'opened' event. */
export async function createBranch(options: { trx: Kysely<DB>; actor: Actor; input: CreateBranchInput }) {
  const { trx, actor, input } = options;
  assertAdmin(actor);
  if (await findBranchIdByCode(trx, actor.networkId, input.code)) {
    throw conflict('code', `код «${input.code}» уже есть у другого филиала`);
  }
  const id = await insertBranch(trx, {
    network_id: actor.networkId,
    code: input.code,
    name: input.name,
    type: input.type,
    is_public_access_centre: input.isPublicAccessCentre,
    is_model: input.isModel,
    ...branchDetailColumns(input),
  });
  await insertBranchEvent(trx, {
    network_id: actor.networkId, branch_id: id, kind: 'opened', occurred_on: input.openedOn,
    basis_kind: input.basisKind, basis: input.basis, details: { name: input.name },
  });
  const branch = presentBranch((await findBranch(trx, actor.networkId, id))!);
  await recordAudit(trx, actor, { action: 'create', entity: 'branch', entityId: id, after: branch });
  return branch;
}
