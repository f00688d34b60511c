import type { Kysely } from 'kysely';
import type { DB, Role } from '../../db/schema.js';
import { invalid } from '../../server/problem.js';
import { findMissingBranchIds } from '../network/index.js';

/** A librarian works at one or more branches of their own network; other roles at none. */
export async function assertBranchAssignment(db: Kysely<DB>, networkId: number, role: Role, branchIds: number[]) {
  if (role === 'librarian' && branchIds.length === 0) {
    throw invalid('branchIds', 'библиотекарю нужно указать хотя бы один филиал');
  }
  if (role !== 'librarian' && branchIds.length > 0) {
    throw invalid('branchIds', 'филиалы указываются только для библиотекаря');
  }
  const missing = await findMissingBranchIds(db, networkId, branchIds);
  if (missing.length) throw invalid('branchIds', `нет таких филиалов в сети: ${missing.join(', ')}`);
}
