import type { Options } from '../../components/fields.js';
import type { Me, ParticipantView, StaffMemberView } from '../../lib/contract.js';
import { canRecordForBranches } from '../../lib/permissions.js';
import { branchOptions, useAllBranches } from '../branches/use-branches.js';
import { useAllStaff } from '../../lib/use-staff.js';

/** The branches and staff a user may name as participants: a librarian, those of their own branches. */
export function useParticipantOptions(me: Me): { branches: Options; staff: StaffMemberView[] } {
  const branches = useAllBranches();
  const staff = useAllStaff();
  return {
    branches: branchOptions(branches ?? [], (branch) => canRecordForBranches(me, [branch.id])),
    staff: (staff ?? []).filter((member) => canRecordForBranches(me, [member.branchId])),
  };
}

/** «Вялова А. В. (Центральная библиотека), Детская библиотека». */
export const participantNames = (participants: ParticipantView[]) =>
  participants.map((p) => (p.staff ? `${p.staff.shortName} (${p.branchName})` : p.branchName)).join(', ');

/** The ids a participants form sends: the checked boxes as numbers. */
export const idsOf = (values: string[]) => values.map(Number);
