import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { recordAudit, type Actor } from '../auth/index.js';
import { presentStaffMember } from './present.js';
import { findStaffMember, insertStaffMember } from './staff.queries.js';
import type { CreateStaffMemberInput } from './staff.schemas.js';
import { assertValidStaffMember } from './validate-staff-member.js';

export async function createStaffMember(options: { trx: Kysely<DB>; actor: Actor; input: CreateStaffMemberInput }) {
  const { trx, actor, input } = options;
  const dates = {
    hiredOn: input.hiredOn,
    dismissedOn: input.dismissedOn ?? null,
    birthDate: input.birthDate ?? null,
    libraryExperienceSince: input.libraryExperienceSince ?? null,
  };
  await assertValidStaffMember(trx, actor, input.branchId, dates);
  const id = await insertStaffMember(trx, {
    network_id: actor.networkId,
    branch_id: input.branchId,
    last_name: input.lastName,
    first_name: input.firstName,
    middle_name: input.middleName,
    position: input.position,
    employment: input.employment,
    is_core_staff: input.isCoreStaff,
    education: input.education,
    has_library_education: input.hasLibraryEducation,
    library_experience_since: dates.libraryExperienceSince,
    birth_date: dates.birthDate,
    has_disability: input.hasDisability,
    hired_on: dates.hiredOn,
    dismissed_on: dates.dismissedOn,
  });
  const member = presentStaffMember((await findStaffMember(trx, actor.networkId, id))!);
  await recordAudit(trx, actor, { action: 'create', entity: 'staff_member', entityId: id, after: member });
  return member;
}
