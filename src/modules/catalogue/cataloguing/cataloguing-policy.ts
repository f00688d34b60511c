import { forbidden } from '../../../server/problem.js';
import { assertCanCompileNetworkRecords, type Actor } from '../../auth/index.js';

/**
 * Who catalogues. Administrators and methodologists (the network's cataloguing department), and
 * branch librarians too: a branch catalogues what it receives, and the catalogue is the network's
 * one shared catalogue, so a record belongs to no branch. Directors read. Deleting a record removes it
 * for every branch: only the administrator and the methodologist may.
 */
export function canCatalogue(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'methodologist' || actor.role === 'librarian';
}

export function assertCanCatalogue(actor: Actor): void {
  if (!canCatalogue(actor)) throw forbidden('Создавать и править записи каталога могут администратор, методист и библиотекари');
}

export function assertCanDeleteRecords(actor: Actor): void {
  assertCanCompileNetworkRecords(actor);
}
