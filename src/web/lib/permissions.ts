/**
 * What the interface offers to whom. The server decides (auth/policy.ts); these mirror
 * its rules only to hide actions a user cannot perform.
 */
import type { Me } from './contract.js';

export const isAdmin = (me: Me) => me.role === 'admin';

/** Administrators change everything; librarians the data of their own branches. */
export const canWriteBranch = (me: Me, branchId: number) =>
  me.role === 'admin' || (me.role === 'librarian' && me.branchIds.includes(branchId));

/** Who may add staff at all (a librarian: to their own branches). */
export const canAddStaff = (me: Me) => me.role === 'admin' || (me.role === 'librarian' && me.branchIds.length > 0);

/** Network-wide records (competitions, seminars, imports from a report): the administrator and the methodologist. */
export const canCompileNetworkRecords = (me: Me) => me.role === 'admin' || me.role === 'methodologist';

/** Achievements of branches (entries, jury, honours): administrators and methodologists anywhere, a librarian for their own branches. */
export const canRecordForBranches = (me: Me, branchIds: number[]) =>
  canCompileNetworkRecords(me) || (me.role === 'librarian' && branchIds.length > 0 && branchIds.every((id) => me.branchIds.includes(id)));

/** Who may record achievements at all (a librarian: for their own branches). */
export const canRecordAchievements = (me: Me) => canCompileNetworkRecords(me) || (me.role === 'librarian' && me.branchIds.length > 0);

/** Cataloguing (creating and editing records): administrators, methodologists and librarians; deleting: see canCompileNetworkRecords. */
export const canCatalogue = (me: Me) => me.role === 'admin' || me.role === 'methodologist' || me.role === 'librarian';
