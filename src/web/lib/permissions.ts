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
