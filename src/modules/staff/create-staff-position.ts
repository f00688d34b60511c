import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { invalid } from '../../server/problem.js';
import { assertCanWriteBranchData, recordAudit, type Actor } from '../auth/index.js';
import { findMissingBranchIds } from '../network/index.js';
import { presentStaffPosition } from './present.js';
import { findStaffPosition, insertStaffPosition } from './staff.queries.js';
import type { CreateStaffPositionInput } from './staff.schemas.js';

/** Adds an establishment post (штатная единица, may be fractional) to a branch. */
export async function createStaffPosition(options: { trx: Kysely<DB>; actor: Actor; input: CreateStaffPositionInput }) {
  const { trx, actor, input } = options;
  if ((await findMissingBranchIds(trx, actor.networkId, [input.branchId])).length) throw invalid('branchId', 'нет такого филиала в сети');
  assertCanWriteBranchData(actor, input.branchId);
  if (input.validTo && input.validTo < input.validFrom) throw invalid('validTo', 'окончание раньше начала');
  const id = await insertStaffPosition(trx, {
    network_id: actor.networkId, branch_id: input.branchId, title: input.title, rate: input.rate,
    valid_from: input.validFrom, valid_to: input.validTo ?? null,
  });
  const position = presentStaffPosition((await findStaffPosition(trx, actor.networkId, id))!);
  await recordAudit(trx, actor, { action: 'create', entity: 'staff_position', entityId: id, after: position });
  return position;
}
