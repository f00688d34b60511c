import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { invalid } from '../../server/problem.js';
import { assertCanRecordForBranches, type Actor } from '../auth/index.js';
import { findMissingBranchIds } from '../network/index.js';
import { findStaffMemberBranches } from '../staff/index.js';

const unique = (ids: readonly number[]) => [...new Set(ids)];

/** Refuses branch ids that are not the network's, naming the field. */
export async function assertBranchesInNetwork(db: Kysely<DB>, networkId: number, field: string, ids: readonly number[]) {
  const missing = await findMissingBranchIds(db, networkId, unique(ids));
  if (missing.length) throw invalid(field, `нет в сети филиалов с номерами ${missing.join(', ')}`);
}

/** The branch of each staff member; refuses ids that are not the network's staff, naming the field. */
export async function staffBranchesInNetwork(db: Kysely<DB>, networkId: number, field: string, ids: readonly number[]) {
  const branches = await findStaffMemberBranches(db, networkId, unique(ids));
  const missing = unique(ids).filter((id) => !branches.has(id));
  if (missing.length) throw invalid(field, `нет в сети сотрудников с номерами ${missing.join(', ')}`);
  return branches;
}

export interface Participant {
  branchId: number;
  /** null: the branch as a whole. */
  staffMemberId: number | null;
}

/**
 * The participants of a jury, a conference or an honour: each staff member with the branch they
 * work in now (kept with the record, so that a later transfer does not rewrite the year), then
 * the branches named on their own. Every id must be the network's, and the actor must have the
 * right to record for every branch involved.
 */
export async function resolveParticipants(
  db: Kysely<DB>, actor: Actor, ids: { branchIds: readonly number[]; staffMemberIds: readonly number[] },
): Promise<Participant[]> {
  await assertBranchesInNetwork(db, actor.networkId, 'branchIds', ids.branchIds);
  const staffBranches = await staffBranchesInNetwork(db, actor.networkId, 'staffMemberIds', ids.staffMemberIds);
  const participants: Participant[] = [
    ...unique(ids.staffMemberIds).map((staffMemberId) => ({ branchId: staffBranches.get(staffMemberId)!, staffMemberId })),
    ...unique(ids.branchIds).map((branchId) => ({ branchId, staffMemberId: null })),
  ];
  assertCanRecordForBranches(actor, unique(participants.map((p) => p.branchId)));
  return participants;
}
