import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../server/problem.js';
import { assertCanWriteBranchData, recordAudit, type Actor } from '../auth/index.js';
import { presentStaffMember, staffMemberColumns } from './present.js';
import { findStaffMember, updateStaffMemberRow } from './staff.queries.js';
import type { UpdateStaffMemberInput } from './staff.schemas.js';
import { assertValidStaffMember } from './validate-staff-member.js';

/** Changes a staff member's data; moving them to another branch needs rights on both branches. */
export async function updateStaffMember(options: { trx: Kysely<DB>; actor: Actor; id: number; input: UpdateStaffMemberInput }) {
  const { trx, actor, id, input } = options;
  const existing = await findStaffMember(trx, actor.networkId, id);
  if (!existing) throw notFound('Сотрудник');
  assertCanWriteBranchData(actor, existing.branch_id);
  const before = presentStaffMember(existing);
  const merged = { ...before, ...input };
  await assertValidStaffMember(trx, actor, merged.branchId, merged);
  await updateStaffMemberRow(trx, id, staffMemberColumns(input));
  const after = presentStaffMember((await findStaffMember(trx, actor.networkId, id))!);
  await recordAudit(trx, actor, { action: 'update', entity: 'staff_member', entityId: id, before, after });
  return after;
}
