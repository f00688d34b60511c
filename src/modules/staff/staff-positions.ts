import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { invalid, notFound } from '../../server/problem.js';
import { assertCanWriteBranchData, recordAudit, type Actor } from '../auth/index.js';
import { findMissingBranchIds } from '../network/index.js';
import { presentStaffPosition } from './present.js';
import { findStaffPosition, insertStaffPosition, updateStaffPositionRow } from './staff.queries.js';
import type { CreateStaffPositionInput, UpdateStaffPositionInput } from './staff.schemas.js';

function assertDates(validFrom: string, validTo: string | null | undefined) {
  if (validTo && validTo < validFrom) throw invalid('validTo', 'окончание раньше начала');
}

/** Adds an establishment post (штатная единица, may be fractional) to a branch. */
export async function createStaffPosition(options: { trx: Kysely<DB>; actor: Actor; input: CreateStaffPositionInput }) {
  const { trx, actor, input } = options;
  if ((await findMissingBranchIds(trx, actor.networkId, [input.branchId])).length) throw invalid('branchId', 'нет такого филиала в сети');
  assertCanWriteBranchData(actor, input.branchId);
  assertDates(input.validFrom, input.validTo);
  const id = await insertStaffPosition(trx, {
    network_id: actor.networkId, branch_id: input.branchId, title: input.title, rate: input.rate,
    valid_from: input.validFrom, valid_to: input.validTo ?? null,
  });
  const position = presentStaffPosition((await findStaffPosition(trx, actor.networkId, id))!);
  await recordAudit(trx, actor, { action: 'create', entity: 'staff_position', entityId: id, after: position });
  return position;
}

/** Corrects a post or ends it (validTo: the last day it is in the establishment). */
export async function updateStaffPosition(options: { trx: Kysely<DB>; actor: Actor; id: number; input: UpdateStaffPositionInput }) {
  const { trx, actor, id, input } = options;
  const existing = await findStaffPosition(trx, actor.networkId, id);
  if (!existing) throw notFound('Штатная единица');
  assertCanWriteBranchData(actor, existing.branch_id);
  assertDates(input.validFrom ?? existing.valid_from, input.validTo === undefined ? existing.valid_to : input.validTo);
  await updateStaffPositionRow(trx, id, { title: input.title, rate: input.rate, valid_from: input.validFrom, valid_to: input.validTo });
  const before = presentStaffPosition(existing);
  const after = presentStaffPosition((await findStaffPosition(trx, actor.networkId, id))!);
  await recordAudit(trx, actor, { action: 'update', entity: 'staff_position', entityId: id, before, after });
  return after;
}
