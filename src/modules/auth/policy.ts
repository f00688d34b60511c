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

/** The system acting on a network from the command line: an administrator with no account. */
export const systemActor = (networkId: number): Actor => ({
  userId: null, networkId, login: 'system', fullName: 'Система', role: 'admin', branchIds: [],
});
