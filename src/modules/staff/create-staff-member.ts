import type { Insertable, Kysely } from 'kysely';
import type { DB, StaffMembersTable } from '../../db/schema.js';
import { recordAudit, type Actor } from '../auth/index.js';
import { presentStaffMember, staffMemberColumns } from './present.js';
import { findStaffMember, insertStaffMember } from './staff.queries.js';
import type { CreateStaffMemberInput } from './staff.schemas.js';
import { assertValidStaffMember } from './validate-staff-member.js';

export async function createStaffMember(options: { trx: Kysely<DB>; actor: Actor; input: CreateStaffMemberInput }) {
  const { trx, actor, input } = options;
  await assertValidStaffMember(trx, actor, input.branchId, {
    hiredOn: input.hiredOn,
    dismissedOn: input.dismissedOn ?? null,
    birthDate: input.birthDate ?? null,
    libraryExperienceSince: input.libraryExperienceSince ?? null,
  });
  // A create input carries every required field, so its columns make a complete row.
  const columns = staffMemberColumns(input) as Omit<Insertable<StaffMembersTable>, 'network_id'>;
  const id = await insertStaffMember(trx, { ...columns, network_id: actor.networkId });
  const member = presentStaffMember((await findStaffMember(trx, actor.networkId, id))!);
  await recordAudit(trx, actor, { action: 'create', entity: 'staff_member', entityId: id, after: member });
  return member;
}
