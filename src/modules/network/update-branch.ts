import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../server/problem.js';
import { assertCanWriteBranchData, recordAudit, type Actor } from '../auth/index.js';
import { findBranch, updateBranchRow } from './network.queries.js';
import type { UpdateBranchInput } from './network.schemas.js';
import { branchDetailColumns, presentBranch } from './present.js';

/** Updates a branch's contacts and service details (a librarian may do this for their own branch). */
export async function updateBranch(options: { trx: Kysely<DB>; actor: Actor; id: number; input: UpdateBranchInput }) {
  const { trx, actor, id, input } = options;
  const existing = await findBranch(trx, actor.networkId, id);
  if (!existing) throw notFound('Филиал');
  assertCanWriteBranchData(actor, id);
  await updateBranchRow(trx, id, branchDetailColumns(input));
  const before = presentBranch(existing);
  const after = presentBranch((await findBranch(trx, actor.networkId, id))!);
  await recordAudit(trx, actor, { action: 'update', entity: 'branch', entityId: id, before, after });
  return after;
}
