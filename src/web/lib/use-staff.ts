import type { Options } from '../components/fields.js';
import type { Paged, StaffMemberView } from './contract.js';
import { t } from './messages.js';
import { useApi } from './use-api.js';

/** The most the API lists at once, enough for every employee of a district network. */
const ALL = { pageSize: 500 };

/** Every staff member of the network (for pickers), dismissed ones included. */
export function useAllStaff(): StaffMemberView[] | undefined {
  return useApi<Paged<StaffMemberView>>('/staff', ALL).data?.items;
}

/** Picker options «ФИО — филиал», working staff first; `include` narrows them (a librarian: their branches). */
export function staffOptions(staff: StaffMemberView[], include: (member: StaffMemberView) => boolean = () => true): Options {
  return [...staff]
    .filter(include)
    .sort((a, b) => Number(a.dismissedOn !== null) - Number(b.dismissedOn !== null))
    .map((member) => [String(member.id), t.achievements.staffOption(member.fullName, member.branchName)] as const);
}
