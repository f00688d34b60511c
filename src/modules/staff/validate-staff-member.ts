import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { invalid } from '../../server/problem.js';
import { assertCanWriteBranchData, type Actor } from '../auth/index.js';
import { findMissingBranchIds } from '../network/index.js';

interface StaffDates {
  hiredOn: string;
  dismissedOn: string | null;
  birthDate: string | null;
  libraryExperienceSince: string | null;
}

/** The branch belongs to the network and the actor may change its staff; the dates are in order. */
export async function assertValidStaffMember(db: Kysely<DB>, actor: Actor, branchId: number, dates: StaffDates) {
  if ((await findMissingBranchIds(db, actor.networkId, [branchId])).length) throw invalid('branchId', 'нет такого филиала в сети');
  assertCanWriteBranchData(actor, branchId);
  if (dates.dismissedOn && dates.dismissedOn < dates.hiredOn) throw invalid('dismissedOn', 'дата увольнения раньше даты приёма');
  if (dates.birthDate && dates.birthDate >= dates.hiredOn) throw invalid('birthDate', 'дата рождения должна быть раньше даты приёма');
  if (dates.birthDate && dates.libraryExperienceSince && dates.libraryExperienceSince <= dates.birthDate) {
    throw invalid('libraryExperienceSince', 'начало стажа должно быть позже даты рождения');
  }
}
