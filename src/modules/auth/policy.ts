import type { Role } from '../../db/schema.js';
import { forbidden } from '../../server/problem.js';

/** Who is acting: the signed-in user, as every use-case sees them. */
export interface Actor {
  /** null for the system itself: the CLI and the demo loader. */
  userId: number | null;
  networkId: number;
  login: string;
  fullName: string;
  role: Role;
  /** The branches a librarian may change; empty for other roles. */
  branchIds: number[];
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Администратор',
  methodologist: 'Методист',
  librarian: 'Библиотекарь филиала',
  director: 'Директор',
};

/** Administrators change everything in their network; librarians only their own branches' data. */
export function canWriteBranchData(actor: Actor, branchId: number): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'librarian' && actor.branchIds.includes(branchId);
}

export function assertCanWriteBranchData(actor: Actor, branchId: number): void {
  if (!canWriteBranchData(actor, branchId)) {
    throw forbidden('Изменять данные этого филиала могут только администратор и библиотекари филиала');
  }
}

/** The structure of the network (branches, their history, accounts) is the administrator's. */
export function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw forbidden('Это действие доступно только администратору');
}

/**
 * What the methodologist compiles for the whole network (achievements, the staff's professional
 * development): administrators and methodologists record it for any branch, a librarian only
 * when every branch it concerns is theirs.
 */
export function canRecordForBranches(actor: Actor, branchIds: number[]): boolean {
  if (actor.role === 'admin' || actor.role === 'methodologist') return true;
  return actor.role === 'librarian' && branchIds.length > 0 && branchIds.every((id) => actor.branchIds.includes(id));
}

export function assertCanRecordForBranches(actor: Actor, branchIds: number[]): void {
  if (!canRecordForBranches(actor, branchIds)) {
    throw forbidden('Записывать это для филиала могут администратор, методист и библиотекари этого филиала');
  }
}

/** Network-wide records that belong to no branch (a competition, a seminar): the administrator's and the methodologist's. */
export function assertCanCompileNetworkRecords(actor: Actor): void {
  if (actor.role !== 'admin' && actor.role !== 'methodologist') throw forbidden('Это действие доступно администратору и методисту');
}

/** The system acting on a network from the command line: an administrator with no account. */
export const systemActor = (networkId: number): Actor => ({
  userId: null, networkId, login: 'system', fullName: 'Система', role: 'admin', branchIds: [],
});
